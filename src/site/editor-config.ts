import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { classGroupCode, GRADES } from '../content/normalise/grades.ts';
import { countryName } from '../content/normalise/countries.ts';
import {
  LANGUAGE_NEUTRAL_FIELDS,
  projectFrontMatter,
  REQUIRED_NEUTRAL_FIELDS,
  schoolFrontMatter,
  type ProjectFrontMatter,
  type SchoolFrontMatter,
} from '../content/schema.ts';
import { languageName } from '../filters/intl.ts';
import { DEFAULT_LANG, LANGUAGES } from '../i18n/languages.ts';

/**
 * The configuration of the web editor (Decap CMS, at /admin/), made from the
 * same zod schemas that check the content: every front matter field of a
 * project or school file is a field of the editor, with nothing added, so the
 * editor cannot write a field the check refuses (tests/unit/editor-config.test.ts).
 *
 * Decisions, also in the README ("Web editor"):
 * - i18n `multiple_files`: Decap writes `<folder>/index.el.md` and `index.en.md`,
 *   the content format's own names, side by side in two columns. Greek is
 *   Decap's default locale, as it is the site's: its column is the one Decap
 *   validates and shows first.
 * - Language-neutral fields (LANGUAGE_NEUTRAL_FIELDS) are `i18n: false`: edited
 *   once, in the Greek column, and written into the Greek file only, as
 *   `npm run new` writes them and as the bundled projects have them. (Decap's
 *   `duplicate` would write them into both files, but its list widget accepts
 *   only a boolean there.)
 * - Folder names: Decap's own slugs cannot transliterate Greek, so the editor's
 *   script (src/site/editor-browser.ts) names a new project's folder as
 *   `npm run new` does: from the English title, or else the Greek one with
 *   ELOT 743 (src/content/slug.ts), and hands it to Decap as `{{_folder}}`.
 * - School years: Decap has no notion of our YYYY-YYYY folders, so each school
 *   year is a folder collection of its own (`folder: content/<year>`,
 *   `path: '{{slug}}/index'`): the content's years, plus the current and the
 *   next school year so that a new year can be started from the editor.
 * - The school files: Decap allows i18n in a file collection only as one
 *   single file, so `school.el.md` and `school.en.md` are two files of one
 *   collection; the neutral `email` is in the Greek one only.
 * - Media: `media_folder: ''` and `public_folder: ''` in each collection put a
 *   photo in the entry's own folder and reference it by file name, as the
 *   content format expects (`![...](photo-1.jpg)`).
 */

/** The custom format (registered by the editor's script) that reads and writes our Markdown files. */
export const EDITOR_FORMAT = 'archive-markdown';
/** The key of the folder name the editor's script computes for a new project (never written to a file). */
export const FOLDER_KEY = '_folder';
/** The Markdown text below the front matter: Decap's `body` field, not a front matter field. */
export const BODY_FIELD = 'body';
/** Decap's code of its Greek interface (Decap calls it `gr`, not `el`). */
export const DECAP_UI_LOCALE = 'gr';
/** Where `npm run edit` runs decap-server, and the URL Decap looks for it at. */
export const LOCAL_PROXY_PORT = 8081;
export const DEFAULT_LOCAL_BACKEND = `http://localhost:${LOCAL_PROXY_PORT}/api/v1`;

/** School file fields that describe the school rather than one language version (load.ts takes `email` from either file). */
export const SCHOOL_LANGUAGE_NEUTRAL_FIELDS = ['email'] as const satisfies readonly (keyof SchoolFrontMatter)[];

