import type { Lang } from '../i18n/languages.ts';

const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/u;
const LATIN = /[A-Za-z]/;

/**
 * The language a piece of text is written in, when it is not the page's own:
 * the archive's project titles are often English on Greek pages. Greek script
 * means Greek; Latin script without any Greek on a Greek page means English.
 * Returns undefined when the text is in the page's language, so templates add
 * `lang` only where a screen reader must switch voice.
 */
export function textLang(text: string, pageLang: Lang): Lang | undefined {
  if (GREEK.test(text)) return pageLang === 'el' ? undefined : 'el';
  if (pageLang === 'el' && LATIN.test(text)) return 'en';
  return undefined;
}
