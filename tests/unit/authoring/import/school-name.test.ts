import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Block } from '../../../../src/authoring/import/block.ts';
import { findSchoolName, schoolNamesIn } from '../../../../src/authoring/import/school-name.ts';

const block = (text: string, line: number): Block => ({ text, parts: [{ text }], line, heading: false });

describe('school names in a text', () => {
  test('are put in the nominative, whatever case the sentence has them in', () => {
    assert.deepEqual(schoolNamesIn('Οι μαθητές του 14ου Δημοτικού Σχολείου Αχαρνών έγραψαν'), ['14ο Δημοτικό Σχολείο Αχαρνών']);
    assert.deepEqual(schoolNamesIn('Το 14ο Δημοτικό Σχολείο Αχαρνών, συνεχίζοντας'), ['14ο Δημοτικό Σχολείο Αχαρνών']);
  });

  test('of every kind of school, each one in the text', () => {
    assert.deepEqual(schoolNamesIn('Το Νηπιαγωγείο Αχαρνών και το 3ο Γυμνάσιο Καματερού συνεργάζονται με το 2ο Γενικό Λύκειο Χαλανδρίου.'), [
      'Νηπιαγωγείο Αχαρνών',
      '3ο Γυμνάσιο Καματερού',
      '2ο Γενικό Λύκειο Χαλανδρίου',
    ]);
    assert.deepEqual(schoolNamesIn('του 1ου Ολοήμερου Δημοτικού Σχολείου Νέας Σμύρνης'), ['1ο Ολοήμερο Δημοτικό Σχολείο Νέας Σμύρνης']);
  });

  test('need a place written with a capital: "the primary school" is no name', () => {
    assert.deepEqual(schoolNamesIn('το δημοτικό σχολείο της περιοχής'), []);
    assert.deepEqual(schoolNamesIn('Το σχολείο μας συμμετέχει στο eTwinning'), []);
  });
});

describe("the school's name found on the page", () => {
  test("is the page's title's when it has one", () => {
    assert.deepEqual(findSchoolName('14ο Δημοτικό Σχολείο Αχαρνών - eTwinning', [block('Το 2ο Δημοτικό Σχολείο Αχαρνών', 9)]), {
      name: '14ο Δημοτικό Σχολείο Αχαρνών',
      from: { title: true },
    });
  });

  test("is otherwise the introduction's first, with its line", () => {
    assert.deepEqual(findSchoolName('eTwinning', [block('Καλώς ήρθατε.', 8), block('Το 14ο Δημοτικό Σχολείο Αχαρνών, συνεχίζοντας', 9)]), {
      name: '14ο Δημοτικό Σχολείο Αχαρνών',
      from: { line: 9 },
    });
  });

  test('written in capitals, which drop the accents, is taken only when the name is nowhere else', () => {
    assert.deepEqual(findSchoolName('ΝΗΠΙΑΓΩΓΕΙΟ ΑΧΑΡΝΩΝ', [block('Το Νηπιαγωγείο Αχαρνών', 9)]), {
      name: 'Νηπιαγωγείο Αχαρνών',
      from: { line: 9 },
    });
    // The ordinal's small "ο" does not make a name in capitals one with accents.
    assert.deepEqual(findSchoolName('14ο ΔΗΜΟΤΙΚΟ ΣΧΟΛΕΙΟ ΑΧΑΡΝΩΝ', [block('Το 14ο Δημοτικό Σχολείο Αχαρνών', 9)]), {
      name: '14ο Δημοτικό Σχολείο Αχαρνών',
      from: { line: 9 },
    });
    assert.deepEqual(findSchoolName('14ο ΔΗΜΟΤΙΚΟ ΣΧΟΛΕΙΟ ΑΧΑΡΝΩΝ', []), { name: '14ο ΔΗΜΟΤΙΚΟ ΣΧΟΛΕΙΟ ΑΧΑΡΝΩΝ', from: { title: true } });
  });

  test('is none when the page names no school', () => {
    assert.equal(findSchoolName(undefined, [block('Καλώς ήρθατε στο eTwinning.', 3)]), undefined);
  });
});
