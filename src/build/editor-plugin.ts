import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { findYearFolders } from '../content/layout.ts';
import { LANGUAGE_NEUTRAL_FIELDS, YEAR_PATTERN } from '../content/schema.ts';
import { languageName } from '../present/intl.ts';
import { DEFAULT_LANG, FOLDER_NAME_LANGUAGES, LANGUAGES } from '../i18n/languages.ts';
import type { EditorRules } from '../editor/editor-browser.ts';
import {
  decapUiLocale,
  EDITOR_FORMAT,
  editorConfig,
  editorConfigYaml,
  editorSchoolYears,
  FOLDER_KEY,
  repositoryContentFolder,
} from '../editor/editor-config.ts';
import { editorContentSecurityPolicy } from '../editor/editor-csp.ts';
import { editorText, projectFields, type EditorField } from '../editor/editor-fields.ts';
import { editorCanSave, readEditorSettings, type EditorSettings } from '../editor/editor-settings.ts';
import type { EleventyConfig } from './eleventy-types.ts';

/**
 * The web editor at /admin/: Decap CMS's prebuilt script, copied from its npm
 * package (no CDN), our own script (src/editor/editor-browser.ts, bundled here),
 * and the configuration made from the schemas (src/editor/editor-config.ts).
 * templates/admin/ renders the page, config.yml and editor.js from the
 * `editor` global data.
 */

export interface EditorOptions {
  contentDir: string;
  /** The `--path-prefix`, for the "view site" link. */
  pathPrefix?: string;
  /** Defaults to the environment and package.json (readEditorSettings). */
  settings?: EditorSettings;
}

/** What templates/admin/ renders. */
export interface EditorData {
  /** The editor has somewhere to save (a GitHub repository or decap-server). */
  canSave: boolean;
  settings: EditorSettings;
  configYaml: string;
  contentSecurityPolicy: string;
  script: string;
}

const require = createRequire(import.meta.url);
const SCRIPT_ENTRY = fileURLToPath(new URL('../editor/editor-browser.ts', import.meta.url));

/** Decap's dist folder, relative to the working folder (Eleventy's passthrough copy wants relative paths). */
function decapDist(): string {
  const dist = path.join(path.dirname(require.resolve('decap-cms/package.json')), 'dist');
  return path.relative(process.cwd(), dist).split(path.sep).join('/');
}

const requiredInEveryLanguage = (fields: EditorField[], neutral: readonly string[]) =>
  fields.filter((field) => field.required && !neutral.includes(field.name)).map(({ name, label }) => ({ name, label }));

export function editorRules(): EditorRules {
  return {
    format: EDITOR_FORMAT,
    folderKey: FOLDER_KEY,
    languages: [DEFAULT_LANG, ...LANGUAGES.filter((lang) => lang !== DEFAULT_LANG)],
    folderNameLanguages: [...FOLDER_NAME_LANGUAGES],
    defaultLang: DEFAULT_LANG,
    uiLocale: decapUiLocale(),
    languageNames: Object.fromEntries(LANGUAGES.map((lang) => [lang, languageName(lang, DEFAULT_LANG).toLowerCase()])),
    yearCollection: YEAR_PATTERN.source,
    requiredInEveryLanguage: requiredInEveryLanguage(projectFields(), LANGUAGE_NEUTRAL_FIELDS),
    // Said by the script, which has no i18next: the texts with their {{placeholders}}, filled in there.
    messages: {
      missingField: editorText('save.missingField', { label: '{{label}}', language: '{{language}}', code: '{{code}}' }),
      noFolderName: editorText('save.noFolderName'),
    },
    // The list widget's button (for outcomes), which Decap's Greek phrases lack.
    missingPhrases: { editor: { editorWidgets: { list: { add: editorText('decapListAdd'), addType: editorText('decapListAdd') } } } },
  };
}

let bundled: Promise<string> | undefined;

/** /admin/editor.js: the browser script with the rules put in, minified. Made once per process. */
export function editorScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [SCRIPT_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'inline',
    define: { __EDITOR_RULES__: JSON.stringify(editorRules()) },
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}

export async function editorData(options: EditorOptions): Promise<EditorData> {
  const settings = options.settings ?? readEditorSettings();
  const years = await findYearFolders(options.contentDir);
  const siteUrl = process.env.SITE_URL ? `${process.env.SITE_URL.replace(/\/+$/, '')}${options.pathPrefix ?? '/'}` : undefined;
  const config = editorConfig({
    settings,
    contentFolder: repositoryContentFolder(options.contentDir),
    years: editorSchoolYears(years),
    ...(siteUrl ? { siteUrl } : {}),
  });
  return {
    canSave: editorCanSave(settings),
    settings,
    configYaml: editorConfigYaml(config),
    contentSecurityPolicy: editorContentSecurityPolicy(settings),
    script: await editorScript(),
  };
}

/** Adds /admin/ to the site: Decap's files, and the `editor` data for templates/admin/. */
export function registerEditor(eleventyConfig: EleventyConfig, options: EditorOptions): void {
  const dist = decapDist();
  eleventyConfig.addPassthroughCopy({
    [`${dist}/decap-cms.js`]: 'admin/decap-cms.js',
    [`${dist}/decap-cms.js.LICENSE.txt`]: 'admin/decap-cms.js.LICENSE.txt',
    // The parts Decap loads when it needs them, from beside its script.
    [`${dist}/*.decap-cms.js`]: 'admin',
    [`${dist}/*.wasm`]: 'admin',
  });
  eleventyConfig.addGlobalData('editor', () => editorData(options));
}
