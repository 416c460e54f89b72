import path from 'node:path';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import type { EleventyConfig } from './eleventy-types.ts';
import { markOutputFolder } from './output-folder.ts';

/**
 * The part of a page Pagefind indexes: only project pages carry
 * `data-pagefind-body` (templates/_includes/kinds/project.njk), and Pagefind
 * reads nothing of such a page outside that element but its `<html lang>`
 * (which index it goes to) and, were the layout to have them, headings and
 * images before and after it (it has none). Sending Pagefind that element
 * alone spares it parsing the rest of every page, and the pipe the bytes;
 * the search results are the same (tests/build/search-results.test.ts).
 * Returns undefined for a page that is not searched.
 */
function searchablePart(html: string): string | undefined {
  const start = html.indexOf('<article data-pagefind-body');
  if (start < 0) return undefined;
  const end = html.lastIndexOf('</article>');
  const lang = /<html[^>]*\slang="([^"]*)"/.exec(html.slice(0, html.indexOf('>', html.indexOf('<html')) + 1))?.[1];
  const root = lang === undefined ? '<html>' : `<html lang="${lang}">`;
  return `<!DOCTYPE html>${root}<body>${html.slice(start, end + '</article>'.length)}</body></html>`;
}

/**
 * One search index, fed page by page while Eleventy renders: Pagefind's
 * service is a process of its own, so it parses and indexes each page on the
 * other core while Node renders the next ones, instead of reading the written
 * site back after the build. `write()` waits for the last page and writes the
 * index into `<output>/pagefind/`.
 */
class PagefindFeed {
  readonly #index: Promise<PagefindIndex>;
  readonly #added: Promise<unknown>[] = [];
  pages = 0;

  constructor() {
    this.#index = createIndex({}).then(({ index, errors }) => {
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      return index;
    });
    // A failure is reported by write(); until then it must not count as unhandled.
    this.#index.catch(() => undefined);
  }

  add(url: string, content: string): void {
    this.pages++;
    const added = this.#index.then((index) => index.addHTMLFile({ url, content })).then(({ errors }) => errors);
    added.catch(() => undefined);
    this.#added.push(added);
  }

  async write(outputDir: string): Promise<number> {
    const index = await this.#index;
    const problems = (await Promise.all(this.#added)).flat() as string[];
    const written = await index.writeFiles({ outputPath: path.join(outputDir, 'pagefind') });
    problems.push(...written.errors);
    await close();
    if (problems.length > 0) throw new Error(`Pagefind could not index the site: ${problems.join('; ')}`);
    return this.pages;
  }
}

/**
 * Indexes the written site with Pagefind, reading its project pages from
 * disk: `npm start`'s way, where a rebuild draws only the pages that changed
 * and the index must still hold every page. Returns the number of pages indexed.
 */
async function indexWrittenSite(outputDir: string): Promise<number> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Project pages are the ones at <year>/<folder>/ (under a language's folder or not).
  const added = await index.addDirectory({ path: outputDir, glob: '**/????-????/*/index.html' });
  const written = await index.writeFiles({ outputPath: path.join(outputDir, 'pagefind') });
  const problems = [...errors, ...added.errors, ...written.errors];
  if (problems.length > 0) throw new Error(`Pagefind could not index the site: ${problems.join('; ')}`);
  await close();
  return added.page_count;
}

/**
 * Runs one indexing at a time in the background; a request made while one
 * runs is served by one more run after it, which sees every page written since.
 */
function backgroundIndexer(outputDir: () => string): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    do {
      again = false;
      try {
        await indexWrittenSite(outputDir());
        // npm start writes into its output folder itself: the marker lists the index's folder too.
        await markOutputFolder(outputDir());
      } catch (error) {
        console.error(`Search index not updated: ${(error as Error).message}`);
      }
    } while (again);
    running = false;
  };
  return () => {
    // Pagefind's threads would take every core, and the next rebuild, which a teacher
    // waits for, would wait for them: in the background it gets one (its service
    // process starts on the first run and reads these then).
    process.env.RAYON_NUM_THREADS ??= '1';
    process.env.TOKIO_WORKER_THREADS ??= '1';
    if (running) again = true;
    else void run();
  };
}

/**
 * For `npm run build`: the index is written once Eleventy is done and has let
 * go of its pages (buildSite), not in Eleventy's `eleventy.after`. Pagefind's
 * writing is when it needs the most memory (some 250 MB a language at 2,000
 * projects); Eleventy at the end of its build holds every page it wrote, and
 * the two at once were the build's peak.
 */
export class PendingSearchIndex {
  #feed: PagefindFeed | undefined;

  hold(feed: PagefindFeed): void {
    this.#feed = feed;
  }

  /** Writes the index into `<outputDir>/pagefind/`; returns the number of pages indexed. */
  async write(outputDir: string): Promise<number> {
    const feed = this.#feed;
    this.#feed = undefined;
    return feed ? feed.write(outputDir) : 0;
  }
}

interface BuildEvent {
  directories: { output: string };
  runMode: string;
  outputMode: string;
}

/**
 * The search index, one per `<html lang>` so that each language searches its
 * own pages; only project pages are indexed. `npm run build` feeds Pagefind
 * each project page as Eleventy renders it (a transform, after Eleventy's
 * own HTML transforms, so it sees the page as written) and writes the index when the pages are done.
 * (`buildSite` writes it after Eleventy has finished: PendingSearchIndex.)
 * `npm start` does not wait for it: the browser reloads as soon as the pages
 * are written, and the index is made again in the background from the written
 * site.
 */
export function searchIndex(eleventyConfig: EleventyConfig, options: { pending?: PendingSearchIndex } = {}): void {
  let feed: PagefindFeed | undefined;
  let output = '';
  const inBackground = backgroundIndexer(() => output);
  const watching = (runMode: string) => runMode === 'serve' || runMode === 'watch';

  eleventyConfig.on('eleventy.before', ({ runMode, outputMode }: BuildEvent) => {
    // Nothing is written when the site is rendered to JSON (a test's way to read every page).
    feed = outputMode === 'fs' && !watching(runMode) ? new PagefindFeed() : undefined;
  });
  eleventyConfig.addTransform('search-index', function (content) {
    if (feed && typeof content === 'string') {
      const part = searchablePart(content);
      if (part !== undefined) feed.add(this.page.url, part);
    }
    return content;
  });
  eleventyConfig.on('eleventy.after', async ({ directories, runMode, outputMode }: BuildEvent) => {
    if (outputMode !== 'fs') return;
    output = directories.output;
    if (watching(runMode)) inBackground();
    else if (feed) {
      const fed = feed;
      feed = undefined;
      if (options.pending) options.pending.hold(fed);
      else await fed.write(output);
    }
  });
}
