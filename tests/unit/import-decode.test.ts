import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodePage } from '../../src/authoring/import/decode.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const ascii = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(ascii(part)) : Buffer.from(part))));

// "Ά" is 0xA2 in windows-1253 and 0xB6 in ISO-8859-7; "’" is 0x92 and 0xA2.
test('a windows-1253 page declared with http-equiv is read in windows-1253', () => {
  const page = bytes(
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1253"></head><body><p>',
    [0xa2, 0xf1, 0xe8, 0xf1, 0xef, 0x92],
    '</p></body></html>',
  );
  const decoded = decodePage(page);
  assert.equal(decoded.kind, 'html');
  assert.equal(decoded.encoding, 'windows-1253');
  assert.equal(decoded.source, 'declared');
  assert.match(decoded.text, /<p>Άρθρο’<\/p>/);
});

test('an ISO-8859-7 page declared with <meta charset> is read in ISO-8859-7', () => {
  const page = bytes('<!DOCTYPE html><meta charset="iso-8859-7"><p>', [0xb6, 0xf1, 0xe8, 0xf1, 0xef, 0xa2], '</p>');
  const decoded = decodePage(page);
  assert.equal(decoded.encoding, 'iso-8859-7');
  assert.match(decoded.text, /<p>Άρθρο’<\/p>/);
  // Other names of the same encodings, as old pages write them.
  assert.equal(decodePage(bytes('<meta charset="greek"><p>x</p>')).encoding, 'iso-8859-7');
  assert.equal(decodePage(bytes('<meta charset="cp1253"><p>x</p>')).encoding, 'windows-1253');
});

test('a byte order mark comes before any declaration', () => {
  const page = bytes([0xef, 0xbb, 0xbf], '<meta charset="windows-1253"><p>', [0xce, 0x86], '</p>');
  const decoded = decodePage(page);
  assert.equal(decoded.encoding, 'utf-8');
  assert.equal(decoded.source, 'bom');
  assert.match(decoded.text, /^<meta/); // the mark itself is not text
  assert.match(decoded.text, /<p>Ά<\/p>/);
});

test('a page saved again as UTF-8 that kept its old declaration is read as UTF-8', () => {
  const decoded = decodePage(bytes('<meta charset="windows-1253"><p>', [0xce, 0x86, 0xcf, 0x81], '</p>'));
  assert.equal(decoded.encoding, 'utf-8');
  assert.equal(decoded.source, 'utf-8-not-declared');
  assert.equal(decoded.declared, 'windows-1253');
  assert.match(decoded.text, /<p>Άρ<\/p>/);
});

test('plain text: UTF-8 when it is, or else windows-1253, what Greek Windows wrote', () => {
  const utf8 = decodePage(Buffer.from("Σχολικό έτος 2015-2016\n• Η Ε' τάξη"));
  assert.deepEqual([utf8.kind, utf8.encoding, utf8.source], ['text', 'utf-8', 'utf-8']);
  const greek = decodePage(bytes([0xd3, 0xf7, 0xef, 0xeb, 0xe9, 0xea, 0xfc], ' 2015-2016'));
  assert.deepEqual([greek.kind, greek.encoding, greek.source], ['text', 'windows-1253', 'guessed']);
  assert.equal(greek.text, 'Σχολικό 2015-2016');
});

test('the two HTML fixtures are the same page in two encodings', () => {
  const windows = decodePage(fixture('old-page.windows-1253.html'));
  const iso = decodePage(fixture('old-page.iso-8859-7.html'));
  assert.deepEqual([windows.encoding, windows.source], ['windows-1253', 'declared']);
  assert.deepEqual([iso.encoding, iso.source], ['iso-8859-7', 'declared']);
  // Neither file is UTF-8, and their bytes differ where the encodings do.
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(fixture('old-page.windows-1253.html')));
  assert.notDeepEqual(fixture('old-page.windows-1253.html').subarray(200), fixture('old-page.iso-8859-7.html').subarray(200));
  const withoutDeclaration = (text: string) => text.replace(/<meta (?:http-equiv|charset)[^>]*>/, '');
  assert.equal(withoutDeclaration(windows.text), withoutDeclaration(iso.text));
  assert.match(windows.text, /Η Ε’ τάξη/);
});
