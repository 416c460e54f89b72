import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locales } from '../../src/i18n/i18n.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';

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
  const all = new Set(LANGUAGES.flatMap((lang) => [...keys(locales[lang])]));
  for (const lang of LANGUAGES) {
    const own = keys(locales[lang]);
    const missing = [...all].filter((key) => !own.has(key));
    assert.deepEqual(missing, [], `src/i18n/locales/${lang}.json lacks: ${missing.join(', ')}`);
  }
});

test('no UI text is empty', () => {
  for (const lang of LANGUAGES) {
    const empty = JSON.stringify(locales[lang]).match(/"[^"]+":""/g);
    assert.equal(empty, null, `${lang}: ${empty}`);
  }
});
