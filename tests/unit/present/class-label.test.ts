import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classLabel, gradeLabel } from '../../../src/present/class-label.ts';
import { GRADES } from '../../../src/content/normalise/grades.ts';

test('every grade is named in Greek with its numeral sign, and in English with its ordinal', () => {
  assert.deepEqual(
    GRADES.map((grade) => gradeLabel(grade, 'el')),
    ['Αʹ τάξη', 'Βʹ τάξη', 'Γʹ τάξη', 'Δʹ τάξη', 'Εʹ τάξη', 'ΣΤʹ τάξη'],
  );
  assert.deepEqual(
    GRADES.map((grade) => gradeLabel(grade, 'en')),
    ['1st grade', '2nd grade', '3rd grade', '4th grade', '5th grade', '6th grade'],
  );
});

test('a whole grade is written as Greek schools write it, "Εʹ"; in English it is the grade', () => {
  assert.equal(classLabel({ grade: 5 }, 'el'), 'Εʹ');
  assert.equal(classLabel({ grade: 6 }, 'el'), 'ΣΤʹ');
  assert.equal(classLabel({ grade: 1 }, 'en'), '1st grade');
});

test('a section is "ΣΤ1" in Greek, without the numeral sign; in English its grade and number', () => {
  assert.equal(classLabel({ grade: 6, section: 1 }, 'el'), 'ΣΤ1');
  assert.equal(classLabel({ grade: 4, section: 2 }, 'el'), 'Δ2');
  assert.equal(classLabel({ grade: 2, section: 3 }, 'en'), '2nd grade, section 3');
});

test('a grade, its whole class and its sections are each named on their own, in either order of asking', () => {
  // The labels are kept once made: asking for one must never give another's.
  assert.equal(classLabel({ grade: 3, section: 1 }, 'el'), 'Γ1');
  assert.equal(classLabel({ grade: 3 }, 'el'), 'Γʹ');
  assert.equal(gradeLabel(3, 'el'), 'Γʹ τάξη');
  assert.equal(classLabel({ grade: 3, section: 1 }, 'en'), '3rd grade, section 1');
  assert.equal(classLabel({ grade: 3, section: 1 }, 'el'), 'Γ1');
});
