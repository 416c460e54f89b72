import assert from 'node:assert/strict';
import { afterEach, describe, test, type TestContext } from 'node:test';
import { OutputFolderError } from '../../../src/build/output-folder.ts';
import {
  contentFolder,
  EXIT,
  normalisePathPrefix,
  parseArguments,
  parseBuildOptions,
  parseOptions,
  runCommand,
  UsageError,
  checkSiteUrl,
} from '../../../src/cli/options.ts';
import { bundledContent } from '../../helpers/content-fixture.ts';

const BUILD = ['content', 'output', 'path-prefix'] as const;

/** The message of the UsageError that `run` throws. */
function usageMistake(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof UsageError, `a UsageError, not ${String(error)}`);
    return error.message;
  }
  assert.fail('no UsageError');
}

describe('options', () => {
  test('are read as --name value or --name=value, flags as true', () => {
    // parseArgs gives objects without a prototype: spread, they compare as plain ones.
    assert.deepEqual({ ...parseOptions(['--content', 'archive', '--output=public_html'], BUILD) }, { content: 'archive', output: 'public_html' });
    assert.deepEqual({ ...parseOptions(['--lang', 'el', '--json'], ['content', 'lang'], ['json']) }, { lang: 'el', json: true });
    assert.deepEqual({ ...parseOptions([], BUILD) }, {});
  });

  test('an unknown option names the one probably meant, and all of them', () => {
    assert.equal(
      usageMistake(() => parseOptions(['--ouput', '_site'], BUILD)),
      'Unknown option "--ouput". Did you mean --output? The options are: --content, --output, --path-prefix.',
    );
    assert.equal(
      usageMistake(() => parseOptions(['--path-prefx=/etwinning/'], BUILD)),
      'Unknown option "--path-prefx". Did you mean --path-prefix? The options are: --content, --output, --path-prefix.',
    );
  });

  test('an unknown option far from any other is not given a guess', () => {
    assert.equal(
      usageMistake(() => parseOptions(['--verbose'], BUILD)),
      'Unknown option "--verbose". The options are: --content, --output, --path-prefix.',
    );
    assert.equal(
      usageMistake(() => parseOptions(['-o', '_site'], BUILD)),
      'Unknown option "-o". The options are: --content, --output, --path-prefix.',
    );
  });

  test('an option without its value says what to write, however it is missing', () => {
    const expected = '--output needs a value after it, e.g. --output _site. (A value that starts with "-" is written --output=-value.)';
    for (const args of [['--output'], ['--output', '--content', 'content'], ['--output='], ['--output', '  ']]) {
      assert.equal(
        usageMistake(() => parseOptions(args, BUILD)),
        expected,
        args.join(' '),
      );
    }
    assert.match(
      usageMistake(() => parseOptions(['--content'], BUILD)),
      /^--content needs a value after it, e\.g\. --content content\./,
    );
    assert.match(
      usageMistake(() => parseOptions(['--path-prefix'], BUILD)),
      /^--path-prefix needs a value after it, e\.g\. --path-prefix \/etwinning\/\./,
    );
  });

  test('the example is a value the option takes, or none at all: never a placeholder', () => {
    assert.match(
      usageMistake(() => parseOptions(['--lang'], ['content', 'lang'], ['json'])),
      /^--lang needs a value after it, e\.g\. --lang el\. /,
    );
    assert.match(
      usageMistake(() => parseOptions(['--port'], ['port'])),
      /^--port needs a value after it, e\.g\. --port 8080\. /,
    );
    assert.equal(
      usageMistake(() => parseOptions(['--year', '2015-2016', '--title-en'], ['year', 'title-el', 'title-en'])),
      '--title-en needs a value after it. (A value that starts with "-" is written --title-en=-value.)',
    );
  });

  test('a switch given a value is told it takes none', () => {
    assert.equal(
      usageMistake(() => parseOptions(['--json=yes'], ['content', 'lang'], ['json'])),
      '--json takes no value: write --json alone.',
    );
    assert.equal(
      usageMistake(() => parseArguments(['old-page.html', '--json=1'], ['content'], ['json'])),
      '--json takes no value: write --json alone.',
    );
  });

  test('a word without an option name is told which options there are', () => {
    assert.equal(
      usageMistake(() => parseOptions(['archive'], BUILD)),
      '"archive" is not an option: the options are --content, --output, --path-prefix, each written with its name.',
    );
    assert.equal(
      usageMistake(() => parseOptions(['foo'], [])),
      '"foo": this command takes no options.',
    );
  });

  test('an option given twice is a mistake: which one was meant cannot be told', () => {
    assert.equal(
      usageMistake(() => parseOptions(['--output', 'a', '--output=b'], BUILD)),
      '--output is given twice: give it once.',
    );
  });

  test('a folder written with ~ after = is not the home folder, and is refused with the whole path to write', () => {
    assert.match(
      usageMistake(() => parseOptions(['--output=~/site'], BUILD)),
      /^--output ~\/site: a path that starts with ~ is not your home folder here; write the whole path, e\.g\. --output \/.+\/site\.$/,
    );
  });
});

