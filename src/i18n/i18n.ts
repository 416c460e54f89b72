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

/**
 * Texts without values are the same on every page, and templates ask for them
 * hundreds of thousands of times in a large archive: each is looked up once.
 */
const plainTexts = new Map<string, string>();

/** The UI text for `key` in `lang`; plurals and ordinals via `count` (and `ordinal: true`). */
export function translate(lang: Lang, key: string, options?: Record<string, unknown>): string {
  if (options === undefined) {
    const id = `${lang}\u0000${key}`;
    let text = plainTexts.get(id);
    if (text === undefined) plainTexts.set(id, (text = fixed.get(lang)!(key) as string));
    return text;
  }
  return fixed.get(lang)!(key, options) as string;
}
