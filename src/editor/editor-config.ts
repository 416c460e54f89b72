import path from 'node:path';
import { stringify } from 'yaml';
import { DEFAULT_LANG, LANGUAGES } from '../i18n/languages.ts';
import { formatList, formatSchoolYear, languageName } from '../present/intl.ts';
import { editorText, projectFields, schoolFields } from './editor-fields.ts';
import type { EditorSettings } from './editor-settings.ts';

/**
 * The configuration of the web editor (Decap CMS, at /admin/), made from the
 * same zod schemas that check the content: every front matter field of a
 * project or school file is a field of the editor, with nothing added, so the
 * editor cannot write a field the check refuses (tests/unit/editor/editor-config.test.ts).
 *
 * Decisions, also in the README ("Web editor"):
 * - i18n `multiple_files`: Decap writes `<folder>/index.<lang>.md`, one per
 *   language, the content format's own names, side by side in columns. Greek
 *   (the first language) is Decap's default locale, as it is the site's: its
 *   column is the one Decap validates and shows first.
 * - Language-neutral fields (LANGUAGE_NEUTRAL_FIELDS) are `i18n: false`: edited
 *   once, in the Greek column, and written into the Greek file only, as
 *   `npm run new` writes them and as the bundled projects have them. (Decap's
 *   `duplicate` would write them into both files, but its list widget accepts
 *   only a boolean there.)
 * - Folder names: Decap's own slugs cannot transliterate Greek, so the editor's
 *   script (src/editor/editor-browser.ts) names a new project's folder as
 *   `npm run new` does: from the English title, or else the Greek one with
 *   ELOT 743 (src/content/slug.ts), and hands it to Decap as `{{_folder}}`.
 * - School years: Decap has no notion of our YYYY-YYYY folders, so each school
 *   year is a folder collection of its own (`folder: content/<year>`,
 *   `path: '{{slug}}/index'`): the content's years, plus the current and the
 *   next school year so that a new year can be started from the editor.
 * - The school files: Decap allows i18n in a file collection only as one
 *   single file, so the `school.<lang>.md` are files of one collection; the
 *   neutral `email` is in the Greek one only.
 * - Media: `media_folder: ''` and `public_folder: ''` in each collection put a
 *   photo in the entry's own folder and reference it by file name, as the
 *   content format expects (`![...](photo-1.jpg)`).
 */

/** The custom format (registered by the editor's script) that reads and writes our Markdown files. */
export const EDITOR_FORMAT = 'archive-markdown';
/** The key of the folder name the editor's script computes for a new project (never written to a file). */
export const FOLDER_KEY = '_folder';
/** Decap's code of its interface language, the archive's first (Decap calls Greek `gr`, not by its ISO code): `editor.decapLocale`. */
export const decapUiLocale = () => editorText('decapLocale');

/**
 * The content folder's path inside the repository, which is what Decap's paths
 * are relative to: the folder given to the build, relative to the working
 * folder (the repository), or its name when it lies elsewhere (a test's copy,
 * served by a decap-server that runs in the copy's parent folder).
 */
export function repositoryContentFolder(contentDir: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, contentDir));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return path.basename(path.resolve(cwd, contentDir));
  return relative.split(path.sep).join('/');
}

/**
 * The school years the editor offers, newest first: those of the content, the
 * current one and the next one (a school year starts on 1 September).
 */
export function editorSchoolYears(contentYears: readonly string[], today: Date = new Date()): string[] {
  const start = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  const years = new Set([...contentYears, `${start}-${start + 1}`, `${start + 1}-${start + 2}`]);
  return [...years].sort().reverse();
}

/**
 * `school.<lang>.md`, one file each: the language-neutral fields (the email)
 * only in the default language's file, so they are written once.
 */
