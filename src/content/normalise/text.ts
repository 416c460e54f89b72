/**
 * Text helpers shared by the normalisers: how to compare what teachers type
 * with the values the archive knows, and how to pick suggestions when it
 * does not match. Nothing here is for display; folded text is only a key.
 */
import { distance } from 'fastest-levenshtein';

/** The result of reading one value a teacher typed. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; suggestions: string[] };

// Format characters (zero-width space/joiner, soft hyphen, BOM, bidi marks)
// arrive invisibly with copy-paste from Word or a web page.
const FORMAT_CHARS = /\p{Cf}/gu;
// After NFD every accent is a separate combining mark: Greek tonos and
// dialytika (ά, ϊ, ΐ) as well as Latin accents (é, ü, ç, å).
const COMBINING_MARKS = /\p{M}/gu;
// Letters that carry no decomposable accent but that people type as their
// plain counterparts (Łódź → lodz, Ørsted → orsted).
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const UNDECOMPOSABLE_LETTERS = /[ßøłđħıæœþ]/g;

/** Small letters that have no accent to drop written as their plain counterparts: "łódź" → "lodz", "straße" → "strasse". */
export function plainLetters(s: string): string {
  return s.replace(UNDECOMPOSABLE_LETTERS, (c) => UNDECOMPOSABLE[c] ?? c);
}

/**
 * Fold a string into the key used to compare typed input with known values.
 *
 * - NFD first, so accents become separate marks that can be dropped:
 *   `Λετονία`, `Λετονια` and `ΛΕΤΟΝΊΑ` must compare equal.
 * - Format characters are dropped: they are invisible, so a teacher cannot
 *   see why two "identical" values differ.
 * - `toLowerCase()` and not `toLocaleLowerCase()`: the result must not depend
 *   on the build machine's locale (a Turkish locale would map `I` to `ı`).
 *   Greek needs no locale for lowercasing; its one contextual rule, final
 *   sigma, is neutralised next.
 * - `ς` → `σ`: whether a sigma is final depends on what follows, so `ΣΤ`
 *   and `Στ` lowercase alike only if both sigmas are the same letter.
 * - All whitespace (including U+00A0 no-break space, which the Joomla page
 *   and Word produce, and U+202F, U+3000…) collapses to one space and the
 *   ends are trimmed: spacing is never meaningful in a grade or a country.
 * - NFC at the end so the key is a normal string again (e.g. for Hangul,
 *   which NFD splits into jamo that carry no marks).
 */
