/**
 * The search index is made while the pages are rendered (src/build/search-index.ts),
 * not by reading the written HTML back. A visitor must find exactly what
 * indexing the written pages finds: this test builds a generated archive, indexes
 * its written project pages the plain way (Pagefind reading the HTML files) into
 * a second index beside the site's, and runs the same queries against both in
 * Chromium, as the search page does: Greek with and without accents, English,
 * each filter (school year, grade, partner country) alone and with words. Every
 * result is compared whole (its score, address, title, excerpt, text, word
 * positions and filters) in the order of the scores, and so are the filter
 * counts.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { close, createIndex } from 'pagefind';
import type { Browser } from 'playwright-core';
import { DEFAULT_SEED, generateArchive } from '../../scripts/bench/generate.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { runCli, tempDir } from '../helpers/built-site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const REFERENCE = 'reference-pagefind';

let root: string;
let server: StaticServer;
let browser: Browser;

before(async () => {
  root = tempDir('search-results');
  const archive = await generateArchive(root, 60, DEFAULT_SEED, 0);
  const output = path.join(root, '_site');
  const built = runCli('build', ['--content', archive.contentDir, '--output', output]);
  assert.equal(built.status, 0, built.stderr);
  // The plain way: Pagefind reads every written project page (they carry data-pagefind-body).
  const { index, errors } = await createIndex({});
  assert.ok(index, errors.join('; '));
  const added = await index.addDirectory({ path: output, glob: '**/????-????/*/index.html' });
  assert.equal(added.page_count, 120, 'both languages of the 60 projects are indexed the plain way');
  await index.writeFiles({ outputPath: path.join(output, REFERENCE) });
  await close();
  server = await serveStatic(output);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Query {
  words: string | null;
  filters?: Record<string, string>;
}

interface Result {
  score: number;
  url: string;
  meta: Record<string, string>;
  excerpt: string;
  filters: Record<string, string[]>;
}

/**
 * Results in the order of their scores, and pages of equal score by address.
 * Pagefind lists pages of equal score (every page of a search by filters alone
 * scores 0) in the order they were added to the index: reading the written
 * site, the order in which the file system lists the folders, which differs
 * from one file system to another; fed as they are rendered, the order of the
 * site's pages. Neither order is one a visitor could rely on.
 */
function byScore(results: Result[]): Result[] {
  return results.toSorted((a, b) => b.score - a.score || a.url.localeCompare(b.url));
}

interface Found {
  filters: Record<string, Record<string, number>>;
  results: Result[][];
}

/** Runs the queries with the Pagefind of `bundle` on the search page of one language, as its search box would. */
async function search(searchPage: string, bundle: string, queries: (filters: Found['filters']) => Query[]): Promise<Found> {
  const page = await browser.newPage();
  try {
    await page.goto(new URL(searchPage, server.url).href);
    const all = await page.evaluate(
      async ({ bundle }) => {
        const pagefind = await import(`/${bundle}/pagefind.js`);
        await pagefind.options({ baseUrl: '/' });
        await pagefind.init();
        return pagefind.filters();
      },
      { bundle },
    );
    const results = await page.evaluate(
      async ({ bundle, queries }) => {
        const pagefind = await import(`/${bundle}/pagefind.js`);
        const out = [];
        for (const query of queries) {
          const found = await pagefind.search(query.words, query.filters ? { filters: query.filters } : {});
          const data = await Promise.all(
            found.results.map(async (result: { score: number; data(): Promise<object> }) => ({ score: result.score, ...(await result.data()) })),
          );
          // Everything a result holds: its score, address, metadata (title), excerpt, text, word positions, filters.
          out.push(data);
        }
        return out;
      },
      { bundle, queries: queries(all) },
    );
    return { filters: all, results };
  } finally {
    await page.close();
  }
}

/** Words alone, then every filter's first and last value, alone and with a word. */
function queriesFor(words: string[]) {
  return (filters: Found['filters']): Query[] => {
    const queries: Query[] = words.map((w) => ({ words: w }));
    for (const [name, values] of Object.entries(filters)) {
      const names = Object.keys(values).sort();
      for (const value of [names[0]!, names.at(-1)!]) {
        queries.push({ words: null, filters: { [name]: value } }, { words: words[0]!, filters: { [name]: value } });
      }
    }
    return queries;
  };
}

const LANGUAGES = [
  // Greek with and without accents and final sigma, several words, a country's name.
  { page: '/search/', words: ['ευρωπαϊκή', 'ευρωπαικη', 'Χριστούγεννα', 'χριστουγεννα', 'παιχνίδια σχολείου', 'Γαλλία', 'φύσης'] },
  { page: '/en/search/', words: ['recycling', 'Easter songs', 'Christmas', 'France', 'European seasons'] },
];

for (const { page, words } of LANGUAGES) {
  test(`searching ${page} finds the same pages, titles and excerpts as indexing the written pages`, async () => {
    const built = await search(page, 'pagefind', queriesFor(words));
    const reference = await search(page, REFERENCE, queriesFor(words));
    // Three filters (school year, grade, partner country), each with values.
    assert.equal(Object.keys(reference.filters).length, 3, JSON.stringify(reference.filters));
    assert.ok(reference.results[0]!.length > 0, `"${words[0]}" finds projects`);
    assert.ok(
      reference.results.filter((results) => results.length > 0).length >= reference.results.length - 2,
      'nearly every query finds something, so that the comparison compares results',
    );
    assert.deepEqual(built.filters, reference.filters);
    for (const [i, results] of reference.results.entries()) {
      assert.deepEqual(byScore(built.results[i]!), byScore(results), `query ${i} on ${page}`);
      assert.deepEqual(
        built.results[i]!.map((result) => result.score),
        results.map((result) => result.score),
        `query ${i} on ${page}: the same scores in the same order`,
      );
    }
  });
}