// ---------------------------------------------------------------------------
// Settings: the one place the backend is configured.

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
export function readEditorSettings(
  env: NodeJS.ProcessEnv = process.env,
  fromPackage: Record<string, unknown> = packageEditorSettings(),
): EditorSettings {
  const repository = text(env.CMS_REPOSITORY) ?? text(fromPackage.repository) ?? text(env.GITHUB_REPOSITORY);
  if (repository !== undefined && !REPOSITORY_PATTERN.test(repository)) {
    throw new Error(`The editor's repository "${repository}" is not of the form owner/name (etwinningArchive.editor.repository in package.json, or CMS_REPOSITORY).`);
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

// ---------------------------------------------------------------------------
// Fields, from the zod schemas.

/** A field of Decap's configuration (the part this archive uses). */
export interface EditorField {
  name: string;
  label: string;
  widget: 'string' | 'list' | 'markdown';
  required: boolean;
  hint?: string;
  /**
   * `true`: each language file has its own value; `false`: a language-neutral
   * field, edited once in the default language's column and written into its
   * file only (Decap's `none`; the list widget accepts only a boolean here).
   */
  i18n?: boolean;
  /** Decap's `pattern`: a regular expression and the message shown when the value does not match it. */
  pattern?: [string, string];
  /** For the Markdown body. */
  modes?: string[];
  sanitize_preview?: boolean;
}

interface FieldText {
  label: string;
  hint: string;
  patternMessage?: string;
}

const examples = {
  grades: GRADES.map((grade) => classGroupCode({ grade })).join(', '),
  sections: [classGroupCode({ grade: 5, section: 1 }), classGroupCode({ grade: 6, section: 2 })].join(', '),
  countries: ['GR', 'LV', 'IT'].map((code) => countryName(code, 'el')).join(', '),
  countriesEn: ['PL', 'ES'].map((code) => countryName(code, 'en')).join(', '),
};

/** What a teacher reads beside each project field, in Greek. A field without its text is a type error. */
const PROJECT_TEXTS: Record<keyof ProjectFrontMatter, FieldText> = {
  title: {
    label: 'Τίτλος',
    hint: 'Ο τίτλος του προγράμματος σε αυτή τη γλώσσα (συχνά είναι ο ίδιος, αγγλικός, και στις δύο). Από τον αγγλικό τίτλο γίνεται το όνομα του φακέλου και η διεύθυνση της σελίδας.',
  },
  summary: {
    label: 'Περίληψη',
    hint: 'Προαιρετικά: μία ή δύο προτάσεις για τις λίστες και τις μηχανές αναζήτησης.',
  },
  classes: {
    label: 'Τάξεις',
    hint: `Οι τάξεις που πήραν μέρος, χωρισμένες με κόμμα: ολόκληρες τάξεις (${examples.grades}) ή τμήματα (${examples.sections}). Ισχύουν και για τις δύο γλώσσες.`,
  },
  partners: {
    label: 'Χώρες-εταίροι',
    hint: `Οι χώρες, χωρισμένες με κόμμα, με τη σειρά που θέλετε να εμφανίζονται: στα ελληνικά (${examples.countries}), στα αγγλικά (${examples.countriesEn}) ή με τον κωδικό δύο γραμμάτων (LV). Ισχύουν και για τις δύο γλώσσες.`,
  },
  continues: {
    label: 'Συνέχεια του',
    hint: 'Προαιρετικά: αν το πρόγραμμα συνεχίζει ένα πρόγραμμα προηγούμενης χρονιάς, γράψτε έτος/φάκελο, π.χ. 2014-2015/cool-or-not-too-cool.',
    patternMessage: 'Γράψτε σχολικό έτος και φάκελο, π.χ. 2014-2015/cool-or-not-too-cool',
  },
};

const SCHOOL_TEXTS: Record<keyof SchoolFrontMatter, FieldText> = {
  name: { label: 'Όνομα σχολείου', hint: 'Το όνομα του σχολείου σε αυτή τη γλώσσα.' },
  email: {
    label: 'Email',
    hint: 'Προαιρετικά: η διεύθυνση που δίνει η δήλωση προσβασιμότητας για σχόλια των επισκεπτών.',
    patternMessage: 'Γράψτε μια διεύθυνση email, π.χ. mail@school.gr',
  },
};

interface ZodInternals {
  _zod: { def: { type: string; innerType?: ZodInternals; in?: ZodInternals; out?: ZodInternals; pattern?: RegExp; checks?: ZodInternals[]; format?: string } };
}

/** The schema a field's value ends up checked by: optional and preprocessing steps are looked through. */
function innermost(schema: z.ZodType): ZodInternals {
  let current = schema as unknown as ZodInternals;
  for (;;) {
    const { def } = current._zod;
    if (def.type === 'optional' && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.out) current = def.out;
    else return current;
  }
}

/** A regular expression a string field must match, when its schema has one Decap can use. */
function stringPattern(schema: ZodInternals): RegExp | undefined {
  const { def } = schema._zod;
  const patterns = [def.pattern, ...(def.checks ?? []).map((check) => check._zod.def.pattern)];
  return patterns.find((pattern): pattern is RegExp => pattern instanceof RegExp && pattern.flags === '');
}

/**
 * One Decap field per schema field: a list becomes Decap's `list` (typed as
 * "Δ2, Ε1", which the check reads like any other list), anything else a
 * one-line `string`; optional in the schema is `required: false`.
 */
function fieldsFrom<Shape extends Record<string, z.ZodType>>(
  shape: Shape,
  texts: Record<keyof Shape, FieldText>,
  neutral: readonly string[],
  requiredNeutral: readonly string[],
): EditorField[] {
  return Object.entries(shape).map(([name, schema]) => {
    const inner = innermost(schema);
    const list = inner._zod.def.type === 'array';
    const optional = schema.safeParse(undefined).success;
    const { label, hint, patternMessage } = texts[name as keyof Shape];
    const field: EditorField = {
      name,
      label,
      widget: list ? 'list' : 'string',
      // A neutral field the content requires in one of the files is required here, where it is written once.
      required: !optional || requiredNeutral.includes(name),
      hint,
      i18n: !neutral.includes(name),
    };
    const pattern = list ? undefined : stringPattern(inner);
    if (pattern) field.pattern = [pattern.source, patternMessage ?? label];
    return field;
  });
}

function bodyField(label: string, hint: string): EditorField {
  return {
    name: BODY_FIELD,
    label,
    widget: 'markdown',
    required: false,
    hint,
    i18n: true,
    modes: ['rich_text', 'raw'],
    sanitize_preview: true,
  };
}

export function projectFields(): EditorField[] {
  return [
    ...fieldsFrom(projectFrontMatter.shape, PROJECT_TEXTS, LANGUAGE_NEUTRAL_FIELDS, REQUIRED_NEUTRAL_FIELDS),
    bodyField(
      'Περιγραφή',
      'Η περιγραφή του προγράμματος σε αυτή τη γλώσσα. Οι φωτογραφίες αποθηκεύονται στον φάκελο του προγράμματος· γράψτε σε καθεμία τι δείχνει (εναλλακτικό κείμενο).',
    ),
  ];
}

export function schoolFields(): EditorField[] {
  return [
    ...fieldsFrom(schoolFrontMatter.shape, SCHOOL_TEXTS, SCHOOL_LANGUAGE_NEUTRAL_FIELDS, []),
    bodyField('Εισαγωγή αρχικής σελίδας', 'Το κείμενο της αρχικής σελίδας σε αυτή τη γλώσσα.'),
  ];
}

/**
 * `school.<lang>.md`, one file each: the language-neutral fields (the email)
 * only in the default language's file, so they are written once.
 */
export function schoolFiles(contentFolder: string): Record<string, unknown>[] {
  return LANGUAGES.map((lang) => ({
    name: lang,
    label: `Το σχολείο: ${languageName(lang, 'el').toLowerCase()} (${lang.toUpperCase()})`,
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
    commit_messages: {
      create: 'Νέο: {{collection}} «{{slug}}»',
      update: 'Αλλαγή: {{collection}} «{{slug}}»',
      delete: 'Διαγραφή: {{collection}} «{{slug}}»',
      uploadMedia: 'Φωτογραφία: {{path}}',
      deleteMedia: 'Διαγραφή φωτογραφίας: {{path}}',
    },
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
    locale: DECAP_UI_LOCALE,
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
        label: `Σχολικό έτος ${year.replace('-', '–')}`,
        label_singular: `πρόγραμμα του ${year.replace('-', '–')}`,
        description: `Τα προγράμματα eTwinning της σχολικής χρονιάς ${year.replace('-', '–')}, ένας φάκελος το καθένα με index.el.md και index.en.md.`,
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
        label: 'Σχολείο',
        description: 'Το όνομα του σχολείου και η εισαγωγή της αρχικής σελίδας, σε κάθε γλώσσα.',
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
  return `# Made by src/site/editor-config.ts from the content's schemas: edit that file, not this one.\n${stringify(config, { lineWidth: 0 })}`;
}

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
