/**
 * The fields schools add from their eTwinning records: `labels` (Quality
 * Labels), `link` (the project's page on the European School Education
 * Platform) and `outcomes` (what the pupils made). What teachers type is
 * understood; anything else is refused with the file, the line, the value and
 * what to write, in English and in Greek.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { loadArchive } from '../../src/content/load.ts';
import { type SaidProblem, sayProblem } from '../../src/content/problems.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { buildPages, type PageOf } from '../../src/site/pages.ts';
import { projectCard } from '../../src/site/project-card.ts';
import { projectLinks } from '../../src/site/project-links.ts';
import { makeContentFixture, SCRATCH, SCRATCH_EL, SCRATCH_EN, type ContentFixture } from '../helpers/content-fixture.ts';
import { FULL, GREEK_OUTCOMES, makeFieldsFixture, OUTCOMES, PLATFORM } from '../helpers/fields-fixture.ts';

/** Loads a fixture in this process (its files are named by absolute path) and returns its problems, said in `lang`. */
async function problemsOf(fixture: ContentFixture, lang: Lang = 'en'): Promise<SaidProblem[]> {
  const { problems } = await loadArchive(fixture.contentDir);
  return problems.map((problem) => sayProblem(problem, lang));
}

/** A fixture whose Scratch project's Greek file starts with `lines` of front matter. */
function withGreekLines(lines: string): ContentFixture {
  const fixture = makeContentFixture();
  fixture.write(SCRATCH_EL, fixture.read(SCRATCH_EL).replace(/^---\n/, `---\n${lines}`));
  return fixture;
}

describe('mistakes in the new fields', () => {
  const fixtures: ContentFixture[] = [];
  const make = (lines: string) => {
    const fixture = withGreekLines(lines);
    fixtures.push(fixture);
    return fixture;
  };
  after(() => {
    for (const fixture of fixtures) fixture.remove();
  });

  test('labels and link written in both files must agree, as classes do; the same platform page in two languages agrees', async () => {
    const fixture = make(`labels: [national]\nlink: ${PLATFORM.el}\n`);
    fixture.write(
      SCRATCH_EN,
      fixture.read(SCRATCH_EN).replace(/^---\n/, `---\nlabels: [National Quality Label, European Quality Label]\nlink: ${PLATFORM.en}\n`),
    );
    const problems = await problemsOf(fixture);
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0]!.file, problems[0]!.line, problems[0]!.field], [fixture.abs(SCRATCH_EN), 2, 'labels']);
    assert.equal(problems[0]!.message, `Here it is "national, european", but "national" in ${fixture.abs(SCRATCH_EL)}:2.`);

    fixture.write(
      SCRATCH_EN,
      fixture.read(SCRATCH_EN).replace('National Quality Label, ', '').replace(PLATFORM.en, 'https://twinspace.etwinning.net/1234/home'),
    );
    const link = await problemsOf(fixture);
    assert.deepEqual(
      link.map((problem) => [problem.line, problem.field]),
      [
        [2, 'labels'],
        [3, 'link'],
      ],
    );
  });
});

