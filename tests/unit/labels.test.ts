import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classLabel, gradeLabel } from '../../src/present/class-label.ts';
import { formatList, sortByText } from '../../src/present/intl.ts';
import { textLang } from '../../src/present/text-lang.ts';
import { suggestSlug, transliterateGreek } from '../../src/content/slug.ts';

test('grades and sections are named in each language', () => {
  assert.equal(gradeLabel(6, 'el'), 'ΣΤʹ τάξη');
  assert.equal(gradeLabel(1, 'en'), '1st grade');
  assert.equal(gradeLabel(2, 'en'), '2nd grade');
  assert.equal(gradeLabel(3, 'en'), '3rd grade');
  assert.equal(gradeLabel(4, 'en'), '4th grade');
  assert.equal(classLabel({ grade: 5 }, 'el'), 'Εʹ');
  assert.equal(classLabel({ grade: 6, section: 1 }, 'el'), 'ΣΤ1');
  assert.equal(classLabel({ grade: 6, section: 1 }, 'en'), '6th grade, section 1');
});

test("text in another script than the page's language is marked with its language", () => {
  assert.equal(textLang('The Scratch Project', 'el'), 'en');
  assert.equal(textLang('Παραδοσιακοί πολιτισμοί', 'el'), undefined);
  assert.equal(textLang('Παραδοσιακοί πολιτισμοί', 'en'), 'el');
  assert.equal(textLang('The Scratch Project', 'en'), undefined);
  assert.equal(textLang('2048', 'el'), undefined);
  // Latin letters in a Greek text (a name, an acronym) do not make it English: Greek is looked for first.
  assert.equal(textLang('Το πρόγραμμα eTwinning', 'en'), 'el');
  assert.equal(textLang('Το πρόγραμμα eTwinning', 'el'), undefined);
});

test("lists and sorting follow each language's rules", () => {
  assert.equal(formatList(['Ελλάδα', 'Λετονία', 'Ιταλία'], 'el'), 'Ελλάδα, Λετονία και Ιταλία');
  assert.equal(formatList(['Greece', 'Latvia'], 'en'), 'Greece and Latvia');
  // Greek collation: accents do not change the order, Ά sorts with Α, not after Ω.
  assert.deepEqual(
    sortByText(['Ωραίο', 'Άγιο', 'Βήμα', 'Αγκάθι'], (s) => s, 'el'),
    ['Άγιο', 'Αγκάθι', 'Βήμα', 'Ωραίο'],
  );
});

test('folder names are suggested in Latin letters, Greek transliterated with ELOT 743', () => {
  assert.equal(transliterateGreek('Ευρώπη'), 'evropi');
  assert.equal(transliterateGreek('αυτοκίνητο'), 'aftokinito');
  assert.equal(transliterateGreek('Άγγελος'), 'angelos');
  assert.equal(transliterateGreek('Ουρανός'), 'ouranos');
  assert.equal(suggestSlug('Οι 4 εποχές στην Ευρώπη'), 'oi-4-epoches-stin-evropi');
  assert.equal(suggestSlug('The Scratch Project'), 'the-scratch-project');
  assert.equal(suggestSlug('Cool or not too cool?'), 'cool-or-not-too-cool');
});
