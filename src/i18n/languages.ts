/**
 * The languages of the archive, and the only place their codes are written
 * (besides the locale files and the content's file names). The first one is
 * the default: its pages live at the site's root and it is the `x-default`
 * alternate, and the web editor speaks it. Adding a language means adding it
 * here and writing `locales/<code>.json` with the same keys as the others.
 */
export const LANGUAGES = ['el', 'en'] as const;

export type Lang = (typeof LANGUAGES)[number];

export const DEFAULT_LANG: Lang = LANGUAGES[0];

export function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * English, when the archive has it: the language of messages when no other is
 * asked for (CI logs, any terminal can show it), and the title a new project's
 * folder name is made from first (it reads naturally in a web address).
 */
const ENGLISH = LANGUAGES.find((lang) => lang === 'en');

/** The language commands speak when neither `--lang` nor the terminal's locale says. */
export const MESSAGE_LANG: Lang = ENGLISH ?? DEFAULT_LANG;

/** The languages whose title names a new project's folder, in order of preference. */
export const FOLDER_NAME_LANGUAGES: readonly Lang[] = ENGLISH ? [ENGLISH, ...LANGUAGES.filter((lang) => lang !== ENGLISH)] : LANGUAGES;
