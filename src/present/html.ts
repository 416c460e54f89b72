/**
 * Text put into HTML that the code writes itself (charts, the photos'
 * `<picture>`): `&`, `<`, `>` and `"` escaped, as markdown-it escapes the
 * bodies, so every part of a page escapes alike and nothing twice.
 */
const REPLACEMENTS: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => REPLACEMENTS[char]!);
}
