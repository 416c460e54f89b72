import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandLanguage } from '../../../src/cli/language.ts';
import { UsageError } from '../../../src/cli/options.ts';

test('--lang el or en is the language, whatever the terminal says', () => {
  assert.equal(commandLanguage('el', { LANG: 'en_US.UTF-8' }), 'el');
  assert.equal(commandLanguage('en', { LANG: 'el_GR.UTF-8' }), 'en');
});

test('any other --lang is a wrong command line that names the languages', () => {
  for (const given of ['gr', 'greek', '', 'ελ']) {
    assert.throws(
      () => commandLanguage(given, {}),
      (error) => error instanceof UsageError && error.message === '--lang must be one of: el, en.',
      given,
    );
  }
});

test("without --lang, a Greek terminal's locale means Greek", () => {
  assert.equal(commandLanguage(undefined, { LANG: 'el_GR.UTF-8' }), 'el');
  assert.equal(commandLanguage(undefined, { LANG: 'el_CY.UTF-8' }), 'el');
  assert.equal(commandLanguage(undefined, { LANG: 'en_GB.UTF-8' }), 'en');
});

test('LC_ALL wins over LC_MESSAGES, which wins over LANG, as in every other program; an empty one does not count', () => {
  assert.equal(commandLanguage(undefined, { LC_ALL: 'el_GR.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }), 'el');
  assert.equal(commandLanguage(undefined, { LC_MESSAGES: 'el_GR.UTF-8', LANG: 'en_US.UTF-8' }), 'el');
  assert.equal(commandLanguage(undefined, { LC_ALL: 'C', LANG: 'el_GR.UTF-8' }), 'en');
  assert.equal(commandLanguage(undefined, { LC_ALL: '', LC_MESSAGES: '', LANG: 'el_GR.UTF-8' }), 'el');
});

test('a locale in another language, or none (CI), means English', () => {
  assert.equal(commandLanguage(undefined, { LANG: 'de_DE.UTF-8' }), 'en');
  assert.equal(commandLanguage(undefined, { LANG: 'C.UTF-8' }), 'en');
  assert.equal(commandLanguage(undefined, {}), 'en');
});
