import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml } from '../../../src/present/html.ts';

test('the four characters that would end a text or an attribute are escaped', () => {
  assert.equal(escapeHtml('Tom & Jerry <3 "Scratch"'), 'Tom &amp; Jerry &lt;3 &quot;Scratch&quot;');
  assert.equal(escapeHtml('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
});

test('Greek text, apostrophes and numeral signs stay as they are', () => {
  assert.equal(escapeHtml("Η Ε' τάξη και η ΣΤʹ: «Οι 4 εποχές»"), "Η Ε' τάξη και η ΣΤʹ: «Οι 4 εποχές»");
});

test('a text is escaped as it is: an ampersand already written as an entity is escaped again', () => {
  // Every part of a page escapes its own text once; text is never HTML here.
  assert.equal(escapeHtml('&amp;'), '&amp;amp;');
});
