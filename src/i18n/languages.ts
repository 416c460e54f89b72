/**
 * The languages of the archive. The first one is the default: its pages live at
 * the site's root and it is the `x-default` alternate. Adding a language means
 * adding it here and writing `locales/<code>.json`.
 */
export const LANGUAGES = ['el', 'en'] as const;

export type Lang = (typeof LANGUAGES)[number];

export const DEFAULT_LANG: Lang = LANGUAGES[0];

export function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}
