import { readFileSync } from 'node:fs';

/**
 * Where the web editor saves: the one place its backend is configured.
 * Read from `etwinningArchive.editor` in package.json; the environment
 * overrides it (see `readEditorSettings`).
 */

/** Where `npm run edit` runs decap-server, and the URL Decap looks for it at. */
export const LOCAL_PROXY_PORT = 8081;
export const DEFAULT_LOCAL_BACKEND = `http://localhost:${LOCAL_PROXY_PORT}/api/v1`;

/**
 * Where the editor saves. Read from `etwinningArchive.editor` in package.json;
 * environment variables override it (see `readEditorSettings`).
 */
export interface EditorSettings {
  /** The GitHub repository, `owner/name`, that the editor commits to. */
  repository?: string;
  /** The branch it commits to. */
  branch: string;
  /** GitHub's API (another one for GitHub Enterprise). */
  apiRoot: string;
  /** The OAuth server that logs teachers in to GitHub (Decap's `base_url`); Decap's default is Netlify's. */
  authUrl?: string;
  /** Its path (Decap's `auth_endpoint`). */
  authEndpoint?: string;
  /** decap-server's API, when the site is built for local editing (`npm run edit`). */
  localBackend?: string;
}

const GITHUB_API = 'https://api.github.com';
const REPOSITORY_PATTERN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

/** The `etwinningArchive.editor` object of package.json (empty when there is none). */
export function packageEditorSettings(file: string | URL = PACKAGE_JSON): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { etwinningArchive?: { editor?: Record<string, unknown> } };
  return manifest.etwinningArchive?.editor ?? {};
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The editor's settings, from one place: `"etwinningArchive": { "editor": { "repository": "owner/name",
 * "branch": "main", "authUrl": "https://…" } }` in package.json. The environment overrides it:
 * `CMS_REPOSITORY`, `CMS_BRANCH`, `CMS_AUTH_URL`, and `CMS_LOCAL_BACKEND` (decap-server's URL, or `true`
 * for the default one; set by `npm run edit`). Without a repository anywhere, `GITHUB_REPOSITORY` (set by
 * GitHub Actions for the repository being built) is used, so a fork's published editor saves to the fork.
 */
export function readEditorSettings(env: NodeJS.ProcessEnv = process.env, fromPackage: Record<string, unknown> = packageEditorSettings()): EditorSettings {
  const repository = text(env.CMS_REPOSITORY) ?? text(fromPackage.repository) ?? text(env.GITHUB_REPOSITORY);
  if (repository !== undefined && !REPOSITORY_PATTERN.test(repository)) {
    throw new Error(
      `The editor's repository "${repository}" is not of the form owner/name (etwinningArchive.editor.repository in package.json, or CMS_REPOSITORY).`,
    );
  }
  const local = text(env.CMS_LOCAL_BACKEND);
  let localBackend: string | undefined;
  if (local !== undefined && !['0', 'false', 'no'].includes(local.toLowerCase())) {
    localBackend = ['1', 'true', 'yes'].includes(local.toLowerCase()) ? DEFAULT_LOCAL_BACKEND : local;
    const { protocol } = new URL(localBackend);
    if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`CMS_LOCAL_BACKEND must be an http(s) URL, not "${local}".`);
  }
  const settings: EditorSettings = {
    branch: text(env.CMS_BRANCH) ?? text(fromPackage.branch) ?? 'main',
    apiRoot: (text(fromPackage.apiRoot) ?? GITHUB_API).replace(/\/+$/, ''),
  };
  if (repository !== undefined) settings.repository = repository;
  const authUrl = text(env.CMS_AUTH_URL) ?? text(fromPackage.authUrl);
  if (authUrl !== undefined) settings.authUrl = authUrl.replace(/\/+$/, '');
  const authEndpoint = text(fromPackage.authEndpoint);
  if (authEndpoint !== undefined) settings.authEndpoint = authEndpoint;
  if (localBackend !== undefined) settings.localBackend = localBackend;
  return settings;
}

/** The editor can save somewhere: to a GitHub repository, or through decap-server. */
export function editorCanSave(settings: EditorSettings): boolean {
  return settings.repository !== undefined || settings.localBackend !== undefined;
}
