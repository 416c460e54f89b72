import type { Lang } from '../i18n/languages.ts';

/**
 * Number, list and collation formatting from Intl, one formatter per language
 * made once: creating Intl objects is costly and pages call these thousands of times.
 */
function perLanguage<T>(make: (lang: Lang) => T): (lang: Lang) => T {
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
const lists = perLanguage((lang) => new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }));
const collators = perLanguage((lang) => new Intl.Collator(lang, { sensitivity: 'base' }));

export function formatNumber(value: number, lang: Lang): string {
  return numbers(lang).format(value);
}

/** "Ελλάδα, Λετονία και Ιταλία" / "Greece, Latvia and Italy" */
export function formatList(items: readonly string[], lang: Lang): string {
  return lists(lang).format(items);
}

/** Sorts by a text in the language's own alphabetical order (Greek collation for Greek). */
export function sortByText<T>(items: readonly T[], text: (item: T) => string, lang: Lang): T[] {
  const collator = collators(lang);
  return [...items].sort((a, b) => collator.compare(text(a), text(b)));
}

/** "2015–2016": a school year (or its folder name, `2015-2016`) with an en dash, as both languages write it. */
export function formatSchoolYear(year: { start: number; end: number } | string): string {
  return typeof year === 'string' ? year.replace('-', '–') : `${year.start}–${year.end}`;
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
