import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diskLinkProblems, findDiskLinks } from '../../../src/content/disk-links.ts';
import { sayProblem } from '../../../src/content/problems.ts';
import { parseMarkdown } from '../../../src/content/markdown.ts';
import type { SourceFile } from '../../../src/content/source-file.ts';

/** The links to a computer's files in a body that starts on line 6 of its file. */
const diskLinks = (body: string) => findDiskLinks(parseMarkdown(body), 6);

describe('a link to a file on a computer', () => {
  test('is found, written as file:, a Windows drive or a network share, with its line', () => {
    const body = [
      'Δείτε [το σχέδιο](file:///C:/Users/teacher/plan.docx).', // 6
      '', // 7
      'Η [αφίσα](C:\\Users\\teacher\\poster.pdf) και η [παρουσίαση](D:/school/slides.pptx)', // 8
      'και [οι φωτογραφίες](\\\\server\\share\\photos) και <file:///home/teacher/notes.txt>.', // 9
    ].join('\n');
    assert.deepEqual(diskLinks(body), [
      { href: 'file:///C:/Users/teacher/plan.docx', line: 6 },
      { href: 'C:\\Users\\teacher\\poster.pdf', line: 8 },
      { href: 'D:/school/slides.pptx', line: 8 },
      // Markdown reads the first backslash of "\\server" as an escape: the link holds one.
      { href: '\\server\\share\\photos', line: 9 },
      { href: 'file:///home/teacher/notes.txt', line: 9 },
    ]);
  });

  test('is quoted as the teacher wrote it, its escaped spaces and Greek letters read back', () => {
    assert.deepEqual(diskLinks('[Το σχέδιο](file:///C:/Users/teacher/%CE%A3%CF%87%CE%AD%CE%B4%CE%B9%CE%BF%20%CE%B1.docx)'), [
      { href: 'file:///C:/Users/teacher/Σχέδιο α.docx', line: 6 },
    ]);
  });

  test('in a list, a quote or a table is found on its own line', () => {
    const body = ['- πρώτο', '- [δεύτερο](file:///x.doc)', '', '> [παράθεση](C:/y.doc)', '', '| α | β |', '|---|---|', '| 1 | [z](file:///z.doc) |'].join('\n');
    assert.deepEqual(
      diskLinks(body).map((link) => link.line),
      [7, 9, 13],
    );
  });
});

test("links to the web and to the site's own pages are not", () => {
  const body = [
    '[TwinSpace](https://twinspace.etwinning.net/12345), [η προηγούμενη χρονιά](/2014-2015/cool-or-not-too-cool/),',
    '[e-mail](mailto:school@example.org), [κάτω](#photos), <https://www.etwinning.net/> και www.etwinning.net.',
  ].join('\n');
  assert.deepEqual(diskLinks(body), []);
});

test('a photo written as a file: path is not a link (photos.ts names it)', () => {
  assert.deepEqual(diskLinks('![Η τάξη](file:///C:/Users/teacher/class.jpg)'), []);
});

test('each is a problem on its line that says why visitors cannot open it, a long address shortened', () => {
  const source = { file: 'content/2015-2016/the-scratch-project/index.en.md' } as SourceFile;
  const long = `file:///C:/Users/teacher/${'Documents/'.repeat(10)}plan.docx`;
  const problems = diskLinkProblems(source, [
    { href: 'C:\\Users\\teacher\\poster.pdf', line: 8 },
    { href: long, line: 9 },
  ]).map((problem) => sayProblem(problem, 'en'));
  assert.deepEqual(problems[0], {
    file: 'content/2015-2016/the-scratch-project/index.en.md',
    line: 8,
    message: 'The link "C:\\Users\\teacher\\poster.pdf" leads to a file on a computer, which the site\'s visitors cannot open.',
    fix: "Link to a web address (https://...) where the file is published, such as the project's TwinSpace, or remove the link.",
  });
  assert.equal(problems[1]!.message, `The link "${long.slice(0, 77)}…" leads to a file on a computer, which the site's visitors cannot open.`);
});
