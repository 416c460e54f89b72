/**
 * The output folder through the real command line: `npm run build --output`
 * refuses every folder it must not replace (exit 2, a message that names it,
 * nothing touched), and `npm start` follows the same rule. The steps of the
 * replacement itself are tested in tests/unit/output-folder.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { MARKER } from '../../src/build/output-folder.ts';
import { makeContentFixture, makeTempDir, repoRoot, runBuild, snapshotFolder, type ContentFixture } from '../helpers/content-fixture.ts';

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
  const temp = makeTempDir('etwinning-start-');
  after(() => temp.remove());

  test('refuses a _site folder with files it did not write, and leaves them', () => {
    const site = path.join(temp.dir, '_site');
    mkdirSync(site);
    writeFileSync(path.join(site, 'index.html'), 'a page written by hand');
    // Run from a folder that holds the foreign _site, as `npm start` runs from the project's folder.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const result = spawnSync(process.execPath, ['--import', tsx, path.join(repoRoot, 'src', 'cli', 'start.ts')], {
      cwd: temp.dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 2, result.stderr);
    assert.equal(result.stderr, '"_site" holds files that this build did not write (index.html); move it away, or empty it first.\n');
    assert.deepEqual(readdirSync(site), ['index.html']);
  });
});
