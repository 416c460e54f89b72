/**
 * Grades and sections of a Greek primary school (Δημοτικό): six grades,
 * Α΄ to ΣΤ΄, each possibly split into numbered sections (ΣΤ1, ΣΤ2…).
 * Teachers write them in many ways (see DESIGN.md); this module reads all
 * of them into one `ClassGroup` and writes one canonical form back.
 */
import { foldForMatching, greekLookalikes, nearest, splitGreekList, type Candidate, type Parsed } from './text.ts';

export type { Parsed } from './text.ts';

export type Grade = 1 | 2 | 3 | 4 | 5 | 6;

/** A whole grade (`section` absent) or one numbered section of it. */
export interface ClassGroup {
  grade: Grade;
  section?: number;
}

export const GRADES: readonly Grade[] = Object.freeze([1, 2, 3, 4, 5, 6] as const);

const LETTERS = ['Α', 'Β', 'Γ', 'Δ', 'Ε', 'ΣΤ'] as const;

/** The grade's Greek numeral without its numeral sign: 'Α' … 'ΣΤ'. */
export function gradeLetters(grade: Grade): string {
  return LETTERS[grade - 1]!;
}

/**
 * Marks written after a Greek numeral. The proper one is the keraia
 * U+0374 (NFD turns it into U+02B9); Greek keyboards give the tonos U+0384,
 * and people also use the ASCII apostrophe, smart quotes, acute accents,
 * primes and backticks, which all look the same on screen.
 */
const NUMERAL_SIGN = "['\u2019\u2018\u00B4\u0384\u0374\u02B9\u02BC\u02CA\u2032\u0060\u1FFD\u1FEF\uFF07]";

/**
 * Folded grade letters. `ϛ` (stigma) is how the numeral 6 is traditionally
 * written, so `ϛ΄` is a correct spelling of ΣΤ΄.
 */
const FOLDED_GRADE: Readonly<Record<string, Grade>> = {
  α: 1,
  β: 2,
  γ: 3,
  δ: 4,
  ε: 5,
  στ: 6,
  ϛ: 6,
};

/**
 * Letters typed with the keyboard left on the Latin layout: on a Greek
 * keyboard G is Γ, D is Δ and S is Σ (so `ST1` is ΣΤ1). They do not look
 * like the Greek letters, so they are not in LATIN_TO_GREEK_LOOKALIKE, but
 * in a grade they cannot mean anything else.
 */
const LATIN_KEYBOARD: Readonly<Record<string, string>> = { g: 'γ', d: 'δ', s: 'σ' };

// An optional article or noun before the grade, as in the school's page:
// "Η Στ' Δημοτικού", "Το τμήμα ΣΤ1", "Τα τμήματα Δ2 (και Ε1)"; also the
// pupils of it, as other pages write: "Οι μαθητές της Ε' τάξης", "Οι
// μαθητές του τμήματος Ε2".
const PREFIX =
  String.raw`(?:(?:οι|τα)\s)?(?:(?:μαθητεσ|μαθητριεσ|παιδια)\s(?:τησ|του|των)\s)?` +
  String.raw`(?:(?:η|οι|το|τα)\s)?(?:(?:ταξη|ταξεισ|ταξησ|ταξεων|τμημα|τμηματα|τμηματοσ|τμηματων)\s)?`;
// Optional words after it: "Ε' τάξη", "Ε' τάξη του Δημοτικού", "Στ' Δημοτικού".
const SUFFIX = String.raw`(?:\s(?:ταξη|ταξεισ|ταξησ))?(?:\s(?:του\s)?δημοτικου)?`;
// The grade, an optional numeral sign, and an optional one-digit section,
// possibly separated by a space, a hyphen or a dot (ΣΤ1, ΣΤ 1, ΣΤ-1, Ε΄1).
// A second digit is refused: `Ε10` is more likely a typo than a tenth section.
const CLASS_GROUP = new RegExp(String.raw`^${PREFIX}(στ|ϛ|[αβγδε])\s?${NUMERAL_SIGN}?(?:\s?[-.]?\s?([1-9]))?${SUFFIX}$`, 'u');

const LEADING_WORDS = new RegExp(`^${PREFIX}`, 'u');
const TRAILING_WORDS = new RegExp(`${SUFFIX}$`, 'u');
const ANY_NUMERAL_SIGN = new RegExp(NUMERAL_SIGN, 'gu');