describe('arguments without a name', () => {
  test('are given in their order, with the options', () => {
    const { options, positionals } = parseArguments(['old-page.html', '--content', 'archive', 'second.html'], ['content', 'school-name']);
    assert.deepEqual({ ...options }, { content: 'archive' });
    assert.deepEqual(positionals, ['old-page.html', 'second.html']);
  });

  test("an option without its value shows the command's own example", () => {
    assert.equal(
      usageMistake(() =>
        parseArguments(['old-page.html', '--school-name'], ['content', 'school-name'], [], { 'school-name': '"14ο Δημοτικό Σχολείο Αχαρνών"' }),
      ),
      '--school-name needs a value after it, e.g. --school-name "14ο Δημοτικό Σχολείο Αχαρνών".',
    );
    assert.match(
      usageMistake(() => parseArguments(['old-page.html', '--colour'], ['content', 'school-name'])),
      /^Unknown option "--colour"\./,
    );
  });
});

describe('the content folder', () => {
  test('is content/ unless given, and must be a folder that exists', () => {
    assert.equal(contentFolder(bundledContent), bundledContent);
    assert.equal(
      usageMistake(() => contentFolder('no-such-archive')),
      'The content folder "no-such-archive" does not exist.',
    );
    assert.equal(
      usageMistake(() => contentFolder(`${bundledContent}/school.el.md`)),
      `"${bundledContent}/school.el.md" is a file, not a content folder: give the folder that holds the school's files and the school years.`,
    );
  });
});

describe('the build options', () => {
  test('default to _site and the root; the path prefix is normalised', () => {
    assert.deepEqual(parseBuildOptions(['--content', bundledContent], BUILD), { contentDir: bundledContent, outputDir: '_site', pathPrefix: '/' });
    assert.deepEqual(parseBuildOptions(['--content', bundledContent, '--output', 'public', '--path-prefix', 'etwinning'], BUILD), {
      contentDir: bundledContent,
      outputDir: 'public',
      pathPrefix: '/etwinning/',
    });
  });

  test('a command that takes fewer options refuses the others', () => {
    assert.match(
      usageMistake(() => parseBuildOptions(['--output', 'public'], ['content'])),
      /^Unknown option "--output"\. The options are: --content\.$/,
    );
  });
});

describe('the path prefix', () => {
  test('etwinning, /etwinning and /etwinning/ all mean /etwinning/; nothing or / means the root', () => {
    for (const given of ['etwinning', '/etwinning', '/etwinning/', '//etwinning//', ' /etwinning/ '])
      assert.equal(normalisePathPrefix(given), '/etwinning/', given);
    assert.equal(normalisePathPrefix('school/etwinning'), '/school/etwinning/');
    assert.equal(normalisePathPrefix(''), '/');
    assert.equal(normalisePathPrefix('/'), '/');
  });

  test('refuses what would lead out of the site or is not a web path', () => {
    for (const given of ['../etwinning', 'a/./b', 'a//b', 'e twinning', 'σχολείο', 'a?b', 'https://school.example.org/']) {
      assert.match(
        usageMistake(() => normalisePathPrefix(given)),
        /cannot be a path prefix: use letters, digits, "-", "_", "\." and "\/"/,
        given,
      );
    }
  });
});

