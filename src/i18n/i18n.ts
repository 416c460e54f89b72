import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { DEFAULT_LANG, LANGUAGES, type Lang } from './languages.ts';

/** Every language's UI text, from `locales/<lang>.json`. */
export const locales: Record<Lang, Record<string, unknown>> = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(new URL(`./locales/${lang}.json`, import.meta.url), 'utf8'))]),
) as Record<Lang, Record<string, unknown>>;

const i18n = i18next.createInstance();
// Synchronous: the resources are already in memory, and templates need `t` at once.
// No escaping here: Nunjucks escapes everything it prints.
void i18n.init({
  resources: Object.fromEntries(LANGUAGES.map((lang) => [lang, { translation: locales[lang] }])),
  lng: DEFAULT_LANG,
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

const fixed = new Map(LANGUAGES.map((lang) => [lang, i18n.getFixedT(lang)]));

/** The UI text for `key` in `lang`; plurals and ordinals via `count` (and `ordinal: true`). */
export function translate(lang: Lang, key: string, options: Record<string, unknown> = {}): string {
  return fixed.get(lang)!(key, options) as string;
}
