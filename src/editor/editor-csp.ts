import type { EditorSettings } from './editor-settings.ts';

/**
 * The Content-Security-Policy of /admin/ only (every other page allows only
 * the site's own files). Decap needs, beyond the site's own scripts:
 * 'unsafe-eval' (it checks its configuration with Ajv, which compiles the
 * schema into a function), inline styles (its CSS-in-JS), blob: and data:
 * images (photos being uploaded), and connections to the backend: GitHub's
 * API, or decap-server on this computer. Nothing is loaded from any other host.
 */
export function editorContentSecurityPolicy(settings: EditorSettings): string {
  const connect = ["'self'"];
  if (settings.localBackend) connect.push(new URL(settings.localBackend).origin);
  else connect.push(new URL(settings.apiRoot).origin);
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
