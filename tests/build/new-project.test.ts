import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, runCli, tempDir } from '../helpers/built-site.ts';

let contentDir: string;
before(() => {
  contentDir = path.join(tempDir('new'), 'content');
  cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
});
after(() => rmSync(path.dirname(contentDir), { recursive: true, force: true }));

const project = (...extra: string[]) => ['--content', contentDir, '--year', '2016-2017', '--classes', "E1, στ'", '--partners', 'lv, Ελλαδα, Turkey', ...extra];

test('npm run new writes both language files from the flags, named after the English title, and they pass the check', () => {
  const result = runCli('new', project('--title-el', 'Οι τέσσερις εποχές', '--title-en', 'The Four Seasons', '--lang', 'en'));
  assert.equal(result.status, 0, result.stderr);
  const folder = path.join(contentDir, '2016-2017', 'the-four-seasons');
  assert.equal(result.stdout, `Written: ${folder}/index.el.md\nWritten: ${folder}/index.en.md\nWrite the project's text, then check it with: npm run check\n`);
  assert.equal(
    readFileSync(path.join(folder, 'index.el.md'), 'utf8'),
    "---\ntitle: Οι τέσσερις εποχές\nclasses:\n  - Ε1\n  - ΣΤ'\npartners:\n  - Λετονία\n  - Ελλάδα\n  - Τουρκία\n---\n\n" +
      'Στο πρόγραμμα «Οι τέσσερις εποχές» συμμετέχουν: Ε1 και ΣΤʹ. Χώρες-εταίροι: Λετονία, Ελλάδα και Τουρκία.\n',
  );
  assert.equal(
    readFileSync(path.join(folder, 'index.en.md'), 'utf8'),
    '---\ntitle: The Four Seasons\n---\n\n' +
      'Taking part in “The Four Seasons”: 5th grade, section 1 and 6th grade. Partner countries: Latvia, Greece, and Türkiye.\n',
  );
  const check = runCli('check', ['--content', contentDir]);
  assert.equal(check.status, 0, check.stderr);
  assert.doesNotMatch(check.stdout, /the-four-seasons/);
});

test('--labels and --link are written into the first file as the check reads them', () => {
  const result = runCli(
    'new',
    project(
      '--title-el',
      'Ρομπότ',
      '--title-en',
      'Robots',
      '--labels',
      'Ευρωπαϊκή Ετικέτα Ποιότητας, NQL',
      '--link',
      ' https://School-Education.ec.europa.eu/en/etwinning/projects/robots ',
      '--lang',
      'en',
    ),
  );
  assert.equal(result.status, 0, result.stderr);
  // The language-neutral fields go into the first file, the Greek one, as classes and partners do.
  const text = readFileSync(path.join(contentDir, '2016-2017', 'robots', 'index.el.md'), 'utf8');
  assert.match(text, /\nlabels:\n {2}- national\n {2}- european\nlink: https:\/\/school-education\.ec\.europa\.eu\/en\/etwinning\/projects\/robots\n---\n/);
  const check = runCli('check', ['--content', contentDir]);
  assert.equal(check.status, 0, check.stderr);
  assert.doesNotMatch(check.stdout, /robots/);

  const label = runCli('new', project('--title-en', 'Robots 2', '--labels', 'gold', '--lang', 'el'));
  assert.equal(label.status, 2);
  assert.match(
    label.stderr,
    /^Το «gold» δεν είναι Ετικέτα Ποιότητας eTwinning· γράψτε national ή european \(ή εθνική, ευρωπαϊκή\)\. Μήπως εννοείτε: national, european;\n/,
  );
  const link = runCli('new', project('--title-en', 'Robots 2', '--link', 'http://twinspace.etwinning.net/1234/home', '--lang', 'en'));
  assert.equal(link.status, 2);
  assert.match(
    link.stderr,
    /^"http:\/\/twinspace\.etwinning\.net\/1234\/home" is not an address starting with https:\/\/\. Did you mean: https:\/\/twinspace\.etwinning\.net\/1234\/home\?\n/,
  );
  assert.equal(existsSync(path.join(contentDir, '2016-2017', 'robots-2')), false, 'nothing is written');
});

test('without an English title the folder name is the Greek title in ELOT 743, and there is no English file yet', () => {
  const result = runCli('new', project('--title-el', 'Ψηφιακή Αφήγηση Ιστοριών', '--lang', 'el'));
  assert.equal(result.status, 0, result.stderr);
  const folder = path.join(contentDir, '2016-2017', 'psifiaki-afigisi-istorion');
  assert.ok(existsSync(path.join(folder, 'index.el.md')));
  assert.equal(existsSync(path.join(folder, 'index.en.md')), false);
  assert.equal(runCli('check', ['--content', contentDir]).status, 0);
});

