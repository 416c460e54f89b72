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

  test('holding a list where a text belongs does not hold what it should', () => {
    assert.deepEqual(only(projectProblems('title: [The, Scratch, Project]')), {
      line: 2,
      field: 'title',
      message: 'The field "title" does not hold what it should.',
      fix: "Write the title in this file's language, for example: title: The Scratch Project.",
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
});

test("continues that is not a project's place says how to write one", () => {
  assert.deepEqual(only(projectProblems('title: Cool or not too cool?', 'continues: Cool or not too cool 2014')), {
    line: 3,
    field: 'continues',
    message: '"Cool or not too cool 2014" is not a project\'s place in the archive.',
    fix: 'Write the school year folder and the project folder, for example: continues: 2014-2015/cool-or-not-too-cool',
  });
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
