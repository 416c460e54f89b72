import assert from 'node:assert/strict';
import { test } from 'node:test';
import { say, sayIn } from '../../../src/content/messages.ts';

test('a message is not said in any language until it is printed: its key and values', () => {
  assert.deepEqual(say('missingField', { field: 'title' }), { key: 'missingField', values: { field: 'title' } });
});

test('the same message is said in the language of whoever reads it', () => {
  const missing = say('missingField', { field: 'title' });
  assert.equal(sayIn(missing, 'en'), 'The field "title" is missing.');
  assert.equal(sayIn(missing, 'el'), 'Λείπει το πεδίο «title».');
  assert.equal(sayIn(say('limits.repeatedFix'), 'el'), 'Σβήστε το ένα από τα δύο.');
});

test('values are put in as they are, quotes and Greek letters included: Nunjucks, not the message, escapes what a page shows', () => {
  assert.equal(sayIn(say('badClass', { value: 'Ζ" & <1>' }), 'en'), '"Ζ" & <1>" is not a class of a primary school.');
});

test('counts choose the plural of each language', () => {
  assert.equal(sayIn(say('errors', { count: 1 }), 'en'), '1 error');
  assert.equal(sayIn(say('errors', { count: 3 }), 'en'), '3 errors');
  assert.equal(sayIn(say('errors', { count: 1 }), 'el'), '1 λάθος');
  assert.equal(sayIn(say('errors', { count: 3 }), 'el'), '3 λάθη');
});

test('a message inside another, a list, a language and a date are said in the reader language too', () => {
  const fix = say('badCountryFix', {
    didYouMean: say('didYouMean', { values: { list: ['Λετονία / Latvia (LV)', 'Λιθουανία / Lithuania (LT)'], separator: say('or') } }),
    languages: { list: [say('inLanguage', { language: { language: 'el' } }), say('inLanguage', { language: { language: 'en' } })], separator: say('or') },
  });
  assert.equal(
    sayIn(fix, 'en'),
    "Did you mean Λετονία / Latvia (LV) or Λιθουανία / Lithuania (LT)? Write the country's name in Greek or English, or its two-letter code.",
  );
  assert.match(sayIn(fix, 'el'), /^Μήπως εννοείτε Λετονία \/ Latvia \(LV\) ή Λιθουανία \/ Lithuania \(LT\);/);
  assert.equal(sayIn(say('changedOn', { date: { date: '2026-11-26' } }), 'en'), 'on November 26, 2026');
  assert.equal(sayIn(say('changedOn', { date: { date: '2026-11-26' } }), 'el'), 'στις 26 Νοεμβρίου 2026');
});
