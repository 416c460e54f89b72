/**
 * `npm start` after a save: the edited project's pages are written again with
 * the change, pages the edit does not touch are left as they are, and the
 * search index follows. Eleventy runs in watch mode on a copy of the content,
 * with the project's own configuration, as `npm start` runs it.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Eleventy from '@11ty/eleventy';
import configure from '../../.eleventy.ts';
import { tempDir } from '../helpers/built-site.ts';
import { makeContentFixture, SCRATCH, SCRATCH_EL, SCRATCH_EN, type ContentFixture } from '../helpers/content-fixture.ts';
import type { WatchingEleventy } from '../../src/build/eleventy-types.ts';
import { watchSite } from '../../src/build/serve-site.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => T | undefined | false, seconds = 60): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > seconds * 1000) throw new Error(`Not within ${seconds} s: ${what}`);
    await sleep(25);
  }
}

/** The edit saved the moment Eleventy starts watching, in the English text of the project the other test edits in Greek. */
const EARLY_EN = SCRATCH_EN;
const EARLY_TEXT = 'Two drawings about programming with blocks';
const EARLY_EDIT = 'Two drawings, saved the moment the server said it was watching, about programming with blocks';

let fixture: ContentFixture;
let output: string;
let eleventy: WatchingEleventy;
const page = (url: string) => path.join(output, url, 'index.html');
const modified = (url: string) => statSync(page(url)).mtimeMs;

before(async () => {
  fixture = makeContentFixture();
  output = path.join(tempDir('dev-server'), '_site');
  // Watch mode writes every file itself (serve mode leaves the static ones to its server).
  const options = {
    quietMode: true,
    runMode: 'watch' as const,
    config: (config: Parameters<typeof configure>[0]) => configure(config, { contentDir: fixture.contentDir }),
  };
  eleventy = new Eleventy('templates', output, options) as unknown as WatchingEleventy;
  await eleventy.init();
  // Eleventy says "Watching…" before its watcher has gone through the content's folders:
  // a text saved at that moment, the earliest a teacher could, must still reach its page.
  const watch = eleventy.watch.bind(eleventy);
  eleventy.watch = async () => {
    const watching = await watch();
    fixture.replace(EARLY_EN, EARLY_TEXT, EARLY_EDIT);
    return watching;
  };
  await watchSite(eleventy, fixture.contentDir);
  // The first build's search index, made in the background.
  await until('the first search index', () => existsSync(path.join(output, 'pagefind', 'pagefind-entry.json')));
});
after(async () => {
  await eleventy?.stopWatch();
  fixture?.remove();
});

test('a text saved as soon as Eleventy says "Watching…" reaches its page', async () => {
  await until('the English page shows the early edit', () => readFileSync(page(`/en/${SCRATCH}/`), 'utf8').includes(EARLY_EDIT), 30);
});

test('a saved text reaches its pages; pages it does not change are not written again; search follows', async () => {
  const untouched = ['/2012-2013/', '/archive/', '/countries/lv/', '/2015-2016/olympic-games-unite-the-world/', '/en/search/'];
  const before = new Map(untouched.map((url) => [url, modified(url)]));
  const index = path.join(output, 'pagefind', 'pagefind-entry.json');
  const indexedBefore = statSync(index).mtimeMs;

  fixture.replace(SCRATCH_EL, 'στο πρόγραμμα The Scratch Project με', 'στο πρόγραμμα The Scratch Project, με χαρά, με');
  const shown = () => readFileSync(page(`/${SCRATCH}/`), 'utf8').includes('The Scratch Project, με χαρά, με');
  // Saved once: the watcher has every folder by the time watchSite() returns.
  await until('the Greek page shows the edit', shown, 30);
  // The English page shows the English text; it is drawn again all the same (it shares the project's facts).
  await until('the search index is made again', () => statSync(index).mtimeMs > indexedBefore);

  for (const url of untouched) assert.equal(modified(url), before.get(url), `${url} was written again`);
});
