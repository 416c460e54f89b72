import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { EleventyConfig } from './eleventy-types.ts';
import { markOutputFolder } from './output-folder.ts';

/**
 * Indexes the written site with Pagefind: one index per `<html lang>`, so each
 * language searches its own pages. Only project pages are indexed (they carry
 * `data-pagefind-body`). Returns the number of pages indexed.
 */
export async function indexSearch(outputDir: string): Promise<number> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Only project pages are indexed, and they are the ones at <year>/<folder>/ (under a language's
  // folder or not): reading only those spares Pagefind the list pages, a third of a large site.
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
        await indexSearch(outputDir());
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
 * Indexes the site for search after every build. `npm run build` waits for it;
 * `npm start` does not: the browser reloads as soon as the pages are written,
 * and search catches up a few seconds later.
 */
export function searchIndex(eleventyConfig: EleventyConfig): void {
  let output = '';
  const inBackground = backgroundIndexer(() => output);
  eleventyConfig.on(
    'eleventy.after',
    async ({ directories, runMode, outputMode }: { directories: { output: string }; runMode: string; outputMode: string }) => {
      // Nothing is written when the site is rendered to JSON (a test's way to read every page).
      if (outputMode !== 'fs') return;
      output = directories.output;
      if (runMode === 'serve' || runMode === 'watch') inBackground();
      else await indexSearch(output);
    },
  );
}