test('npm run new refuses to overwrite a project', () => {
  const file = path.join(contentDir, '2015-2016', 'the-scratch-project', 'index.en.md');
  const before = readFileSync(file, 'utf8');
  const result = runCli('new', [
    '--content',
    contentDir,
    '--year',
    '2015-2016',
    '--title-en',
    'The Scratch Project',
    '--classes',
    "Ε'",
    '--partners',
    'GR',
    '--lang',
    'en',
  ]);
  assert.equal(result.status, 1);
  assert.equal(
    result.stderr,
    `The folder ${path.join(contentDir, '2015-2016', 'the-scratch-project')} already exists; nothing was changed. Give another title or choose another school year.\n`,
  );
  assert.equal(readFileSync(file, 'utf8'), before);
});

test('a wrong answer in a flag is refused with what to write, in the chosen language', () => {
  const result = runCli('new', ['--content', contentDir, '--year', '2016-2018', '--title-en', 'x', '--classes', 'Ε', '--partners', 'GR', '--lang', 'el']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^«2016-2018» δεν είναι σχολικό έτος\. Γράψτε το όπως \d{4}-\d{4}\.\n/);
  const country = runCli('new', ['--content', contentDir, '--year', '2016-2017', '--title-en', 'x', '--classes', 'Ε', '--partners', 'Latvija', '--lang', 'en']);
  assert.equal(country.status, 2);
  assert.match(country.stderr, /^"Latvija" is not a country this archive knows\. Did you mean: Latvia\?\n/);
  const missing = runCli('new', ['--content', contentDir, '--year', '2016-2017', '--lang', 'en']);
  assert.equal(missing.status, 2);
  assert.match(
    missing.stderr,
    /^Missing: --classes, --partners, --title-el \/ --title-en\. Give them as options, or run the command in a terminal to be asked\.\n/,
  );
});

test('a title without a letter a web address can use: the other title names the folder, or else "project", and it is said', () => {
  const fromGreek = runCli('new', [
    '--content',
    contentDir,
    '--year',
    '2020-2021',
    '--title-en',
    '!!!',
    '--title-el',
    'Οι εποχές',
    '--classes',
    'Ε',
    '--partners',
    'GR',
  ]);
  assert.equal(fromGreek.status, 0, fromGreek.stderr);
  assert.ok(existsSync(path.join(contentDir, '2020-2021', 'oi-epoches', 'index.el.md')));

  const args = (title: string) => ['--content', contentDir, '--year', '2021-2022', '--title-en', title, '--classes', 'Ε', '--partners', 'GR', '--lang', 'en'];
  const yearFolder = path.join(contentDir, '2021-2022');
  const first = runCli('new', args('!!!'));
  assert.equal(first.status, 0, first.stderr);
  assert.equal(
    first.stdout,
    'The titles have no letter a web address can use, so the folder is named "project". Rename it now if you like (the name is the project\'s web address), or give one with --folder NAME.\n' +
      `Written: ${yearFolder}/project/index.en.md\nWrite the project's text, then check it with: npm run check\n`,
  );
  // Never into the year folder itself, and never over another project.
  for (const title of ['🎉🎊', '中文标题']) assert.equal(runCli('new', args(title)).status, 0);
  assert.deepEqual(readdirSync(yearFolder).sort(), ['project', 'project-2', 'project-3']);
  assert.equal(readFileSync(path.join(yearFolder, 'project-3', 'index.en.md'), 'utf8').split('\n')[1], 'title: 中文标题');
  const check = runCli('check', ['--content', contentDir]);
  assert.equal(check.status, 0, check.stderr);
});

test('a 300-character title makes a folder name cut after a whole word, which the check accepts', () => {
  const title = 'A very long project title about the seasons in Europe '.repeat(6).trim();
  assert.ok(title.length > 300);
  const result = runCli('new', ['--content', contentDir, '--year', '2022-2023', '--title-en', title, '--classes', 'Ε', '--partners', 'GR']);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(readdirSync(path.join(contentDir, '2022-2023')), ['a-very-long-project-title-about-the-seasons-in-europe-a-very']);
  assert.equal(runCli('check', ['--content', contentDir]).status, 0);
});

