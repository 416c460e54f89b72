import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadArchive } from '../../src/content/load.ts';
import { classGroupKey } from '../../src/content/normalise/grades.ts';
import { repoRoot, runCli, tempDir } from '../helpers/built-site.ts';

/** The pages, as a teacher gives them on the command line (relative to the repository, where it runs). */
const SEED = 'tests/fixtures/seed/old-page.txt';
const WINDOWS_1253 = 'tests/fixtures/import/old-page.windows-1253.html';
const ISO_8859_7 = 'tests/fixtures/import/old-page.iso-8859-7.html';
const bundled = path.join(repoRoot, 'content');

const root = tempDir('import');
after(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
/** A content folder that does not exist yet: the import creates it. */
const newContentDir = () => path.join(root, `content-${++folders}`);

/** The archive's facts, as the site sees them: the school, every year, project, class, partner (in order) and continuation. */
async function facts(contentDir: string) {
  const { archive, problems } = await loadArchive(contentDir);
  assert.deepEqual(problems, [], `${contentDir} has problems`);
  return {
    school: archive!.school.name.el,
    years: archive!.years.map((year) => year.id),
    projects: archive!.projects.map((project) => ({
      id: project.id,
      title: project.versions.el?.title,
      classes: project.classes.map(classGroupKey),
      partners: project.partners,
      continues: project.continues?.id,
    })),
  };
}

/** Every file under a folder with its bytes and modification time, to see that nothing changed. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const absolute = path.join(folder, file);
    if (statSync(absolute).isFile()) files[file] = `${statSync(absolute).mtimeMs} ${readFileSync(absolute, 'utf8')}`;
  }
  return files;
}

/** The line of a page file with `text` (ASCII: the pages are in several encodings). */
const lineOf = (file: string, text: string) =>
  readFileSync(path.join(repoRoot, file), 'latin1')
    .split('\n')
    .findIndex((line) => line.includes(text)) + 1;

test('the seed page into an empty folder: exactly the bundled archive, reported entry by entry; it passes the check and builds', async () => {
  const contentDir = newContentDir();
  const result = runCli('import', [SEED, '--content', contentDir]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.equal(result.stderr, '');
  assert.deepEqual(await facts(contentDir), await facts(bundled));

  const report = result.stdout;
  const seedLine = (text: string) =>
    readFileSync(path.join(repoRoot, SEED), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1;
  assert.match(report, /^Reading tests\/fixtures\/seed\/old-page\.txt: plain text, UTF-8\.\n/);
  assert.match(report, /\nSchool: 14ο Δημοτικό Σχολείο Αχαρνών \(from line 1 of the page\)\n/);
  assert.ok(report.includes(`\nSchool year 2015-2016 (line ${seedLine('Σχολικό έτος 2015-2016')})\n`));
  assert.ok(
    report.includes(
      `  line ${seedLine('Cool or not too cool')}: Cool or not too cool? Rights and Obligations of students in the Greek and other EU primary Schools\n` +
        '      classes: ΣΤ2\n' +
        '      partners: Greece, Georgia, Türkiye, Moldova, Romania, Spain\n' +
        '      continues: 2014-2015/cool-or-not-too-cool\n' +
        `      written: ${path.join(contentDir, '2015-2016', 'cool-or-not-too-cool')}\n`,
    ),
    report,
  );
  assert.ok(
    report.includes(`  line ${seedLine('Healthy')}: Healthy and Unhealthy Habits\n      classes: Δ2, Ε1\n      partners: Greece, Poland, Romania, Latvia\n`),
  );
  assert.ok(report.includes(`Left out as the site's template, not the archive: line ${seedLine('a4joomla')} “Joomla templates by a4joomla”.`));
  assert.match(report, /\n10 projects in 4 school years: 10 written, 0 already there\.\nEverything in the page was understood\.\n/);
  assert.doesNotMatch(report, /to finish by hand/);

  // The introduction is the school's text; the entry's own sentence the project's; the English file has the facts.
  assert.match(
    readFileSync(path.join(contentDir, 'school.el.md'), 'utf8'),
    /^---\nname: 14ο Δημοτικό Σχολείο Αχαρνών\n---\n\nΤο 14ο Δημοτικό Σχολείο Αχαρνών, συνεχίζοντας/,
  );
  assert.match(
    readFileSync(path.join(contentDir, 'school.el.md'), 'utf8'),
    /\n\nΤο eTwinning \(\[www\.etwinning\.net\]\(https:\/\/www\.etwinning\.net\)\) είναι/,
  );
  assert.match(
    readFileSync(path.join(contentDir, '2015-2016/cool-or-not-too-cool/index.el.md'), 'utf8'),
    /\n---\n\nΤο τμήμα ΣΤ2 συνεχίζει για δεύτερη χρονιά το πρόγραμμα Cool or not too cool\?/,
  );
  assert.match(
    readFileSync(path.join(contentDir, '2015-2016/cool-or-not-too-cool/index.en.md'), 'utf8'),
    /^---\ntitle: Cool or not too cool\? .*\n---\n\nTaking part in “Cool or not too cool\? .*”: 6th grade, section 2\. Partner countries: Greece, Georgia, Türkiye, Moldova, Romania, and Spain\. The project continues from the school year 2014-2015\.\n$/,
  );

  const check = runCli('check', ['--content', contentDir, '--lang', 'en']);
  assert.equal(check.status, 0, check.stderr);
  assert.doesNotMatch(check.stdout + check.stderr, /error/i);
  const output = path.join(root, 'site');
  const build = runCli('build', ['--content', contentDir, '--output', output]);
  assert.equal(build.status, 0, build.stderr);
  for (const page of ['index.html', 'en/index.html', '2015-2016/cool-or-not-too-cool/index.html', 'en/2012-2013/medicinal-and-aromatic-plants/index.html']) {
    assert.ok(statSync(path.join(output, page)).isFile(), page);
  }
  assert.match(
    readFileSync(path.join(output, 'en/2012-2013/medicinal-and-aromatic-plants/index.html'), 'utf8'),
    /Taking part in “Medicinal and aromatic plants”: 5th grade\. Partner countries: Romania\./,
  );
});

for (const [page, encoding] of [
  [WINDOWS_1253, 'windows-1253'],
  [ISO_8859_7, 'ISO-8859-7'],
] as const) {
  test(`the same page saved as HTML in ${encoding} gives the same archive, at the lines of the HTML`, async () => {
    const contentDir = newContentDir();
    const result = runCli('import', [page, '--content', contentDir, '--lang', 'en']);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.deepEqual(await facts(contentDir), await facts(bundled));
    assert.match(result.stdout, new RegExp(`^Reading ${page.replace(/\./g, '\\.')}: a web page \\(HTML\\), ${encoding}, as the page declares\\.\n`));
    assert.match(result.stdout, /\nSchool: 14ο Δημοτικό Σχολείο Αχαρνών \(from the page's title\)\n/);
    assert.ok(result.stdout.includes(`\nSchool year 2013-2014 (line ${lineOf(page, '2013-14</strong>')})\n`));
    assert.ok(result.stdout.includes(`  line ${lineOf(page, 'Traditional Cultures')}: Traditional Cultures\n`));
    // The template's menus, header and footer are not the archive.
    assert.doesNotMatch(result.stdout, /a4joomla|Αρχική|Εμφανίσεις|to finish by hand/);
    // The link of the introduction is kept.
    assert.match(readFileSync(path.join(contentDir, 'school.el.md'), 'utf8'), /Το eTwinning \(\[www\.etwinning\.net\]\(http:\/\/www\.etwinning\.net\/\)\)/);
  });
}

test('a Greek page that declares windows-1252 (as old Greek sites often did) is read as windows-1253, and the report says so', async () => {
  const page = path.join(root, 'declared-1252.html');
  const bytes = readFileSync(path.join(repoRoot, WINDOWS_1253), 'latin1');
  assert.match(bytes, /charset=windows-1253/);
  writeFileSync(page, Buffer.from(bytes.replace('charset=windows-1253', 'charset=windows-1252'), 'latin1'));
  const contentDir = newContentDir();
  const result = runCli('import', [page, '--content', contentDir, '--lang', 'en']);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.ok(
    result.stdout.startsWith(`Reading ${page}: a web page (HTML), the page declares windows-1252, but its letters are Greek: read as windows-1253.\n`),
    result.stdout,
  );
  assert.deepEqual(await facts(contentDir), await facts(bundled));
  assert.doesNotMatch(readFileSync(path.join(contentDir, 'school.el.md'), 'utf8'), /Ôï|Äçìïôéêü/);
});

test('a page declaring iso-8859-1, with four NUL bytes of padding at its end, is imported; the report names the label the page writes', async () => {
  const page = path.join(root, 'declared-iso-padded.html');
  const bytes = readFileSync(path.join(repoRoot, WINDOWS_1253), 'latin1');
  writeFileSync(page, Buffer.concat([Buffer.from(bytes.replace('charset=windows-1253', 'charset=iso-8859-1'), 'latin1'), Buffer.alloc(4)]));
  const contentDir = newContentDir();
  const result = runCli('import', [page, '--content', contentDir, '--lang', 'en']);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.ok(
    result.stdout.startsWith(`Reading ${page}: a web page (HTML), the page declares iso-8859-1, but its letters are Greek: read as windows-1253.\n`),
    result.stdout,
  );
  assert.deepEqual(await facts(contentDir), await facts(bundled));
  assert.equal(runCli('check', ['--content', contentDir]).status, 0);
});

test("a file where a school year's folder goes: its projects are reported with the file to move, the other years are written, exit 1", () => {
  const contentDir = newContentDir();
  mkdirSync(contentDir);
  writeFileSync(path.join(contentDir, '2015-2016'), 'x\n');
  const result = runCli('import', [SEED, '--content', contentDir, '--lang', 'en']);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.equal(result.stderr, '');
  const scratch = path.join(contentDir, '2015-2016', 'the-scratch-project');
  assert.ok(result.stdout.includes(`      not written: ${scratch} (see the end)\n`), result.stdout);
  assert.ok(
    result.stdout.includes(
      `${SEED}:${lineOf(SEED, 'The Scratch Project')}: ${scratch} could not be written: ${path.join(contentDir, '2015-2016')} is a file, where a folder is needed.\n` +
        `    Fix: Rename or move the file ${path.join(contentDir, '2015-2016')}, then import again (what is already written stays as it is).\n`,
    ),
    result.stdout,
  );
  assert.match(result.stdout, /\n10 projects in 4 school years: 7 written, 0 already there\.\n/);
  assert.match(result.stdout, /\n3 parts of the page to finish by hand:\n/);
  assert.equal(readFileSync(path.join(contentDir, '2015-2016'), 'utf8'), 'x\n');
  for (const year of ['2012-2013', '2013-2014', '2014-2015']) assert.ok(statSync(path.join(contentDir, year)).isDirectory(), year);

  // The file moved away, the same command writes what is missing.
  rmSync(path.join(contentDir, '2015-2016'));
  const again = runCli('import', [SEED, '--content', contentDir, '--lang', 'en']);
  assert.equal(again.status, 0, again.stdout + again.stderr);
  assert.match(again.stdout, /\n10 projects in 4 school years: 3 written, 7 already there\.\n/);
});

test('a page with parts it cannot read: each is reported with its line and what was guessed, the rest is written, exit 1', async () => {
  const lines = readFileSync(path.join(repoRoot, SEED), 'utf8').split('\n');
  const at = (text: string) => lines.findIndex((line) => line.includes(text));
  lines[at('Healthy')] = lines[at('Healthy')]!.replace('τη Λετονία', 'τη Λετονίια');
  // (The page has a no-break space after "Η".)
  lines[at('Traditional Cultures')] = lines[at('Traditional Cultures')]!.replace(/Η\sΣτ' Δημοτικού/u, "Η Ζ' Δημοτικού");
  lines.splice(at('Σχολικό έτος 2013-2014'), 0, '  • Φωτογραφίες από τις δράσεις μας θα βρείτε στο TwinSpace.');
  const page = path.join(root, 'unreadable.txt');
  writeFileSync(page, lines.join('\n'));
  const contentDir = newContentDir();
  const result = runCli('import', [page, '--content', contentDir, '--lang', 'en']);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  const report = result.stdout;
  const healthy = path.join(contentDir, '2014-2015', 'healthy-and-unhealthy-habits');
  assert.ok(
    report.includes(
      '3 parts of the page to finish by hand:\n\n' +
        `${page}:${at('Healthy') + 1}: Not all of this entry was read:\n` +
        '    - “τη Λετονίια” is not a country this archive knows (closest: Latvia)\n' +
        '    Understood: title “Healthy and Unhealthy Habits”; classes: Δ2, Ε1; partners: Greece, Poland, Romania.\n' +
        `    Fix: Add what is missing to ${path.join(healthy, 'index.el.md')} by hand.\n\n` +
        `${page}:${at('Φωτογραφίες') + 1}: Not read: this is not a sentence about a project (no “συμμετέχει στο πρόγραμμα …”).\n`,
    ),
    report,
  );
  assert.ok(
    report.includes(
      `${page}:${at('Traditional Cultures') + 1}: Not all of this entry was read:\n` +
        "    - “Η Ζ' Δημοτικού” is not a primary school class (closest: Α', Β', Γ')\n" +
        '    Understood: title “Traditional Cultures”; partners: Greece, Poland, Türkiye, Spain, Romania, Slovakia.\n' +
        '    Fix: Write this project with npm run new, or correct the sentence in the page and import it again.\n',
    ),
    report,
  );
  assert.ok(report.includes(`  line ${at('Traditional Cultures') + 1}: “Η Ζ' Δημοτικού συμμετέχει`));
  // What was understood is written, and passes the check.
  const { projects } = await facts(contentDir);
  assert.equal(projects.length, 9);
  assert.deepEqual(projects.find((project) => project.id === '2014-2015/healthy-and-unhealthy-habits')!.partners, ['GR', 'PL', 'RO']);
  assert.equal(
    projects.some((project) => project.id.startsWith('2013-2014')),
    false,
  );
  assert.equal(runCli('check', ['--content', contentDir]).status, 0);
});

test('running it twice changes nothing: the second run says everything was already there, exit 0', () => {
  const contentDir = newContentDir();
  assert.equal(runCli('import', [SEED, '--content', contentDir]).status, 0);
  const before = snapshot(contentDir);
  for (const lang of ['en', 'el']) {
    const again = runCli('import', [SEED, '--content', contentDir, '--lang', lang]);
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.deepEqual(snapshot(contentDir), before);
    if (lang === 'en') {
      assert.match(again.stdout, /\n10 projects in 4 school years: 0 written, 10 already there\.\nEverything was already there: nothing was changed\.\n/);
      assert.ok(again.stdout.includes(`already there, left as it is: ${path.join(contentDir, 'school.el.md')}`));
    } else {
      assert.match(again.stdout, /\n10 προγράμματα σε 4 σχολικά έτη· γράφτηκαν: 0, υπήρχαν ήδη: 10\.\nΌλα υπήρχαν ήδη: δεν άλλαξε τίποτα\.\n/);
      assert.match(again.stdout, /\nΣχολικό έτος 2015-2016 \(γραμμή 6\)\n/);
    }
  }
});

test('it never writes over an archive: into the bundled content nothing changes, and a folder of another project is left alone', () => {
  const contentDir = newContentDir();
  cpSync(bundled, contentDir, { recursive: true });
  const before = snapshot(contentDir);
  const result = runCli('import', [SEED, '--content', contentDir]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.deepEqual(snapshot(contentDir), before);
  assert.match(result.stdout, /0 written, 10 already there/);

  const other = newContentDir();
  mkdirSync(path.join(other, '2013-2014', 'traditional-cultures'), { recursive: true });
  const file = path.join(other, '2013-2014', 'traditional-cultures', 'index.el.md');
  writeFileSync(file, '---\ntitle: Παραδοσιακά παιχνίδια\n---\n');
  const clash = runCli('import', [SEED, '--content', other]);
  assert.equal(clash.status, 1);
  assert.equal(readFileSync(file, 'utf8'), '---\ntitle: Παραδοσιακά παιχνίδια\n---\n');
  assert.ok(
    clash.stdout.includes(
      `${SEED}:${lineOf(SEED, 'Traditional Cultures')}: The folder ${path.join(other, '2013-2014', 'traditional-cultures')} already holds another project (“Παραδοσιακά παιχνίδια”); this one was not written.\n`,
    ),
    clash.stdout,
  );
});

test('without a name in the page, the school files wait for --school-name, and the report says so', () => {
  const page = path.join(root, 'no-name.txt');
  writeFileSync(
    page,
    "Τα προγράμματα eTwinning του σχολείου μας.\nΣχολικό έτος 2015-2016\n• Η Ε' τάξη συμμετέχει στο πρόγραμμα Water με σχολεία από την Ιταλία.\n",
  );
  const contentDir = newContentDir();
  const result = runCli('import', [page, '--content', contentDir]);
  assert.equal(result.status, 1);
  assert.ok(
    result.stdout.includes(
      `${page}: The school's name was not found in the page; the school's files were not written.\n` +
        `    Fix: Import again with the name: npm run import -- ${page} --school-name "…" (what is already written stays as it is).\n`,
    ),
    result.stdout,
  );
  const again = runCli('import', [page, '--content', contentDir, '--school-name', '3ο Δημοτικό Σχολείο Δοκιμής']);
  assert.equal(again.status, 0, again.stdout);
  assert.match(again.stdout, /School: 3ο Δημοτικό Σχολείο Δοκιμής \(from --school-name\)\n/);
  assert.match(
    readFileSync(path.join(contentDir, 'school.el.md'), 'utf8'),
    /^---\nname: 3ο Δημοτικό Σχολείο Δοκιμής\n---\n\nΤα προγράμματα eTwinning του σχολείου μας\.\n$/,
  );
  assert.equal(runCli('check', ['--content', contentDir]).status, 0);
});

/** A photo given by mistake, and a page of 200,000 nested elements (once a stack overflow). */
const PHOTO = 'content/2015-2016/the-scratch-project/programming-blocks.jpg';
const DEEP = path.join(root, 'deep.html');
const UTF16 = path.join(root, 'utf16.html');

test('a wrong command line exits with 2 and says what to type, without a stack trace', () => {
  // A page saved as UTF-16 without its byte order mark: a NUL in every other byte, not a page the importer can read.
  writeFileSync(UTF16, Buffer.from('<html><body><p>Σχολικό έτος 2015-2016</p></body></html>', 'utf16le'));
  writeFileSync(DEEP, `<html><body>\n${'<div>'.repeat(200_000)}Σχολικό έτος 2015-2016${'</div>'.repeat(200_000)}</body></html>`);
  const contentDir = newContentDir();
  const cases: Array<[string[], RegExp]> = [
    [[], /^Give the page to read: the old archive page saved from the browser, e\.g\. npm run import -- old-page\.html\n/],
    [['missing-page.html'], /^There is no file "missing-page\.html"\. Give the path of the saved page\.\n/],
    [['tests/fixtures'], /^"tests\/fixtures" is a folder\. Give the saved page itself \(a \.html or \.txt file\)\.\n/],
    [[SEED, '--bogus'], /^Unknown option "--bogus"\. The options are: --content, --school-name, --lang\.\n/],
    [[SEED, '--school-name'], /^--school-name needs a value after it, e\.g\. --school-name "14ο Δημοτικό Σχολείο Αχαρνών"\.\n/],
    [[SEED, SEED], /^Give one page at a time; the command line has 2: /],
    [[SEED, '--lang', 'fr'], /^--lang must be one of: el, en\.\n/],
    [[SEED, '--content', SEED], /is a file, not a content folder\.\n/],
    [
      [PHOTO],
      /^"content\/2015-2016\/the-scratch-project\/programming-blocks\.jpg" is not a saved web page or text file: it is a JPEG file\. Give the old archive page: save the page from the browser as HTML, or as text\.\n/,
    ],
    [[UTF16], /^".*utf16\.html" is not a saved web page or text file: it holds bytes that no text has\. /],
    [[DEEP], /^".*deep\.html" nests its elements more than 512 deep \(from line 2\), deeper than browsers read a page, so it cannot be read\. /],
  ];
  for (const [args, message] of cases) {
    const result = runCli('import', [...args, ...(args.includes('--content') ? [] : ['--content', contentDir])]);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message, args.join(' '));
    assert.match(result.stderr, /\n\nUsage: npm run import -- PAGE \[--content DIR\] \[--school-name NAME\] \[--lang el\|en\]\n$/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(result.stdout, '');
  }
  assert.throws(() => statSync(contentDir), 'nothing was written');
  const greek = runCli('import', ['--lang', 'el', '--content', contentDir]);
  assert.equal(greek.status, 2);
  assert.match(greek.stderr, /^Δώστε τη σελίδα που θα διαβαστεί/);
});

test("the teachers' guides show a part to finish by hand as the command prints it, in their language", () => {
  // The guides' example: the HTML page with a misspelt country in the Healthy and Unhealthy Habits entry.
  const bytes = readFileSync(path.join(repoRoot, WINDOWS_1253));
  const lines = bytes.toString('latin1').split('\n');
  const healthy = lines.findIndex((line) => line.includes('Healthy and Unhealthy Habits'));
  // "Λετονία." in windows-1253, and the same with one more "ι" (0xE9).
  lines[healthy] = lines[healthy]!.replace('\xcb\xe5\xf4\xef\xed\xdf\xe1.', '\xcb\xe5\xf4\xef\xed\xdf\xe9\xe1.');
  const folder = path.join(root, 'guide');
  mkdirSync(folder);
  const page = path.join(folder, 'old-page.html');
  writeFileSync(page, Buffer.from(lines.join('\n'), 'latin1'));
  for (const lang of ['el', 'en'] as const) {
    const guide = readFileSync(path.join(repoRoot, 'docs', `teachers.${lang}.md`), 'utf8');
    const example = /```text\n([\s\S]*?)```/.exec(guide)![1]!.replace(/^ {3}/gm, '');
    const contentDir = path.join(folder, `content-${lang}`);
    const result = runCli('import', [page, '--content', contentDir, '--lang', lang]);
    assert.equal(result.status, 1);
    const report = result.stdout.replaceAll(`${folder}/`, '').replaceAll(`content-${lang}/`, 'content/');
    assert.ok(report.includes(example), `docs/teachers.${lang}.md:\n${example}\nreport:\n${report}`);
  }
});
