import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatNumber, languageName, perLanguage } from '../../../src/i18n/intl.ts';

test('numbers are grouped as each language groups them', () => {
  assert.equal(formatNumber(16383, 'en'), '16,383');
  assert.equal(formatNumber(16383, 'el'), '16.383');
  assert.equal(formatNumber(7, 'el'), '7');
});

test("a language's name is in the reader's language", () => {
  assert.equal(languageName('el', 'en'), 'Greek');
  assert.equal(languageName('en', 'el'), 'Αγγλικά');
  assert.equal(languageName('el', 'el'), 'Ελληνικά');
});

test('a date is written as each language writes it, the same day wherever the build runs (UTC)', () => {
  assert.equal(formatDate('2026-11-26', 'en'), 'November 26, 2026');
  assert.equal(formatDate('2026-11-26', 'el'), '26 Νοεμβρίου 2026');
  assert.equal(formatDate('2016-01-01', 'en'), 'January 1, 2016');
});

test('perLanguage makes each thing once per language, then hands it out again', () => {
  let made = 0;
  const greeting = perLanguage((lang) => {
    made++;
    return { lang };
  });
  assert.equal(greeting('el'), greeting('el'));
  assert.notEqual(greeting('el'), greeting('en'));
  assert.equal(made, 2);
});