export function foldForMatching(s: string): string {
  return s
    .normalize('NFD')
    .replace(FORMAT_CHARS, '')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(UNDECOMPOSABLE_LETTERS, (c) => UNDECOMPOSABLE[c] ?? c)
    .replace(/ς/g, 'σ')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

/**
 * Latin letters that look like Greek capitals, and their Greek twins.
 * Teachers switching keyboard layouts type `E1` with a Latin E, or `Tο`
 * with a Latin T (both occur on the school's own page).
 *
 * The lowercase entries are the case partners of the capitals (`e` → `ε`,
 * `h` → `η`), even where the small letters look less alike: that way the
 * replacement gives the same result before or after lowercasing, so it can
 * be combined with `foldForMatching` in either order.
 */
export const LATIN_TO_GREEK_LOOKALIKE: Readonly<Record<string, string>> = Object.freeze({
  A: 'Α',
  B: 'Β',
  E: 'Ε',
  Z: 'Ζ',
  H: 'Η',
  I: 'Ι',
  K: 'Κ',
  M: 'Μ',
  N: 'Ν',
  O: 'Ο',
  P: 'Ρ',
  T: 'Τ',
  Y: 'Υ',
  X: 'Χ',
  a: 'α',
  b: 'β',
  e: 'ε',
  z: 'ζ',
  h: 'η',
  i: 'ι',
  k: 'κ',
  m: 'μ',
  n: 'ν',
  o: 'ο',
  p: 'ρ',
  t: 'τ',
  y: 'υ',
  x: 'χ',
});

/** Replace every Latin look-alike letter in `s` by its Greek twin. */
export function greekLookalikes(s: string): string {
  return s.replace(/[ABEZHIKMNOPTYXabezhikmnoptyx]/g, (c) => LATIN_TO_GREEK_LOOKALIKE[c] ?? c);
}

/** A value that may be suggested, with the folded keys it is known by. */
export interface Candidate {
  value: string;
  keys: readonly string[];
}

/**
 * The `limit` candidates nearest to `query` by Levenshtein distance over
 * their keys (each candidate counts once, by its nearest key). Ties go to
 * the key sharing the longer beginning with the query (people mistype ends
 * more than starts), then to the candidates' own order, so the result is
 * stable and predictable in tests and error messages.
 */
export function nearest(query: string, candidates: readonly Candidate[], limit = 3): string[] {
  const scored = candidates.map((c, index) => {
    let best = Infinity;
    let prefix = 0;
    for (const key of c.keys) {
      const d = distance(query, key);
      const p = commonPrefixLength(query, key);
      if (d < best || (d === best && p > prefix)) {
        best = d;
        prefix = p;
      }
    }
    return { value: c.value, best, prefix, index };
  });
  scored.sort((a, b) => a.best - b.best || b.prefix - a.prefix || a.index - b.index);
  // Far worse matches than the best one only distract ("Latvija" is Latvia, not Sri Lanka).
  const cutoff = (scored[0]?.best ?? 0) + 1;
  return scored
    .filter((s) => s.best <= cutoff)
    .slice(0, limit)
    .map((s) => s.value);
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * A folded copy of `s` of exactly the same length, character for character
 * (accents dropped, lower case, final sigma as σ, any space as " "), so that a
 * match found in the copy is a match at the same place in `s`. For reading
 * sentences, where what is found must be cut out of the original text.
 * `s` should be in NFC (as text from a page is), so that each accented
 * letter is one character.
 */
export function foldAligned(s: string): string {
  let out = '';
  for (const c of s) {
    let folded = c.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
    if (folded === 'ς') folded = 'σ';
    if (/\s/.test(folded)) folded = ' ';
    // Keep the length: a character that folds to nothing or to more than one
    // (a lone combining mark, "İ") stays as it was.
    out += folded.length === c.length ? folded : c;
  }
  return out;
}

/**
 * The forms a folded Greek word may have in the nominative, given the word in
 * any case of a sentence: genitive "ρουμανιασ" → "ρουμανια", "βελγιου" →
 * "βελγιο" or "βελγιοσ" (Λίβανος, του Λιβάνου), accusative "λιβανο" →
 * "λιβανοσ", plural genitive "χωρων" → "χωρεσ" (Κάτω Χωρών) or "χωρα"
 * (Εμιράτων). The word itself comes first; the others are only guesses to
 * look up among names that are already known, never names of their own.
 */
export function greekNominatives(word: string): string[] {
  const forms = [word];
  const ending = (suffix: string, ...replacements: string[]) => {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
      for (const replacement of replacements) forms.push(word.slice(0, -suffix.length) + replacement);
    }
  };
  ending('ασ', 'α'); // της Ρουμανίας, της Βόρειας (Μακεδονίας)
  ending('ησ', 'η'); // της Νότιας Αφρικής, της Λιβύης
  ending('ου', 'ο', 'οσ'); // του Βελγίου, του Ηνωμένου Βασιλείου, της Κύπρου
  ending('ο', 'οσ'); // τον Λίβανο, την Κύπρο
  ending('α', 'ασ'); // τον Καναδά, του Παναμά
  ending('ων', 'εσ', 'α', 'οι'); // των Κάτω Χωρών, των Ηνωμένων Αραβικών Εμιράτων, των Νήσων (Φερόες)
  ending('αδοσ', 'αδα'); // της Ελλάδος, the older genitive
  return forms;
}

/**
 * The items of a list as a Greek sentence writes it: "Α', Β' και Γ΄",
 * "την Ιταλία, τη Ρουμανία και την Πολωνία" (also "κι", "&" and ";"). The
 * items are trimmed and empty ones dropped. A name with "και" in it
 * ("Τρινιντάντ και Τομπάγκο") comes out as two items: the reader of the
 * list joins them back when they are not known alone.
 */
export function splitGreekList(s: string): string[] {
  return s
    .split(/\s*[,;]\s*|\s+(?:και|Και|ΚΑΙ|κι|&)\s+/u)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
