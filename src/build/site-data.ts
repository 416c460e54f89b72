import type { Archive } from '../content/model.ts';
import { loadArchive } from '../content/load.ts';
import { LoadCache } from '../content/load-cache.ts';
import type { PhotoProcessor } from '../content/photos.ts';
import { formatProblem, formatSummary } from '../content/problems.ts';
import { MESSAGE_LANG } from '../i18n/languages.ts';
import { DrawnPages } from './changed-pages.ts';
import { buildFeeds, type Feed } from '../site/feeds.ts';
import { buildPages, type Page } from '../site/pages.ts';

export interface SiteData {
  archive: Archive;
  /** Every page of the site (the sitemap lists them). */
  pages: Page[];
  /** The pages this build draws: all of them, except in `npm start` after an edit of the content. */
  pagesToDraw: Page[];
  feeds: Feed[];
}

export interface Change {
  /** The files in the content folder that changed since the last build, when nothing else did (no template, style or code). */
  contentOnly?: readonly string[];
}

function siteData(archive: Archive): Omit<SiteData, 'pagesToDraw'> {
  return { archive, pages: buildPages(archive), feeds: buildFeeds(archive) };
}

/**
 * The data every template reads. `npm run build` validates the content before
 * Eleventy starts and hands the archive in; `npm start` reloads it on every
 * change (parsing again only the files that changed), draws again only the
 * pages that changed, and when the teacher's edit has mistakes it prints them
 * and keeps showing the last good archive instead of stopping the server.
 */
export function siteDataSource(contentDir: string, preloaded?: Archive, photos?: PhotoProcessor): (change?: Change) => Promise<SiteData> {
  if (preloaded) {
    const data = siteData(preloaded);
    return async () => ({ ...data, pagesToDraw: data.pages });
  }
  const cache = new LoadCache();
  const drawn = new DrawnPages();
  let lastGood: Omit<SiteData, 'pagesToDraw'> | undefined;
  return async (change = {}) => {
    if (change.contentOnly) cache.onlyChanged(change.contentOnly);
    const { archive, problems } = await loadArchive(contentDir, { photos, cache });
    if (archive) {
      lastGood = siteData(archive);
    } else {
      // In English, as the rest of the server's output (MESSAGE_LANG).
      console.error(
        `\n${problems.map((problem) => formatProblem(problem, MESSAGE_LANG)).join('\n\n')}\n\n${formatSummary(problems, MESSAGE_LANG)} The site shows the last version without errors.\n`,
      );
      if (!lastGood) throw new Error(`${formatSummary(problems, MESSAGE_LANG)} Fix them and save again.`);
    }
    return { ...lastGood, pagesToDraw: drawn.select(lastGood.archive, lastGood.pages, change.contentOnly === undefined) };
  };
}
