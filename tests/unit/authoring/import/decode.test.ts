import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodePage, notAPage } from '../../../../src/authoring/import/decode.ts';
import { controlCharacterIn } from '../../../../src/content/source-file.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url));
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

test('a photo, a PDF, a ZIP or any file with NUL bytes is not a page; a page is, also one in UTF-16 or starting like XML', () => {
  const photo = readFileSync(new URL('../../../../content/2015-2016/the-scratch-project/programming-blocks.jpg', import.meta.url));
  assert.equal(notAPage(photo), 'JPEG');
  assert.equal(notAPage(bytes([0x89], 'PNG\r\n', [0x1a], '\n', [0, 0, 0, 13], 'IHDR')), 'PNG');
  assert.equal(notAPage(bytes('%PDF-1.4\n%')), 'PDF');
  // A Word file (.docx) or an archive of the site is a ZIP.
  assert.equal(notAPage(bytes('PK', [3, 4, 20, 0, 6, 0])), 'ZIP');
  assert.equal(notAPage(bytes('Σχολικό έτος', [0], 'x')), 'binary');
  assert.equal(notAPage(new Uint8Array(64)), 'binary');

  assert.equal(notAPage(fixture('old-page.windows-1253.html')), undefined);
  assert.equal(notAPage(bytes('<?xml version="1.0" encoding="windows-1253"?><html><p>x</p></html>')), undefined);
  assert.equal(notAPage(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Σχολικό έτος</p>', 'utf16le')])), undefined);
});

test('a page with a few NUL bytes (padding at its end, a stray one in the text) is a page; NULs all through the file, or UTF-16 without its mark, are not', () => {
  const page = fixture('old-page.windows-1253.html');
  for (const [what, bytesWithNul] of [
    ['four NULs of padding at the end', Buffer.concat([page, Buffer.alloc(4)])],
    ['a long run of padding at the end', Buffer.concat([page, Buffer.alloc(20_000)])],
    ['one NUL in the text', Buffer.concat([page.subarray(0, 500), Buffer.alloc(1), page.subarray(500)])],
    ['a short page with padding', Buffer.concat([Buffer.from('<p>Σχολικό έτος 2015-2016</p>\n'), Buffer.alloc(4)])],
  ] as const) {
    assert.equal(notAPage(bytesWithNul), undefined, what);
    assert.ok(!decodePage(bytesWithNul).text.includes('\0'), what);
  }
  assert.match(decodePage(Buffer.concat([page, Buffer.alloc(4)])).text, /Το 14ο Δημοτικό Σχολείο Αχαρνών/);
  // UTF-16 without a byte order mark: a NUL in every other byte of the markup.
  assert.equal(notAPage(Buffer.from('<html><p>Σχολικό έτος 2015-2016</p></html>', 'utf16le')), 'binary');
  // NULs scattered through the start (3 in 200 bytes), as in a binary file.
  const scattered = Buffer.from('x'.repeat(200));
  for (const at of [10, 90, 150]) scattered[at] = 0;
  assert.equal(notAPage(scattered), 'binary');
});

test('control characters are dropped from the text, as the check would refuse them; tabs and line endings stay', () => {
  const page = bytes('<p>Σχολικό', [0x0c], ' έτος\t2015-2016', [0x01, 0x7f], '</p>\r\n<p>a', [0x1b], 'b</p>\n');
  const decoded = decodePage(page);
  assert.equal(decoded.text, '<p>Σχολικό έτος\t2015-2016</p>\r\n<p>ab</p>\n');
  // A byte windows-1253 leaves undefined becomes a C1 control (U+0081): dropped too.
  const undefinedByte = decodePage(bytes('<meta charset="windows-1253"><p>', [0xc1, 0x81, 0xe2], '</p>'));
  assert.match(undefinedByte.text, /<p>Αβ<\/p>/);
  assert.equal(controlCharacterIn(undefinedByte.text.replace(/\r/g, '')), undefined);
});

test('a Greek page that declares windows-1252 or ISO-8859-1 is read as windows-1253, and says so', () => {
  const greek = fixture('old-page.windows-1253.html').toString('latin1');
  assert.match(greek, /charset=windows-1253/);
  for (const label of ['windows-1252', 'iso-8859-1', 'ISO-8859-15']) {
    const decoded = decodePage(Buffer.from(greek.replace('charset=windows-1253', `charset=${label}`), 'latin1'));
    assert.equal(decoded.encoding, 'windows-1253', label);
    assert.equal(decoded.source, 'greek-letters', label);
    // As the page writes it: TextDecoder's name for iso-8859-1 is windows-1252, which the page does not say.
    assert.equal(decoded.declared, label);
    assert.match(decoded.text, /Το 14ο Δημοτικό Σχολείο Αχαρνών/);
    assert.doesNotMatch(decoded.text, /Ôï 14ï Äçìïôéêü/);
  }
});

test('a French or German page in windows-1252 stays windows-1252: its accented words are not Greek words', () => {
  const french = bytes(
    '<meta charset="windows-1252"><p>L',
    [0x92],
    '',
    [0xe9],
    'cole a particip',
    [0xe9],
    ' ',
    [0xe0],
    ' un projet avec des ',
    [0xe9],
    'l',
    [0xe8],
    'ves d',
    [0x92],
    'Espagne pendant l',
    [0x92],
    [0xe9],
    't',
    [0xe9],
    '. F',
    [0xfc],
    'r die Sch',
    [0xfc],
    'ler, sch',
    [0xf6],
    'n und gro',
    [0xdf],
    '.</p>',
  );
  const decoded = decodePage(french);
  assert.equal(decoded.encoding, 'windows-1252');
  assert.equal(decoded.source, 'declared');
  assert.match(decoded.text, /L’école a participé à un projet avec des élèves d’Espagne pendant l’été\. Für die Schüler, schön und groß\./);
  // A page declared in a Cyrillic encoding keeps it: its words are all high bytes too, and are not Greek.
  assert.equal(
    decodePage(bytes('<meta charset="koi8-r"><p>', [0xdb, 0xcb, 0xcf, 0xcc, 0xc1], ' ', [0xd0, 0xd2, 0xcf, 0xc5, 0xcb, 0xd4], ' ', [0xcd, 0xc9, 0xd2], '</p>'))
      .encoding,
    'koi8-r',
  );
});
