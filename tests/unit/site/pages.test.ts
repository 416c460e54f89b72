import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadArchive } from '../../../src/content/load.ts';
import type { Archive } from '../../../src/content/model.ts';
import { buildPages, pageLinks, type Page, type PageOf } from '../../../src/site/pages.ts';
import { archiveOf } from '../../helpers/archive.ts';
import { FULL, GREEK_OUTCOMES } from '../../helpers/fields-fixture.ts';

let archive: Archive;
let pages: Page[];
before(async () => {
  const { archive: loaded, problems } = await loadArchive(fileURLToPath(new URL('../../../content', import.meta.url)));
  assert.deepEqual(problems, []);
  archive = loaded!;
  pages = buildPages(archive);
});

test('every page exists once per language, at a unique URL', () => {
  const urls = pages.map((page) => page.url);
  assert.equal(new Set(urls).size, urls.length);
  assert.equal(pages.filter((page) => page.lang === 'el').length, pages.filter((page) => page.lang === 'en').length);
});

test("every page's alternates are pages of the list, and point back to it", () => {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  for (const page of pages) {
    assert.deepEqual(
      page.alternates.map((alternate) => alternate.lang),
      ['el', 'en'],
    );
    for (const alternate of page.alternates) {
      const other = byUrl.get(alternate.url);
      assert.ok(other, `${page.url} → ${alternate.url}`);
      assert.equal(other.kind, page.kind);
      assert.deepEqual(other.alternates, page.alternates);
    }
  }
});

test('Greek pages live at the root and English ones under /en/', () => {
  const project = pages.find((page) => page.kind === 'project' && page.lang === 'en' && page.project.slug === 'the-scratch-project');
  assert.equal(project?.url, '/en/2015-2016/the-scratch-project/');
  assert.deepEqual(project?.alternates, [
    { lang: 'el', url: '/2015-2016/the-scratch-project/' },
    { lang: 'en', url: '/en/2015-2016/the-scratch-project/' },
  ]);
});

test('an untranslated project still has a page in every language, showing the text it has', () => {
  const project = archive.projects[0]!;
  const untranslated = { ...project, versions: { el: project.versions.el! } };
  const only = buildPages({ ...archive, projects: [untranslated], years: [{ ...archive.years[0]!, projects: [untranslated] }] });
  const english = only.find((page): page is PageOf<'project'> => page.kind === 'project' && page.lang === 'en')!;
  assert.equal(english.url, `/en/${project.id}/`);
  assert.equal(english.version?.lang, 'el');
  assert.equal(english.title, project.versions.el!.title);
});

test("a label's page lists its projects in pages of 20, in every language; without labels there are none", () => {
  // The labels of tests/helpers/fields-fixture.ts, as loadArchive reads them (tests/unit/content/load.test.ts).
  const labelled = archiveOf([
    { id: FULL, titles: { el: 'The Scratch Project', en: 'The Scratch Project' }, labels: ['national', 'european'] },
    { id: GREEK_OUTCOMES, titles: { el: 'Cool or not too cool?', en: 'Cool or not too cool?' }, labels: ['national'] },
    { id: '2012-2013/medicinal-and-aromatic-plants', titles: { el: 'Φαρμακευτικά και αρωματικά φυτά' } },
  ]);
  const withLabels = buildPages(labelled);
  const urls = withLabels.map((page) => page.url);
  for (const url of ['/labels/', '/labels/national/', '/labels/european/', '/en/labels/', '/en/labels/national/', '/en/labels/european/']) {
    assert.ok(urls.includes(url), url);
  }
  const index = withLabels.find((page): page is PageOf<'labels'> => page.kind === 'labels' && page.lang === 'en')!;
  assert.deepEqual(index.labels, [
    { key: 'national', count: 2 },
    { key: 'european', count: 1 },
  ]);
  assert.equal(withLabels.find((page) => page.url === '/en/labels/european/')?.title, 'European Quality Label');
  const home = withLabels.find((page): page is PageOf<'home'> => page.kind === 'home')!;
  assert.equal(home.counts.labelled, 2);

  // 25 projects with the national label: two pages.
  const many = Array.from({ length: 25 }, (_, i) => ({ ...labelled.projects[0]!, id: `2015-2016/project-${i}`, slug: `project-${i}` }));
  const long = buildPages({ ...labelled, labels: [{ label: 'national', projects: many }] });
  const lists = long.filter((page): page is PageOf<'label'> => page.kind === 'label' && page.lang === 'en');
  assert.deepEqual(
    lists.map((page) => [page.url, page.list.projects.length, page.title]),
    [
      ['/en/labels/national/', 20, 'National Quality Label'],
      ['/en/labels/national/page/2/', 5, 'National Quality Label, page 2 of 2'],
    ],
  );

  assert.ok(!pages.some((page) => page.url.includes('/labels/')), 'the bundled archive has no label pages');
});

test('a pagination shows the first and last pages and two either side of the current one, with gaps between', () => {
  assert.deepEqual(pageLinks(1, 1), [1]);
  assert.deepEqual(pageLinks(2, 3), [1, 2, 3]);
  assert.deepEqual(pageLinks(1, 10), [1, 2, 3, null, 10]);
  assert.deepEqual(pageLinks(6, 10), [1, null, 4, 5, 6, 7, 8, null, 10]);
  assert.deepEqual(pageLinks(10, 10), [1, null, 8, 9, 10]);
  assert.deepEqual(pageLinks(4, 10), [1, 2, 3, 4, 5, 6, null, 10]);
});
