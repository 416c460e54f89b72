/**
 * The web editor's own script, /admin/editor.js (bundled by src/build/editor-plugin.ts
 * with esbuild). It runs before Decap CMS, which it tells to wait; then it
 * registers how our Markdown files are read and written, names a new
 * project's folder, and starts Decap.
 *
 * This code runs in the browser: the project's tsconfig has no DOM library,
 * so the few browser globals it uses are declared here.
 */
import { fillMissingPhrases, projectFolderName, readMarkdownFile, repairPlaceholders, writeMarkdownFile } from './editor-format.ts';

/** Computed from the schemas by src/build/editor-plugin.ts and put in by esbuild. */
export interface EditorRules {
  format: string;
  folderKey: string;
  languages: string[];
  defaultLang: string;
  /** Decap's code of the interface language. */
  uiLocale: string;
  /** Each language's name in Greek, for messages. */
  languageNames: Record<string, string>;
  /** Names of the school year collections: a regular expression. */
  yearCollection: string;
  /** Fields every language file of a project must have (Decap checks only the default language's). */
  requiredInEveryLanguage: { name: string; label: string }[];
  /** The languages whose titles name a new project's folder, in order of preference. */
  folderNameLanguages: string[];
  /** What a refused save says, in the editor's language; `{{name}}` marks a value. */
  messages: { missingField: string; noFolderName: string };
  /** Phrases of Decap's interface that its own locale may lack, in the editor's language (Decap's `%{name}` placeholders). */
  missingPhrases: Record<string, unknown>;
}

/** A message with its `{{name}}` places filled in. */
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);

declare const __EDITOR_RULES__: EditorRules;

/** The part of an Immutable.js Map (Decap's entries) used here. */
interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: readonly string[]): unknown;
  set(key: string, value: unknown): ImmutableMap;
}

interface DecapCms {
  init(): void;
  getLocale(locale: string): unknown;
  registerLocale(locale: string, phrases: unknown): void;
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile(content: string): object; toFile(data: object, sortedKeys?: string[]): string },
  ): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableMap }) => unknown }): void;
}

const page = globalThis as unknown as {
  CMS_MANUAL_INIT?: boolean;
  CMS?: DecapCms;
  document: { addEventListener(type: string, listener: () => void): void };
};

const rules = __EDITOR_RULES__;
/** Decap's own English phrases, whose placeholders are the right ones. */
const ENGLISH_DECAP_LOCALE = 'en';

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/**
 * Before Decap saves a project: every language file must have its title
 * (Decap checks only the default language's column), and a new project gets
 * its folder name.
 * Returning undefined leaves the entry as it is; throwing stops the save and
 * shows the message.
 */
export function beforeSave(entry: ImmutableMap): ImmutableMap | undefined {
  const collection = String(entry.get('collection'));
  if (!new RegExp(rules.yearCollection).test(collection)) return undefined;
  const data = entry.get('data') as ImmutableMap;
  const localeData = (lang: string) => (lang === rules.defaultLang ? data : (entry.getIn(['i18n', lang, 'data']) as ImmutableMap | undefined));

  for (const lang of rules.languages) {
    const values = localeData(lang);
    // No data in a language: Decap writes no file for it (a project not translated yet).
    if (!values) continue;
    for (const field of rules.requiredInEveryLanguage) {
      if (!hasText(values.get(field.name))) {
        throw new Error(fill(rules.messages.missingField, { label: field.label, language: rules.languageNames[lang] ?? lang, code: lang.toUpperCase() }));
      }
    }
  }
  if (entry.get('newRecord')) {
    const titles = Object.fromEntries(rules.languages.map((lang) => [lang, localeData(lang)?.get('title')]));
    const folder = projectFolderName(titles, rules.folderNameLanguages);
    if (folder === '') throw new Error(rules.messages.noFolderName);
    return data.set(rules.folderKey, folder);
  }
  return undefined;
}

// Decap starts by itself when its script runs, unless told to wait: this script runs first.
page.CMS_MANUAL_INIT = true;
page.document.addEventListener('DOMContentLoaded', () => {
  const cms = page.CMS;
  if (!cms) return;
  const phrases = cms.getLocale(rules.uiLocale);
  if (phrases) cms.registerLocale(rules.uiLocale, fillMissingPhrases(repairPlaceholders(phrases, cms.getLocale(ENGLISH_DECAP_LOCALE)), rules.missingPhrases));
  cms.registerCustomFormat(rules.format, 'md', {
    fromFile: readMarkdownFile,
    toFile: (data, sortedKeys) => writeMarkdownFile(data as Record<string, unknown>, sortedKeys),
  });
  cms.registerEventListener({ name: 'preSave', handler: ({ entry }) => beforeSave(entry) });
  cms.init();
});
