/**
 * The languages of the archive, and the only place their codes are written
 * (besides the locale files and the content's file names). The first one is
 * the default: its pages live at the site's root and it is the `x-default`
 * alternate, and the web editor speaks it. Adding a language means adding it
 * here (and its script in SCRIPTS) and writing `locales/<code>.json` with the
 * same keys as the others; README.md, "Adding a language", says the rest.
 */
export const LANGUAGES = ['el', 'en'] as const;

export type Lang = (typeof LANGUAGES)[number];

export const DEFAULT_LANG: Lang = LANGUAGES[0];

export function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Letters of the scripts the languages are written in. Greek is the Greek and
 * Coptic block and Greek Extended (polytonic letters), signs such as the
 * numeral sign ʹ included; Latin is every letter of the Latin script.
 */
const GREEK_LETTERS = /[\u0370-\u03ff\u1f00-\u1fff]/u;
export const LATIN_LETTERS = /\p{Script=Latin}/u;

/**
 * The script each language is written in, as a pattern that finds one of its
 * letters: a text in another script than its page's is marked with its
 * language (src/present/text-lang.ts), so that a screen reader switches voice.
 * Languages written in the same script share the same pattern object.
 */
export const SCRIPTS: Readonly<Record<Lang, RegExp>> = { el: GREEK_LETTERS, en: LATIN_LETTERS };

/**
 * Greek, which the old archive pages that `npm run import` reads are written
 * in: its reader of sentences knows Greek words ("συμμετέχει στο πρόγραμμα"),
 * grades and country names in their Greek cases, whatever the archive's
 * languages. An archive without Greek cannot import such a page (this line
 * then fails to type-check, which says so).
 */
export const GREEK: Lang = 'el';

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
