import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GRADES,
  classGroupCode,
  classGroupKey,
  compareClassGroups,
  compareClassLists,
  gradeLetters,
  parseClassGroup,
  parseClassList,
  type ClassGroup,
} from '../../../../src/content/normalise/grades.ts';
import { foldAligned, foldForMatching, greekLookalikes, greekNominatives, splitGreekList } from '../../../../src/content/normalise/text.ts';

// Written with escapes so that which character is being tested is not a
// matter of which font the reader has.
const E = '\u0395'; // Greek capital epsilon
const SIGMA_TAU = '\u03A3\u03A4'; // ΣΤ, Greek

const accepted: Array<[string, ClassGroup]> = [
  [`${E}'`, { grade: 5 }], // ASCII apostrophe
  [`${E}\u0384`, { grade: 5 }], // Greek tonos, what a Greek keyboard gives
  [`${E}\u0374`, { grade: 5 }], // Greek numeral sign (keraia)
  [`${E}\u02B9`, { grade: 5 }], // modifier letter prime, the keraia's NFD form
  [`${E}\u2019`, { grade: 5 }], // right single quotation mark (smart quote)
  [`${E}\u2018`, { grade: 5 }], // left single quotation mark
  [`${E}\u00B4`, { grade: 5 }], // acute accent
  [`${E}\u1FFD`, { grade: 5 }], // Greek oxia
  [`${E}\u2032`, { grade: 5 }], // prime
  [E, { grade: 5 }],
  ["\u03B5'", { grade: 5 }], // lower case ε'
  ['\u0388', { grade: 5 }], // Έ, with a tonos on the letter
  ["\u0391'", { grade: 1 }], // Α'
  ['\u0392\u0384', { grade: 2 }], // Β΄
  ['\u0393\u0384', { grade: 3 }], // Γ΄ as on the school's page
  ['\u0394', { grade: 4 }], // Δ
  [`${SIGMA_TAU}'`, { grade: 6 }],
  ["\u03A3\u03C4'", { grade: 6 }], // Στ'
  ['\u03C3\u03C4', { grade: 6 }], // στ
  ['\u03C2\u03C4', { grade: 6 }], // ςτ, final sigma typed first
  [SIGMA_TAU, { grade: 6 }],
  ['\u03DA\u0374', { grade: 6 }], // Ϛʹ, the numeral 6 written with stigma
  [`${SIGMA_TAU}1`, { grade: 6, section: 1 }],
  ['\u03A3\u03C41', { grade: 6, section: 1 }], // Στ1
  [`${SIGMA_TAU} 1`, { grade: 6, section: 1 }],
  [`${SIGMA_TAU}-1`, { grade: 6, section: 1 }],
  [`${SIGMA_TAU}\u0384 2`, { grade: 6, section: 2 }], // ΣΤ΄ 2
  [`${E}1`, { grade: 5, section: 1 }],
  [`${E}\u03849`, { grade: 5, section: 9 }], // Ε΄9
  ['\u0394\u00A02', { grade: 4, section: 2 }], // Δ, no-break space, 2
  // Latin look-alikes typed on an English keyboard
  ['E1', { grade: 5, section: 1 }],
  ['e1', { grade: 5, section: 1 }],
  ["A'", { grade: 1 }],
  ['B', { grade: 2 }],
  ['\u03A3T1', { grade: 6, section: 1 }], // Greek Σ, Latin T
  // Keys of a Greek keyboard left on the Latin layout
  ['ST1', { grade: 6, section: 1 }],
  ["G'", { grade: 3 }],
  ['D2', { grade: 4, section: 2 }],
  // Surrounding spaces, no-break spaces and invisible characters
  [`  ${E}'  `, { grade: 5 }],
  [`\u00A0${E}'\u00A0`, { grade: 5 }],
  [`\u200B${SIGMA_TAU}1\uFEFF`, { grade: 6, section: 1 }],
  // Words around the grade, as the school's page writes them
  [`${E}' \u03C4\u03AC\u03BE\u03B7`, { grade: 5 }], // Ε' τάξη
  ['\u0393\u0384 \u03C4\u03AC\u03BE\u03B5\u03B9\u03C2', { grade: 3 }], // Γ΄ τάξεις
  ["\u03A3\u03C4' \u0394\u03B7\u03BC\u03BF\u03C4\u03B9\u03BA\u03BF\u03CD", { grade: 6 }], // Στ' Δημοτικού
  ["\u0397 \u03A3\u03C4' \u0394\u03B7\u03BC\u03BF\u03C4\u03B9\u03BA\u03BF\u03CD", { grade: 6 }], // Η Στ' Δημοτικού
  ['\u03A4\u03BF \u03C4\u03BC\u03AE\u03BC\u03B1 \u03A3\u03A41', { grade: 6, section: 1 }], // Το τμήμα ΣΤ1
];

