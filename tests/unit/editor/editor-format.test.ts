/**
 * How the web editor reads and writes a content file. The round trip of every
 * bundled file is tested in tests/unit/editor/editor-config.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { projectFrontMatter } from '../../../src/content/schema.ts';
import { readSourceFile } from '../../../src/content/source-file.ts';
import { FOLDER_NAME_LANGUAGES } from '../../../src/i18n/languages.ts';
import { projectFolderName, readMarkdownFile, repairPlaceholders, writeMarkdownFile } from '../../../src/editor/editor-format.ts';

const FIELDS = ['title', 'summary', 'classes', 'partners', 'continues'];

describe('reading a file', () => {
  test("gives the front matter's fields and the text as body", () => {
    const file = `---\ntitle: The Scratch Project\nclasses: ["Ε'"]\npartners: [Ελλάδα, Λετονία]\n---\n\nΗ Ε' τάξη συμμετέχει στο πρόγραμμα.\n`;
    assert.deepEqual(readMarkdownFile(file), {
      title: 'The Scratch Project',
      classes: ["Ε'"],
      partners: ['Ελλάδα', 'Λετονία'],
      body: "Η Ε' τάξη συμμετέχει στο πρόγραμμα.\n",
    });
  });

  test('without front matter, or with an empty one, gives the text only', () => {
    assert.deepEqual(readMarkdownFile('Μόνο κείμενο.\n'), { body: 'Μόνο κείμενο.\n' });
    assert.deepEqual(readMarkdownFile('---\n---\n\nΚείμενο.\n'), { body: 'Κείμενο.\n' });
    assert.deepEqual(readMarkdownFile(''), {});
  });

  test('refuses a front matter that is not "field: value" lines, as the check does', () => {
    assert.throws(() => readMarkdownFile('---\n- title\n- classes\n---\n'), /The front matter is not a list of "field: value" lines\./);
  });
});

describe('writing a file', () => {
  test("puts the fields in the editor's order, then any other field the file had, then the text", () => {
    const written = writeMarkdownFile(
      { partners: ['Ελλάδα'], body: 'Κείμενο.', classes: ['ΣΤ1'], link: 'https://example.org/', title: 'Olympic Games unite the world' },
      FIELDS,
    );
    assert.equal(written, '---\ntitle: Olympic Games unite the world\nclasses:\n  - ΣΤ1\npartners:\n  - Ελλάδα\nlink: https://example.org/\n---\n\nΚείμενο.\n');
  });

  test('writes a file the check reads back the same: a colon, quotes, a long sentence and Windows line ends', () => {
    const data = {
      title: 'Olympic Games: unite the world',
      summary: `Η ΣΤ1 «συνεργάζεται» με σχολεία από 5 χώρες: ${'Ελλάδα, Τουρκία, Πολωνία, '.repeat(6)}Ρουμανία.`,
      continues: '2014-2015/cool-or-not-too-cool',
      body: 'Πρώτη παράγραφος.\r\n\r\nΔεύτερη.',
    };
    const written = writeMarkdownFile(data, FIELDS);
    const read = readSourceFile('content/2015-2016/olympic-games-unite-the-world/index.el.md', new TextEncoder().encode(written));
    assert.ok('source' in read, JSON.stringify(read));
    assert.deepEqual(read.source.data, { title: data.title, summary: data.summary, continues: data.continues });
    assert.ok(projectFrontMatter.safeParse(read.source.data).success);
    assert.equal(read.source.body, '\nΠρώτη παράγραφος.\n\nΔεύτερη.\n');
    assert.equal(written.split('\n').filter((line) => line.startsWith('summary:')).length, 1, 'a long value stays on one line');
  });

  test('without any field or text is still a file with a front matter', () => {
    assert.equal(writeMarkdownFile({ summary: '  ', body: '\n' }, FIELDS), '---\n---\n');
  });
});

test("a new project's folder is named after its English title, or else its Greek one transliterated", () => {
  assert.equal(projectFolderName({ el: 'Παραδοσιακοί πολιτισμοί', en: 'Traditional Cultures' }, FOLDER_NAME_LANGUAGES), 'traditional-cultures');
  assert.equal(projectFolderName({ el: 'Παραδοσιακοί πολιτισμοί' }, FOLDER_NAME_LANGUAGES), 'paradosiakoi-politismoi');
  assert.equal(projectFolderName({ el: 42, en: null }, FOLDER_NAME_LANGUAGES), '');
});

describe("Decap's Greek placeholders", () => {
  test('are written back as the English phrase names them, in place, however they were broken', () => {
    assert.equal(repairPlaceholders('Σφάλμα: % { Details }, %{ count }', 'Error: %{details}, %{count}'), 'Σφάλμα: %{details}, %{count}');
  });

  test('a placeholder the English phrase does not have, and a phrase without English, are left as they are', () => {
    assert.equal(repairPlaceholders('Σφάλμα: % {other}', 'Error: %{details}'), 'Σφάλμα: % {other}');
    assert.equal(repairPlaceholders('Σφάλμα: % {details}', undefined), 'Σφάλμα: % {details}');
    assert.deepEqual(repairPlaceholders(['% {a}'], ['%{a}']), ['% {a}']);
  });
});
