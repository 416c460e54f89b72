import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { currentMessageLanguage, say, useMessageLanguage } from '../../../src/content/messages.ts';
import { MESSAGE_LANG } from '../../../src/i18n/languages.ts';

afterEach(() => useMessageLanguage(MESSAGE_LANG));

test('messages are in English until a command asks for another language', () => {
  assert.equal(currentMessageLanguage(), 'en');
  assert.equal(say('missingField', { field: 'title' }), 'The field "title" is missing.');
});

test('a command asks once, and every message after it is in that language', () => {
  useMessageLanguage('el');
  assert.equal(currentMessageLanguage(), 'el');
  assert.equal(say('missingField', { field: 'title' }), 'Λείπει το πεδίο «title».');
  assert.equal(say('limits.repeatedFix'), 'Σβήστε το ένα από τα δύο.');
});

test('values are put in as they are, quotes and Greek letters included: Nunjucks, not say(), escapes what a page shows', () => {
  assert.equal(say('badClass', { value: 'Ζ" & <1>' }), '"Ζ" & <1>" is not a class of a primary school.');
});

test('counts choose the plural of each language', () => {
  assert.equal(say('errors', { count: 1 }), '1 error');
  assert.equal(say('errors', { count: 3 }), '3 errors');
  useMessageLanguage('el');
  assert.equal(say('errors', { count: 1 }), '1 λάθος');
  assert.equal(say('errors', { count: 3 }), '3 λάθη');
});