for (const [raw, expected] of accepted) {
  test(`parseClassGroup accepts ${JSON.stringify(raw)}`, () => {
    assert.deepEqual(parseClassGroup(raw), { ok: true, value: expected });
  });
}

test('a whole grade has no section property at all', () => {
  const parsed = parseClassGroup("Ε'");
  assert.ok(parsed.ok);
  assert.equal('section' in parsed.value, false);
});

test("the seed page's values", () => {
  const seed: Array<[string, string]> = [
    ["Ε'", '5'],
    ['ΣΤ1', '6-1'],
    ['ΣΤ2', '6-2'],
    ["Α'", '1'],
    ["Β'", '2'],
    ['Γ΄', '3'],
    ['Δ2', '4-2'],
    ['Ε1', '5-1'],
    ['Ε2', '5-2'],
    ["Στ'", '6'],
    ["ΣΤ'", '6'],
    ["Η Στ' Δημοτικού", '6'],
    ["Η Ε' Δημοτικού", '5'],
  ];
  for (const [raw, key] of seed) {
    const parsed = parseClassGroup(raw);
    assert.ok(parsed.ok, raw);
    assert.equal(classGroupKey(parsed.value), key, raw);
  }
});

const rejected: Array<[string, string[]]> = [
  ["Ζ'", ["Α'", "Β'", "Γ'"]], // there is no 7th grade
  ['Ε10', ['Ε1', "Ε'", 'Ε2']],
  ['Ε1Β', ['Ε1', "Ε'", 'Ε2']],
  ['7', ["Α'", "Β'", "Γ'"]],
  ['5', ["Ε'", "Α'", "Β'"]], // Arabic numerals are not accepted, but point the right way
  ['51', ["Ε'", 'Ε1', "Α'"]], // Ε1? or 5th grade, 1st…? Ambiguous: rejected
  ['Ε0', ["Ε'", 'Ε1', 'Ε2']],
  ['ΣΤ12', ['ΣΤ1', 'ΣΤ2', "ΣΤ'"]],
  ['', ["Α'", 'Α1', 'Α2']],
  ['\u00A0', ["Α'", 'Α1', 'Α2']],
  ['6-1', ['ΣΤ1', 'ΣΤ2', 'ΣΤ3']], // the URL key is not a way to write it
  ['Σ', ["ΣΤ'", 'ΣΤ1', 'ΣΤ2']],
  ['Ε Ζ', ["Ε'", 'Ε1', 'Ε2']],
  ['Ε΄ και ΣΤ΄', ["ΣΤ'", "Ε'", "Α'"]], // one class group per entry
];

for (const [raw, suggestions] of rejected) {
  test(`parseClassGroup rejects ${JSON.stringify(raw)} and suggests ${suggestions.join(', ')}`, () => {
    assert.deepEqual(parseClassGroup(raw), { ok: false, suggestions });
  });
}

