import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatList, formatNumber, formatSchoolYear, languageName, sortByText } from '../../../src/present/intl.ts';

test('numbers are grouped as each language writes them', () => {
  assert.equal(formatNumber(1234, 'el'), '1.234');
  assert.equal(formatNumber(1234, 'en'), '1,234');
  assert.equal(formatNumber(12, 'el'), '12');
  assert.equal(formatNumber(2.5, 'el'), '2,5');
});

test('lists join their last item with "και" or "and"', () => {
  assert.equal(formatList(['Ελλάδα', 'Λετονία', 'Ιταλία'], 'el'), 'Ελλάδα, Λετονία και Ιταλία');
  assert.equal(formatList(['Greece', 'Latvia', 'Italy'], 'en'), 'Greece, Latvia, and Italy');
  assert.equal(formatList(['Δ2', 'Ε1'], 'el'), 'Δ2 και Ε1');
  assert.equal(formatList(['Πολωνία'], 'el'), 'Πολωνία');
  assert.equal(formatList([], 'en'), '');
});

test('sorting follows the language: Greek accents and capitals do not change the order', () => {
  const countries = ['Ισπανία', 'Ελλάδα', 'Ιταλία', 'Ηνωμένο Βασίλειο', 'Άγιος Μαρίνος', 'αυστρία'];
  assert.deepEqual(
    sortByText(countries, (name) => name, 'el'),
    ['Άγιος Μαρίνος', 'αυστρία', 'Ελλάδα', 'Ηνωμένο Βασίλειο', 'Ισπανία', 'Ιταλία'],
  );
  assert.deepEqual(
    sortByText(['Spain', 'Åland Islands', 'greece', 'Italy'], (name) => name, 'en'),
    ['Åland Islands', 'greece', 'Italy', 'Spain'],
  );
});

test('sorting returns a new list, by the text it is given, and leaves the list it was given as it was', () => {
  const partners = [
    { code: 'IT', name: 'Ιταλία' },
    { code: 'GR', name: 'Ελλάδα' },
  ];
  assert.deepEqual(
    sortByText(partners, (partner) => partner.name, 'el').map((partner) => partner.code),
    ['GR', 'IT'],
  );
  assert.deepEqual(
    partners.map((partner) => partner.code),
    ['IT', 'GR'],
  );
});

test('a school year is written with an en dash, from its folder name or its years', () => {
  assert.equal(formatSchoolYear('2015-2016'), '2015–2016');
  assert.equal(formatSchoolYear({ start: 2012, end: 2013 }), '2012–2013');
});

test("a language is named in the page's language", () => {
  assert.equal(languageName('el', 'en'), 'Greek');
  assert.equal(languageName('en', 'el'), 'Αγγλικά');
  assert.equal(languageName('el', 'el'), 'Ελληνικά');
});

test('a date is written in full in each language, the same day wherever the site is built', () => {
  assert.equal(formatDate('2026-11-26', 'el'), '26 Νοεμβρίου 2026');
  assert.equal(formatDate('2026-11-26', 'en'), 'November 26, 2026');
  assert.equal(formatDate('2016-01-01', 'en'), 'January 1, 2016');
});
