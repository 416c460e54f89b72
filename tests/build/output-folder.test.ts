/**
 * The output folder through the real command line: `npm run build --output`
 * refuses every folder it must not replace (exit 2, a message that names it,
 * nothing touched), and `npm start` follows the same rule. The steps of the
 * replacement itself are tested in tests/unit/build/output-folder.test.ts.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MARKER } from '../../src/build/output-folder.ts';
import { THIS_PROCESS } from '../../src/build/process-owner.ts';
import { makeContentFixture, makeTempDir, runBuild, snapshotFolder, type ContentFixture } from '../helpers/content-fixture.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

const BUILD_USAGE = 'Usage: npm run build [-- --content DIR --output DIR --path-prefix /PREFIX/]';

function assertNoStackTrace(output: string): void {
  assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
  assert.doesNotMatch(output, /Error:/, 'no JavaScript error name');
}

describe('npm run build --output', () => {
  let fixture: ContentFixture;
  let content: Map<string, string>;
  const temp = makeTempDir('etwinning-output-cli-');
  before(() => {
    fixture = makeContentFixture();
    content = snapshotFolder(fixture.contentDir);
  });
  after(() => {
    fixture.remove();
    temp.remove();
  });

  /** Builds the fixture into `output`, expecting a refusal: exit 2, the message alone, the content untouched. */
  function refused(output: string, message: string) {
    const result = runBuild(['--content', fixture.contentArg, '--output', output]);
    assert.equal(result.status, 2, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `${message}\n`);
    assertNoStackTrace(result.stderr);
    assert.deepEqual(snapshotFolder(fixture.contentDir), content, 'the content folder is exactly as it was');
  }

  test('refuses the content folder, and deletes nothing in it', () => {
    refused(fixture.contentArg, `"${fixture.contentArg}" is the content folder, which the build reads; choose another --output.`);
  });

  test('refuses a year folder of the content', () => {
    const year = path.join(fixture.contentArg, '2015-2016');
    refused(year, `"${year}" is inside the content folder ${fixture.contentArg}, which the build reads; choose another --output.`);
  });

  test("refuses the project's own folder, its parent, and the templates", () => {
    refused('.', `"." is the project's own folder; choose another --output.`);
    refused('..', `".." holds the project's folder; choose another --output.`);
    refused('templates/_includes', `"templates/_includes" is inside templates, which the build reads; choose another --output.`);
  });

  test('refuses the folder that holds the content folder', () => {
    refused(fixture.root, `"${fixture.root}" holds the content folder ${fixture.contentArg}; choose another --output.`);
  });

  test('refuses a file', () => {
    refused('package.json', `"package.json" is a file, not a folder; choose another --output, or move the file away.`);
  });

  test('refuses a folder with files it did not write, and leaves them', () => {
    const mine = path.join(temp.dir, 'my-documents');
    mkdirSync(mine);
    writeFileSync(path.join(mine, 'letter.txt'), 'Dear parents');
    refused(mine, `"${mine}" holds files that this build did not write (letter.txt); choose another --output, or empty it first.`);
    assert.deepEqual(readdirSync(mine), ['letter.txt']);
  });

  test('creates a folder whose parents do not exist, marks it, and replaces it the next time', () => {
    const site = path.join(temp.dir, 'not', 'yet', '_site');
    const first = runBuild(['--content', fixture.contentArg, '--output', site]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(readFileSync(path.join(site, MARKER), 'utf8'), /written by the eTwinning archive's build/);
    assert.ok(existsSync(path.join(site, 'en', '2015-2016', 'the-scratch-project', 'index.html')));
    assert.equal(statSync(site).mode & 0o777, 0o777 & ~process.umask(), 'the folder has the usual permissions, not 0700');
    const second = runBuild(['--content', fixture.contentArg, '--output', site]);
    assert.equal(second.status, 0, second.stderr);
    assert.deepEqual(readdirSync(path.dirname(site)), ['_site'], 'nothing is left beside it');
  });

  test('refuses a folder another build is writing, and builds once that one is done', () => {
    const site = path.join(temp.dir, 'busy', '_site');
    const first = runBuild(['--content', fixture.contentArg, '--output', site]);
    assert.equal(first.status, 0, first.stderr);
    const before = snapshotFolder(site);
    // The lock of a build that runs: this test's own process, with the time it started.
    const lock = path.join(temp.dir, 'busy', '._site.lock');
    writeFileSync(lock, `${THIS_PROCESS.pid}-${THIS_PROCESS.started}\n`);
    refused(
      site,
      `"${site}" is being written by another build of the archive right now (process ${process.pid}: npm start, or npm run build in another window). ` +
        `Wait until it has finished, or stop it, then run the command again. (If no such build runs, delete ${lock}.)`,
    );
    assert.deepEqual(snapshotFolder(site), before, 'the site is as it was');
    rmSync(lock);
    const again = runBuild(['--content', fixture.contentArg, '--output', site]);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(readdirSync(path.dirname(site)), ['_site'], 'no lock is left once the build is done');
  });

  test('takes over the lock of a build that was killed, also when its process id is in use again', () => {
    const site = path.join(temp.dir, 'killed', '_site');
    mkdirSync(path.dirname(site), { recursive: true });
    // This test's process id, with a start time that is not its own: the id was given again to another process.
    writeFileSync(path.join(temp.dir, 'killed', '._site.lock'), `${process.pid}-1000\n`);
    const result = runBuild(['--content', fixture.contentArg, '--output', site]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(path.dirname(site)), ['_site']);
  });

  test('stopped with SIGTERM while it writes, removes its half-built site and lets go of the folder; the old site stays', async () => {
    const parent = path.join(temp.dir, 'stopped');
    const site = path.join(parent, '_site');
    assert.equal(runBuild(['--content', fixture.contentArg, '--output', site]).status, 0);
    const before = snapshotFolder(site);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'cli', 'build.ts'), '--content', fixture.contentArg, '--output', site], {
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const building = () => readdirSync(parent).some((name) => name.startsWith('._site.building-'));
    const waitedFrom = Date.now();
    while (!building() && Date.now() - waitedFrom < 60_000) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(building(), 'the new site is being written beside the old one');
    child.kill('SIGTERM');
    assert.equal(await exited, 128 + 15);
    assert.deepEqual(readdirSync(parent), ['_site'], 'no half-built site and no lock left');
    assert.deepEqual(snapshotFolder(site), before, 'the old site as it was');
  });

  describe('a wrong option value exits 2 and says what to type', () => {
    const cases: [string, string[], string][] = [
      [
        '--output with an empty value',
        ['--output='],
        '--output needs a value after it, e.g. --output _site. (A value that starts with "-" is written --output=-value.)',
      ],
      [
        '--output followed by another option',
        ['--output', '--content', 'content'],
        '--output needs a value after it, e.g. --output _site. (A value that starts with "-" is written --output=-value.)',
      ],
      [
        '--path-prefix with a value that starts with "-"',
        ['--path-prefix', '-x'],
        '--path-prefix needs a value after it, e.g. --path-prefix /etwinning/. (A value that starts with "-" is written --path-prefix=-value.)',
      ],
      [
        '--path-prefix ../',
        ['--path-prefix', '../'],
        '"../" cannot be a path prefix: use letters, digits, "-", "_", "." and "/", without "..", "." or "//" as a part, e.g. /etwinning/.',
      ],
      [
        '--path-prefix a/../../b',
        ['--path-prefix', 'a/../../b'],
        '"a/../../b" cannot be a path prefix: use letters, digits, "-", "_", "." and "/", without "..", "." or "//" as a part, e.g. /etwinning/.',
      ],
    ];
    for (const [name, args, message] of cases) {
      test(name, () => {
        const result = runBuild(args);
        assert.equal(result.status, 2, result.stderr);
        assert.equal(result.stderr, `${message}\n\n${BUILD_USAGE}\n`);
      });
    }
  });
});

