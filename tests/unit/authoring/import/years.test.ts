import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../../../../src/authoring/import/main-text.ts';
import { readYearHeading, splitYears } from '../../../../src/authoring/import/years.ts';

test('school year headings in the forms schools write them', () => {
  const headings: Array<[string, string]> = [
    ['Σχολικό έτος 2015-2016', '2015-2016'],
    ['Σχολική χρονιά 2015-16', '2015-2016'],
    ['2015/16', '2015-2016'],
    ['School year 2015–2016', '2015-2016'], // en dash
    ['ΣΧΟΛΙΚΟ ΕΤΟΣ 2015 - 2016:', '2015-2016'],
    ['Σχ. έτος 2015-16', '2015-2016'],
    ['Σχολικό Έτος: 2015-2016', '2015-2016'],
    ['Σχολικό έτος 2015-2016 (τρέχον)', '2015-2016'],
    ['2015-2016', '2015-2016'],
    ['1999-00', '1999-2000'],
  ];
  for (const [text, year] of headings) assert.deepEqual(readYearHeading(text), { year }, text);
});

test('a heading that is not one school year is recognised as a wrong one, with the year it may mean', () => {
  assert.deepEqual(readYearHeading('Σχολικό έτος 2015-2017'), { wrong: 'Σχολικό έτος 2015-2017', suggestion: '2015-2016' });
  // Shaped right, but years the archive cannot hold (the check would refuse their folders): reported, not written.
  assert.deepEqual(readYearHeading('Σχολικό έτος 1930-1931'), { wrong: 'Σχολικό έτος 1930-1931' });
  assert.deepEqual(readYearHeading('School year 2098-2099'), { wrong: 'School year 2098-2099' });
  assert.deepEqual(readYearHeading('Σχολικό έτος 2015'), { wrong: 'Σχολικό έτος 2015', suggestion: '2015-2016' });
});

test('sentences that mention a year are not headings', () => {
  for (const text of ["Η Ε' τάξη το 2015-2016 συμμετέχει στο πρόγραμμα Water.", 'Σχολικό έτος', 'Φωτογραφίες 2015-2016 από τη γιορτή']) {
    assert.equal(readYearHeading(text), undefined, text);
  }
});

test('splitYears: the introduction before the first year, then each year with its entries', () => {
  const block = (text: string, line: number): Block => ({ text, parts: [{ text }], line, heading: false });
  const sections = splitYears([
    block('Το σχολείο μας.', 1),
    block('Σχολικό έτος 2015-2016', 2),
    block('Η Ε΄ τάξη …', 3),
    block('2014/15', 4),
    block('Η Δ΄ τάξη …', 5),
    block('Η Γ΄ τάξη …', 6),
  ]);
  assert.deepEqual(
    sections.intro.map((b) => b.line),
    [1],
  );
  assert.deepEqual(
    sections.years.map((year) => [year.reading, year.heading.line, year.entries.map((b) => b.line)]),
    [
      [{ year: '2015-2016' }, 2, [3]],
      [{ year: '2014-2015' }, 4, [5, 6]],
    ],
  );
});
