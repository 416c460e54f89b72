import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, runCli, tempDir } from '../helpers/built-site.ts';

let contentDir: string;
before(() => {
  contentDir = path.join(tempDir('new'), 'content');
  cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
});
after(() => rmSync(path.dirname(contentDir), { recursive: true, force: true }));

const project = (...extra: string[]) => [
  '--content', contentDir, '--year', '2016-2017', '--classes', "E1, στ'", '--partners', 'lv, Ελλαδα, Turkey', ...extra,
];

test('npm run new writes both language files from the flags, named after the English title, and they pass the check', () => {
  const result = runCli('new', project('--title-el', 'Οι τέσσερις εποχές', '--title-en', 'The Four Seasons', '--lang', 'en'));
  assert.equal(result.status, 0, result.stderr);
  const folder = path.join(contentDir, '2016-2017', 'the-four-seasons');
  assert.equal(
    result.stdout,
    `Written: ${folder}/index.el.md\nWritten: ${folder}/index.en.md\nWrite the project's text, then check it with: npm run check\n`,
  );
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
  const result = runCli('new', ['--content', contentDir, '--year', '2015-2016', '--title-en', 'The Scratch Project', '--classes', "Ε'", '--partners', 'GR', '--lang', 'en']);
  assert.equal(result.status, 1);
  assert.equal(result.stderr, `The folder ${path.join(contentDir, '2015-2016', 'the-scratch-project')} already exists; nothing was changed. Give another title or choose another school year.\n`);
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
  assert.match(missing.stderr, /^Missing: --classes, --partners, --title-el \/ --title-en\. Give them as options, or run the command in a terminal to be asked\.\n/);
});
