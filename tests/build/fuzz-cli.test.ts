/**
 * A handful of generated changes to the bundled content, through the real
 * command line: `npm run check` and `npm run build` exit with 0, 1 or 2, print
 * no stack trace, and give the same verdict (what the check accepts, the build
 * builds; what it refuses, the build refuses), and a failed build leaves the
 * previous site as it was. Each run spawns both commands,
 * a few seconds, so the default is 4 runs; FUZZ_CLI_RUNS=50 runs more, and a
 * failure prints the seed and path to replay with FUZZ_SEED and FUZZ_PATH.
 * (tests/unit/fuzz-content.test.ts does the same in-process, by thousands.)
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  makeContentFixture,
  makeTempDir,
  runBuild,
  runCheck,
  SCRATCH_EL,
  SCRATCH_EN,
  snapshotFolder,
  type ContentFixture,
} from '../helpers/content-fixture.ts';
import { anyText, fuzzParameters } from '../helpers/fuzz-content.ts';
import { assertNoStackTrace } from '../helpers/report.ts';

const FILES = [SCRATCH_EL, SCRATCH_EN, 'school.el.md', 'school.en.md', '2014-2015/cool-or-not-too-cool/index.el.md'];

/** A change to one file: text added at the end of its body (mostly harmless), or anything inserted anywhere. */
const change = fc.record({
  file: fc.constantFrom(...FILES),
  where: fc.oneof(fc.constant('end' as const), fc.nat()),
  text: fc.oneof({ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) }, { weight: 1, arbitrary: anyText }),
});

const fixtures: ContentFixture[] = [];
const output = makeTempDir('etwinning-fuzz-cli-');
after(() => {
  for (const fixture of fixtures) fixture.remove();
  output.remove();
});

test('npm run check and npm run build agree on generated changes, and never print a stack trace', (t) => {
  let run = 0;
  let built = 0;
  fc.assert(
    fc.property(fc.array(change, { minLength: 1, maxLength: 3 }), (changes) => {
      const fixture = makeContentFixture();
      fixtures.push(fixture);
      for (const { file, where, text } of changes) {
        const before = fixture.read(file);
        const at = where === 'end' ? before.length : where % (before.length + 1);
        fixture.write(file, before.slice(0, at) + text + before.slice(at));
      }
      const check = runCheck(['--content', fixture.contentArg]);
      // Every run builds into the same folder: a failed build must leave the last good site there, byte for byte.
      const site = path.join(output.dir, 'site');
      const before = existsSync(site) ? snapshotFolder(site) : undefined;
      const build = runBuild(['--content', fixture.contentArg, '--output', site]);
      run++;
      if (build.status !== 0)
        assert.deepEqual(existsSync(site) ? snapshotFolder(site) : undefined, before, 'a failed build leaves the previous site as it was');
      for (const [name, result] of [
        ['check', check],
        ['build', build],
      ] as const) {
        assert.ok([0, 1, 2].includes(result.status ?? -1), `${name} exits 0, 1 or 2, not ${result.status}:\n${result.stderr}`);
        assertNoStackTrace(result.stderr);
      }
      assert.equal(build.status, check.status, `the build's verdict is the check's:\ncheck:\n${check.stderr}\nbuild:\n${build.stderr}`);
      if (build.status === 0) built++;
      fixture.remove();
    }),
    fuzzParameters(4, 'FUZZ_CLI_RUNS'),
  );
  t.diagnostic(`${built} of ${run} changed archives were built`);
});