export function schoolFiles(contentFolder: string): Record<string, unknown>[] {
  return LANGUAGES.map((lang) => ({
    name: lang,
    label: editorText('school.file', { language: languageName(lang, DEFAULT_LANG).toLowerCase(), code: lang.toUpperCase() }),
    file: `${contentFolder}/school.${lang}.md`,
    fields: schoolFields()
      .filter((field) => lang === DEFAULT_LANG || field.i18n !== false)
      .map(({ i18n: _, ...field }) => field),
  }));
}

// ---------------------------------------------------------------------------
// The whole configuration.

export interface EditorConfigOptions {
  settings: EditorSettings;
  /** The content folder's path inside the repository (see `repositoryContentFolder`). */
  contentFolder: string;
  /** The school years to offer (see `editorSchoolYears`). */
  years: readonly string[];
  /** The published site's address, for Decap's "view site" link. */
  siteUrl?: string;
}

/** Decap's configuration object (written to /admin/config.yml). */
export function editorConfig(options: EditorConfigOptions): Record<string, unknown> {
  const { settings, contentFolder, years } = options;
  const backend: Record<string, unknown> = {
    name: 'github',
    // Decap requires a repository; without one the page says the editor is not configured.
    repo: settings.repository ?? 'OWNER/REPOSITORY',
    branch: settings.branch,
    api_root: settings.apiRoot,
    // Decap fills in its own {{collection}}, {{slug}} and {{path}}: they are handed through as they are.
    commit_messages: Object.fromEntries(
      ['create', 'update', 'delete', 'uploadMedia', 'deleteMedia'].map((kind) => [
        kind,
        editorText(`commits.${kind}`, { collection: '{{collection}}', slug: '{{slug}}', path: '{{path}}' }),
      ]),
    ),
  };
  if (settings.authUrl) backend.base_url = settings.authUrl;
  if (settings.authEndpoint) backend.auth_endpoint = settings.authEndpoint;

  const config: Record<string, unknown> = { backend };
  if (settings.localBackend) config.local_backend = { url: settings.localBackend };
  if (options.siteUrl) {
    config.site_url = options.siteUrl;
    config.display_url = options.siteUrl;
  }
  Object.assign(config, {
    locale: decapUiLocale(),
    // The editor's own media library; a project's photos go into its folder (each collection's media_folder).
    media_folder: 'public/media',
    public_folder: '/media',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    i18n: {
      structure: 'multiple_files',
      // The default language first: Decap shows the first locale in the left pane and validates the default one.
      locales: [DEFAULT_LANG, ...LANGUAGES.filter((lang) => lang !== DEFAULT_LANG)],
      default_locale: DEFAULT_LANG,
    },
    // School years first, newest first: adding a project is what teachers come for.
    collections: [
      ...years.map((year) => ({
        name: year,
        label: editorText('year.label', { year: formatSchoolYear(year) }),
        label_singular: editorText('year.labelSingular', { year: formatSchoolYear(year) }),
        description: editorText('year.description', {
          year: formatSchoolYear(year),
          files: formatList(
            LANGUAGES.map((lang) => `index.${lang}.md`),
            DEFAULT_LANG,
          ),
        }),
        folder: `${contentFolder}/${year}`,
        path: '{{slug}}/index',
        slug: `{{${FOLDER_KEY}}}`,
        identifier_field: 'title',
        summary: '{{title}}',
        sortable_fields: ['title'],
        create: true,
        extension: 'md',
        format: EDITOR_FORMAT,
        i18n: true,
        media_folder: '',
        public_folder: '',
        fields: projectFields(),
      })),
      {
        name: 'school',
        label: editorText('school.label'),
        description: editorText('school.description'),
        format: EDITOR_FORMAT,
        delete: false,
        files: schoolFiles(contentFolder),
      },
    ],
  });
  return config;
}

/** The configuration as Decap reads it: /admin/config.yml. */
export function editorConfigYaml(config: Record<string, unknown>): string {
  return `# Made by src/editor/editor-config.ts from the content's schemas: edit that file, not this one.\n${stringify(config, { lineWidth: 0 })}`;
}