/** Fold typed input so every accepted spelling of a grade looks alike. */
function foldClassGroup(raw: string): string {
  return greekLookalikes(foldForMatching(raw)).replace(/[gds]/g, (c) => LATIN_KEYBOARD[c] ?? c);
}

/** Read a class group as a teacher typed it, e.g. `Ε'`, `Στ΄`, `ΣΤ 1`, `E1`. */
export function parseClassGroup(raw: string): Parsed<ClassGroup> {
  const folded = foldClassGroup(raw);
  const match = CLASS_GROUP.exec(folded);
  const grade = match ? FOLDED_GRADE[match[1]!] : undefined;
  if (match && grade !== undefined) {
    const section = match[2];
    return { ok: true, value: section === undefined ? { grade } : { grade, section: Number(section) } };
  }
  // Compare only the part that should have been the grade, with one kind
  // of numeral sign, so that "Η Ζ΄ τάξη" is measured as "ζ'".
  const query = folded.replace(LEADING_WORDS, '').replace(TRAILING_WORDS, '').replace(ANY_NUMERAL_SIGN, "'");
  return { ok: false, suggestions: nearest(query, suggestionCandidates(/^[\d -]+$/.test(query))) };
}

/**
 * Read the classes a sentence names together: "Οι Α', Β' και Γ΄ τάξεις",
 * "Τα τμήματα Δ2 και Ε1", "Η Ε' και ΣΤ' Δημοτικού". Each item is read as
 * parseClassGroup reads it; the words around the list stay with its first
 * and last item, where parseClassGroup expects them.
 */
export function parseClassList(raw: string): { value: ClassGroup[]; refused: { value: string; suggestions: string[] }[] } {
  const value: ClassGroup[] = [];
  const refused: { value: string; suggestions: string[] }[] = [];
  for (const item of splitGreekList(raw)) {
    const parsed = parseClassGroup(item);
    if (!parsed.ok) refused.push({ value: item, suggestions: parsed.suggestions });
    else if (!value.some((group) => classGroupKey(group) === classGroupKey(parsed.value))) value.push(parsed.value);
  }
  return { value, refused };
}

/** Short ASCII key for URLs and ids: '5' for Ε΄, '6-1' for ΣΤ1. */
export function classGroupKey(c: ClassGroup): string {
  return c.section === undefined ? String(c.grade) : `${c.grade}-${c.section}`;
}

/**
 * The canonical way to write a class group in content files: `Ε'` (ASCII
 * apostrophe, which every keyboard and the GitHub editor can type) for a
 * whole grade, `ΣΤ1` for a section (Greek schools write sections without
 * the numeral sign).
 */
export function classGroupCode(c: ClassGroup): string {
  return c.section === undefined ? `${gradeLetters(c.grade)}'` : `${gradeLetters(c.grade)}${c.section}`;
}

/** By grade; a whole grade before its own sections; then by section number. */
export function compareClassGroups(a: ClassGroup, b: ClassGroup): number {
  return a.grade - b.grade || (a.section ?? 0) - (b.section ?? 0);
}

/** Lexicographic over the lists; a list that is a prefix of the other comes first. */
export function compareClassLists(a: readonly ClassGroup[], b: readonly ClassGroup[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const order = compareClassGroups(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

const candidates = new Map<boolean, Candidate[]>();

/**
 * What a rejected input may have meant: every grade and its sections 1–4
 * (enough for any Greek primary school's usual size), in canonical order.
 * Input made only of Arabic numerals (`5`, `6-1`, `51`) is compared with
 * the numeric keys instead, so a teacher who wrote `5` is pointed to `Ε'`;
 * other input is compared with the folded codes, where single-digit keys
 * would be as near to any one letter as the right grade is.
 */
function suggestionCandidates(numeric: boolean): Candidate[] {
  let list = candidates.get(numeric);
  if (list) return list;
  const groups: ClassGroup[] = GRADES.flatMap((grade) => [{ grade }, ...[1, 2, 3, 4].map((section) => ({ grade, section }))]);
  list = groups.map((g) => ({
    value: classGroupCode(g),
    keys: [numeric ? classGroupKey(g) : foldForMatching(classGroupCode(g))],
  }));
  candidates.set(numeric, list);
  return list;
}
