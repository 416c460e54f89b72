import type { Archive } from '../content/model.ts';
import { loadArchive } from '../content/load.ts';
import type { PhotoProcessor } from '../content/photos.ts';
import { formatProblem, formatSummary } from '../content/problems.ts';
import { buildFeeds, type Feed } from './feeds.ts';
import { buildPages, type Page } from './pages.ts';

export interface SiteData {
  archive: Archive;
  pages: Page[];
  feeds: Feed[];
}

function siteData(archive: Archive): SiteData {
  return { archive, pages: buildPages(archive), feeds: buildFeeds(archive) };
}

/**
 * The data every template reads. `npm run build` validates the content before
 * Eleventy starts and hands the archive in; `npm start` reloads it on every
 * change, and when the teacher's edit has mistakes it prints them and keeps
 * showing the last good archive instead of stopping the server.
 */
export function siteDataSource(contentDir: string, preloaded?: Archive, photos?: PhotoProcessor): () => Promise<SiteData> {
  if (preloaded) {
    const data = siteData(preloaded);
    return async () => data;
  }
  let lastGood: SiteData | undefined;
  return async () => {
    const { archive, problems } = await loadArchive(contentDir, { photos });
    if (archive) {
      lastGood = siteData(archive);
      return lastGood;
    }
    console.error(`\n${problems.map(formatProblem).join('\n\n')}\n\n${formatSummary(problems)} The site shows the last version without errors.\n`);
    if (!lastGood) throw new Error(`${formatSummary(problems)} Fix them and save again.`);
    return lastGood;
  };
}
