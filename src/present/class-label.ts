import { translate } from '../i18n/i18n.ts';
import type { Lang } from '../i18n/languages.ts';
import { gradeLetters, type ClassGroup, type Grade } from '../content/normalise/grades.ts';

/** Labels made once per grade or class and language: a large archive's pages show them tens of thousands of times. */
const labels = new Map<string, string>();

/** "Ε΄ τάξη" / "5th grade": the grade's name in the page's language. */
export function gradeLabel(grade: Grade, lang: Lang): string {
  const id = `${lang}${grade}`;
  let label = labels.get(id);
  if (label === undefined) {
    label = translate(lang, 'class.grade', { count: grade, ordinal: true, letters: gradeLetters(grade) });
    labels.set(id, label);
  }
  return label;
}

/** "Ε΄" or "ΣΤ1" in Greek, "5th grade" or "6th grade, section 1" in English. */
export function classLabel(group: ClassGroup, lang: Lang): string {
  const id = `${lang}${group.grade}-${group.section ?? ''}`;
  let label = labels.get(id);
  if (label === undefined) {
    const options = { count: group.grade, ordinal: true, letters: gradeLetters(group.grade), section: group.section };
    label = translate(lang, group.section === undefined ? 'class.wholeGrade' : 'class.section', options);
    labels.set(id, label);
  }
  return label;
}
