import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { z } from 'zod';
import { issueProblems } from '../../../src/content/issue-problems.ts';
import { sayProblem, type SaidProblem } from '../../../src/content/problems.ts';
import { PROJECT_FIELDS, projectFrontMatter, type RefusedValue, SCHOOL_FIELDS, schoolFrontMatter } from '../../../src/content/schema.ts';
import { readSourceFile } from '../../../src/content/source-file.ts';
import type { Lang } from '../../../src/i18n/languages.ts';

const FILE = 'content/2015-2016/the-scratch-project/index.el.md';

/** The problems a project file's front matter gives, as load.ts reports them. */
/** The problems of a project file with this front matter, said in English (or `inLanguage`'s language). */
function projectProblems(...frontMatter: string[]): SaidProblem[] {
  return projectProblemsIn('en', ...frontMatter);
}

function projectProblemsIn(lang: Lang, ...frontMatter: string[]): SaidProblem[] {
  const read = readSourceFile(FILE, new TextEncoder().encode(`---\n${frontMatter.join('\n')}\n---\n\nΚείμενο.\n`));
  if (!('source' in read)) assert.fail(`the file could not be read: ${JSON.stringify(read.problems)}`);
  const parsed = projectFrontMatter.safeParse(read.source.data);
  if (parsed.success) assert.fail('the front matter was accepted');
  return issueProblems(read.source, parsed.error.issues, PROJECT_FIELDS).map((problem) => sayProblem(problem, lang));
}

/** One problem, without the file (always FILE). */
function only(problems: SaidProblem[]): Omit<SaidProblem, 'file'> {
  assert.equal(problems.length, 1, JSON.stringify(problems));
  const [{ file, ...problem }] = problems as [SaidProblem];
  assert.equal(file, FILE);
  return problem;
}

const CLASSES = ['classes:', '  - "Ε\'"'];
const PARTNERS = ['partners: [Ελλάδα, Λετονία]'];

describe('a field this archive does not know', () => {
  test('is named on its own line, with the field probably meant and the list of fields', () => {
    assert.deepEqual(only(projectProblems('title: The Scratch Project', ...CLASSES, 'partner: [Λετονία]')), {
      line: 5,
      field: 'partner',
      message: '"partner" is not a field this archive knows.',
      fix: 'Did you mean "partners"? The fields are: title, summary, classes, partners, continues, labels, link, outcomes.',
    });
  });

  test('each one is a problem of its own', () => {
    const problems = projectProblems('titel: The Scratch Project', 'title: The Scratch Project', 'sumary: Παιδιά φτιάχνουν παιχνίδια.');
    assert.deepEqual(
      problems.map(({ line, field, fix }) => ({ line, field, nearest: /"(\w+)"/.exec(fix)?.[1] })),
      [
        { line: 2, field: 'titel', nearest: 'title' },
        { line: 4, field: 'sumary', nearest: 'summary' },
      ],
    );
  });
});

