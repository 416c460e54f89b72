/**
 * The front matter's schemas on their own: what they accept, and as what. How
 * a refusal is told to a teacher is tests/unit/content/issue-problems.test.ts's.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  lastSchoolYear,
  listItems,
  projectFrontMatter,
  projectRef,
  schoolFrontMatter,
  schoolYearMistake,
  schoolYearSchema,
} from '../../../src/content/schema.ts';

/** The issues' codes and paths, for a front matter that is refused. */
function refused(data: Record<string, unknown>): string[] {
  const parsed = projectFrontMatter.safeParse(data);
  assert.ok(!parsed.success, 'refused');
  return parsed.error.issues.map((issue) => `${issue.code} ${issue.path.join('.')}`);
}

describe('a project file', () => {
  test('is read with its classes and countries normalised, however a teacher typed them', () => {
    assert.deepEqual(
      projectFrontMatter.parse({
        title: '  The Scratch Project ',
        summary: 'Η Ε΄ τάξη συνεργάζεται με σχολεία από 12 χώρες.',
        classes: ['Ε΄', "Στ'", 'E1', 'ΣΤ 2'],
        partners: ['Λετονια', 'uk', 'EL', 'it'],
        continues: ' 2014-2015/cool-or-not-too-cool ',
      }),
      {
        title: 'The Scratch Project',
        summary: 'Η Ε΄ τάξη συνεργάζεται με σχολεία από 12 χώρες.',
        classes: [{ grade: 5 }, { grade: 6 }, { grade: 5, section: 1 }, { grade: 6, section: 2 }],
        partners: ['LV', 'GB', 'GR', 'IT'],
        continues: '2014-2015/cool-or-not-too-cool',
      },
    );
  });

  test('takes a list written on one line, "Δ2, Ε1", and a title that YAML read as a number', () => {
    assert.deepEqual(projectFrontMatter.parse({ title: 1984, classes: 'Δ2, Ε1', partners: 'Ελλάδα, Πολωνία' }), {
      title: '1984',
      classes: [
        { grade: 4, section: 2 },
        { grade: 5, section: 1 },
      ],
      partners: ['GR', 'PL'],
    });
    // Only the title is required in each file: the other file may hold the lists.
    assert.deepEqual(projectFrontMatter.parse({ title: 'Traditional Cultures' }), { title: 'Traditional Cultures' });
  });

  test('refuses a field it does not know, an empty title or list, and a class or country it cannot read', () => {
    assert.deepEqual(refused({ title: 'x', partner: ['LV'] }), ['unrecognized_keys ']);
    assert.deepEqual(refused({ title: '   ' }), ['too_small title']);
    assert.deepEqual(refused({ title: 'x', classes: [] }), ['too_small classes']);
    assert.deepEqual(refused({ title: 'x', classes: ' , ' }), ['too_small classes']);
    assert.deepEqual(refused({ title: 'x', classes: ['Ε1', 'Ζ1'], partners: ['Latvija'] }), ['custom classes.1', 'custom partners.0']);
  });

  test('refuses the same class or country written twice, on the later one, naming the earlier', () => {
    const parsed = projectFrontMatter.safeParse({ title: 'x', partners: ['Λετονία', 'Ιταλία', 'LV'] });
    assert.ok(!parsed.success);
    assert.deepEqual(
      parsed.error.issues.map((issue) => ({ code: issue.code, path: issue.path, params: issue.code === 'custom' ? issue.params : undefined })),
      [{ code: 'custom', path: ['partners', 2], params: { kind: 'repeated', of: 'country', first: 0 } }],
    );
  });

  test("continues is a school year's folder and a project's folder", () => {
    assert.equal(projectRef.safeParse('2014-2015/cool-or-not-too-cool').success, true);
    for (const value of ['cool-or-not-too-cool', '2014-2015/Cool or not', '2014/cool', '2014-2015/cool/', '2014-2015/']) {
      assert.equal(projectRef.safeParse(value).success, false, value);
    }
  });
});

test("a list's items are its items as written, or the parts of a line between commas", () => {
  assert.deepEqual(listItems('Δ2, Ε1 ,ΣΤ1'), ['Δ2', 'Ε1', 'ΣΤ1']);
  assert.deepEqual(listItems(5), ['5']);
  assert.deepEqual(listItems(['Ελλάδα', 'Λετονία']), ['Ελλάδα', 'Λετονία']);
  assert.deepEqual(listItems(', ,'), []);
});

test('a school file has its name, and an e-mail address if it gives one', () => {
  assert.deepEqual(schoolFrontMatter.parse({ name: '14ο Δημοτικό Σχολείο Αχαρνών', email: 'mail@14dim-acharn.att.sch.gr' }), {
    name: '14ο Δημοτικό Σχολείο Αχαρνών',
    email: 'mail@14dim-acharn.att.sch.gr',
  });
  assert.equal(schoolFrontMatter.safeParse({ name: '14ο Δημοτικό Σχολείο Αχαρνών', email: 'school at example.org' }).success, false);
  assert.equal(schoolFrontMatter.safeParse({ email: 'mail@school.gr' }).success, false);
});

describe('school years', () => {
  test('are two years one after the other, up to the next school year', () => {
    const today = new Date(2026, 10, 26);
    assert.equal(lastSchoolYear(today), 2027);
    assert.equal(schoolYearMistake('2015-2016', today), undefined);
    assert.equal(schoolYearMistake('2027-2028', today), undefined);
    assert.equal(schoolYearMistake('2028-2029', today), 'range');
    assert.equal(schoolYearMistake('1949-1950', today), 'range');
    for (const name of ['2015-2017', '2016-2015', '2015', '2015_2016', ' 2015-2016']) assert.equal(schoolYearMistake(name, today), 'form', name);
  });

  test('as one schema, for the folders, npm run new and the open data', () => {
    assert.equal(schoolYearSchema().safeParse('2015-2016').success, true);
    assert.equal(schoolYearSchema().safeParse('2015-2017').success, false);
    assert.equal(schoolYearSchema().safeParse('1015-1016').success, false);
  });
});
