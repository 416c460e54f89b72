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

// `{{language, lowercase}}`: a language's name inside a sentence, where Greek writes it in small
// letters ("Τίτλος στα αγγλικά") although Intl gives it as it stands alone ("Αγγλικά"), and English does not.
i18n.services.formatter?.add('lowercase', (value, lng) => String(value).toLocaleLowerCase(lng));

const fixed = new Map(LANGUAGES.map((lang) => [lang, i18n.getFixedT(lang)]));

/**
 * Templates ask for the same texts hundreds of thousands of times in a large
 * archive (the footer with the school's name on every page, "Page 3" in every
 * pagination), and i18next takes some 15 µs for a text with values: each text
 * is made once per language and values. A text whose values are not all
 * plain (strings, numbers, booleans) is made each time; the memory is
 * emptied when it grows large, as texts with a page's own title would make it.
 */
const made = new Map<string, string>();
const MADE_LIMIT = 50_000;

/** The UI text for `key` in `lang`; plurals and ordinals via `count` (and `ordinal: true`). */
export function translate(lang: Lang, key: string, options?: Record<string, unknown>): string {
  if (options !== undefined && !Object.values(options).every((value) => value === undefined || ['string', 'number', 'boolean'].includes(typeof value))) {
    return fixed.get(lang)!(key, options) as string;
  }
  const id = options === undefined ? `${lang}\u0000${key}` : `${lang}\u0000${key}\u0000${JSON.stringify(options)}`;
  let text = made.get(id);
  if (text === undefined) {
    if (made.size >= MADE_LIMIT) made.clear();
    text = fixed.get(lang)!(key, options) as string;
    made.set(id, text);
  }
  return text;
}
