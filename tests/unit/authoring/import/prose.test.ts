import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Block, TextPart } from '../../../../src/authoring/import/block.ts';
import { blockMarkdown, tidyProse } from '../../../../src/authoring/import/prose.ts';
import { renderMarkdown } from '../../../../src/content/markdown.ts';

const block = (...parts: TextPart[]): Block => ({ text: parts.map((part) => part.text).join(''), parts, line: 12, heading: false });

describe("the old page's typing slips", () => {
  test('a Greek word typed with a Latin look-alike letter is written in Greek', () => {
    assert.equal(tidyProse('Tο πρόγραμμα'), 'Το πρόγραμμα');
    assert.equal(tidyProse('Η Eλλάδα'), 'Η Ελλάδα');
  });

  test('English words, and a class written in Latin letters, are left as they are', () => {
    assert.equal(tidyProse('The Scratch Project'), 'The Scratch Project');
    assert.equal(tidyProse('Ε1 και E1'), 'Ε1 και E1');
  });

  test('a comma between two words gets its space; a decimal comma does not', () => {
    assert.equal(tidyProse('Medicinal and aromatic plants,όπου συνεργάζεται'), 'Medicinal and aromatic plants, όπου συνεργάζεται');
    assert.equal(tidyProse('1,5 χρόνια'), '1,5 χρόνια');
  });
});

describe("a block of the page as a content file's Markdown", () => {
  test("keeps the page's links", () => {
    assert.equal(
      blockMarkdown(block({ text: 'Δείτε το ' }, { text: 'TwinSpace', href: 'https://twinspace.etwinning.net/12345' }, { text: ' του προγράμματος.' })),
      'Δείτε το [TwinSpace](https://twinspace.etwinning.net/12345) του προγράμματος.',
    );
  });

  test('keeps a link whose address has a space or a parenthesis of its own', () => {
    for (const href of [
      'https://example.org/a)b',
      'https://example.org/a(b',
      'https://en.wikipedia.org/wiki/Scratch_(programming_language)',
      'https://example.org/my page',
    ]) {
      const html = renderMarkdown(blockMarkdown(block({ text: 'Η σελίδα', href })));
      const link = /^<p><a href="([^"]*)">Η σελίδα<\/a><\/p>\n$/.exec(html);
      assert.ok(link, `${href}: ${html}`);
      assert.equal(decodeURI(link[1]!), href);
    }
  });

  test('makes a web address written out in the text a link, without the full stop after it', () => {
    assert.equal(
      blockMarkdown(block({ text: 'Πληροφορίες στο www.etwinning.net. Και στο https://school-education.ec.europa.eu/el.' })),
      'Πληροφορίες στο [www.etwinning.net](https://www.etwinning.net). Και στο [https://school-education.ec.europa.eu/el](https://school-education.ec.europa.eu/el).',
    );
  });

  test("shows Markdown's own characters as they were written", () => {
    const text = 'Τα *αστέρια* [1] <b> a_b `κώδικας` | 5 > 3';
    const markdown = blockMarkdown(block({ text }));
    assert.equal(renderMarkdown(markdown), '<p>Τα *αστέρια* [1] &lt;b&gt; a_b `κώδικας` | 5 &gt; 3</p>\n');
  });

  test('writes as text what would begin a heading, a list or a quote at the start of a line', () => {
    for (const text of ['# 1 στην Ευρώπη', '1. Η πρώτη χρονιά', '2) Η δεύτερη', '- παύλα', '+ συν', '= ίσον']) {
      assert.equal(renderMarkdown(blockMarkdown(block({ text }))), `<p>${text}</p>\n`, text);
    }
  });

  test('keeps an entity-like text as text: "&amp;" stays those five characters', () => {
    assert.equal(renderMarkdown(blockMarkdown(block({ text: 'Tom &amp; Jerry' }))), '<p>Tom &amp;amp; Jerry</p>\n');
  });
});
