import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoadCache } from '../../../src/content/load-cache.ts';
import { loadArchive } from '../../../src/content/load.ts';
import { formatProblem } from '../../../src/content/problems.ts';
import { makeContentFixture, SCRATCH_EL, SCRATCH_EN } from '../../helpers/content-fixture.ts';

/** The language file of the bundled Scratch project, as the layout lists it. */
function scratchFile(abs: (file: string) => string) {
  return { lang: 'en' as const, absolute: abs(SCRATCH_EN), file: SCRATCH_EN };
}

test('a file whose bytes have not changed is not parsed again; one that changed is', async (t) => {
  const fixture = makeContentFixture();
  t.after(() => fixture.remove());
  const cache = new LoadCache();
  const file = scratchFile(fixture.abs);
  const first = await cache.source(file);
  assert.ok('source' in first);
  assert.equal(await cache.source(file), first, 'the same bytes: the same parse');
  fixture.replace(SCRATCH_EN, 'title: "The Scratch Project"', 'title: "Scratch, again"');
  const second = await cache.source(file);
  assert.ok('source' in second);
  assert.notEqual(second, first);
  assert.equal(second.source.data.title, 'Scratch, again');
});

test('told which files changed (a save in npm start), the next load reads only those', async (t) => {
  const fixture = makeContentFixture();
  t.after(() => fixture.remove());
  const cache = new LoadCache();
  assert.ok((await loadArchive(fixture.contentDir, { cache })).archive);
  fixture.replace(SCRATCH_EN, 'title: "The Scratch Project"', 'title: "Scratch in English"');
  // A mistake in a file it was not told about: not read, so not seen.
  fixture.replace(SCRATCH_EL, 'title:', 'unknown-field: 1\ntitle:');
  cache.onlyChanged([fixture.abs(SCRATCH_EN)]);
  const { archive } = await loadArchive(fixture.contentDir, { cache });
  const scratch = archive?.projects.find((project) => project.id === '2015-2016/the-scratch-project');
  assert.equal(scratch?.versions.en?.title, 'Scratch in English');
  // After that load it trusts nothing again: every file is compared with what it read.
  cache.onlyChanged([fixture.abs('2015-2016/no-such-project/index.en.md')]);
  const { problems } = await loadArchive(fixture.contentDir, { cache });
  assert.deepEqual(
    problems.map((problem) => problem.file),
    [fixture.abs(SCRATCH_EL)],
    'a file it does not know: everything is listed and read again, and the mistake found',
  );
});

test('a file that disappears between listing and reading is a problem named by the file, not a crash', async (t) => {
  const fixture = makeContentFixture();
  t.after(() => fixture.remove());
  const cache = new LoadCache();
  assert.ok((await loadArchive(fixture.contentDir, { cache })).archive);
  // The next load is told the file changed (a save in `npm start`), then finds it gone.
  cache.onlyChanged([fixture.abs(SCRATCH_EN)]);
  fixture.removeFile(SCRATCH_EN);
  const { problems } = await loadArchive(fixture.contentDir, { cache });
  assert.deepEqual(
    problems.map((problem) => formatProblem(problem, 'en')),
    [
      `${fixture.abs(SCRATCH_EN)}: This file could not be read (ENOENT): it may have been moved or deleted while the archive was read, or it may not be yours to read.\n` +
        '    Fix: Check that the file is there and that you may open it (its permissions), then run the command again.',
    ],
  );
});