describe('what the site shows of them', () => {
  let fixture: ContentFixture;
  after(() => fixture?.remove());

  test('the archive reads labels in its order, the link from either file, and each language its outcomes', async () => {
    fixture = makeFieldsFixture();
    const { archive, problems } = await loadArchive(fixture.contentDir);
    assert.deepEqual(problems, []);
    const full = archive!.projects.find((project) => project.id === FULL)!;
    assert.deepEqual(full.labels, ['national', 'european']);
    assert.equal(full.link, PLATFORM.el);
    assert.deepEqual(full.versions.el?.outcomes, OUTCOMES.el);
    assert.deepEqual(full.versions.en?.outcomes, OUTCOMES.en);
    const greekOnly = archive!.projects.find((project) => project.id === GREEK_OUTCOMES)!;
    assert.deepEqual(greekOnly.labels, ['national']);
    assert.equal(greekOnly.link, undefined);
    assert.deepEqual(
      archive!.labels.map((entry) => [entry.label, entry.projects.map((project) => project.id)]),
      [
        ['national', [FULL, GREEK_OUTCOMES]],
        ['european', [FULL]],
      ],
    );

    // Links: the platform's page in the page's language; outcomes of the page's language, or else the Greek ones, marked.
    const english = projectLinks(full, 'en');
    assert.deepEqual(english.platform, {
      url: PLATFORM.en,
      text: 'The project on the European School Education Platform',
      host: 'school-education.ec.europa.eu',
    });
    assert.deepEqual(
      english.outcomes.map(({ text, host, textLang }) => [text, host, textLang]),
      [
        ['Our Scratch games', 'games.example.org', undefined],
        ["The class's e-book", 'books.example.net', undefined],
      ],
    );
    assert.equal(projectLinks(full, 'el').platform?.url, PLATFORM.el);
    assert.equal(projectLinks(full, 'el').platform?.text, 'Το πρόγραμμα στην Ευρωπαϊκή Πλατφόρμα Σχολικής Εκπαίδευσης');
    assert.deepEqual(
      projectLinks(greekOnly, 'en').outcomes.map(({ text, textLang }) => [text, textLang]),
      OUTCOMES.greekOnly.map(({ title }) => [title, 'el']),
    );
    const beforePlatform = projectLinks({ ...greekOnly, link: 'https://twinspace.etwinning.net/1234/home' }, 'en').platform;
    assert.deepEqual(beforePlatform, { url: 'https://twinspace.etwinning.net/1234/home', text: "The project's own page", host: 'twinspace.etwinning.net' });

    // A card shows the labels by name; the bundled projects have none.
    assert.deepEqual(projectCard(full, 'el').labels, [
      { label: 'national', name: 'Εθνική Ετικέτα Ποιότητας' },
      { label: 'european', name: 'Ευρωπαϊκή Ετικέτα Ποιότητας' },
    ]);
    assert.deepEqual(projectCard(archive!.projects.find((project) => project.id === '2012-2013/medicinal-and-aromatic-plants')!, 'en').labels, []);
  });

  test("a label's page lists its projects in pages of 20, in every language; without labels there are none", async () => {
    const { archive } = await loadArchive(fixture.contentDir);
    const pages = buildPages(archive!);
    const urls = pages.map((page) => page.url);
    for (const url of ['/labels/', '/labels/national/', '/labels/european/', '/en/labels/', '/en/labels/national/', '/en/labels/european/']) {
      assert.ok(urls.includes(url), url);
    }
    const index = pages.find((page): page is PageOf<'labels'> => page.kind === 'labels' && page.lang === 'en')!;
    assert.deepEqual(index.labels, [
      { key: 'national', count: 2 },
      { key: 'european', count: 1 },
    ]);
    assert.equal(pages.find((page) => page.url === '/en/labels/european/')?.title, 'European Quality Label');
    const home = pages.find((page): page is PageOf<'home'> => page.kind === 'home')!;
    assert.equal(home.counts.labelled, 2);

    // 25 projects with the national label: two pages.
    const many = Array.from({ length: 25 }, (_, i) => ({ ...archive!.projects[0]!, id: `2015-2016/project-${i}`, slug: `project-${i}` }));
    const long = buildPages({ ...archive!, labels: [{ label: 'national', projects: many }] });
    const lists = long.filter((page): page is PageOf<'label'> => page.kind === 'label' && page.lang === 'en');
    assert.deepEqual(
      lists.map((page) => [page.url, page.list.projects.length, page.title]),
      [
        ['/en/labels/national/', 20, 'National Quality Label'],
        ['/en/labels/national/page/2/', 5, 'National Quality Label, page 2 of 2'],
      ],
    );

    const bundled = await loadArchive(makeContentFixture().contentDir);
    assert.ok(!buildPages(bundled.archive!).some((page) => page.url.includes('/labels/')), 'the bundled archive has no label pages');
  });
});

test(`the bundled project ${SCRATCH} has none of the new fields, as the school's page states none`, async () => {
  const fixture = makeContentFixture();
  try {
    const { archive } = await loadArchive(fixture.contentDir);
    assert.ok(archive!.projects.every((project) => project.labels.length === 0 && project.link === undefined));
    assert.ok(archive!.projects.every((project) => Object.values(project.versions).every((version) => version.outcomes.length === 0)));
    assert.deepEqual(archive!.labels, []);
  } finally {
    fixture.remove();
  }
});
