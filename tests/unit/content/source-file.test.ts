import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSourceFile, type SourceFile } from '../../../src/content/source-file.ts';
import { sayProblem, type SaidProblem } from '../../../src/content/problems.ts';

const FILE = 'content/2015-2016/the-scratch-project/index.el.md';

const utf8 = (text: string) => new TextEncoder().encode(text);

function source(text: string | Uint8Array): SourceFile {
  const result = readSourceFile(FILE, typeof text === 'string' ? utf8(text) : text);
  if ('problems' in result) assert.fail(`expected a source file, got problems: ${JSON.stringify(result.problems)}`);
  return result.source;
}

/** The problems, said in English. */
function problems(text: string | Uint8Array): SaidProblem[] {
  const result = readSourceFile(FILE, typeof text === 'string' ? utf8(text) : text);
  if ('source' in result) assert.fail(`expected problems, got a source file with ${JSON.stringify(result.source.data)}`);
  return result.problems.map((problem) => sayProblem(problem, 'en'));
}

/** Bytes of a text with some raw (possibly invalid) bytes spliced in where `@` is. */
function withBytes(text: string, raw: number[]): Uint8Array {
  const [before, after] = text.split('@') as [string, string];
  return new Uint8Array([...utf8(before), ...raw, ...utf8(after)]);
}

// A project file as teachers write it: lines numbered in the comments.
const PROJECT = [
  '---', // 1
  'title: "The Scratch Project"', // 2
  'classes:', // 3
  '  - "Ε\'"', // 4
  '  - ΣΤ1', // 5
  'partners: [Ελλάδα, Λετονία,', // 6
  '  Ιταλία]', // 7
  'summary:', // 8
  'continues: 2014-2015/cool-or-not-too-cool', // 9
  '---', // 10
  '', // 11
  "Η Ε' τάξη συμμετέχει.", // 12
  '',
].join('\n');

test('reads the front matter as plain data and the body after it', () => {
  const file = source(PROJECT);
  assert.equal(file.file, FILE);
  assert.deepEqual(file.data, {
    title: 'The Scratch Project',
    classes: ["Ε'", 'ΣΤ1'],
    partners: ['Ελλάδα', 'Λετονία', 'Ιταλία'],
    summary: null,
    continues: '2014-2015/cool-or-not-too-cool',
  });
  assert.equal(file.body, "\nΗ Ε' τάξη συμμετέχει.\n");
  assert.equal(file.bodyLine, 11);
});

test('a field is found on its own line', () => {
  const file = source(PROJECT);
  assert.equal(file.lineOf(['title']), 2);
  assert.equal(file.lineOf(['continues']), 9);
  // A field written with nothing after the colon still has its line.
  assert.equal(file.lineOf(['summary']), 8);
});

test('each item of a block list is found on its own line', () => {
  const file = source(PROJECT);
  assert.equal(file.lineOf(['classes', 0]), 4);
  assert.equal(file.lineOf(['classes', 1]), 5);
});

test('each item of a list in brackets is found on its line, also when the list goes on to the next line', () => {
  const file = source(PROJECT);
  assert.equal(file.lineOf(['partners', 0]), 6);
  assert.equal(file.lineOf(['partners', 1]), 6);
  assert.equal(file.lineOf(['partners', 2]), 7);
});

test('an item that is not there falls back to its field, and a field that is not there to line 1', () => {
  const file = source(PROJECT);
  assert.equal(file.lineOf(['partners', 9]), 6);
  assert.equal(file.lineOf(['title', 0]), 2);
  assert.equal(file.lineOf(['titel']), 1);
  assert.equal(file.lineOf([]), 1);
});

test('a UTF-8 byte order mark is not part of the first field, and changes no line number', () => {
  const plain = source(PROJECT);
  const withBom = source(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(PROJECT)]));
  assert.deepEqual(withBom.data, plain.data);
  assert.equal(withBom.body, plain.body);
  assert.equal(withBom.bodyLine, plain.bodyLine);
  for (const path of [['title'], ['classes', 1], ['partners', 2], ['summary'], ['continues']]) {
    assert.equal(withBom.lineOf(path), plain.lineOf(path), `line of ${path.join('.')}`);
  }
});