describe('a required field', () => {
  test('that is missing says which line to add, with an example', () => {
    assert.deepEqual(only(projectProblems(...CLASSES, ...PARTNERS)), {
      line: 1,
      field: 'title',
      message: 'The field "title" is missing.',
      fix: "Add a line with the title in this file's language, for example: title: The Scratch Project.",
    });
  });

  test('written with nothing after it, or as "", is empty, on its line', () => {
    for (const empty of ['title:', 'title: ""', 'title: "   "']) {
      assert.deepEqual(only(projectProblems(...CLASSES, empty)), {
        line: 4,
        field: 'title',
        message: 'The field "title" is empty.',
        fix: "Write the title in this file's language, for example: title: The Scratch Project.",
      });
    }
  });

  test('a title that is a list says it is a list, and to write one line of text', () => {
    assert.deepEqual(only(projectProblems('title: [The, Scratch, Project]')), {
      line: 2,
      field: 'title',
      message: 'The field "title" is a list (in [ ] or on lines starting with "-"), not what it should hold.',
      fix: "Write one line of text, on the same line as the field name, without [ ] and without indented lines below: the title in this file's language, for example: title: The Scratch Project.",
    });
  });

  test('a title with named values indented under it says it is a set of named values, in both languages', () => {
    const frontMatter = ['title:', '  en: The Scratch Project', '  el: Το έργο Scratch', ...CLASSES, ...PARTNERS];
    const problem = only(projectProblems(...frontMatter));
    assert.equal(problem.field, 'title');
    // The field's own line, not the first of the values under it.
    assert.equal(problem.line, 2);
    assert.equal(problem.message, 'The field "title" is a set of named values ("name: value" lines indented under it, or in { }), not what it should hold.');
    assert.match(problem.fix, /^Write one line of text, .*title: The Scratch Project\.$/);
    const greek = only(projectProblemsIn('el', ...frontMatter));
    assert.match(greek.message, /^Το πεδίο «title» είναι ένα σύνολο από ονομασμένες τιμές/);
    assert.match(greek.fix, /^Γράψτε μία γραμμή κειμένου/);
  });

  test('a summary that is a list is told the same way; a list field holding named values is told what to write', () => {
    const summary = only(projectProblems('title: x', 'summary: [Pupils make games.]', ...CLASSES, ...PARTNERS));
    assert.equal(summary.message, 'The field "summary" is a list (in [ ] or on lines starting with "-"), not what it should hold.');
    assert.match(summary.fix, /^Write one line of text, .*summary: Pupils make games with Scratch/);
    const classes = only(projectProblems('title: x', 'classes: {Ε: 1}', ...PARTNERS));
    assert.match(classes.message, /^The field "classes" is a set of named values/);
    assert.match(classes.fix, /^Write the classes as a list, for example: classes: \[Ε', ΣΤ1\]/);
  });

  test('a title on two lines, quoted with \\n or as a block, is refused: a title is one line', () => {
    for (const title of ['title: "The Scratch\\nProject"', 'title: |\n  The Scratch\n  Project']) {
      assert.deepEqual(only(projectProblems(title, ...CLASSES, ...PARTNERS)), {
        line: 2,
        field: 'title',
        message: 'The field "title" is written on more than one line.',
        fix: 'A title is one line: write the title in this file\'s language, for example: title: The Scratch Project, without a line break (no "|" or "\\n").',
      });
    }
    // A folded block (`>`) joins its lines with spaces: one line, and fine.
    const folded = readSourceFile(FILE, new TextEncoder().encode(`---\ntitle: >\n  The Scratch\n  Project\n${[...CLASSES, ...PARTNERS].join('\n')}\n---\n`));
    assert.ok('source' in folded && projectFrontMatter.safeParse(folded.source.data).success);
  });
});

describe('a field name with an invisible character', () => {
  test('a byte order mark (U+FEFF) before it is named, with the fix to delete it, not "did you mean" the same name', () => {
    assert.deepEqual(only(projectProblems('title: The Scratch Project', '\uFEFFclasses: [Ε]', ...PARTNERS)), {
      line: 3,
      field: 'classes',
      message: 'The field name "classes" has an invisible character (U+FEFF) before it, so the archive does not recognise it.',
      fix: 'Delete the invisible character (at the start of the line, press Delete once), or delete "classes" and type it again.',
    });
    const greek = only(projectProblemsIn('el', 'title: The Scratch Project', '\uFEFFclasses: [Ε]', ...PARTNERS));
    assert.equal(greek.message, 'Το όνομα του πεδίου «classes» έχει μπροστά του έναν αόρατο χαρακτήρα (U+FEFF), γι’ αυτό το αρχείο δεν το αναγνωρίζει.');
  });

  test('a zero-width space or a soft hyphen inside it is named too, with a fix that does not send the teacher to the start of the line', () => {
    const problem = only(projectProblems('title: The Scratch Project', ...CLASSES, 'part\u200Bners: [Λετονία]'));
    assert.equal(problem.message, 'The field name "partners" has an invisible character (U+200B) in it, so the archive does not recognise it.');
    const hyphen = only(projectProblems('title: The Scratch Project', 'sum\u00ADmary: Pupils make games.', ...CLASSES, ...PARTNERS));
    assert.deepEqual(hyphen, {
      line: 3,
      field: 'summary',
      message: 'The field name "summary" has an invisible character (U+00AD) in it, so the archive does not recognise it.',
      fix: 'Delete the whole name "summary" and type it again: the invisible character sits between two of its letters, where it cannot be seen.',
    });
  });
});

describe('a class or a country that cannot be understood', () => {
  test('is named on its own line of the list, with the classes probably meant', () => {
    const problem = only(projectProblems('title: The Scratch Project', 'classes:', '  - "Ε\'"', '  - "Ζ1"'));
    assert.equal(problem.line, 5);
    assert.equal(problem.field, 'classes');
    assert.equal(problem.message, '"Ζ1" is not a class of a primary school.');
    assert.match(problem.fix, /^Did you mean .+\? Write a whole grade \(Α' to ΣΤ'\) or a section such as ΣΤ1\.$/);
  });

  test('names the countries probably meant in Greek and English, with their codes', () => {
    const problem = only(projectProblems('title: The Scratch Project', 'partners: [Ελλάδα, Latvija]'));
    assert.equal(problem.line, 3);
    assert.equal(problem.message, '"Latvija" is not a country this archive knows.');
    assert.match(problem.fix, /^Did you mean Λετονία \/ Latvia \(LV\)(?: or [^?]+)?\? Write the country's name in Greek or English, or its two-letter code\.$/);
  });

  test('without a value to suggest, says only what to write', () => {
    const read = readSourceFile(FILE, new TextEncoder().encode('---\ntitle: The Scratch Project\npartners: [Ατλαντίδα]\n---\n'));
    assert.ok('source' in read);
    const refused: RefusedValue = { kind: 'country', value: 'Ατλαντίδα', suggestions: [] };
    const issue: z.core.$ZodIssue = { code: 'custom', path: ['partners', 0], message: 'unknown country', params: refused, input: 'Ατλαντίδα' };
    assert.deepEqual(
      issueProblems(read.source, [issue], PROJECT_FIELDS).map((problem) => sayProblem(problem, 'en')),
      [
        {
          file: FILE,
          line: 3,
          field: 'partners',
          message: '"Ατλαντίδα" is not a country this archive knows.',
          fix: "Write the country's name in Greek or English, or its two-letter code.",
        },
      ],
    );
  });
});

describe('a class or a country written twice', () => {
  test('is a problem on the later one, naming the earlier one as written and its line', () => {
    assert.deepEqual(only(projectProblems('title: The Scratch Project', 'partners:', '  - Λετονία', '  - Ιταλία', '  - LV')), {
      line: 6,
      field: 'partners',
      message: '"LV" is written twice: it is the same country as "Λετονία" on line 4.',
      fix: 'Delete one of the two.',
    });
  });

  test('in a list on one line, "Ε1, E1" (the second with a Latin E)', () => {
    const problem = only(projectProblems('title: The Scratch Project', 'classes: Ε1, E1'));
    assert.equal(problem.line, 3);
    assert.equal(problem.message, '"E1" is written twice: it is the same class as "Ε1" on line 3.');
  });

  test('each of the two is quoted as written in the file, not in its normal spelling', () => {
    const problem = only(projectProblems('title: The Scratch Project', "classes: [ε', Ε΄]", ...PARTNERS));
    assert.equal(problem.message, '"Ε΄" is written twice: it is the same class as "ε\'" on line 3.');
  });
});

const TITLE = 'title: The Scratch Project';

describe('a Quality Label, a link or an outcome that cannot be read', () => {
  test('a label that is not one: the file, its line, the value and the nearest labels, in English and Greek', () => {
    const LABELS = ['labels:', '  - national', '  - Gold Label', '  - europian'];
    const problems = projectProblems(...LABELS, TITLE);
    assert.deepEqual(
      problems.map(({ file, line, field }) => ({ file, line, field })),
      [
        { file: FILE, line: 4, field: 'labels' },
        { file: FILE, line: 5, field: 'labels' },
      ],
    );
    assert.equal(problems[0]!.message, '"Gold Label" is not an eTwinning Quality Label.');
    assert.match(problems[0]!.fix, /Write national \(the National Quality Label\) or european \(the European Quality Label\)/);
    assert.match(problems[1]!.fix, /^Did you mean european\? /);
    const greek = projectProblemsIn('el', ...LABELS, TITLE);
    assert.equal(greek[1]!.message, 'Το «europian» δεν είναι Ετικέτα Ποιότητας eTwinning.');
    assert.match(greek[1]!.fix, /^Μήπως εννοείτε european; Γράψτε national \(Εθνική Ετικέτα Ποιότητας\) ή european/);
  });

  test('the same label twice, however written, is named on its line with the earlier one', () => {
    assert.deepEqual(only(projectProblems('labels: [Εθνική Ετικέτα Ποιότητας, european, NQL]', TITLE)), {
      line: 2,
      field: 'labels',
      message: '"NQL" is written twice: it is the same label as "Εθνική Ετικέτα Ποιότητας" on line 2.',
      fix: 'Delete one of the two.',
    });
  });

  test('a link that is not https says what to write, with the https address when there is one', () => {
    const insecure = projectProblems('link: http://school-education.ec.europa.eu/el/etwinning/projects/x', TITLE);
    assert.equal(insecure.length, 1);
    assert.deepEqual([insecure[0]!.line, insecure[0]!.field], [2, 'link']);
    assert.match(insecure[0]!.message, /^"http:\/\/school-education\.ec\.europa\.eu\/el\/etwinning\/projects\/x" is an http address/);
    assert.match(insecure[0]!.fix, /^Write https:\/\/school-education\.ec\.europa\.eu\/el\/etwinning\/projects\/x, the same address with https:\/\//);

    const file = projectProblems('link: C:\\Users\\teacher\\twinspace.html', TITLE);
    assert.match(file[0]!.message, /is a file on a computer, which visitors cannot open\.$/);
    assert.match(file[0]!.fix, /^Publish the file .* For example: link: https:\/\/school-education\.ec\.europa\.eu\//);

    const script = projectProblems('link: "javascript:alert(1)"', TITLE);
    assert.equal(script[0]!.message, '"javascript:alert(1)" is not a web address starting with https://.');
    assert.match(script[0]!.fix, /copy its address from the address bar: it starts with https:\/\/\. For example: link: https:\/\//);

    const list = projectProblems('link: [https://a.example.org]', TITLE);
    assert.equal(list[0]!.message, 'The field "link" is a list (in [ ] or on lines starting with "-"), not what it should hold.');
    assert.match(list[0]!.fix, /^Write one line of text, .*: the address of the project's page on the European School Education Platform/);
  });

  test('each mistake in outcomes is named on its item’s line', () => {
    const problems = projectProblems(
      'outcomes:',
      '  - title: Our e-book', // 3
      '    url: https://books.example.org/ours',
      '  - https://video.example.org/film', // 5
      '  - title: |', // 6
      '      Two',
      '      lines',
      '    url: http://games.example.org/x', // 9
      '  - name: Our games', // 10
      '    url: https://games.example.org/ours',
      '  - title: The same book', // 12
      '    url: https://books.example.org/ours', // 13
      TITLE,
    );
    const lines = problems.map((problem) => [problem.line, problem.message]);
    assert.deepEqual(lines, [
      [5, 'This item of outcomes, "https://video.example.org/film", is not a title and an address.'],
      [6, 'The "title" of this item of outcomes is written on more than one line.'],
      [9, '"http://games.example.org/x" is an http address: browsers warn visitors about such pages, so the archive links only to https addresses.'],
      [10, 'This item of outcomes has no "title".'],
      [10, '"name" is not a field of an item of outcomes.'],
    ]);
    assert.ok(problems.every((problem) => problem.field === 'outcomes' && problem.file === FILE));
    assert.equal(problems[4]!.fix, 'Did you mean "title"? Each item has: title, url.');
    assert.match(problems[0]!.fix, /^Write each item as two lines: "- title: Our e-book" and under it, indented by two spaces, "url: https:\/\/…"/);
  });

  test('the same address twice in outcomes is named on its line, with the earlier one', () => {
    const problems = projectProblems(
      'outcomes:',
      '  - title: Our e-book',
      '    url: https://books.example.org/ours',
      '  - title: The same book',
      '    url: https://books.example.org/ours',
      TITLE,
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 5);
    assert.equal(problems[0]!.message, '"https://books.example.org/ours" is listed twice: it is the same address as on line 3.');
  });

  test('outcomes that are not a list, or an empty one, say how to write them', () => {
    const notList = projectProblems('outcomes: {title: x, url: https://a.example.org}', TITLE);
    assert.equal(
      notList[0]!.message,
      'The field "outcomes" is a set of named values ("name: value" lines indented under it, or in { }), not what it should hold.',
    );
    assert.match(notList[0]!.fix, /^Write what the pupils made as a list/);
    const empty = projectProblems('outcomes: []', TITLE);
    assert.equal(empty[0]!.message, 'The field "outcomes" is empty.');
  });
});

test("continues that is not a project's place says how to write one", () => {
  assert.deepEqual(only(projectProblems('title: Cool or not too cool?', 'continues: Cool or not too cool 2014')), {
    line: 3,
    field: 'continues',
    message: '"Cool or not too cool 2014" is not a project\'s place in the archive.',
    fix: 'Write the school year folder and the project folder, for example: continues: 2014-2015/cool-or-not-too-cool',
  });
});

test("a school's name on two lines is told as the name, not as a title", () => {
  const read = readSourceFile(
    'content/school.en.md',
    new TextEncoder().encode('---\nname: |\n  14th Primary School\n  of Acharnes\nemail: school@example.org\n---\n'),
  );
  assert.ok('source' in read);
  const parsed = schoolFrontMatter.safeParse(read.source.data);
  assert.ok(!parsed.success);
  const [problem, ...more] = issueProblems(read.source, parsed.error.issues, SCHOOL_FIELDS).map((found) => sayProblem(found, 'en'));
  assert.deepEqual(more, []);
  assert.deepEqual(problem, {
    file: 'content/school.en.md',
    line: 2,
    field: 'name',
    message: 'The field "name" is written on more than one line.',
    fix: 'The field "name" is one line: write the school\'s name in this file\'s language, for example: name: 14ο Δημοτικό Σχολείο Αχαρνών, without a line break (no "|" or "\\n").',
  });
  assert.doesNotMatch(problem!.fix, /title/i);
});

test("a school file's e-mail address that is not one says what to write", () => {
  const read = readSourceFile(
    'content/school.en.md',
    new TextEncoder().encode('---\nname: 14th Primary School of Acharnes\nemail: school at example.org\n---\n'),
  );
  assert.ok('source' in read);
  const parsed = schoolFrontMatter.safeParse(read.source.data);
  assert.ok(!parsed.success);
  assert.deepEqual(
    issueProblems(read.source, parsed.error.issues, SCHOOL_FIELDS).map((problem) => sayProblem(problem, 'en')),
    [
      {
        file: 'content/school.en.md',
        line: 3,
        field: 'email',
        message: 'The field "email" does not hold what it should.',
        fix: "Write the school's e-mail address, for example: email: school@example.org.",
      },
    ],
  );
});

describe('in Greek', () => {
  test('the messages are in the language the command speaks', () => {
    assert.deepEqual(only(projectProblemsIn('el', 'title: The Scratch Project', ...CLASSES, 'partner: [Λετονία]')), {
      line: 5,
      field: 'partner',
      message: 'Το «partner» δεν είναι πεδίο που γνωρίζει το αρχείο.',
      fix: 'Μήπως εννοείτε «partners»; Τα πεδία είναι: title, summary, classes, partners, continues, labels, link, outcomes.',
    });
    const country = only(projectProblemsIn('el', 'title: The Scratch Project', 'partners: [Latvija]'));
    assert.match(country.fix, /^Μήπως εννοείτε Λετονία \/ Latvia \(LV\)/);
  });
});
