import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FOLDER_NAME_LANGUAGES, isLang, LANGUAGES, MESSAGE_LANG } from '../../../src/i18n/languages.ts';

test("a language code is one of the archive's, written as its file names write it", () => {
  assert.equal(isLang('el'), true);
  assert.equal(isLang('en'), true);
  for (const other of ['gr', 'EL', 'el-GR', 'de', '']) assert.equal(isLang(other), false, other);
});

test('commands speak English unless asked otherwise, and a folder is named after the English title first, then the others', () => {
  assert.equal(MESSAGE_LANG, 'en');
  assert.equal(FOLDER_NAME_LANGUAGES[0], 'en');
  assert.deepEqual([...FOLDER_NAME_LANGUAGES].sort(), [...LANGUAGES].sort());
});