test('Windows line endings (CRLF) leave no "\\r" in values or body, and change no line number', () => {
  const plain = source(PROJECT);
  const crlf = source(PROJECT.replace(/\n/g, '\r\n'));
  assert.deepEqual(crlf.data, plain.data);
  assert.equal(crlf.body, plain.body);
  assert.ok(!crlf.body.includes('\r'));
  assert.equal(crlf.bodyLine, 11);
  for (const path of [['title'], ['classes', 1], ['partners', 2], ['summary'], ['continues']]) {
    assert.equal(crlf.lineOf(path), plain.lineOf(path), `line of ${path.join('.')}`);
  }
});

test('a byte order mark and CRLF together are still normal input', () => {
  const file = source(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(PROJECT.replace(/\n/g, '\r\n'))]));
  assert.equal(file.data.title, 'The Scratch Project');
  assert.equal(file.lineOf(['classes', 1]), 5);
});

test('a file without front matter is one problem on line 1', () => {
  assert.deepEqual(problems('title: The Scratch Project\n\nSome text.\n'), [
    {
      file: FILE,
      line: 1,
      message: 'The file does not start with front matter (a line with three dashes "---").',
      fix: 'Begin the file with "---", the fields (such as "title: ..."), and another "---" line before the text.',
    },
  ]);
  // An empty line before the dashes is not front matter either.
  assert.equal(problems('\n---\ntitle: x\n---\n')[0]?.message, 'The file does not start with front matter (a line with three dashes "---").');
});

test('front matter that is never closed is one problem on line 1', () => {
  const expected: SaidProblem[] = [
    {
      file: FILE,
      line: 1,
      message: 'The front matter that starts on line 1 is never closed.',
      fix: 'Add a line with three dashes "---" after the last field, before the text.',
    },
  ];
  assert.deepEqual(problems('---\ntitle: The Scratch Project\nclasses: [Ε]\n\nSome text.\n'), expected);
  assert.deepEqual(problems('\uFEFF---\r\ntitle: x\r\n'), expected);
});

test('empty front matter is read as no fields', () => {
  const file = source('---\n---\nText.\n');
  assert.deepEqual(file.data, {});
  assert.equal(file.body, 'Text.\n');
  assert.equal(file.bodyLine, 3);
});

test('a YAML syntax error names the line it is on', () => {
  const text = PROJECT.replace('title: "The Scratch Project"', 'title: "The Scratch Project');
  const found = problems(text);
  assert.deepEqual(found, [
    {
      file: FILE,
      line: 2,
      message: 'A quote or a bracket opened here is never closed.',
      fix: 'Close it at the end of the value, e.g. title: "Cool or not too cool?" or classes: [Δ2, Ε1]',
    },
  ]);
  // The same with a byte order mark and CRLF: the same line.
  const crlf = problems(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text.replace(/\n/g, '\r\n'))]));
  assert.deepEqual(crlf, found);
});

test('a field written twice is a problem on the second one', () => {
  const found = problems('---\ntitle: A\nclasses: [Ε]\ntitle: B\n---\n');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.line, 4);
  assert.equal(found[0]?.message, 'This field is written a second time.');
  assert.equal(found[0]?.fix, 'Keep only one of the two lines.');
});

test('front matter that is a list rather than fields is a problem', () => {
  assert.deepEqual(problems('---\n- title\n- classes\n---\n'), [
    {
      file: FILE,
      line: 2,
      message: 'The front matter is not a list of "field: value" lines.',
      fix: 'Write one field per line, for example "title: The Scratch Project".',
    },
  ]);
});

const NOT_UTF8: SaidProblem = {
  file: FILE,
  line: 0, // replaced per case
  message: 'This file is not saved as UTF-8 text, so its Greek letters cannot be read.',
  fix: 'Open the file in your editor and save it with the encoding "UTF-8" (in the GitHub web editor, copy the text into a new file).',
};

