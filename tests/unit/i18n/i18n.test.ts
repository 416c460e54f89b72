import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { locales } from '../../../src/i18n/i18n.ts';
import { LANGUAGES } from '../../../src/i18n/languages.ts';

/**
 * The archive's locale files, and those of tests/fixtures/locales/ (the third
 * language tests/build/third-language.test.ts adds): a school may copy one of
 * those into src/i18n/locales/, so they are held to the same rules.
 */
const FIXTURES = new URL('../../fixtures/locales/', import.meta.url);
const all: Record<string, Record<string, unknown>> = {
  ...locales,
  ...Object.fromEntries(
    readdirSync(FIXTURES)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'))]),
  ),
};

/** Every key path of a locale, with plural and ordinal suffixes folded into the base key. */
function keys(tree: Record<string, unknown>, prefix = ''): Set<string> {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = `${prefix}${key.replace(/(_ordinal)?_(zero|one|two|few|many|other)$/, '')}`;
    if (value && typeof value === 'object') for (const inner of keys(value as Record<string, unknown>, `${name}.`)) found.add(inner);
    else found.add(name);
  }
  return found;
}

test('every language has every UI text key that any other language has', () => {
  assert.ok(Object.keys(all).length > LANGUAGES.length, 'the fixtures are read too');
  const every = new Set(Object.values(all).flatMap((locale) => [...keys(locale)]));
  for (const [lang, locale] of Object.entries(all)) {
    const own = keys(locale);
    const missing = [...every].filter((key) => !own.has(key));
    assert.deepEqual(missing, [], `${lang}.json lacks: ${missing.join(', ')}`);
  }
});

test('no UI text is empty', () => {
  for (const [lang, locale] of Object.entries(all)) {
    const empty = JSON.stringify(locale).match(/"[^"]+":""/g);
    assert.equal(empty, null, `${lang}: ${empty}`);
  }
});
