import { type CountryCode, countryName } from '../content/normalise/countries.ts';
import type { ClassGroup } from '../content/normalise/grades.ts';
import type { Lang } from '../i18n/languages.ts';
import { classLabel, gradeLabel } from './class-label.ts';
import { formatList } from './intl.ts';

/** A project's classes as one phrase: "Εʹ και ΣΤ1" / "5th grade and 6th grade, section 1". */
export function classList(groups: readonly ClassGroup[], lang: Lang): string {
  return formatList(
    groups.map((group) => classLabel(group, lang)),
    lang,
  );
}

/** A project's partner countries as one phrase: "Ελλάδα, Λετονία και Ιταλία" / "Greece, Latvia and Italy". */
export function partnerList(codes: readonly CountryCode[], lang: Lang): string {
  return formatList(
    codes.map((code) => countryName(code, lang)),
    lang,
  );
}

/** The grades of a project's classes, each once, in the classes' order: "Δʹ τάξη", "Εʹ τάξη" for Δ2 and Ε1 and Ε2. */
export function gradeNames(groups: readonly ClassGroup[], lang: Lang): string[] {
  return [...new Set(groups.map((group) => group.grade))].map((grade) => gradeLabel(grade, lang));
}
