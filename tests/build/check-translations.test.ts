import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, runCli, tempDir } from '../helpers/built-site.ts';

/** A content folder in its own git repository, as a school's is. */
let repo: string;
let contentDir: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=Teacher', '-c', 'user.email=teacher@example.org', ...args], { encoding: 'utf8' });

before(() => {
  repo = tempDir('school');
  contentDir = path.join(repo, 'content');
  cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'The archive', '--date', '2026-09-01T10:00:00Z');
});
after(() => rmSync(repo, { recursive: true, force: true }));

test('good content in a git repository: no problems, exit 0', () => {
  const result = runCli('check', ['--content', contentDir, '--lang', 'en']);
  assert.equal(result.status, 0);
  assert.equal(result.stdout, `${contentDir}: no problems in 4 school years and 10 projects.\n`);
});

test('a Greek file changed after its English translation, and a missing translation, are warnings that do not fail', () => {
  appendFileSync(path.join(contentDir, '2015-2016/the-scratch-project/index.el.md'), '\nΝέα παράγραφος.\n');
  git('commit', '-qam', 'More about Scratch');
  rmSync(path.join(contentDir, '2013-2014/traditional-cultures/index.en.md'));
  const today = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
  const scratch = path.join(contentDir, '2015-2016/the-scratch-project');
  const traditional = path.join(contentDir, '2013-2014/traditional-cultures');

  const result = runCli('check', ['--content', contentDir, '--lang', 'en']);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(
    result.stdout,
    `${traditional}: warning: The project has no text yet in: English.\n` +
      `    Fix: Write ${traditional}/index.en.md, with the title and the text in that language.\n\n` +
      `${scratch}/index.en.md: warning: index.el.md was changed after index.en.md (on ${today}): the translation may no longer say the same.\n` +
      `    Fix: Read ${scratch}/index.en.md again and bring it up to date.\n\n` +
      '2 warnings.\n',
  );

  const greek = runCli('check', ['--content', contentDir, '--lang', 'el']);
  assert.match(
    greek.stdout,
    /: προειδοποίηση: Το index\.el\.md άλλαξε μετά το index\.en\.md \(στις \d+ [^\s]+ \d{4}\): η μετάφραση ίσως δεν λέει πια τα ίδια\.\n/,
  );
  assert.match(greek.stdout, /\n2 προειδοποιήσεις\.\n$/);

  const json = JSON.parse(runCli('check', ['--content', contentDir, '--json', '--lang', 'en']).stdout);
  assert.equal(json.ok, true);
  assert.deepEqual(json.errors, []);
  assert.deepEqual(
    json.warnings.map((warning: { file: string }) => warning.file),
    [traditional, `${scratch}/index.en.md`],
  );
  assert.equal(json.summary, '2 warnings.');
  git('checkout', '-q', '--', '.');
});

test('errors and warnings together: exit 1, the summary counts both, in the chosen language, and --json says the same', () => {
  appendFileSync(path.join(contentDir, '2014-2015/separated-and-united/index.en.md'), '\nMore.\n');
  const file = path.join(contentDir, '2015-2016/olympic-games-unite-the-world/index.el.md');
  execFileSync('sed', ['-i', 's/"Τουρκία"/"Τουρκάλα"/', file]);
  const result = runCli('check', ['--content', contentDir, '--lang', 'el']);
  assert.equal(result.status, 1);
  // Translation status is told with the errors: the Scratch project's English from the test
  // before, and the two files just changed here (not committed), each newer than its translation.
  assert.match(result.stderr, /\n1 λάθος σε 1 αρχείο, 3 προειδοποιήσεις\. Διορθώστε το και τρέξτε ξανά τον έλεγχο\.\n$/);
  assert.match(
    result.stderr,
    /separated-and-united\/index\.el\.md: προειδοποίηση: Το index\.en\.md άλλαξε μετά το index\.el\.md \(αλλαγή που δεν έχει καταχωριστεί ακόμη με commit\)/,
  );
  assert.ok(
    result.stderr.startsWith(
      `${file}:7: partners: Το «Τουρκάλα» δεν είναι χώρα που γνωρίζει το αρχείο.\n` +
        '    Διόρθωση: Μήπως εννοείτε Τουρκία / Türkiye (TR); Γράψτε το όνομα της χώρας στα ελληνικά ή στα αγγλικά, ή τον κωδικό της με δύο γράμματα.\n',
    ),
    result.stderr,
  );
  const json = JSON.parse(runCli('check', ['--content', contentDir, '--json']).stdout);
  assert.equal(json.ok, false);
  assert.equal(json.errors.length, 1);
  assert.equal(json.errors[0].file, file);
  assert.equal(json.errors[0].field, 'partners');
  assert.equal(json.warnings.length, 3);
  assert.equal(json.summary, '1 error in 1 file, 3 warnings. Fix it and run the check again.');
  git('checkout', '-q', '--', '.');
});