describe('npm start', () => {
  let copy: ProjectCopy;
  before(() => {
    copy = copyProject('start');
  });
  after(() => copy.remove());

  /** `npm start` in the project copy, until it exits (a refusal or a mistake), at most a minute. */
  const start = () =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join('src', 'cli', 'start.ts'), '--port', '18573'], {
      cwd: copy.project,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' },
    });

  test('refuses a _site folder with files it did not write, and leaves them', () => {
    const site = path.join(copy.project, '_site');
    mkdirSync(site);
    writeFileSync(path.join(site, 'index.html'), 'a page written by hand');
    const result = start();
    assert.equal(result.status, 2, result.stderr);
    assert.equal(result.stderr, '"_site" holds files that this build did not write (index.html); move it away, or empty it first.\n');
    assert.deepEqual(readdirSync(site), ['index.html']);
    rmSync(site, { recursive: true });
  });

  test('with a mistake in the content at its start, says it as the build does and serves nothing', () => {
    const file = path.join(copy.project, 'content', '2015-2016', 'the-scratch-project', 'index.el.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('title: "The Scratch Project"', 'title: [a, b]'));
    try {
      const result = start();
      assert.equal(result.status, 1, result.stderr);
      assertNoStackTrace(result.stderr);
      assert.match(result.stderr, /^content\/2015-2016\/the-scratch-project\/index\.el\.md:2: title: /);
      assert.match(result.stderr, /\n\n1 error in 1 file\. Fix them, then run npm start again\.\n$/);
      assert.doesNotMatch(result.stderr, /unexpected problem/);
    } finally {
      writeFileSync(file, text);
    }
  });

  test('stopped with Ctrl+C as soon as it has taken _site, it lets go of the lock', async () => {
    const lock = path.join(copy.project, '._site.lock');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'cli', 'start.ts'), '--port', '18574'], {
      cwd: copy.project,
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const waitedFrom = Date.now();
    while (!existsSync(lock) && Date.now() - waitedFrom < 60_000) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(existsSync(lock), 'npm start holds _site');
    child.kill('SIGINT');
    // Stopped while starting (130, as a shell reports Ctrl+C), or once serving (0).
    assert.ok([0, 130].includes((await exited) ?? -1));
    assert.ok(!existsSync(lock), 'no lock is left');
  });
});
