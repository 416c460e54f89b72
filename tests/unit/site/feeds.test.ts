import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadArchive } from '../../../src/content/load.ts';
import { buildFeeds, FEED_ENTRIES } from '../../../src/site/feeds.ts';

test(`the feeds carry the newest ${FEED_ENTRIES} projects, newest first, not the whole of a large archive`, async () => {
  const { archive } = await loadArchive(fileURLToPath(new URL('../../../content', import.meta.url)));
  const newestYear = archive!.years[0]!;
  const base = newestYear.projects[0]!;
  const many = Array.from({ length: FEED_ENTRIES + 10 }, (_, i) => ({ ...base, id: `${newestYear.id}/project-${i}`, slug: `project-${i}` }));
  const large = {
    ...archive!,
    projects: [...many, ...archive!.projects],
    years: [{ ...newestYear, projects: [...many, ...newestYear.projects] }, ...archive!.years.slice(1)],
  };
  for (const feed of buildFeeds(large)) {
    assert.equal(feed.entries.length, FEED_ENTRIES);
    assert.equal(feed.entries[0]!.url, feed.lang === 'el' ? `/${newestYear.id}/project-0/` : `/en/${newestYear.id}/project-0/`);
    assert.equal(feed.entries.at(-1)!.url.endsWith(`/project-${FEED_ENTRIES - 1}/`), true);
  }
  // The bundled archive is smaller: all of it.
  assert.deepEqual(
    buildFeeds(archive!).map((feed) => feed.entries.length),
    [10, 10],
  );
});
