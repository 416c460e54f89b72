/**
 * eTwinning Quality Labels: a project may earn the National Quality Label,
 * awarded by its country's National Support Service, and the European
 * Quality Label, awarded to projects that earned the national one in at least
 * two partner countries. The archive stores them as `national` and
 * `european`, in this order (the national label comes first, as eTwinning
 * awards it first), whatever order the teacher wrote them in: unlike partner
 * countries, their order says nothing.
 */
import { foldForMatching, nearest, type Candidate, type Parsed } from './text.ts';

export const QUALITY_LABELS = ['national', 'european'] as const;

export type QualityLabel = (typeof QUALITY_LABELS)[number];

/**
 * Words that name the kind of thing rather than which label it is, folded:
 * teachers copy the label's full name from the certificate or the platform
 * ("National Quality Label", «Εθνική Ετικέτα Ποιότητας eTwinning», «Ευρωπαϊκό
 * Σήμα Ποιότητας»), and what is left is the word that tells the label.
 */
const NAME_WORDS = new Set(['etwinning', 'quality', 'label', 'the', 'ετικετα', 'ετικετασ', 'ποιοτητασ', 'σημα', 'βραβειο']);

/**
 * What is left of each label's name, folded (no accents, lower case, final
 * sigma as σ): the archive's own word, the English adjective and the common
 * abbreviation (NQL, EQL, as the eTwinning community writes them), and the
 * Greek adjective in the genders the Greek names take (η ετικέτα, το σήμα,
 * το βραβείο), alone or in the genitive («Βραβείο Εθνικής Ετικέτας»).
 */
const SPELLINGS: Readonly<Record<QualityLabel, readonly string[]>> = {
  national: ['national', 'nql', 'εθνικη', 'εθνικο', 'εθνικοσ', 'εθνικησ'],
  european: ['european', 'eql', 'ευρωπαικη', 'ευρωπαικο', 'ευρωπαικοσ', 'ευρωπαικησ'],
};

const BY_SPELLING = new Map(QUALITY_LABELS.flatMap((label) => SPELLINGS[label].map((spelling) => [spelling, label] as const)));

const CANDIDATES: readonly Candidate[] = QUALITY_LABELS.map((label) => ({ value: label, keys: SPELLINGS[label] }));

/** The word that tells the label: folded, punctuation read as spaces, the words of the label's name left out. */
function labelKey(raw: string): string {
  return foldForMatching(raw)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word !== '' && !NAME_WORDS.has(word))
    .join(' ');
}

/**
 * Reads a label as teachers write it: `national`, `National`, `NQL`,
 * `National Quality Label`, `εθνική`, `Εθνική Ετικέτα Ποιότητας`, `ευρωπαϊκό`,
 * `Ευρωπαϊκή Ετικέτα Ποιότητας eTwinning`… Anything else is refused with the
 * nearest labels as suggestions.
 */
export function parseQualityLabel(raw: string): Parsed<QualityLabel> {
  const key = labelKey(raw);
  const label = BY_SPELLING.get(key);
  if (label) return { ok: true, value: label };
  return { ok: false, suggestions: nearest(key, CANDIDATES, QUALITY_LABELS.length) };
}

/** Labels in the archive's order (national first), whatever order they were written in. */
export function sortLabels(labels: readonly QualityLabel[]): QualityLabel[] {
  return QUALITY_LABELS.filter((label) => labels.includes(label));
}