test('GRADES and gradeLetters', () => {
  assert.deepEqual(GRADES, [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(GRADES.map(gradeLetters), ['Α', 'Β', 'Γ', 'Δ', 'Ε', 'ΣΤ']);
  // Greek letters, not Latin look-alikes
  assert.equal(gradeLetters(1), '\u0391');
  assert.equal(gradeLetters(6), '\u03A3\u03A4');
});

test('classGroupKey', () => {
  assert.equal(classGroupKey({ grade: 5 }), '5');
  assert.equal(classGroupKey({ grade: 6, section: 1 }), '6-1');
  assert.equal(classGroupKey({ grade: 1, section: 9 }), '1-9');
});

test('classGroupCode writes an ASCII apostrophe and Greek letters', () => {
  assert.equal(classGroupCode({ grade: 5 }), "\u0395'");
  assert.equal(classGroupCode({ grade: 6 }), "\u03A3\u03A4'");
  assert.equal(classGroupCode({ grade: 6, section: 1 }), '\u03A3\u03A41');
  assert.equal(classGroupCode({ grade: 4, section: 2 }), '\u03942');
});

test('every code parses back to the same class group', () => {
  for (const grade of GRADES) {
    for (const group of [{ grade }, ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((section) => ({ grade, section }))]) {
      assert.deepEqual(parseClassGroup(classGroupCode(group)), { ok: true, value: group });
    }
  }
});

test('compareClassGroups: by grade, whole grade first, then section', () => {
  const groups: ClassGroup[] = [
    { grade: 6, section: 2 },
    { grade: 5, section: 1 },
    { grade: 6 },
    { grade: 1 },
    { grade: 6, section: 1 },
    { grade: 5 },
    { grade: 4, section: 3 },
  ];
  assert.deepEqual(groups.sort(compareClassGroups).map(classGroupCode), ["Α'", 'Δ3', "Ε'", 'Ε1', "ΣΤ'", 'ΣΤ1', 'ΣΤ2']);
  assert.equal(compareClassGroups({ grade: 3 }, { grade: 3 }), 0);
  assert.equal(compareClassGroups({ grade: 3, section: 2 }, { grade: 3, section: 2 }), 0);
  assert.ok(compareClassGroups({ grade: 2, section: 9 }, { grade: 3 }) < 0);
});

test('compareClassLists: lexicographic, a prefix first', () => {
  const lists: ClassGroup[][] = [
    [{ grade: 5 }, { grade: 6 }],
    [
      { grade: 4, section: 2 },
      { grade: 5, section: 1 },
    ],
    [{ grade: 5 }],
    [{ grade: 1 }, { grade: 2 }, { grade: 3 }],
    [],
    [{ grade: 4, section: 2 }],
  ];
  const show = (l: ClassGroup[]) => l.map(classGroupCode).join('+');
  assert.deepEqual(lists.sort(compareClassLists).map(show), ['', "Α'+Β'+Γ'", 'Δ2', 'Δ2+Ε1', "Ε'", "Ε'+ΣΤ'"]);
  assert.equal(compareClassLists([{ grade: 5 }], [{ grade: 5 }]), 0);
});

test('foldForMatching', () => {
  assert.equal(foldForMatching('\u00A0 ΛΕΤΟΝΊΑ \u00A0'), 'λετονια');
  assert.equal(foldForMatching('Λετονία'), foldForMatching('λετονια'));
  assert.equal(foldForMatching('ΣΤ'), 'στ');
  assert.equal(foldForMatching('Στ'), 'στ');
  assert.equal(foldForMatching('Ρουμανίας'), 'ρουμανιασ');
  assert.equal(foldForMatching('ΐΰϊϋ'), 'ιυιυ');
  assert.equal(foldForMatching('Côte  d’Ivoire'), 'cote d’ivoire');
  assert.equal(foldForMatching('Åland\tŁódź'), 'aland lodz');
  assert.equal(foldForMatching('a\u200Bb\u00ADc'), 'abc');
});

test('greekLookalikes', () => {
  assert.equal(greekLookalikes('Tο'), 'Το');
  assert.equal(greekLookalikes('E1'), '\u03951');
  assert.equal(greekLookalikes("A'"), "\u0391'");
  assert.equal(greekLookalikes('ABEZHIKMNOPTYX'), 'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ');
  assert.equal(greekLookalikes('abezhikmnoptyx'), 'αβεζηικμνορτυχ');
  assert.equal(greekLookalikes('CDFGJLQRSUVW cdfgjlqrsuvw'), 'CDFGJLQRSUVW cdfgjlqrsuvw');
  // Same result whether applied before or after lowercasing
  assert.equal(greekLookalikes('ΣT1'.toLowerCase()), greekLookalikes('ΣT1').toLowerCase());
});

test('parseClassList reads the classes a sentence names together', () => {
  const lists: Array<[string, string[]]> = [
    ["Η Ε' τάξη", ['5']],
    ['Το τμήμα ΣΤ1', ['6-1']],
    ['Τα τμήματα Δ2 και Ε1', ['4-2', '5-1']],
    ["Οι Α', Β' και Γ\u0384 τάξεις", ['1', '2', '3']],
    ["Η Στ' Δημοτικού", ['6']],
    ["Η Ε' και ΣΤ' Δημοτικού", ['5', '6']],
    ["Οι μαθητές της Ε' τάξης", ['5']],
    ['Οι μαθητές των τμημάτων Δ2 και E1', ['4-2', '5-1']], // Latin E
    ["Οι τάξεις Α', Β', Β'", ['1', '2']], // each once
  ];
  for (const [raw, keys] of lists) {
    const parsed = parseClassList(raw);
    assert.deepEqual(parsed.refused, [], raw);
    assert.deepEqual(parsed.value.map(classGroupKey), keys, raw);
  }
  assert.deepEqual(parseClassList("Η Ε' και Ζ' τάξη"), {
    value: [{ grade: 5 }],
    refused: [{ value: "Ζ' τάξη", suggestions: ["Α'", "Β'", "Γ'"] }],
  });
});

test('foldAligned folds character for character, so positions stay the same', () => {
  const text = 'Η Ε΄ τάξη ΣΥΜΜΕΤΈΧΕΙ στο «Έργο» της Ελλάδας';
  const folded = foldAligned(text);
  assert.equal(folded.length, text.length);
  assert.equal(folded, 'η ε΄ ταξη συμμετεχει στο «εργο» τησ ελλαδασ');
  const at = folded.indexOf('συμμετεχει');
  assert.equal(text.slice(at, at + 'συμμετεχει'.length), 'ΣΥΜΜΕΤΈΧΕΙ');
});

test('greekNominatives: a declined word and the nominatives it may come from', () => {
  assert.deepEqual(greekNominatives('ρουμανιασ'), ['ρουμανιασ', 'ρουμανια']);
  assert.deepEqual(greekNominatives('βελγιου'), ['βελγιου', 'βελγιο', 'βελγιοσ']);
  assert.ok(greekNominatives('χωρων').includes('χωρεσ'));
  assert.ok(greekNominatives('λιβανο').includes('λιβανοσ'));
  assert.ok(greekNominatives('καναδα').includes('καναδασ'));
  assert.deepEqual(greekNominatives('ισραηλ'), ['ισραηλ']);
});

test('splitGreekList: commas and "και", items trimmed', () => {
  assert.deepEqual(splitGreekList("Οι Α', Β' και Γ΄ τάξεις"), ["Οι Α'", "Β'", 'Γ΄ τάξεις']);
  assert.deepEqual(splitGreekList('την Ιταλία,την Ισπανία κι την Πολωνία & τη Λετονία'), ['την Ιταλία', 'την Ισπανία', 'την Πολωνία', 'τη Λετονία']);
  assert.deepEqual(splitGreekList(' , '), []);
});
