/**
 * The mistakes teachers make in content files, through the real command line:
 * each one must stop the build with exit code 1, a message that names the
 * file, the line, the field, what was found and what to write instead, no
 * stack trace, and the previous output folder exactly as it was.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  makeContentFixture,
  makeTempDir,
  runBuild,
  runCheck,
  SCRATCH,
  SCRATCH_EL,
  SCRATCH_EN,
  snapshotFolder,
  type CliResult,
  type ContentFixture,
} from '../helpers/content-fixture.ts';
import { assertNoStackTrace, parseReport, type ReportedProblem } from '../helpers/report.ts';
import { PROJECT_FIELDS, SCHOOL_FIELDS } from '../../src/content/schema.ts';

const COOL_2015 = '2015-2016/cool-or-not-too-cool/index.el.md';

const BUILD_USAGE = 'Usage: npm run build [-- --content DIR --output DIR --path-prefix /PREFIX/]';
const CHECK_USAGE = 'Usage: npm run check [-- --content DIR --lang el|en --json]';

/** Windows-1253, the Greek code page older Windows editors save in: Greek letters become single bytes. */
function windows1253(text: string): Uint8Array {
  return new Uint8Array(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code === 0x0386) return 0xa2; // Ά
      if (code >= 0x0384 && code <= 0x03ce && code !== 0x0385) return code - 0x2d0;
      throw new Error(`no Windows-1253 byte for ${char}`);
    }),
  );
}

