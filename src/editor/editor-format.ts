import { parse, stringify } from 'yaml';
import { suggestSlug } from '../content/slug.ts';

/**
 * How the web editor (Decap CMS) reads and writes the archive's Markdown files,
 * and names a new project's folder. Pure functions with no Node or browser
 * API: src/editor/editor-browser.ts bundles them into /admin/editor.js, and
 * tests/unit/editor/editor-config.test.ts runs them directly.
 */

/** Front matter between two `---` lines, then the text; a byte order mark and Windows line ends are fine. */
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Decap's entry data from a file: the front matter's fields, and `body` for the text below it. */
export function readMarkdownFile(content: string): Record<string, unknown> {
  const source = content.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(source);
  const rest = (match ? source.slice(match[0].length) : source).replace(/\r\n/g, '\n').replace(/^\n+/, '');
  let data: Record<string, unknown> = {};
  if (match?.[1]) {
    const parsed: unknown = parse(match[1]);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) data = { ...(parsed as Record<string, unknown>) };
    else if (parsed !== null) throw new Error('The front matter is not a list of "field: value" lines.');
  }
  return rest.trim() === '' ? data : { ...data, body: rest };
}

/**
 * A value as it should be written, or undefined to leave the field out: Decap
 * keeps a field a teacher emptied as "" (or a list with an empty item after a
 * trailing comma, or an item of `outcomes` added and left empty), which the
 * check refuses; an absent optional field is fine. An item of a list of
 * objects keeps what was filled in (a title without its address is the
 * check's to report, with its line).
 */
function cleanValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) {
    const items = value.map(cleanValue).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const cleaned = cleanValue(item);
      return cleaned === undefined ? [] : [[key, cleaned] as const];
    });
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/**
 * A file from Decap's entry data: the fields in the editor's order (then any
 * other field the file already had, which the check will report), without
 * empty values or the editor's own `_`-keys, then the text.
 */
export function writeMarkdownFile(data: Record<string, unknown>, sortedKeys: readonly string[] = []): string {
  const keys = [...sortedKeys.filter((key) => key in data), ...Object.keys(data).filter((key) => !sortedKeys.includes(key))];
  const frontMatter: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === 'body' || key.startsWith('_')) continue;
    const value = cleanValue(data[key]);
    if (value !== undefined) frontMatter[key] = value;
  }
  const yaml = Object.keys(frontMatter).length > 0 ? stringify(frontMatter, { lineWidth: 0 }) : '';
  const body = typeof data.body === 'string' ? data.body.replace(/\r\n/g, '\n').trim() : '';
  return `---\n${yaml}---\n${body === '' ? '' : `\n${body}\n`}`;
}

/**
 * A new project's folder name, as `npm run new` makes it (slugFor in
 * src/authoring/new-project.ts): from the English title, which reads naturally
 * in a web address, or else from the first title that gives one, Greek
 * transliterated with ELOT 743; at most 60 characters, cut after a word.
 */
export function projectFolderName(titles: Readonly<Record<string, unknown>>, languages: readonly string[]): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return languages.map((lang) => suggestSlug(text(titles[lang]))).find(Boolean) ?? '';
}

/**
 * Decap's own Greek interface writes one placeholder as "% {Details}", so the
 * reason a save failed is never shown. Each malformed placeholder is written
 * back as the English phrase at the same place names it (`%{details}`).
 */
export function repairPlaceholders(phrases: unknown, english: unknown): unknown {
  if (typeof phrases === 'string') {
    if (typeof english !== 'string') return phrases;
    const names = [...english.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]!);
    return phrases.replace(/%\s*\{\s*(\w+)\s*\}/g, (whole, name: string) => {
      const right = names.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
      return right === undefined ? whole : `%{${right}}`;
    });
  }
  if (phrases !== null && typeof phrases === 'object' && !Array.isArray(phrases)) {
    const other = english !== null && typeof english === 'object' ? (english as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(phrases).map(([key, value]) => [key, repairPlaceholders(value, other[key])]));
  }
  return phrases;
}

/**
 * Decap's phrases with those it lacks filled in from `missing` (its Greek
 * interface has no text for a list's "Add" button); a phrase Decap has is kept.
 */
export function fillMissingPhrases(phrases: unknown, missing: unknown): unknown {
  if (phrases === undefined) return missing;
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isObject(phrases) || !isObject(missing)) return phrases;
  const filled: Record<string, unknown> = { ...phrases };
  for (const [key, value] of Object.entries(missing)) filled[key] = fillMissingPhrases(phrases[key], value);
  return filled;
}
