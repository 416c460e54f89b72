import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { EleventyConfig } from './eleventy-types.ts';

/**
 * Indexes the written site with Pagefind: one index per `<html lang>`, so each
 * language searches its own pages. Only project pages are indexed (they carry
 * `data-pagefind-body`). Returns the number of pages indexed.
 */
export async function indexSearch(outputDir: string): Promise<number> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outputDir });
  const written = await index.writeFiles({ outputPath: path.join(outputDir, 'pagefind') });
  const problems = [...errors, ...added.errors, ...written.errors];
  if (problems.length > 0) throw new Error(`Pagefind could not index the site: ${problems.join('; ')}`);
  await close();
  return added.page_count;
}

/** Indexes the site for search after every build, `npm run build` and `npm start` alike. */
export function searchIndex(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on('eleventy.after', async ({ directories }: { directories: { output: string } }) => {
    await indexSearch(directories.output);
  });
}