describe('runCommand', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  /** What a command printed on standard error, and the exit code it set. */
  async function run(t: TestContext, main: () => Promise<number>, env: { DEBUG?: string } = {}) {
    const printed: string[] = [];
    t.mock.method(console, 'error', (text: string) => printed.push(text));
    const debug = process.env.DEBUG;
    if (env.DEBUG === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = env.DEBUG;
    try {
      await runCommand('npm run build [-- --content DIR]', main);
    } finally {
      if (debug === undefined) delete process.env.DEBUG;
      else process.env.DEBUG = debug;
    }
    const code = process.exitCode;
    process.exitCode = undefined;
    return { stderr: printed.join('\n'), code };
  }

  test('exits with what the command returns, printing nothing of its own', async (t) => {
    assert.deepEqual(await run(t, async () => EXIT.ok), { stderr: '', code: 0 });
    assert.deepEqual(await run(t, async () => EXIT.contentErrors), { stderr: '', code: 1 });
  });

  test('a wrong command line: what to type, then the usage, exit 2', async (t) => {
    const result = await run(t, async () => {
      throw new UsageError('Unknown option "--ouput".');
    });
    assert.deepEqual(result, { stderr: 'Unknown option "--ouput".\n\nUsage: npm run build [-- --content DIR]', code: EXIT.usage });
  });

  test('a refused output folder: why, exit 2', async (t) => {
    const result = await run(t, async () => {
      throw new OutputFolderError('"photos" holds files that this build did not write; choose another --output, or empty it first');
    });
    assert.deepEqual(result, { stderr: '"photos" holds files that this build did not write; choose another --output, or empty it first', code: EXIT.usage });
  });

  test("the program's own fault: one paragraph that says so, no stack trace unless DEBUG is set, exit 1", async (t) => {
    const fail = async (): Promise<number> => {
      throw new TypeError("Cannot read properties of undefined (reading 'title')");
    };
    const quiet = await run(t, fail);
    assert.equal(quiet.code, EXIT.contentErrors);
    assert.equal(
      quiet.stderr,
      "The command stopped on an unexpected problem: Cannot read properties of undefined (reading 'title')\n" +
        "This is not a mistake in your content. Please report it to the archive's maintainers with this message (run it again with DEBUG=1 for the details).",
    );
    const detailed = await run(t, fail, { DEBUG: '1' });
    assert.match(detailed.stderr, /with this message:\nTypeError: Cannot read properties of undefined \(reading 'title'\)\n\s+at /);
  });

  test('a thrown value that is not an Error is said as it is', async (t) => {
    const result = await run(t, async () => {
      throw 'disk full';
    });
    assert.match(result.stderr, /^The command stopped on an unexpected problem: disk full\n/);
  });
});

describe('SITE_URL', () => {
  test("is the site's address with https:// or http:// and a host, or not set", () => {
    for (const SITE_URL of [undefined, '', 'https://school.github.io', 'https://school.example.org/', 'http://localhost:8080']) {
      assert.doesNotThrow(() => checkSiteUrl({ SITE_URL }), String(SITE_URL));
    }
  });

  test('anything else is a usage error that shows how to write it', () => {
    for (const SITE_URL of ['school.example.org', 'ftp://school.example.org', 'https://', 'https://school.example.org/?a=1']) {
      assert.throws(() => checkSiteUrl({ SITE_URL }), {
        name: 'Error',
        message: `SITE_URL="${SITE_URL}" is not a site's address: write it with https:// and the host, e.g. SITE_URL=https://school.github.io`,
      });
    }
  });
});
