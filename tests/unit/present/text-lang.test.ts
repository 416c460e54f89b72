import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textLang } from '../../../src/present/text-lang.ts';

test('an English title on a Greek page is English, and a Greek one on an English page is Greek', () => {
  assert.equal(textLang('Olympic Games unite the world', 'el'), 'en');
  assert.equal(textLang('Παραδοσιακοί πολιτισμοί', 'en'), 'el');
});

test("a text in the page's own language needs no mark", () => {
  assert.equal(textLang('Παραδοσιακοί πολιτισμοί', 'el'), undefined);
  assert.equal(textLang('Olympic Games unite the world', 'en'), undefined);
});

test('a text with any Greek in it is Greek, a Latin word or a number among its words included', () => {
  assert.equal(textLang('Το πρόγραμμα Scratch', 'el'), undefined);
  assert.equal(textLang('Το πρόγραμμα Scratch', 'en'), 'el');
  assert.equal(textLang('Οι 4 εποχές στην Ευρώπη', 'en'), 'el');
  // Polytonic Greek is Greek too.
  assert.equal(textLang('Ἀρετή', 'en'), 'el');
});

test('a text without letters is in no language: numbers, signs, emoji', () => {
  for (const text of ['2048', '4 × 4 = 16', '🎉', '']) {
    assert.equal(textLang(text, 'el'), undefined, text);
    assert.equal(textLang(text, 'en'), undefined, text);
  }
});
