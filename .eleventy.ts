import { archiveSite, type ArchiveSiteOptions } from './src/site/eleventy-plugin.ts';
import type { EleventyConfig } from './src/site/eleventy-types.ts';

/**
 * Eleventy's configuration, used by `npm start` directly and by `npm run build`
 * (which passes the content folder and the archive it has already validated).
 */
export default function configure(eleventyConfig: EleventyConfig, options: ArchiveSiteOptions = { contentDir: 'content' }) {
  eleventyConfig.setInputDirectory('templates');
  eleventyConfig.setIncludesDirectory('_includes');
  eleventyConfig.addPassthroughCopy({ public: '/' });
  eleventyConfig.addPlugin(archiveSite, options);
}
