import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classList, gradeNames, partnerList } from '../../../src/present/fact-lists.ts';

test("a project's classes as one phrase, in each language", () => {
  assert.equal(classList([{ grade: 5 }], 'el'), 'Εʹ');
  assert.equal(classList([{ grade: 1 }, { grade: 2 }, { grade: 3 }], 'el'), 'Αʹ, Βʹ και Γʹ');
  assert.equal(
    classList(
      [
        { grade: 4, section: 2 },
        { grade: 5, section: 1 },
      ],
      'en',
    ),
    '4th grade, section 2 and 5th grade, section 1',
  );
});

test("a project's partner countries as one phrase, named in each language", () => {
  assert.equal(partnerList(['GR', 'LV', 'IT'], 'el'), 'Ελλάδα, Λετονία και Ιταλία');
  assert.equal(partnerList(['GR', 'LV', 'IT'], 'en'), 'Greece, Latvia, and Italy');
  assert.equal(partnerList(['RO'], 'en'), 'Romania');
});

test("the grades of a project's classes, each once, in the classes' order", () => {
  assert.deepEqual(
    gradeNames(
      [
        { grade: 4, section: 2 },
        { grade: 5, section: 1 },
        { grade: 5, section: 2 },
      ],
      'el',
    ),
    ['Δʹ τάξη', 'Εʹ τάξη'],
  );
  assert.deepEqual(gradeNames([{ grade: 3 }, { grade: 1 }], 'en'), ['3rd grade', '1st grade']);
});
