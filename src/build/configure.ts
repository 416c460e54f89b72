import { archiveSite, type ArchiveSiteOptions } from './archive-plugin.ts';
import { registerEditor } from './editor-plugin.ts';
import type { EleventyConfig } from './eleventy-types.ts';
import { type PendingSearchIndex, searchIndex } from './search-index.ts';

/**
 * Eleventy's configuration of the site: the folders, and one plugin per
 * concern (the archive's data and filters, search, the web editor). `.eleventy.ts`
 * is this function, for `npm start`; `buildSite` passes the content folder and
 * the archive it has already validated, and writes the search index itself.
 */
export function configureSite(
  eleventyConfig: EleventyConfig,
  options: ArchiveSiteOptions & { pendingSearchIndex?: PendingSearchIndex } = { contentDir: 'content' },
): void {
  eleventyConfig.setInputDirectory('templates');
  eleventyConfig.setIncludesDirectory('_includes');
  eleventyConfig.addPassthroughCopy({ public: '/' });
  eleventyConfig.addPlugin(archiveSite, options);
  eleventyConfig.addPlugin(searchIndex, { pending: options.pendingSearchIndex });
  // The web editor at /admin/ (Decap CMS), configured from the content's schemas.
  registerEditor(eleventyConfig, { contentDir: options.contentDir, pathPrefix: options.pathPrefix ?? '/' });
}
