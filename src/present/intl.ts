import { perLanguage } from '../i18n/intl.ts';
import type { Lang } from '../i18n/languages.ts';

// Numbers, dates and language names are written the same in the messages about the content: their formatters live in i18n.
export { formatDate, formatNumber, languageName } from '../i18n/intl.ts';

/** List and collation formatting from Intl, one formatter per language made once (see perLanguage). */
const lists = perLanguage((lang) => new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }));
const collators = perLanguage((lang) => new Intl.Collator(lang, { sensitivity: 'base' }));

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
