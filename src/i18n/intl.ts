import type { Lang } from './languages.ts';

/**
 * How a language writes a number, a date and a language's name, from Intl,
 * one formatter per language made once: creating Intl objects is costly and
 * pages call these thousands of times. The pages use them (src/present/intl.ts)
 * as the messages about the content do (src/content/messages.ts).
 */
export function perLanguage<T>(make: (lang: Lang) => T): (lang: Lang) => T {
  const made = new Map<Lang, T>();
  return (lang) => {
    let value = made.get(lang);
    if (value === undefined) {
      value = make(lang);
      made.set(lang, value);
    }
    return value;
  };
}

const numbers = perLanguage((lang) => new Intl.NumberFormat(lang));

/** "1.600" / "1,600" */
export function formatNumber(value: number, lang: Lang): string {
  return numbers(lang).format(value);
}

const languageNames = perLanguage((lang) => new Intl.DisplayNames(lang, { type: 'language' }));

/** A language's name in the page's language: "Greek" on an English page. */
export function languageName(code: string, lang: Lang): string {
  return languageNames(lang).of(code) ?? code;
}

const dates = perLanguage((lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }));

/** "26 Νοεμβρίου 2026" / "November 26, 2026", from an ISO date. */
export function formatDate(isoDate: string, lang: Lang): string {
  return dates(lang).format(new Date(`${isoDate}T00:00:00Z`));
}