test('--folder names the folder; a name the check would refuse is refused with a better one, and nothing is written', () => {
  const args = (folder: string) => [
    '--content',
    contentDir,
    '--year',
    '2023-2024',
    '--title-en',
    'Seasons',
    '--classes',
    'Ε',
    '--partners',
    'GR',
    '--folder',
    folder,
    '--lang',
    'en',
  ];
  const refused = runCli('new', args('Οι Εποχές μας'));
  assert.equal(refused.status, 2);
  assert.match(
    refused.stderr,
    /^"Οι Εποχές μας" cannot be a folder name: use small Latin letters \(a-z\), digits and dashes, at most 60 characters\. Did you mean: oi-epoches-mas\?\n/,
  );
  assert.equal(runCli('new', args('x'.repeat(61))).status, 2);
  assert.equal(existsSync(path.join(contentDir, '2023-2024')), false);
  const named = runCli('new', args('our-seasons'));
  assert.equal(named.status, 0, named.stderr);
  assert.ok(existsSync(path.join(contentDir, '2023-2024', 'our-seasons', 'index.en.md')));
});

test('a school year out of range and a title with a control character are refused before anything is written', () => {
  const year = runCli('new', ['--content', contentDir, '--year', '0000-0001', '--title-en', 'x', '--classes', 'Ε', '--partners', 'GR', '--lang', 'en']);
  assert.equal(year.status, 2);
  assert.match(year.stderr, /^"0000-0001" is not a school year this archive can hold: school years go from 1950-1951 to \d{4}-\d{4}\.\n/);
  const title = runCli('new', [
    '--content',
    contentDir,
    '--year',
    '2024-2025',
    '--title-en',
    'Bell\u0007',
    '--classes',
    'Ε',
    '--partners',
    'GR',
    '--lang',
    'en',
  ]);
  assert.equal(title.status, 2);
  assert.match(title.stderr, /^The title contains an invisible control character \(U\+0007\)\. Type it again\.\n/);
  assert.equal(existsSync(path.join(contentDir, '0000-0001')), false);
  assert.equal(existsSync(path.join(contentDir, '2024-2025')), false);
});

