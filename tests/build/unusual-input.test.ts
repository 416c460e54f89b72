/**
 * Content a teacher should never write, through the real command line: each
 * case once crashed with a stack trace, or passed the check and crashed the
 * build, or passed both unnoticed. Now each is a problem that names the file
 * (and line) and the fix; `npm run check` and `npm run build` give the same
 * verdict and the same problems, exit 1, list every other mistake too (each
 * fixture has a second, ordinary mistake in another file), print no stack
 * trace, and leave the previous output folder exactly as it was.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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
  type ContentFixture,
} from '../helpers/content-fixture.ts';
import { blackPng } from '../helpers/images.ts';
import { assertNoStackTrace, parseReport, type ReportedProblem } from '../helpers/report.ts';
import { lastSchoolYear, PROJECT_FIELDS } from '../../src/content/schema.ts';

const OLYMPIC_EN = '2015-2016/olympic-games-unite-the-world/index.en.md';
const COOL_EL = '2015-2016/cool-or-not-too-cool/index.el.md';

describe('unusual input is a content problem in the check and the build alike', () => {
  const temp = makeTempDir('etwinning-unusual-output-');
  const output = path.join(temp.dir, 'site');
  let goodSite: Map<string, string>;
  const fixtures: ContentFixture[] = [];

  before(() => {
    const result = runBuild(['--content', fresh().contentArg, '--output', output]);
    assert.equal(result.status, 0, result.stderr);
    goodSite = snapshotFolder(output);
  });

  after(() => {
    for (const fixture of fixtures) fixture.remove();
    temp.remove();
  });

  /** A copy of the bundled content with an ordinary mistake in another file, which must be reported too. */
  function fresh(): ContentFixture {
    const fixture = makeContentFixture();
    fixtures.push(fixture);
    return fixture;
  }
  function withOtherMistake(): ContentFixture {
    const fixture = fresh();
    fixture.replace(OLYMPIC_EN, 'summary:', 'titel: x\nsummary:');
    return fixture;
  }
  const otherMistake = (fixture: ContentFixture): ReportedProblem => ({
    main: `${fixture.shown(OLYMPIC_EN)}:${fixture.lineOf(OLYMPIC_EN, 'titel:')}: titel: "titel" is not a field this archive knows.`,
    fix: `Did you mean "title"? The fields are: ${PROJECT_FIELDS.join(', ')}.`,
  });

  /**
   * Runs the build and the check on the fixture: both exit 1 with the same
   * errors and no stack trace, the build leaves its output as it was. Returns
   * the problems, and the summary of the build.
   */
  function bothRefuse(fixture: ContentFixture): { problems: ReportedProblem[]; summary: string } {
    const build = runBuild(['--content', fixture.contentArg, '--output', output]);
    assert.equal(build.status, 1, `the build exits 1; stderr:\n${build.stderr}`);
    assert.equal(build.stdout, '', 'the build prints nothing on standard output');
    assertNoStackTrace(build.stderr);
    assert.deepEqual(snapshotFolder(output), goodSite, 'the previous output folder is exactly as it was');
    assert.deepEqual(readdirSync(temp.dir), ['site'], 'nothing is left beside the output folder');
    const report = parseReport(build.stderr);

    const check = runCheck(['--content', fixture.contentArg]);
    assert.equal(check.status, 1, `the check exits 1; stderr:\n${check.stderr}`);
    assertNoStackTrace(check.stderr);
    // The check also warns that a copy has no git history; its errors are the build's.
    const errors = parseReport(check.stderr).problems.filter((problem) => !problem.main.includes(': warning: '));
    assert.deepEqual(errors, report.problems, 'the check reports what the build reports');
    return report;
  }

  test('a "billion laughs" of YAML aliases in front matter, also in check --json', () => {
    const fixture = withOtherMistake();
    const bomb = ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const name of 'bcdefgh')
      bomb.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`)
          .join(',')}]`,
      );
    fixture.replace(SCRATCH_EL, '---\ntitle:', `---\n${bomb.join('\n')}\ntitle:`);
    const { problems, summary } = bothRefuse(fixture);
    const sign = (line: number): ReportedProblem => ({
      main: `${fixture.shown(SCRATCH_EL)}:${line}: A value here starts with "&", which YAML reads as a special sign (an anchor, an alias or a tag), not as text.`,
      fix: 'Put the value in double quotes, e.g. title: "*Important* news"; the archive\'s files never need these signs.',
    });
    assert.deepEqual(problems, [otherMistake(fixture), ...[2, 3, 4, 5, 6, 7, 8, 9].map(sign)]);
    assert.equal(summary, `9 errors in 2 files. Nothing was built; ${output} is unchanged.`);

    // `check --json` printed nothing: now every error, with its file and line, for CI.
    const json = runCheck(['--content', fixture.contentArg, '--json']);
    assert.equal(json.status, 1);
    assert.equal(json.stderr, '');
    const report = JSON.parse(json.stdout) as { ok: boolean; errors: { file: string; line?: number; message: string; fix: string }[] };
    assert.equal(report.ok, false);
    assert.deepEqual(
      report.errors.map(({ file, line }) => `${file}:${line}`),
      problems.map((problem) => problem.main.split(': ')[0]),
    );
  });

  test('a school year folder out of range (0000-0001), which crashed the build in the open data', () => {
    const fixture = withOtherMistake();
    fixture.rename('2012-2013', '0000-0001');
    const last = lastSchoolYear();
    assert.deepEqual(bothRefuse(fixture).problems, [
      {
        main: `${fixture.shown('0000-0001')}: "0000-0001" is not a school year this archive can hold: school years go from 1950-1951 to ${last}-${last + 1} (the next school year).`,
        fix: 'Check the years: name the folder after the school year the projects took place in, e.g. "2015-2016".',
      },
      otherMistake(fixture),
    ]);
  });

  test('a NUL and other invisible control characters, which made the Atom feed ill-formed', () => {
    const fixture = withOtherMistake();
    fixture.replace(SCRATCH_EN, 'title: "The Scratch Project"', 'title: "The Scratch\u0000 Project"');
    fixture.replace(SCRATCH_EN, 'Two drawings about', 'Two\u0085 drawings about');
    fixture.replace(SCRATCH_EL, 'summary: "', 'summary: "\\x01');
    const fix = 'Delete it: most editors show it as a small red dot or box; if you cannot see it, delete the line and type it again.';
    assert.deepEqual(bothRefuse(fixture).problems, [
      otherMistake(fixture),
      {
        main: `${fixture.shown(SCRATCH_EL)}:${fixture.lineOf(SCRATCH_EL, 'summary:')}: The value here writes an invisible control character (U+0001) with a backslash escape (such as \\0 or \\x01), which cannot be published.`,
        fix: 'Remove the backslash and the letters or digits after it from the value.',
      },
      {
        main: `${fixture.shown(SCRATCH_EN)}:2: This line contains an invisible control character (U+0000), which cannot be published: it would make the site's feeds unreadable.`,
        fix,
      },
      {
        main: `${fixture.shown(SCRATCH_EN)}:${fixture.lineOf(SCRATCH_EN, 'drawings about')}: This line contains an invisible control character (U+0085), which cannot be published: it would make the site's feeds unreadable.`,
        fix,
      },
    ]);
  });

  test('a photo and a link written as file: addresses, which passed unnoticed', () => {
    const fixture = withOtherMistake();
    fixture.write(
      SCRATCH_EN,
      `${fixture.read(SCRATCH_EN)}\n![Our class](file:///C:/Users/teacher/Pictures/class.jpg)\n\nThe [plan](file:///C:/Users/teacher/plan.docx).\n`,
    );
    assert.deepEqual(bothRefuse(fixture).problems, [
      otherMistake(fixture),
      {
        main: `${fixture.shown(SCRATCH_EN)}:${fixture.lineOf(SCRATCH_EN, '![Our class]')}: The photo "file:///C:/Users/teacher/Pictures/class.jpg" is written as a path on a computer; a photo is found by its name in the project's folder.`,
        fix: `Copy the photo into ${fixture.shown(SCRATCH)}/ and write only its name: ![Our class](class.jpg)`,
      },
      {
        main: `${fixture.shown(SCRATCH_EN)}:${fixture.lineOf(SCRATCH_EN, '[plan]')}: The link "file:///C:/Users/teacher/plan.docx" leads to a file on a computer, which the site's visitors cannot open.`,
        fix: "Link to a web address (https://...) where the file is published, such as the project's TwinSpace, or remove the link.",
      },
    ]);
  });

  test('the same partner country or class written twice in a project, which was shown twice', () => {
    const fixture = withOtherMistake();
    fixture.replace(SCRATCH_EL, `  - "Ε'"\n`, `  - "Ε'"\n  - "Ε΄"\n`);
    fixture.replace(SCRATCH_EL, '  - "Λετονία"\n', '  - "Λετονία"\n  - LV\n');
    const line = (text: string) => fixture.lineOf(SCRATCH_EL, text);
    assert.deepEqual(bothRefuse(fixture).problems, [
      otherMistake(fixture),
      {
        main: `${fixture.shown(SCRATCH_EL)}:${line('"Ε΄"')}: classes: "Ε΄" is written twice: it is the same class as "Ε'" on line ${line(`"Ε'"`)}.`,
        fix: 'Delete one of the two.',
      },
      {
        main: `${fixture.shown(SCRATCH_EL)}:${line('- LV')}: partners: "LV" is written twice: it is the same country as "Λετονία" on line ${line('"Λετονία"')}.`,
        fix: 'Delete one of the two.',
      },
    ]);
  });

  test('a tiny PNG of 1,000,000 × 200 pixels, which took gigabytes to encode, refused from its header', () => {
    const fixture = withOtherMistake();
    fixture.write(`${SCRATCH}/strip.png`, blackPng(1_000_000, 200));
    fixture.write(SCRATCH_EN, `${fixture.read(SCRATCH_EN)}\n![A long paper strip with the pupils' drawings](strip.png)\n`);
    const started = performance.now();
    assert.deepEqual(bothRefuse(fixture).problems, [
      otherMistake(fixture),
      {
        main: `${fixture.shown(SCRATCH_EN)}:${fixture.lineOf(SCRATCH_EN, '](strip.png)')}: The photo "strip.png" is 1,000,000 × 200 pixels (200 megapixels): more than the 120 megapixels the site can make into web images.`,
        fix: 'Make it smaller in an image editor (resize), to at most 120 megapixels: the site shows photos at most 1,600 pixels wide, so 3,200 pixels wide is plenty.',
      },
    ]);
    assert.ok(performance.now() - started < 60_000, 'nothing was decoded');
  });

  test('symbolic links for a year folder, a project folder, a project file and a school file: one message each', () => {
    const fixture = withOtherMistake();
    const elsewhere = makeTempDir('etwinning-elsewhere-');
    try {
      mkdirSync(path.join(elsewhere.dir, '2011-2012', 'old-project'), { recursive: true });
      for (const lang of ['el', 'en']) {
        writeFileSync(path.join(elsewhere.dir, '2011-2012', 'old-project', `index.${lang}.md`), fixture.read(`${SCRATCH}/index.${lang}.md`));
      }
      symlinkSync(path.join(elsewhere.dir, '2011-2012'), fixture.abs('2011-2012'));
      symlinkSync(path.join(elsewhere.dir, '2011-2012', 'old-project'), fixture.abs('2015-2016/old-project'));
      mkdirSync(fixture.abs('2015-2016/linked-file'));
      symlinkSync(path.join(elsewhere.dir, '2011-2012', 'old-project', 'index.el.md'), fixture.abs('2015-2016/linked-file/index.el.md'));
      fixture.removeFile('school.en.md');
      symlinkSync('/etc/hostname', fixture.abs('school.en.md'));
      const why =
        'is a symbolic link (a shortcut to a file or folder elsewhere). The archive does not follow links, so that nothing outside the content folder can be published.';
      const fix = 'Put the file or folder itself here, in place of the link (move or copy it).';
      assert.deepEqual(bothRefuse(fixture).problems, [
        { main: `${fixture.shown('2011-2012')}: "2011-2012" ${why}`, fix },
        { main: `${fixture.shown('2015-2016/linked-file/index.el.md')}: "index.el.md" ${why}`, fix },
        { main: `${fixture.shown('2015-2016/old-project')}: "old-project" ${why}`, fix },
        otherMistake(fixture),
        { main: `${fixture.shown('school.en.md')}: "school.en.md" ${why}`, fix },
      ]);
    } finally {
      elsewhere.remove();
    }
  });

  test('a text that begins like a field ("summary: …", "link: …", "email: …") with a horizontal rule further down is a text, built as written', () => {
    const fixture = fresh();
    fixture.replace(SCRATCH_EN, '---\n\nThe 5th grade', '---\n\nsummary: what we did this year.\n\n---\n\nThe 5th grade');
    fixture.replace(SCRATCH_EL, /\n---\n\n/.exec(fixture.read(SCRATCH_EL))![0], '\n---\n\nlink: https://example.org/scratch\n\n---\n\n');
    fixture.replace('school.el.md', '---\n\nΤο 14ο', '---\n\nemail: γράψτε μας.\n\n---\n\nΤο 14ο');
    const check = runCheck(['--content', fixture.contentArg]);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    const elsewhere = makeTempDir('etwinning-field-like-text-');
    try {
      const site = path.join(elsewhere.dir, 'site');
      const build = runBuild(['--content', fixture.contentArg, '--output', site]);
      assert.equal(build.status, 0, build.stderr);
      const page = readFileSync(path.join(site, 'en', '2015-2016', SCRATCH.split('/')[1]!, 'index.html'), 'utf8');
      assert.match(page, /<p>summary: what we did this year\.<\/p>\s*<hr>/);
    } finally {
      elsewhere.remove();
    }
  });

  test('a title that starts like a spreadsheet formula is built, and written into archive.csv as text', () => {
    const fixture = fresh();
    fixture.replace(SCRATCH_EN, 'title: "The Scratch Project"', `title: "=HYPERLINK(\\"https://example.org/?\\"&A1, \\"Scratch\\")"`);
    fixture.replace(SCRATCH_EL, 'title: "The Scratch Project"', 'title: "@SUM(1+1)"');
    const check = runCheck(['--content', fixture.contentArg]);
    assert.equal(check.status, 0, check.stderr);
    const elsewhere = makeTempDir('etwinning-formula-site-');
    try {
      const site = path.join(elsewhere.dir, 'site');
      const build = runBuild(['--content', fixture.contentArg, '--output', site]);
      assert.equal(build.status, 0, build.stderr);
      const row = readFileSync(path.join(site, 'archive.csv'), 'utf8')
        .split('\r\n')
        .find((line) => line.includes(SCRATCH));
      assert.ok(row?.startsWith(`2015-2016,${SCRATCH},"'@SUM(1+1)","'=HYPERLINK(""https://example.org/?""&A1, ""Scratch"")",`), row);
    } finally {
      elsewhere.remove();
    }
  });
  test('an invisible U+FEFF before a field name, and "..." or a second "---" in the middle of the fields', () => {
    const fixture = withOtherMistake();
    fixture.replace(SCRATCH_EL, '\nclasses:', '\n\uFEFFclasses:');
    fixture.replace(SCRATCH_EN, '\nsummary:', '\n...\nsummary:');
    fixture.replace(COOL_EL, '\nclasses:', '\n---\nclasses:');
    assert.deepEqual(bothRefuse(fixture).problems, [
      {
        main: `${fixture.shown(COOL_EL)}:3: This "---" line ends the fields before their end: "classes" and the fields below it would be read as the page's text.`,
        fix: 'Delete this line (or what is written after its "---"): the fields end with a single "---" line, after the last field.',
      },
      otherMistake(fixture),
      {
        main: `${fixture.shown(SCRATCH_EL)}:3: classes: The field name "classes" has an invisible character (U+FEFF) before it, so the archive does not recognise it.`,
        fix: 'Delete the invisible character (at the start of the line, press Delete once), or delete "classes" and type it again.',
      },
      {
        main: `${fixture.shown(SCRATCH_EN)}:3: The line "..." here ends the fields before their end, so the fields below it are not read.`,
        fix: 'Delete this line: the fields end only with a line holding nothing but "---", before the text.',
      },
    ]);
  });

  test('a title of ten thousand "[", which overflowed the YAML reader: one message, no stack trace', () => {
    const fixture = withOtherMistake();
    fixture.replace(SCRATCH_EL, 'title: "The Scratch Project"', `title: ${'['.repeat(10_000)}`);
    assert.deepEqual(bothRefuse(fixture).problems, [
      otherMistake(fixture),
      {
        main: `${fixture.shown(SCRATCH_EL)}:2: title: The field here holds lists inside lists, too deep to be read (many "[" or "-" one inside the other).`,
        fix: 'Write one line of text, e.g. title: "Our project", or one plain list, e.g. classes: [Ε\', ΣΤ1].',
      },
    ]);
  });

  test('a title that is a list, a set of named values, or two lines', () => {
    const fixture = withOtherMistake();
    fixture.replace(SCRATCH_EL, 'title: "The Scratch Project"', 'title: [The Scratch, Project]');
    fixture.replace(SCRATCH_EN, 'title: "The Scratch Project"', 'title: |\n  The Scratch\n  Project');
    fixture.replace(COOL_EL, /^title: .*$/m.exec(fixture.read(COOL_EL))![0], 'title:\n  el: Cool\n  en: Cool');
    const oneLine = (example: string) =>
      `Write one line of text, on the same line as the field name, without [ ] and without indented lines below: the title in this file's language, for example: ${example}.`;
    assert.deepEqual(bothRefuse(fixture).problems, [
      {
        main: `${fixture.shown(COOL_EL)}:2: title: The field "title" is a set of named values ("name: value" lines indented under it, or in { }), not what it should hold.`,
        fix: oneLine('title: The Scratch Project'),
      },
      otherMistake(fixture),
      {
        main: `${fixture.shown(SCRATCH_EL)}:2: title: The field "title" is a list (in [ ] or on lines starting with "-"), not what it should hold.`,
        fix: oneLine('title: The Scratch Project'),
      },
      {
        main: `${fixture.shown(SCRATCH_EN)}:2: title: The field "title" is written on more than one line.`,
        fix: 'A title is one line: write the title in this file\'s language, for example: title: The Scratch Project, without a line break (no "|" or "\\n").',
      },
    ]);
  });

  test('names Windows and macOS cannot hold: a project folder "aux", a photo "nul.jpg", and two photos differing only in capitals', () => {
    const fixture = withOtherMistake();
    mkdirSync(fixture.abs('2015-2016/aux'));
    fixture.write('2015-2016/aux/index.el.md', fixture.read(COOL_EL));
    const photo = readFileSync(fixture.abs(`${SCRATCH}/square-on-screen.jpg`));
    fixture.write(`${SCRATCH}/nul.jpg`, photo);
    fixture.write(`${SCRATCH}/Square-on-screen.jpg`, photo);
    assert.deepEqual(bothRefuse(fixture).problems, [
      {
        main: `${fixture.shown('2015-2016/aux')}: "aux" is a name Windows keeps for a device (AUX), so the archive cannot be copied onto a Windows computer.`,
        fix: 'Rename the folder to "aux-project".',
      },
      otherMistake(fixture),
      {
        main: `${fixture.shown(`${SCRATCH}/nul.jpg`)}: "nul.jpg" is a name Windows keeps for a device (NUL), so the archive cannot be copied onto a Windows computer.`,
        fix: 'Rename it to "nul-1.jpg" (or another name), and change the name wherever the text writes it.',
      },
      {
        main: `${fixture.shown(`${SCRATCH}/square-on-screen.jpg`)}: "square-on-screen.jpg" differs from "Square-on-screen.jpg" only in capital letters: Windows and macOS see them as one file, so one of them would be lost there.`,
        fix: 'Rename "square-on-screen.jpg" to a name that differs in its letters too (e.g. with "-2" before the extension), and change the name wherever the text writes it; or delete it, if it is the same photo.',
      },
    ]);
  });
});