describe('content mistakes stop the build with a message a teacher can act on', () => {
  const temp = makeTempDir('etwinning-output-');
  /** The output folder every failing build is pointed at. */
  const output = path.join(temp.dir, 'site');
  let goodSite: Map<string, string>;
  const fixtures: ContentFixture[] = [];
  const fresh = () => {
    const fixture = makeContentFixture();
    fixtures.push(fixture);
    return fixture;
  };

  before(() => {
    const good = fresh();
    const result = runBuild(['--content', good.contentArg, '--output', output]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^Built 10 projects into ${output}/ \\(\\d+ files, [\\d.]+ s\\)\\.$`, 'm'));
    goodSite = snapshotFolder(output);
    assert.ok(goodSite.has('index.html'), 'the good build wrote a home page');
  });

  after(() => {
    for (const fixture of fixtures) fixture.remove();
    temp.remove();
  });

  /**
   * Builds the fixture into the shared output folder and checks everything a
   * failed build must do; returns the report.
   */
  function buildFails(fixture: ContentFixture): ReturnType<typeof parseReport> {
    const result = runBuild(['--content', fixture.contentArg, '--output', output]);
    assertFailedBuild(result);
    return parseReport(result.stderr);
  }

  function assertFailedBuild(result: CliResult, status = 1): void {
    assert.equal(result.status, status, `exit code ${status}; stderr:\n${result.stderr}`);
    assert.equal(result.stdout, '', 'nothing on standard output');
    assertNoStackTrace(result.stderr);
    assert.deepEqual(snapshotFolder(output), goodSite, 'the previous output folder is exactly as it was');
    assert.deepEqual(readdirSync(temp.dir), ['site'], 'nothing is left beside the output folder');
  }

  /** The report of a build with exactly one mistake. */
  function oneProblem(fixture: ContentFixture): ReportedProblem {
    const { problems, summary } = buildFails(fixture);
    assert.equal(problems.length, 1, `one problem: ${JSON.stringify(problems, null, 2)}`);
    assert.equal(summary, `1 error in 1 file. Nothing was built; ${output} is unchanged.`);
    return problems[0]!;
  }

  test('an unknown partner country names the file, line and value, and suggests the country', () => {
    const fixture = fresh();
    fixture.replace(SCRATCH_EL, '"Λετονία"', '"Latvija"');
    const line = fixture.lineOf(SCRATCH_EL, 'Latvija');
    assert.equal(line, 7);
    const problem = oneProblem(fixture);
    assert.equal(problem.main, `${fixture.shown(SCRATCH_EL)}:${line}: partners: "Latvija" is not a country this archive knows.`);
    assert.ok(problem.fix.startsWith('Did you mean Λετονία / Latvia (LV)'), problem.fix);
    assert.ok(problem.fix.endsWith("Write the country's name in Greek or English, or its two-letter code."), problem.fix);
  });

  test('an unknown class names the file, line and value, and says what a class is', () => {
    const fixture = fresh();
    fixture.replace(SCRATCH_EL, `"Ε'"`, `"Ζ'"`);
    const line = fixture.lineOf(SCRATCH_EL, "Ζ'");
    const problem = oneProblem(fixture);
    assert.equal(problem.main, `${fixture.shown(SCRATCH_EL)}:${line}: classes: "Ζ'" is not a class of a primary school.`);
    assert.match(problem.fix, /^Did you mean \S+( or \S+)*\? Write a whole grade \(Α' to ΣΤ'\) or a section such as ΣΤ1\.$/);
  });

  test('an unknown field suggests the nearest known field', () => {
    const fixture = fresh();
    fixture.replace(SCRATCH_EL, 'summary:', 'titel: x\nsummary:');
    const line = fixture.lineOf(SCRATCH_EL, 'titel:');
    const problem = oneProblem(fixture);
    assert.deepEqual(problem, {
      main: `${fixture.shown(SCRATCH_EL)}:${line}: titel: "titel" is not a field this archive knows.`,
      fix: `Did you mean "title"? The fields are: ${PROJECT_FIELDS.join(', ')}.`,
    });
  });

  test('a Quality Label that is not one, an http link and an outcome without its address: each on its line, with the fix', () => {
    const fixture = fresh();
    fixture.replace(
      SCRATCH_EL,
      'summary:',
      'labels: [εθνική, Χρυσή]\nlink: http://school-education.ec.europa.eu/el/etwinning/projects/scratch\noutcomes:\n  - title: Τα παιχνίδια μας\nsummary:',
    );
    const { problems, summary } = buildFails(fixture);
    assert.equal(summary, `3 errors in 1 file. Nothing was built; ${output} is unchanged.`);
    const at = (text: string) => `${fixture.shown(SCRATCH_EL)}:${fixture.lineOf(SCRATCH_EL, text)}`;
    assert.deepEqual(
      problems.map((problem) => problem.main),
      [
        `${at('labels:')}: labels: "Χρυσή" is not an eTwinning Quality Label.`,
        `${at('link:')}: link: "http://school-education.ec.europa.eu/el/etwinning/projects/scratch" is an http address: browsers warn visitors about such pages, so the archive links only to https addresses.`,
        `${at('Τα παιχνίδια μας')}: outcomes: This item of outcomes has no "url".`,
      ],
    );
    assert.match(problems[0]!.fix, /Write national \(the National Quality Label\) or european \(the European Quality Label\)/);
    assert.match(problems[1]!.fix, /^Write https:\/\/school-education\.ec\.europa\.eu\/el\/etwinning\/projects\/scratch, the same address with https:\/\//);
    assert.match(problems[2]!.fix, /^Write each item as two lines: "- title: Our e-book" and under it, indented by two spaces, "url: https:\/\/…"/);
  });

  test('a missing title names the file and the field', () => {
    const fixture = fresh();
    fixture.replace(SCRATCH_EN, 'title: "The Scratch Project"\n', '');
    const problem = oneProblem(fixture);
    assert.deepEqual(problem, {
      main: `${fixture.shown(SCRATCH_EN)}:1: title: The field "title" is missing.`,
      fix: "Add a line with the title in this file's language, for example: title: The Scratch Project.",
    });
  });

  test('a YAML syntax error (an unclosed quote) names its line', () => {
    const fixture = fresh();
    fixture.replace(SCRATCH_EL, 'title: "The Scratch Project"', 'title: "The Scratch Project');
    const line = fixture.lineOf(SCRATCH_EL, 'title:');
    const problem = oneProblem(fixture);
    assert.deepEqual(problem, {
      main: `${fixture.shown(SCRATCH_EL)}:${line}: A quote or a bracket opened here is never closed.`,
      fix: 'Close it at the end of the value, e.g. title: "Cool or not too cool?" or classes: [Δ2, Ε1]',
    });
  });

  test('year folders that are not YYYY-YYYY with consecutive years are named, with the folder to write', () => {
    const fixture = fresh();
    fixture.rename('2012-2013', '2015-2017');
    fixture.rename('2013-2014', '2013_2014');
    const { problems, summary } = buildFails(fixture);
    assert.deepEqual(problems, [
      {
        main: `${fixture.shown('2013_2014')}: "2013_2014" is not a school year: year folders are named like 2015-2016 (the second year one after the first).`,
        fix: 'Name the folder after the school year, first year then second year: "2013-2014".',
      },
      {
        main: `${fixture.shown('2015-2017')}: "2015-2017" is not a school year: year folders are named like 2015-2016 (the second year one after the first).`,
        fix: 'Name the folder after the school year, first year then second year: "2015-2016".',
      },
    ]);
    assert.equal(summary, `2 errors in 2 files. Nothing was built; ${output} is unchanged.`);
  });

  test('a project folder name that is not a slug suggests one', () => {
    const fixture = fresh();
    fixture.rename(SCRATCH, '2015-2016/The Scratch Project');
    fixture.rename('2015-2016/olympic-games-unite-the-world', '2015-2016/Ολυμπιακοί Αγώνες');
    const { problems, summary } = buildFails(fixture);
    const why = "it becomes the project's web address, so only small Latin letters (a-z), digits and dashes are allowed.";
    assert.deepEqual(problems, [
      {
        main: `${fixture.shown('2015-2016/The Scratch Project')}: "The Scratch Project" cannot be a project folder's name: ${why}`,
        fix: 'Rename the folder to "the-scratch-project".',
      },
      {
        main: `${fixture.shown('2015-2016/Ολυμπιακοί Αγώνες')}: "Ολυμπιακοί Αγώνες" cannot be a project folder's name: ${why}`,
        fix: 'Rename the folder to "olympiakoi-agones".',
      },
    ]);
    assert.equal(summary, `2 errors in 2 files. Nothing was built; ${output} is unchanged.`);
  });

  test('continues pointing nowhere suggests the project it most likely means', () => {
    const fixture = fresh();
    fixture.replace(COOL_2015, 'continues: "2014-2015/cool-or-not-too-cool"', 'continues: "2013-2014/cool-or-not-too-cool"');
    const line = fixture.lineOf(COOL_2015, 'continues:');
    assert.equal(line, 12);
    const problem = oneProblem(fixture);
    assert.deepEqual(problem, {
      main: `${fixture.shown(COOL_2015)}:${line}: continues: "2013-2014/cool-or-not-too-cool" is not a project in this archive.`,
      fix: 'Did you mean "2014-2015/cool-or-not-too-cool"? Write the school year folder and the project folder of the earlier year.',
    });
  });

  test('classes that differ between the Greek and the English file name both files and lines', () => {
    const fixture = fresh();
    fixture.replace(SCRATCH_EN, 'summary:', `classes: ["ΣΤ'"]\nsummary:`);
    const el = `${fixture.shown(SCRATCH_EL)}:${fixture.lineOf(SCRATCH_EL, `- "Ε'"`)}`;
    const en = `${fixture.shown(SCRATCH_EN)}:${fixture.lineOf(SCRATCH_EN, 'classes:')}`;
    const problem = oneProblem(fixture);
    assert.deepEqual(problem, {
      main: `${en}: classes: Here it is "ΣΤ'", but "Ε'" in ${el}.`,
      fix: `Make ${el} and ${en} agree, or keep "classes" in only one of the two files.`,
    });
  });

  test('a file saved in a Greek code page rather than UTF-8 names the line of the first Greek letter', () => {
    const fixture = fresh();
    const text = fixture.read(SCRATCH_EL);
    const bytes = windows1253(text);
    assert.ok(bytes.includes(0xe1) && bytes.includes(0xe9), 'the file holds bytes that are not UTF-8 (α, ι)');
    fixture.write(SCRATCH_EL, bytes);
    const line = text.split('\n').findIndex((each) => /[^\p{ASCII}]/u.test(each)) + 1;
    assert.equal(line, 4);
    const problem = oneProblem(fixture);
    assert.deepEqual(problem, {
      main: `${fixture.shown(SCRATCH_EL)}:${line}: This file is not saved as UTF-8 text, so its Greek letters cannot be read.`,
      fix: 'Open the file in your editor and save it with the encoding "UTF-8" (in the GitHub web editor, copy the text into a new file).',
    });
  });

  test('a Markdown file with a name the archive does not read is named, with the name to use', () => {
    const fixture = fresh();
    fixture.rename(SCRATCH_EL, `${SCRATCH}/index.gr.md`);
    const problem = oneProblem(fixture);
    assert.deepEqual(problem, {
      main: `${fixture.shown(`${SCRATCH}/index.gr.md`)}: "index.gr.md" is not a file name the archive reads, so this text would never be shown.`,
      fix: 'Rename it to "index.el.md" (the names are index.el.md, index.en.md).',
    });
  });

  test('every mistake in every file is reported in one run, in file order, and counted', () => {
    const fixture = fresh();
    fixture.replace(SCRATCH_EL, '"Λετονία"', '"Latvija"');
    fixture.replace(SCRATCH_EL, `"Ε'"`, `"Ζ'"`);
    fixture.replace('2015-2016/olympic-games-unite-the-world/index.en.md', 'summary:', 'titel: x\nsummary:');
    fixture.replace(COOL_2015, 'continues: "2014-2015/cool-or-not-too-cool"', 'continues: "2013-2014/cool-or-not-too-cool"');
    fixture.write('2014-2015/separated-and-united/index.en.md', windows1253(fixture.read('2014-2015/separated-and-united/index.el.md')));
    fixture.rename('2012-2013', '2012-2014');
    fixture.replace('school.el.md', 'name:', 'onoma:');
    const { problems, summary } = buildFails(fixture);
    const at = (file: string, text: string) => `${fixture.shown(file)}:${fixture.lineOf(file, text)}`;
    assert.deepEqual(
      problems.map((problem) => problem.main),
      [
        `${fixture.shown('2012-2014')}: "2012-2014" is not a school year: year folders are named like 2015-2016 (the second year one after the first).`,
        `${fixture.shown('2014-2015/separated-and-united/index.en.md')}:4: This file is not saved as UTF-8 text, so its Greek letters cannot be read.`,
        `${at(COOL_2015, 'continues:')}: continues: "2013-2014/cool-or-not-too-cool" is not a project in this archive.`,
        `${at('2015-2016/olympic-games-unite-the-world/index.en.md', 'titel:')}: titel: "titel" is not a field this archive knows.`,
        `${at(SCRATCH_EL, "Ζ'")}: classes: "Ζ'" is not a class of a primary school.`,
        `${at(SCRATCH_EL, 'Latvija')}: partners: "Latvija" is not a country this archive knows.`,
        `${fixture.shown('school.el.md')}:1: name: The field "name" is missing.`,
        `${at('school.el.md', 'onoma:')}: onoma: "onoma" is not a field this archive knows.`,
      ],
    );
    assert.equal(problems[7]?.fix, `Did you mean "name"? The fields are: ${SCHOOL_FIELDS.join(', ')}.`);
    assert.equal(summary, `8 errors in 6 files. Nothing was built; ${output} is unchanged.`);
  });

  test('a failed build into a folder that does not exist yet creates nothing', () => {
    const fixture = fresh();
    fixture.replace(SCRATCH_EL, '"Λετονία"', '"Latvija"');
    const empty = makeTempDir('etwinning-no-output-');
    try {
      const missing = path.join(empty.dir, 'site');
      const result = runBuild(['--content', fixture.contentArg, '--output', missing]);
      assert.equal(result.status, 1, result.stderr);
      assertNoStackTrace(result.stderr);
      assert.ok(result.stderr.endsWith(`\n\n1 error in 1 file. Nothing was built; ${missing} is unchanged.\n`), result.stderr);
      assert.deepEqual(readdirSync(empty.dir), []);
    } finally {
      empty.remove();
    }
  });

  test('a UTF-8 byte order mark and Windows line endings in every file of a project are normal input', () => {
    const fixture = fresh();
    for (const file of [SCRATCH_EL, SCRATCH_EN, 'school.el.md', 'school.en.md']) {
      const text = fixture.read(file);
      assert.ok(!text.includes('\r') && !text.startsWith('\uFEFF'));
      fixture.write(file, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    }
    assert.ok(fixture.read(SCRATCH_EL).startsWith('\uFEFF---\r\ntitle:'));
    const elsewhere = makeTempDir('etwinning-bom-output-');
    try {
      const site = path.join(elsewhere.dir, 'site');
      const result = runBuild(['--content', fixture.contentArg, '--output', site]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^Built 10 projects into /m);
      // Byte for byte the site of the same content saved with Unix line endings and
      // no BOM, built just now (so that it is made by the same templates).
      const plain = path.join(elsewhere.dir, 'plain');
      assert.equal(runBuild(['--content', fresh().contentArg, '--output', plain]).status, 0);
      assert.deepEqual(snapshotFolder(site), snapshotFolder(plain));
    } finally {
      elsewhere.remove();
    }
  });

  describe('npm run check', () => {
    test('reports nothing and exits 0 on good content', () => {
      const fixture = fresh();
      const result = runCheck(['--content', fixture.contentArg]);
      assert.equal(result.status, 0, result.stderr);
      // A copy in a temporary folder has no git history: said as a warning, which does not fail.
      assert.equal(
        result.stdout,
        `${fixture.contentArg}: warning: The folder ${fixture.contentArg} is not in a git repository, so out-of-date translations cannot be found.\n` +
          '    Fix: Keep the content in a git repository (as on GitHub) for this check.\n\n1 warning.\n',
      );
      assert.equal(result.stderr, '');
    });

    test('reports the same problems as the build and exits 1', () => {
      const fixture = fresh();
      fixture.replace(SCRATCH_EL, '"Λετονία"', '"Latvija"');
      fixture.replace(SCRATCH_EN, 'summary:', 'titel: x\nsummary:');
      const build = buildFails(fixture);
      const result = runCheck(['--content', fixture.contentArg]);
      assert.equal(result.status, 1, result.stderr);
      assert.equal(result.stdout, '');
      assertNoStackTrace(result.stderr);
      const check = parseReport(result.stderr);
      // The check also warns that this copy has no git history; the errors are the build's.
      const warnings = check.problems.filter((problem) => problem.main.includes(': warning: '));
      assert.deepEqual(
        warnings.map((warning) => warning.main),
        [`${fixture.contentArg}: warning: The folder ${fixture.contentArg} is not in a git repository, so out-of-date translations cannot be found.`],
      );
      check.problems = check.problems.filter((problem) => !warnings.includes(problem));
      assert.deepEqual(check.problems, build.problems);
      assert.deepEqual(
        check.problems.map((problem) => problem.main),
        [
          `${fixture.shown(SCRATCH_EL)}:7: partners: "Latvija" is not a country this archive knows.`,
          `${fixture.shown(SCRATCH_EN)}:3: titel: "titel" is not a field this archive knows.`,
        ],
      );
      assert.equal(check.summary, '2 errors in 2 files, 1 warning. Fix them and run the check again.');
    });

    test('does not take --output: exit 2 with its usage', () => {
      const result = runCheck(['--output', output]);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assertNoStackTrace(result.stderr);
      assert.match(result.stderr, /^Unknown option "--output". The options are: --content, --lang, --json.\n/);
      assert.ok(result.stderr.endsWith(`\n\n${CHECK_USAGE}\n`), result.stderr);
    });
  });

  describe('a wrong command line exits 2 with the usage, and leaves the output folder alone', () => {
    test('an unknown option', () => {
      const fixture = fresh();
      const result = runBuild(['--content', fixture.contentArg, '--output', output, '--ouput', 'elsewhere']);
      assertFailedBuild(result, 2);
      assert.match(result.stderr, /^Unknown option "--ouput". Did you mean --output\? The options are: --content, --output, --path-prefix.\n/);
      assert.ok(result.stderr.endsWith(`\n\n${BUILD_USAGE}\n`), result.stderr);
    });

    test('a content folder that does not exist', () => {
      const missing = path.join(temp.dir, 'no-such-content');
      const result = runBuild(['--content', missing, '--output', output]);
      assertFailedBuild(result, 2);
      assert.equal(result.stderr, `The content folder "${missing}" does not exist.\n\n${BUILD_USAGE}\n`);
    });

    test('--content without a folder', () => {
      const result = runBuild(['--output', output, '--content']);
      assertFailedBuild(result, 2);
      assert.match(result.stderr, /^--content needs a value after it, e.g. --content content. \(A value that starts with "-" is written --content=-value.\)\n/);
      assert.ok(result.stderr.endsWith(`\n\n${BUILD_USAGE}\n`), result.stderr);
    });
  });
});