test('a folder that cannot be written is said without a stack trace, and no empty folder is left behind', () => {
  // A content folder so deep that the project's folder can be made but not the file in it (longer than PATH_MAX, 4,096).
  const root = tempDir('new-deep');
  try {
    let deep = root;
    while (deep.length < 4040) deep = path.join(deep, 'd'.repeat(Math.min(200, 4040 - deep.length)));
    const folderName = 'x'.repeat(4090 - `${deep}/2016-2017/`.length);
    assert.ok(folderName.length > 0 && folderName.length <= 60, `${folderName.length}`);
    mkdirSync(deep, { recursive: true });
    const result = runCli('new', [
      '--content',
      deep,
      '--year',
      '2016-2017',
      '--title-en',
      'x',
      '--classes',
      'Ε',
      '--partners',
      'GR',
      '--folder',
      folderName,
      '--lang',
      'en',
    ]);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^The folder .+ could not be written \(ENAMETOOLONG: name too long, open '.+'\); nothing was left behind\.\n$/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.deepEqual(readdirSync(deep), [], 'neither the project folder nor the year folder is left');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/**
 * Runs `npm run new` in a terminal (util-linux's `script` gives it one), giving
 * each answer when its question has been asked; returns what the terminal showed.
 */
function inTerminal(args: string[], answers: [question: string, answer: string][]): Promise<{ status: number | null; screen: string }> {
  const command = [process.execPath, '--import', 'tsx', 'src/cli/new.ts', ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
  let screen = '';
  let asked = 0;
  child.stdout.on('data', (data: Buffer) => {
    screen += data.toString('utf8');
    // Each question is answered once it is on the screen, after the answers before it.
    while (
      asked < answers.length &&
      screen.split(answers[asked]![0]).length - 1 > answers.slice(0, asked).filter(([question]) => question === answers[asked]![0]).length
    ) {
      child.stdin.write(`${answers[asked]![1]}\r`);
      asked++;
    }
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no answer in time; the screen:\n${screen}`));
    }, 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      // What a teacher reads: without the terminal's cursor movements and carriage returns.
      resolve({ status, screen: screen.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g'), '').replace(/\r/g, '') });
    });
  });
}

test('in a terminal, a title without usable letters makes npm run new ask for the folder name, until it is one the check accepts', async () => {
  const { status, screen } = await inTerminal(
    ['--content', contentDir, '--lang', 'en'],
    [
      ['School year', '2025-2026'],
      ['Title in Greek', '!!!'],
      ['Title in English', ''],
      ['Grades or sections', 'Ε'],
      ['Partner countries', 'GR'],
      ['Folder name', 'Our Seasons'],
      ['Folder name', 'our-seasons'],
    ],
  );
  assert.equal(status, 0, screen);
  assert.match(screen, /The title has no letter a web address can use, so the project's folder needs a name \(small Latin letters, digits and dashes\)\.\n/);
  assert.match(
    screen,
    /"Our Seasons" cannot be a folder name: use small Latin letters \(a-z\), digits and dashes, at most 60 characters\. Did you mean: our-seasons\?\n/,
  );
  assert.ok(screen.includes(`Written: ${path.join(contentDir, '2025-2026', 'our-seasons', 'index.el.md')}\n`), screen);
  assert.deepEqual(readdirSync(path.join(contentDir, '2025-2026')), ['our-seasons']);
});

test('a title with a line break is refused before anything is written: a title is one line', () => {
  const result = runCli('new', [
    '--content',
    contentDir,
    '--year',
    '2010-2011',
    '--title-el',
    'Πρώτη\nδεύτερη',
    '--classes',
    'Ε',
    '--partners',
    'GR',
    '--lang',
    'en',
  ]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^The title has a line break; a title is one line\. Write it on one line\.\n/);
  assert.equal(existsSync(path.join(contentDir, '2010-2011')), false);
  const greek = runCli('new', [
    '--content',
    contentDir,
    '--year',
    '2010-2011',
    '--title-en',
    'First\r\nsecond',
    '--classes',
    'Ε',
    '--partners',
    'GR',
    '--lang',
    'el',
  ]);
  assert.equal(greek.status, 2);
  assert.match(greek.stderr, /^Ο τίτλος έχει αλλαγή γραμμής· ένας τίτλος είναι μία γραμμή\./);
});

test('a title that would make a folder named after a Windows device gets another name; --folder with one is refused', () => {
  const args = ['--content', contentDir, '--year', '2008-2009', '--title-en', 'Con', '--classes', 'Ε', '--partners', 'GR', '--lang', 'en'];
  const refused = runCli('new', [...args, '--folder', 'nul']);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /^"nul" cannot be a folder name: Windows keeps it for a device, .* Did you mean: nul-project\?\n/);
  assert.equal(existsSync(path.join(contentDir, '2008-2009')), false);
  const made = runCli('new', args);
  assert.equal(made.status, 0, made.stderr);
  assert.deepEqual(readdirSync(path.join(contentDir, '2008-2009')), ['con-project']);
  assert.equal(runCli('check', ['--content', contentDir]).status, 0);
});

test('the same class or country given twice is written once, and said, so that the check accepts the files', () => {
  const result = runCli('new', [
    '--content',
    contentDir,
    '--year',
    '2009-2010',
    '--title-en',
    'Twice',
    '--classes',
    'Ε, Ε΄, ΣΤ1',
    '--partners',
    'LV, Latvia, Λετονία, GR',
    '--lang',
    'en',
  ]);
  assert.equal(result.status, 0, result.stderr);
  const folder = path.join(contentDir, '2009-2010', 'twice');
  assert.equal(
    result.stdout,
    '"Ε΄" is the same class as "Ε": it is written once.\n' +
      '"Latvia" is the same country as "LV": it is written once.\n' +
      '"Λετονία" is the same country as "LV": it is written once.\n' +
      `Written: ${folder}/index.en.md\nWrite the project's text, then check it with: npm run check\n`,
  );
  assert.match(
    readFileSync(path.join(folder, 'index.en.md'), 'utf8'),
    /^---\ntitle: Twice\nclasses:\n {2}- Ε'\n {2}- ΣΤ1\npartners:\n {2}- Latvia\n {2}- Greece\n---\n/,
  );
  assert.equal(runCli('check', ['--content', contentDir]).status, 0);
});

test('a label, class or country written twice the same way is said to be given twice, not to be the same as itself', () => {
  const result = runCli('new', [
    '--content',
    contentDir,
    '--year',
    '2009-2010',
    '--title-en',
    'Given twice',
    '--classes',
    'Ε, Ε',
    '--partners',
    'LV, LV',
    '--labels',
    'national, national',
    '--lang',
    'en',
  ]);
  assert.equal(result.status, 0, result.stderr);
  const folder = path.join(contentDir, '2009-2010', 'given-twice');
  assert.equal(
    result.stdout,
    '"Ε" is given twice: it is written once.\n' +
      '"LV" is given twice: it is written once.\n' +
      '"national" is given twice: it is written once.\n' +
      `Written: ${folder}/index.en.md\nWrite the project's text, then check it with: npm run check\n`,
  );
  assert.match(readFileSync(path.join(folder, 'index.en.md'), 'utf8'), /\nlabels:\n {2}- national\n---\n/);
  assert.equal(runCli('check', ['--content', contentDir]).status, 0);
});
