/**
 * Every module of src/ has its own unit test at the mirrored path:
 * src/content/index-archive.ts → tests/unit/content/index-archive.test.ts.
 * A module without one is in one of the two lists below, with its reason and
 * the test that covers it. The lists cannot go stale: a test file they name
 * must exist, and a module that has got its mirrored test must leave them.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../helpers/built-site.ts';

interface Exception {
  /** Why the module has no unit test of its own. */
  why: string;
  /** The test file that covers it (none for types, which the type check covers). */
  testedBy?: string;
}

/**
 * (a) Modules without logic to test on their own, and the commands, which are
 * tested through the command line (or a browser) as people use them.
 */
const NOT_ON_THEIR_OWN: Readonly<Record<string, Exception>> = {
  'src/types.d.ts': { why: "types only: Eleventy's, as this project uses it" },
  'src/content/model.ts': { why: "types only: the Archive's shape" },
  'src/build/eleventy-types.ts': { why: "types only: Eleventy's configuration API" },
  'src/authoring/import/block.ts': { why: "types only: a block of the old page's text" },
  'src/site/accessibility.ts': { why: "a constant: the statement's date", testedBy: 'tests/browser/site.test.ts' },
  'src/build/configure.ts': { why: "Eleventy's wiring, tested by building the site", testedBy: 'tests/build/bundled-archive.test.ts' },
  'src/build/archive-plugin.ts': {
    why: "Eleventy's wiring of the data, the filters and the partial redraw, tested by rendering the site",
    testedBy: 'tests/build/changed-pages.test.ts',
  },
  'src/build/editor-plugin.ts': { why: "Eleventy's wiring of /admin/, tested in a browser", testedBy: 'tests/browser/editor.test.ts' },
  'src/build/search-index.ts': { why: 'Pagefind over the written site, tested by searching it', testedBy: 'tests/browser/site.test.ts' },
  'src/build/serve-site.ts': { why: "Eleventy's serve mode, tested by running npm start", testedBy: 'tests/build/dev-server.test.ts' },
  'src/build/build-site.ts': { why: 'the whole build, tested by running npm run build', testedBy: 'tests/build/output-folder.test.ts' },
  'src/editor/editor-browser.ts': { why: 'runs in the browser, inside Decap CMS', testedBy: 'tests/browser/editor.test.ts' },
  'src/cli/child-processes.ts': {
    why: "ends the build's own service processes, tested by watching a build's processes",
    testedBy: 'tests/build/bench-peers.test.ts',
  },
  'src/cli/build.ts': { why: 'the command npm run build', testedBy: 'tests/build/bundled-archive.test.ts' },
  'src/cli/check.ts': { why: 'the command npm run check', testedBy: 'tests/build/content-mistakes.test.ts' },
  'src/cli/edit.ts': {
    why: 'the command npm run edit: decap-server and the dev server, as the browser test runs them',
    testedBy: 'tests/browser/editor.test.ts',
  },
  'src/cli/import.ts': { why: 'the command npm run import', testedBy: 'tests/build/import.test.ts' },
  'src/cli/new.ts': { why: 'the command npm run new', testedBy: 'tests/build/new-project.test.ts' },
  'src/cli/start.ts': { why: 'the command npm start', testedBy: 'tests/build/dev-server.test.ts' },
};

/**
 * (b) Modules tested with the module they serve, in its unit test file: what
 * they make is only seen, and only worth asserting, together.
 */
const TESTED_WITH: Readonly<Record<string, Exception & { testedBy: string }>> = {
  'src/build/photo-encoder.ts': { why: 'encodes the photos whose references content/photos.ts checks', testedBy: 'tests/unit/content/photos.test.ts' },
  'src/content/normalise/text.ts': { why: 'the letter folding that reading grades relies on', testedBy: 'tests/unit/content/normalise/grades.test.ts' },
  'src/site/charts/europe-geodata.ts': { why: "the map's geometry, asserted on the drawn map", testedBy: 'tests/unit/site/charts/europe-map.test.ts' },
  'src/site/charts/map-legend.ts': { why: "the map's legend, drawn with the map's shades", testedBy: 'tests/unit/site/charts/europe-map.test.ts' },
};

/** Every TypeScript module under src/, as `src/…` paths with forward slashes. */
function modules(): string[] {
  return readdirSync(path.join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `src/${file.split(path.sep).join('/')}`)
    .sort();
}

/** src/site/urls.ts → tests/unit/site/urls.test.ts (a declaration file, src/types.d.ts, → tests/unit/types.test.ts). */
function mirroredTest(module: string): string {
  return module.replace(/^src\//, 'tests/unit/').replace(/(?:\.d)?\.ts$/, '.test.ts');
}

const exists = (file: string) => existsSync(path.join(repoRoot, file));

describe('every module of src/ has its unit test at the mirrored path, or is an exception that says why', () => {
  for (const module of modules()) {
    test(module, () => {
      const own = mirroredTest(module);
      const exception = NOT_ON_THEIR_OWN[module] ?? TESTED_WITH[module];
      assert.ok(
        exists(own) || exception !== undefined,
        `${module} has no unit test: write ${own}, or add the module to NOT_ON_THEIR_OWN or TESTED_WITH in tests/unit/test-files.test.ts with the reason`,
      );
    });
  }
});

describe('the exceptions are up to date', () => {
  const all = [...Object.keys(NOT_ON_THEIR_OWN), ...Object.keys(TESTED_WITH)];

  test('each names a module that exists, once', () => {
    const known = new Set(modules());
    for (const module of all) assert.ok(known.has(module), `${module} is not a module of src/ any more: remove it from the exceptions`);
    assert.equal(new Set(all).size, all.length, 'a module is in both lists');
  });

  test('no module listed has its mirrored unit test by now', () => {
    for (const module of all) {
      assert.ok(!exists(mirroredTest(module)), `${module} has its own test, ${mirroredTest(module)}, now: remove it from the exceptions`);
    }
  });

  test('each test file named exists', () => {
    const named = [...Object.values(NOT_ON_THEIR_OWN), ...Object.values(TESTED_WITH)].flatMap((exception) => exception.testedBy ?? []);
    for (const file of named) {
      assert.ok(exists(file), `${file} does not exist`);
      assert.match(file, /^tests\/.+\.test\.ts$/, file);
    }
  });

  test('a module tested with another is imported by that test file', () => {
    for (const [module, { testedBy }] of Object.entries(TESTED_WITH)) {
      const source = readFileSync(path.join(repoRoot, testedBy), 'utf8');
      const specifier = path.posix.relative(path.posix.dirname(testedBy), module);
      assert.ok(source.includes(`'${specifier}'`), `${testedBy} does not import ${module}`);
    }
  });
});

test('the mirrored path of a module', () => {
  assert.equal(mirroredTest('src/content/index-archive.ts'), 'tests/unit/content/index-archive.test.ts');
  assert.equal(mirroredTest('src/site/charts/bar-chart.ts'), 'tests/unit/site/charts/bar-chart.test.ts');
  assert.equal(mirroredTest('src/types.d.ts'), 'tests/unit/types.test.ts');
});
