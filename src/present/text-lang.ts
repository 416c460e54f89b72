import { LANGUAGES, LATIN_LETTERS, type Lang, SCRIPTS } from '../i18n/languages.ts';

/**
 * The languages in the order their scripts are looked for: those not written
 * in Latin letters first, since Latin letters turn up in texts of other
 * scripts (an acronym, a name: "Το πρόγραμμα eTwinning") far more often than
 * the other way round. Otherwise in the archive's order.
 */
const LOOKED_FOR: readonly Lang[] = [
  ...LANGUAGES.filter((lang) => SCRIPTS[lang] !== LATIN_LETTERS),
  ...LANGUAGES.filter((lang) => SCRIPTS[lang] === LATIN_LETTERS),
];

/**
 * The language a piece of text is written in, when it is not the page's own:
 * the archive's project titles are often English on Greek pages. It is the
 * first language whose script the text uses (Greek script means Greek; Latin
 * letters without Greek mean the first language written in Latin letters,
 * English here). Returns undefined when that is the page's language or is
 * written in the page's script (which cannot tell them apart), and for a
 * text without letters, so templates add `lang` only where a screen reader
 * must switch voice.
 */
export function textLang(text: string, pageLang: Lang): Lang | undefined {
  const lang = LOOKED_FOR.find((candidate) => SCRIPTS[candidate].test(text));
  if (lang === undefined || SCRIPTS[lang] === SCRIPTS[pageLang]) return undefined;
  return lang;
}
