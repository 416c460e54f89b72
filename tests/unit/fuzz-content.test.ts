/**
 * Property-based tests of the content loader, in-process: generated content
 * folders (tests/helpers/fuzz-content.ts) are loaded with loadArchive, which
 * must never throw, only return problems; every problem names a file or
 * folder under the content folder, and a line that is in the file; and an
 * archive without problems makes the site's pure parts (the page list, the
 * feeds, the open data) without throwing, with no character a feed's XML
 * cannot hold.
 *
 * The default run is short (FUZZ_RUNS=150). A longer one:
 *   FUZZ_RUNS=5000 node --import tsx --test tests/unit/fuzz-content.test.ts
 * A failure prints fast-check's seed and path; FUZZ_SEED=<seed> FUZZ_PATH=<path>
 * replays exactly that case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { loadArchive } from '../../src/content/load.ts';
import type { Archive } from '../../src/content/model.ts';
import type { Message, MessageValue } from '../../src/content/messages.ts';
import { type ContentProblem, sayProblem } from '../../src/content/problems.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { buildFeeds, jsonFeed } from '../../src/site/feeds.ts';
import { absoluteUrlMaker, feedIdMaker } from '../../src/site/links.ts';
import { archiveCsv, openArchive, openArchiveJson } from '../../src/site/open-data.ts';
import { buildPages } from '../../src/site/pages.ts';
import { contentLayout, fuzzParameters, writeLayout } from '../helpers/fuzz-content.ts';

/** XML 1.0's Char production: what a feed can hold. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Every text of a value, deeply. */
function* texts(value: unknown, seen = new Set<unknown>()): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const item of Object.values(value)) yield* texts(item, seen);
  }
}

/** The lines a file has, however its lines end (the loader reads a lone CR as a line end too). */
/**
 * A problem with every text it quotes from the content (a file or folder
 * name, a value) replaced by "x": what is left is the message's own wording,
 * in which no placeholder may be left unfilled. (A folder may be named "{{".)
 */
function withoutWrittenText(problem: ContentProblem): ContentProblem {
  const blank = (value: MessageValue | undefined): MessageValue | undefined => {
    if (value === undefined || typeof value === 'number') return value;
    if (typeof value === 'string') return 'x';
    if ('key' in value) return blankMessage(value);
    if ('list' in value) return { list: value.list.map((item) => blank(item) ?? 'x'), separator: blank(value.separator) ?? 'x' };
    return value;
  };
  const blankMessage = (message: Message): Message => ({
    key: message.key,
    values: Object.fromEntries(Object.entries(message.values).map(([name, value]) => [name, blank(value)])),
  });
  return { ...problem, message: blankMessage(problem.message), fix: blankMessage(problem.fix) };
}

function lineCount(file: string): number {
  const text = readFileSync(file, 'latin1');
  return Math.max(text.split('\n').length, text.split(/\r\n?|\n/).length);
}

/** The site's parts that do not need Eleventy, made as the build makes them. */
function makeSiteParts(archive: Archive): void {
  const pages = buildPages(archive);
  assert.ok(pages.length > 0);
  assert.equal(new Set(pages.map((page) => page.url)).size, pages.length, 'every page has its own URL');
  const absolute = absoluteUrlMaker('/', 'https://school.example.org');
  for (const feed of buildFeeds(archive)) {
    for (const text of texts(feed)) assert.doesNotMatch(text, NOT_XML, `a feed holds no character XML forbids: ${JSON.stringify(text)}`);
    JSON.parse(jsonFeed(feed, absolute, feedIdMaker(absolute)));
  }
  openArchive(archive);
  JSON.parse(openArchiveJson(archive));
  assert.ok(archiveCsv(archive).startsWith('\uFEFFschool_year,'));
}

test('the loader never throws on generated content; its problems name files under the content folder; a valid archive makes the site', async (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'etwinning-fuzz-'));
  let run = 0;
  let valid = 0;
  try {
    await fc.assert(
      fc.asyncProperty(contentLayout, async (layout) => {
        const contentDir = path.join(root, String(run++));
        mkdirSync(contentDir);
        try {
          writeLayout(contentDir, layout);
          const { archive, problems } = await loadArchive(contentDir);
          assert.equal(archive === undefined, problems.length > 0, 'an archive exactly when there are no problems');
          // Said in every language: each has all its values filled in.
          for (const { unsaid, problem } of problems.flatMap((each) =>
            LANGUAGES.map((lang) => ({ unsaid: each, problem: { ...sayProblem(each, lang), lang } })),
          )) {
            const where = `${problem.file}:${problem.line ?? ''} ${problem.message}`;
            assert.ok(problem.file.startsWith(`${contentDir}${path.sep}`), `under the content folder: ${where}`);
            // The file or folder is there, or it is one to create (a missing school file) in a folder that is.
            const there =
              existsSync(problem.file) ||
              (() => {
                try {
                  return lstatSync(problem.file).isSymbolicLink();
                } catch {
                  return false;
                }
              })();
            assert.ok(there || existsSync(path.dirname(problem.file)), `the file or its folder exists: ${where}`);
            assert.ok(problem.message.trim() && problem.fix.trim(), `a message and a fix: ${where}`);
            const template = sayProblem(withoutWrittenText(unsaid), problem.lang);
            assert.doesNotMatch(`${template.message} ${template.fix}`, /\{\{|undefined|\[object /, `filled in: ${where}`);
            if (problem.line !== undefined) {
              assert.ok(Number.isInteger(problem.line) && problem.line >= 1, `a line from 1: ${where}`);
              if (there && lstatSync(problem.file).isFile()) assert.ok(problem.line <= lineCount(problem.file), `a line of the file: ${where}`);
            }
          }
          if (archive) {
            valid++;
            makeSiteParts(archive);
          }
        } finally {
          rmSync(contentDir, { recursive: true, force: true });
        }
      }),
      fuzzParameters(150),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  // Not a property, but a sign the generator still reaches the site's parts.
  t.diagnostic(`${valid} of ${run} generated content folders were valid archives`);
  assert.ok(valid > 0 || run < 50, `some generated archives are valid (${valid} of ${run})`);
});