test('a file saved in another encoding is one problem on the line of the first byte that is not UTF-8', () => {
  // "áé" in Latin-1 (or "αι" in Windows-1253) on line 3, after valid Greek on line 2.
  assert.deepEqual(problems(withBytes('---\ntitle: Καλημέρα\nsummary: caf@\n---\n', [0xe1, 0xe9])), [{ ...NOT_UTF8, line: 3 }]);
  // On line 1.
  assert.deepEqual(problems(withBytes('@---\ntitle: x\n---\n', [0xe1])), [{ ...NOT_UTF8, line: 1 }]);
  // In the body, after the front matter.
  assert.deepEqual(problems(withBytes('---\ntitle: x\n---\n\nΚείμενο.\nΚαλημ@ρα\n', [0xdd])), [{ ...NOT_UTF8, line: 6 }]);
});

test('the line of a bad byte counts lines the same with CRLF and a byte order mark', () => {
  const bytes = withBytes('\uFEFF---\r\ntitle: Καλημέρα\r\nclasses: [Ε]\r\nsummary: @\r\n---\r\n', [0xe1, 0xe9]);
  assert.deepEqual(problems(bytes), [{ ...NOT_UTF8, line: 4 }]);
});

test('every kind of broken UTF-8 sequence is found on its line', () => {
  const cases: Array<[string, number[]]> = [
    ['a continuation byte on its own', [0x80]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['a lead byte followed by an ASCII letter', [0xce, 0x41]],
    ['a three-byte sequence cut short', [0xe2, 0x80]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a byte that never appears in UTF-8', [0xff]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ];
  for (const [what, raw] of cases) {
    const found = problems(withBytes('---\ntitle: Ελλάδα €\nsummary: x\nclasses: @y\n---\n', raw));
    assert.deepEqual(found, [{ ...NOT_UTF8, line: 4 }], what);
  }
  // Cut short at the very end of the file.
  assert.deepEqual(problems(withBytes('---\ntitle: x\n---\nΚείμενο @', [0xce])), [{ ...NOT_UTF8, line: 4 }]);
});

const CONTROL_FIX = 'Delete it: most editors show it as a small red dot or box; if you cannot see it, delete the line and type it again.';
const control = (line: number, code: string): SaidProblem => ({
  file: FILE,
  line,
  message: `This line contains an invisible control character (${code}), which cannot be published: it would make the site's feeds unreadable.`,
  fix: CONTROL_FIX,
});

test('an invisible control character in the front matter or the body is a problem on its line, named by its code', () => {
  // A NUL in a title once made the Atom feed ill-formed XML.
  assert.deepEqual(problems('---\ntitle: "The Scratch\0 Project"\nclasses: [Ε]\n---\n'), [control(2, 'U+0000')]);
  // In the body, one problem per line, each naming the first one on it.
  assert.deepEqual(problems('---\ntitle: x\n---\n\nA bell\u0007 and an escape\u001b[0m.\nFine.\nA form feed\f.\n'), [
    control(5, 'U+0007'),
    control(7, 'U+000C'),
  ]);
  // DEL, the C1 controls a text converted twice between encodings carries, and the noncharacters U+FFFE and U+FFFF.
  for (const char of ['\u007f', '\u0080', '\u0093', '\u009f', '\ufffe', '\uffff']) {
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    assert.deepEqual(problems(`---\ntitle: x\nsummary: a${char}b\n---\n`), [control(3, code)], code);
  }
  // The same line with a byte order mark and Windows line endings (a carriage return is a line ending, not a control character).
  assert.deepEqual(problems('\uFEFF---\r\ntitle: x\r\nsummary: a\u0001b\r\n---\r\n'), [control(3, 'U+0001')]);
});

test('a tab, a line break and any other character are normal text', () => {
  const file = source('---\ntitle: "Tab\\there"\nsummary: "Ζ\u00a0ζ — “ok” ‘ok’ \u200b \u2028 😀"\n---\n\n\tIndented\ttext.\n');
  assert.equal(file.data.title, 'Tab\there');
  assert.equal(file.body, '\n\tIndented\ttext.\n');
});

test('a control character written as a YAML escape is a problem on its line too', () => {
  assert.deepEqual(problems('---\ntitle: x\nclasses: [Ε]\nsummary: "Bell\\a, NUL\\0 and \\x01"\n---\n'), [
    {
      file: FILE,
      line: 4,
      message: 'The value here writes an invisible control character (U+0007) with a backslash escape (such as \\0 or \\x01), which cannot be published.',
      fix: 'Remove the backslash and the letters or digits after it from the value.',
    },
  ]);
  // In a list item, and in a field's name.
  assert.deepEqual(
    problems('---\ntitle: x\npartners:\n  - GR\n  - "L\\u0000V"\n"ti\\x1btle": y\n---\n').map((problem) => problem.line),
    [5, 6],
  );
});

test('a file saved as UTF-16 without a byte order mark is not UTF-8', () => {
  const utf16 = new Uint8Array([...'---\ntitle: x\n---\n\nText.\n'].flatMap((char) => [char.charCodeAt(0), 0]));
  assert.deepEqual(problems(utf16), [{ ...NOT_UTF8, line: 1 }]);
});

const sign = (line: number, sign: string): SaidProblem => ({
  file: FILE,
  line,
  message: `A value here starts with "${sign}", which YAML reads as a special sign (an anchor, an alias or a tag), not as text.`,
  fix: 'Put the value in double quotes, e.g. title: "*Important* news"; the archive\'s files never need these signs.',
});

test('a "billion laughs" of YAML aliases is a problem on each line that uses them, and nothing is expanded', () => {
  const lines = ['---', 'title: x', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const name of 'bcdefghi') {
    const previous = String.fromCharCode(name.charCodeAt(0) - 1);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  const started = performance.now();
  const found = problems([...lines, '---', ''].join('\n'));
  assert.ok(performance.now() - started < 1000, 'read at once');
  assert.deepEqual(
    found,
    [3, 4, 5, 6, 7, 8, 9, 10, 11].map((line) => sign(line, '&')),
  );
});

test('a value that starts with *, & or ! is a problem with the fix, not an alias, an anchor or a tag', () => {
  // Markdown's emphasis in a title: an alias to nothing, which the YAML library throws on.
  assert.deepEqual(problems('---\ntitle: *Important* news\nclasses: [Ε]\n---\n'), [sign(2, '*')]);
  // An anchor on an empty value would make the title empty; a tag would drop it.
  assert.deepEqual(problems('---\ntitle: &Co\n---\n'), [sign(2, '&')]);
  assert.deepEqual(problems('---\ntitle: !New\n---\n'), [sign(2, '!')]);
  assert.deepEqual(problems('---\ntitle: !!str 1984\nsummary: !!binary aGVsbG8=\n---\n'), [sign(2, '!'), sign(3, '!')]);
  // Named on the line where the sign is written, also when the value starts on the next one.
  assert.deepEqual(problems('---\ntitle: x\nclasses: &list\n  - Ε\npartners: *list\n---\n'), [sign(3, '&'), sign(5, '*')]);
  // In double quotes they are text.
  assert.equal(source('---\ntitle: "*Important* news & !more"\n---\n').data.title, '*Important* news & !more');
});

test('a field name that is a list is an unknown field, read without any warning printed', () => {
  const warnings: string[] = [];
  const listen = (warning: Error) => warnings.push(warning.message);
  process.on('warning', listen);
  try {
    const file = source('---\n? [a, b]\n: c\ntitle: x\n---\n');
    assert.deepEqual(Object.keys(file.data), ['[ a, b ]', 'title']);
  } finally {
    process.off('warning', listen);
  }
  assert.deepEqual(warnings, []);
});

test('a value YAML would read as a number keeps the characters the teacher typed: every field is text', () => {
  const read = readSourceFile(
    'content/x/index.el.md',
    new TextEncoder().encode('---\ntitle: 007\nsummary: 1.50\nclasses: [5, 6]\nname: 0x1F\nemail: 1e3\n---\n'),
  );
  assert.ok('source' in read);
  assert.deepEqual(read.source.data, { title: '007', summary: '1.50', classes: ['5', '6'], name: '0x1F', email: '1e3' });
});

test('"..." inside the front matter is told in a teacher\'s words, on its line, not the YAML library\'s', () => {
  assert.deepEqual(problems('---\ntitle: A\n...\npartners: [LV]\n---\n\nText.\n'), [
    {
      file: FILE,
      line: 3,
      message: 'The line "..." here ends the fields before their end, so the fields below it are not read.',
      fix: 'Delete this line: the fields end only with a line holding nothing but "---", before the text.',
    },
  ]);
});

test('a second "---" in the middle of the fields is told on its line, not as fields missing below it', () => {
  for (const [marker, field] of [
    ['---\nclasses: [Ε]', 'classes'],
    ['--- partners: [LV]', 'partners'],
  ] as const) {
    assert.deepEqual(problems(`---\ntitle: A\n${marker}\nsummary: B\n---\n\nText.\n`), [
      {
        file: FILE,
        line: 3,
        message: `This "---" line ends the fields before their end: "${field}" and the fields below it would be read as the page's text.`,
        fix: 'Delete this line (or what is written after its "---"): the fields end with a single "---" line, after the last field.',
      },
    ]);
  }
  // A text that begins with a field's name, or has a horizontal rule, is a text.
  assert.equal(source('---\ntitle: A\n---\n\nsummary: the pupils wrote one.\n').body.trim(), 'summary: the pupils wrote one.');
  assert.equal(source('---\ntitle: A\n---\n\nFirst part.\n\n---\n\nSecond part.\n').data.title, 'A');
});

test('a text that begins like a field and has a horizontal rule further down is a text, not fields after an early "---"', () => {
  const texts = [
    '---\ntitle: "4 Seasons"\n---\n\nsummary: what we did this year.\n\n---\n\nMore text.\n',
    '---\ntitle: A\n---\n\nlink: https://example.org/our-project\n\n---\n\nMore text.\n',
    '---\nname: A school\n---\nemail: write to us.\nWe answer every letter.\n\n---\n\nMore text.\n',
    // Lines with no blank line among them, but not all of them fields.
    '---\ntitle: A\n---\nsummary: B\nOur pupils: twenty.\n---\n',
    // A field's name, then something YAML cannot read as a value.
    '---\ntitle: A\n---\nsummary: what: we did\n---\n',
  ];
  for (const text of texts) {
    const file = source(text);
    assert.equal(file.body, text.split('---\n').slice(2).join('---\n'), text);
  }
  // Fields split by a stray "---" are still told.
  assert.equal(problems('---\ntitle: A\n---\nclasses: [Ε]\nsummary: B\n---\nText.\n')[0]?.line, 3);
});

test('a heading underlined with "---" is a heading, also when its words begin like a field', () => {
  const texts = [
    // A field the front matter already has: a stray "---" cannot have cut it off.
    '---\ntitle: A\nsummary: "S"\n---\nsummary: what we did\n---\n\nText.\n',
    '---\ntitle: A\nsummary: "S"\n---\n\nsummary: what we did\n---\n\nText.\n',
    '---\ntitle: A\nlink: https://example.org/p\n---\nlink: https://example.com\n---\n\nText.\n',
    // One line after a blank line, then "---": a heading's underline.
    '---\ntitle: A\n---\n\nsummary: what we did\n---\n\nText.\n',
  ];
  for (const text of texts) assert.equal(source(text).body, text.split('---\n').slice(2).join('---\n'), text);
});

test('a stray "---" followed by a blank line and the rest of the fields is told', () => {
  const found = problems('---\ntitle: A\n---\n\nclasses: [Ε]\npartners: [LV]\nsummary: B\n---\n\nText.\n');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.line, 3);
  assert.match(found[0]!.message, /This "---" line ends the fields before their end: "classes"/);
});

test("lists inside lists too deep to read are one problem on the field's line, without the reader's own words", () => {
  const deep = {
    'ten thousand "[" left open': `title: ${'['.repeat(10_000)}`,
    'ten thousand "[" closed again': `title: ${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    'three thousand lists indented under each other': `title:\n${Array.from({ length: 3000 }, (_, depth) => `${'  '.repeat(depth)}- `).join('\n')}x`,
  };
  for (const [what, yaml] of Object.entries(deep)) {
    const found = problems(`---\nclasses: [Ε]\n${yaml}\n---\n`);
    assert.deepEqual(
      found.map(({ line, field, message, fix }) => ({ line, field, message, fix })),
      [
        {
          line: 3,
          field: 'title',
          message: 'The field here holds lists inside lists, too deep to be read (many "[" or "-" one inside the other).',
          fix: 'Write one line of text, e.g. title: "Our project", or one plain list, e.g. classes: [Ε\', ΣΤ1].',
        },
      ],
      what,
    );
  }
});
