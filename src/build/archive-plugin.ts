import path from 'node:path';
import { HtmlBasePlugin } from '@11ty/eleventy';
import type { Archive } from '../content/model.ts';
import { DEFAULT_LANG, LANGUAGES } from '../i18n/languages.ts';
import { ACCESSIBILITY_STATEMENT } from '../site/accessibility.ts';
import type { EleventyConfig } from './eleventy-types.ts';
import { markOutputFolder } from './output-folder.ts';
import { defaultPhotoCache, PhotoEncoder } from './photo-encoder.ts';
import { siteDataSource } from './site-data.ts';
import { projectCards, templateFilters } from './template-filters.ts';
import { projectedMap } from '../site/charts/europe-geodata.ts';
import { SITE_PATHS } from '../site/urls.ts';

export interface ArchiveSiteOptions {
  contentDir: string;
  /** Already loaded and validated (by `npm run build`); otherwise loaded on every build. */
  archive?: Archive;
  /** The `--path-prefix`, for the URLs in feeds and the sitemap. */
  pathPrefix?: string;
}

/** Gives the templates the archive, its pages and feeds, and the filters that present them. */
export function archiveSite(eleventyConfig: EleventyConfig, options: ArchiveSiteOptions): void {
  // `npm run build` encodes photos while it validates; `npm start` does it on each rebuild.
  const photos = options.archive ? undefined : new PhotoEncoder({ cacheDir: defaultPhotoCache() });
  const siteData = siteDataSource(options.contentDir, options.archive, photos);
  // In `npm start`, a rebuild after edits of the content alone draws only the pages that changed.
  let contentOnly: string[] | undefined;
  const contentFolder = path.resolve(options.contentDir);
  eleventyConfig.on('eleventy.beforeWatch', (changedFiles: string[]) => {
    const inContent = changedFiles.every((file) => path.resolve(file).startsWith(contentFolder + path.sep));
    contentOnly = inContent ? changedFiles : undefined;
  });
  // One load per build, shared by the global data entries.
  let current: ReturnType<ReturnType<typeof siteDataSource>> | undefined;
  // The map of Europe's shapes are read and projected once per process, before the pages: made
  // inside the first partnerMap filter call, they showed as a slow filter in Eleventy's log.
  eleventyConfig.on('eleventy.before', () => {
    projectedMap();
  });
  eleventyConfig.on('eleventy.before', () => {
    current = siteData({ contentOnly });
    contentOnly = undefined;
  });
  eleventyConfig.addGlobalData('archive', async () => (await current!).archive);
  eleventyConfig.addGlobalData('pages', async () => (await current!).pages);
  eleventyConfig.addGlobalData('pagesToDraw', async () => (await current!).pagesToDraw);
  eleventyConfig.addGlobalData('feeds', async () => (await current!).feeds);
  eleventyConfig.addGlobalData('paths', SITE_PATHS);
  eleventyConfig.addGlobalData('languages', [...LANGUAGES]);
  eleventyConfig.addGlobalData('defaultLang', DEFAULT_LANG);
  eleventyConfig.addGlobalData('accessibilityStatement', ACCESSIBILITY_STATEMENT);
  eleventyConfig.addGlobalData('pathPrefix', options.pathPrefix ?? '/');
  eleventyConfig.addGlobalData('siteUrl', process.env.SITE_URL ?? '');
  eleventyConfig.addWatchTarget(options.contentDir);
  // Eleventy waits until a saved file has not changed for 150 ms before rebuilding; a
  // Markdown file is written at once, and 50 ms still covers a photo being copied in.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  if (photos) {
    eleventyConfig.on('eleventy.after', async ({ directories }: { directories: { output: string } }) => {
      await photos.copyInto(directories.output);
    });
  }
  // `npm start` writes into its output folder itself, not into a new one: after each build, the
  // marker lists what is there, so that the next `npm start` or build knows the folder as its own.
  eleventyConfig.on(
    'eleventy.after',
    async ({ directories, runMode, outputMode }: { directories: { output: string }; runMode: string; outputMode: string }) => {
      if (outputMode === 'fs' && runMode !== 'build') await markOutputFolder(directories.output);
    },
  );

  // A misspelt field (`current.titel`) fails the build instead of printing nothing.
  eleventyConfig.setNunjucksEnvironmentOptions({ throwOnUndefined: true });

  const filters = templateFilters({ pathPrefix: options.pathPrefix ?? '/', siteUrl: process.env.SITE_URL ?? '' });
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  const cards = projectCards();
  eleventyConfig.on('eleventy.before', cards.forget);
  eleventyConfig.addFilter('projectCard', cards.filter);

  // Templates write root-relative URLs; this adds `--path-prefix` to every one of them.
  eleventyConfig.addPlugin(HtmlBasePlugin);
}
