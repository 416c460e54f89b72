/**
 * The output folder and the command line, fuzzed: generated command lines
 * either parse or give a usage message, and generated output paths (relative,
 * absolute, through links, into the content, above the project, onto files)
 * either receive the site or are refused, and either way no file the user
 * wrote is deleted or changed. FUZZ_RUNS=2000 runs more; a failure prints the
 * seed and path to replay with FUZZ_SEED and FUZZ_PATH.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { HelpAsked, parseBuildOptions, UsageError } from '../../src/cli/options.ts';
import { MARKER, OutputFolderError, replaceOutputFolder, type ProtectedFolders } from '../../src/build/output-folder.ts';
import { makeTempDir } from '../helpers/content-fixture.ts';
import { fuzzParameters } from '../helpers/fuzz-content.ts';

const temp = makeTempDir('etwinning-fuzz-output-');
const root = temp.dir;
const project = path.join(root, 'project');
const content = path.join(project, 'content');

/** What the user wrote: every file here must survive every build, byte for byte. */
const USER_FILES: Record<string, string> = {
  'project/package.json': '{}',
  'project/notes.txt': 'my notes',
  'project/content/school.el.md': '---\nname: Σχολείο\n---\n',
  'project/content/2015-2016/x/index.el.md': '---\ntitle: X\n---\n',
  'project/templates/pages.njk': '{{ content }}',
  'project/public/css/site.css': 'body {}',
  'home/letter.txt': 'Dear parents',
  'home/photos/holiday.jpg': 'a photo',
  'shared/report.pdf': 'a report',
};

const folders: ProtectedFolders = {
  contentDir: content,
  projectDir: project,
  inputDirs: [path.join(project, 'templates'), path.join(project, 'public')],
  homeDir: path.join(root, 'home'),
};

before(() => {
  for (const [name, text] of Object.entries(USER_FILES)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  symlinkSync(content, path.join(project, 'link-to-content'));
  symlinkSync(path.join(root, 'home'), path.join(project, 'link-to-home'));
  symlinkSync(path.join(root, 'elsewhere'), path.join(project, 'link-to-nowhere'));
});
after(() => temp.remove());

function assertUserFilesIntact(): void {
  for (const [name, text] of Object.entries(USER_FILES)) {
    assert.ok(existsSync(path.join(root, name)), `${name} still exists`);
    assert.equal(readFileSync(path.join(root, name), 'utf8'), text, `${name} is unchanged`);
  }
}

const SEGMENTS = [
  'project',
  'content',
  '2015-2016',
  'x',
  'templates',
  'public',
  'css',
  'home',
  'photos',
  'shared',
  'notes.txt',
  'letter.txt',
  'link-to-content',
  'link-to-home',
  'link-to-nowhere',
  '_site',
  'site',
  'new',
  '..',
  '.',
  '',
];

/** An output path: relative to the project (where commands run) or absolute, made of the tree's own names. */
const outputPath = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...SEGMENTS), { minLength: 0, maxLength: 5 }))
  .map(([absolute, parts]) => (absolute ? path.join(root, ...parts) : parts.join('/')));

test('no generated output path ever loses a file the user wrote', async () => {
  let built = 0;
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(outputPath, async (output) => {
      const target = path.resolve(project, output);
      try {
        await replaceOutputFolder(target, folders, async (folder) => writeFileSync(path.join(folder, 'index.html'), 'the site'));
        built++;
        assert.equal(readFileSync(path.join(target, 'index.html'), 'utf8'), 'the site');
        assert.ok(existsSync(path.join(target, MARKER)), 'the output is marked');
      } catch (error) {
        if (!(error instanceof OutputFolderError)) throw error;
        refused++;
        assert.match(error.message, /^"[^"]*" (is|holds|would be) /, 'the message names the folder and says why');
      }
      assertUserFilesIntact();
      // Nothing is left beside any folder of the tree.
      const leftovers = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => /\.building-|etwinning-archive\./.test(name));
      assert.deepEqual(leftovers, []);
    }),
    fuzzParameters(300),
  );
  assert.ok(built > 0 && refused > 0, `both kinds happened: ${built} built, ${refused} refused`);
  // What the fuzzer built is an output of the build, which may go.
  for (const name of readdirSync(root)) if (!['project', 'home', 'shared'].includes(name)) rmSync(path.join(root, name), { recursive: true, force: true });
});

const OPTION_WORDS = [
  '--content',
  '--output',
  '--path-prefix',
  '--ouput',
  '-o',
  '--',
  '-',
  '--content=',
  '--output=',
  '--path-prefix=',
  'content',
  '_site',
  '/etwinning/',
  '../',
  'a/../../b',
  '.',
  '..',
  '',
  ' ',
  'x y',
  'Σχολείο',
  '--help',
  '=',
  '-x',
];

test('a generated command line parses, or gives a usage message; never anything else', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...OPTION_WORDS), fc.string({ maxLength: 8 })), { maxLength: 6 }), (args) => {
      try {
        const options = parseBuildOptions(args, ['content', 'output', 'path-prefix']);
        assert.match(options.pathPrefix, /^\/([A-Za-z0-9._~-]+\/)*$/, 'a path prefix has no empty, "." or ".." part');
        assert.ok(!options.pathPrefix.split('/').some((part) => part === '.' || part === '..'));
        assert.notEqual(options.outputDir.trim(), '', 'the output folder is named');
      } catch (error) {
        // `--help` anywhere asks for the usage, which is printed with exit code 0.
        if (error instanceof HelpAsked) return assert.ok(args.includes('--help'));
        if (!(error instanceof UsageError)) throw error;
        assert.ok(error.message.length > 0);
        assert.doesNotMatch(error.message, /This option|undefined|\[object/, 'the message names the option');
      }
    }),
    fuzzParameters(500),
  );
});
