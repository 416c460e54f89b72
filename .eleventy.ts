import { archiveSite, type ArchiveSiteOptions } from './src/site/eleventy-plugin.ts';
import { registerEditor } from './src/site/editor.ts';
import type { EleventyConfig } from './src/site/eleventy-types.ts';
import { searchIndex } from './src/site/search-index.ts';

/**
 * Eleventy's configuration, used by `npm start` directly and by `npm run build`
 * (which passes the content folder and the archive it has already validated).
 */
export default function configure(eleventyConfig: EleventyConfig, options: ArchiveSiteOptions = { contentDir: 'content' }) {
  eleventyConfig.setInputDirectory('templates');
  eleventyConfig.setIncludesDirectory('_includes');
  eleventyConfig.addPassthroughCopy({ public: '/' });
  eleventyConfig.addPlugin(archiveSite, options);
  eleventyConfig.addPlugin(searchIndex);
  // The web editor at /admin/ (Decap CMS), configured from the content's schemas.
  registerEditor(eleventyConfig, { contentDir: options.contentDir, pathPrefix: options.pathPrefix ?? '/' });
}
