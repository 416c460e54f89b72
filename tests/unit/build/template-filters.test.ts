/**
 * Each filter called as a template calls it: `value | filter(arg, …)` is
 * `filter(value, arg, …)`. The examples are the templates' own.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { projectCards, templateFilters } from '../../../src/build/template-filters.ts';
import type { Project } from '../../../src/content/model.ts';
import { buildFeeds } from '../../../src/site/feeds.ts';
import { buildPages, type PageOf } from '../../../src/site/pages.ts';
import { archiveOf } from '../../helpers/archive.ts';

const archive = archiveOf([
  {
    id: '2015-2016/the-scratch-project',
    titles: { el: 'Το πρόγραμμα Scratch', en: 'The Scratch Project' },
    classes: [{ grade: 5 }],
    partners: ['GR', 'LV', 'IT'],
  },
  { id: '2014-2015/traditional-cultures', titles: { el: 'Παραδοσιακοί πολιτισμοί' }, classes: [{ grade: 6 }], partners: ['GR', 'PL', 'TR', 'LV'] },
]);
const [scratch, cultures] = archive.projects as [Project, Project];

/** The filters of a site built with these options, each callable as a template calls it. */
function filtersFor(options: { pathPrefix: string; siteUrl: string }) {
  const filters = templateFilters(options);
  return (name: string) => {
    const filter = filters[name];
    assert.ok(filter, `no filter "${name}"`);
    return filter as (...args: unknown[]) => unknown;
  };
}

const filter = filtersFor({ pathPrefix: '/', siteUrl: '' });
const published = filtersFor({ pathPrefix: '/etwinning/', siteUrl: 'https://school.example.org/' });

describe('texts', () => {
  test('"nav.home" | t(lang), and with values: plurals and numbers in the page\'s language', () => {
    assert.equal(filter('t')('nav.home', 'el'), 'Αρχική');
    assert.equal(filter('t')('nav.home', 'en'), 'Home');
    assert.equal(filter('t')('partners.projects', 'el', { count: 1, formatted: '1' }), '1 πρόγραμμα');
    assert.equal(filter('t')('partners.projects', 'en', { count: 1200, formatted: '1,200' }), '1,200 projects');
  });

  test("'search.ui' | texts(lang) is the group of texts as one object, for Pagefind", () => {
    const texts = filter('texts')('search.ui', 'en') as Record<string, string>;
    assert.equal(texts.placeholder, 'Search');
    assert.equal((filter('texts')('search.ui', 'el') as Record<string, string>).placeholder, 'Αναζήτηση');
  });
});

describe('names and labels', () => {
  test("countryName, classList, gradeNames and gradeLabel name things in the page's language", () => {
    assert.equal(filter('countryName')('LV', 'el'), 'Λετονία');
    assert.equal(filter('countryName')('LV', 'en'), 'Latvia');
    assert.equal(filter('classList')([{ grade: 5 }, { grade: 6, section: 1 }], 'el'), 'Εʹ και ΣΤ1');
    assert.equal(filter('classList')([{ grade: 5 }, { grade: 6, section: 1 }], 'en'), '5th grade and 6th grade, section 1');
    assert.deepEqual(
      filter('gradeNames')(
        [
          { grade: 5, section: 1 },
          { grade: 5, section: 2 },
        ],
        'en',
      ),
      ['5th grade'],
    );
    assert.equal(filter('gradeLabel')(6, 'el'), 'ΣΤʹ τάξη');
  });

  test('textLang marks an English title on a Greek page, and nothing in its own language', () => {
    assert.equal(filter('textLang')('The Scratch Project', 'el'), 'en');
    assert.equal(filter('textLang')('Παραδοσιακοί πολιτισμοί', 'el'), undefined);
  });

  test('formatNumber, languageName, formatDate and schoolYear write as each language does', () => {
    assert.equal(filter('formatNumber')(1234, 'el'), '1.234');
    assert.equal(filter('formatNumber')(1234, 'en'), '1,234');
    assert.equal(filter('languageName')('el', 'en'), 'Greek');
    assert.equal(filter('languageName')('en', 'el'), 'Αγγλικά');
    assert.equal(filter('formatDate')('2026-11-26', 'el'), '26 Νοεμβρίου 2026');
    assert.equal(filter('formatDate')('2026-11-26', 'en'), 'November 26, 2026');
    assert.equal(filter('schoolYear')('2015-2016'), '2015–2016');
    assert.equal(filter('schoolYear')(archive.years[0]), '2015–2016');
  });

  test("project | versionFor(lang): the page language's text, or the one the project has", () => {
    assert.equal((filter('versionFor')(scratch, 'en') as { title: string }).title, 'The Scratch Project');
    assert.equal((filter('versionFor')(cultures, 'en') as { lang: string }).lang, 'el');
  });
});

describe('addresses', () => {
  test('localUrl and the URL filters give the Greek page at the root and the English one under /en/', () => {
    assert.equal(filter('localUrl')('/archive/', 'el'), '/archive/');
    assert.equal(filter('localUrl')('/archive/', 'en'), '/en/archive/');
    assert.equal(filter('projectUrl')(scratch, 'en'), '/en/2015-2016/the-scratch-project/');
    assert.equal(filter('yearUrl')(archive.years[1], 'el'), '/2014-2015/');
    assert.equal(filter('gradeUrl')(6, 'en'), '/en/grades/6/');
    assert.equal(filter('partnerUrl')('LV', 'el'), '/countries/lv/');
  });

  test('absoluteUrl adds the site and the path prefix; without SITE_URL, the prefix only', () => {
    assert.equal(published('absoluteUrl')('/feed.xml'), 'https://school.example.org/etwinning/feed.xml');
    assert.equal(filter('absoluteUrl')('/feed.xml'), '/feed.xml');
  });

  test('alternateUrl is absolute when the site is known, and otherwise left to the base plugin, which adds the prefix to HTML', () => {
    assert.equal(published('alternateUrl')('/en/'), 'https://school.example.org/etwinning/en/');
    assert.equal(filtersFor({ pathPrefix: '/etwinning/', siteUrl: '' })('alternateUrl')('/en/'), '/en/');
  });

  test('absoluteHtml makes the photos and links of a text absolute, for feeds read away from the site', () => {
    assert.equal(
      published('absoluteHtml')('<p><img src="/photos/abc-800.jpg" alt="Τα παιδιά"> <a href="https://scratch.mit.edu/">Scratch</a></p>'),
      '<p><img src="https://school.example.org/etwinning/photos/abc-800.jpg" alt="Τα παιδιά"> <a href="https://scratch.mit.edu/">Scratch</a></p>',
    );
  });

  test("feedId is the page's URL when the site is known, else a tag: URI that stays the same", () => {
    assert.equal(published('feedId')('/2015-2016/the-scratch-project/'), 'https://school.example.org/etwinning/2015-2016/the-scratch-project/');
    assert.equal(filter('feedId')('/2015-2016/the-scratch-project/'), 'tag:etwinning-archive,2012:/2015-2016/the-scratch-project/');
  });
});

describe('feeds and open data', () => {
  test('feed | jsonFeed is a JSON Feed with absolute addresses', () => {
    const english = buildFeeds(archive).find((feed) => feed.lang === 'en')!;
    const feed = JSON.parse(published('jsonFeed')(english) as string);
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.feed_url, 'https://school.example.org/etwinning/en/feed.json');
    assert.deepEqual(
      feed.items.map((item: { url: string }) => item.url),
      ['https://school.example.org/etwinning/en/2015-2016/the-scratch-project/', 'https://school.example.org/etwinning/en/2014-2015/traditional-cultures/'],
    );
  });

  test('archive | openArchiveJson and openArchiveSchemaJson are JSON with absolute addresses; archive | archiveCsv is a table', () => {
    const open = JSON.parse(published('openArchiveJson')(archive) as string);
    assert.ok(JSON.stringify(open).includes('https://school.example.org/etwinning/2015-2016/the-scratch-project/'));
    const schema = JSON.parse(published('openArchiveSchemaJson')(null) as string);
    assert.equal(typeof schema, 'object');
    assert.ok(JSON.stringify(schema).includes('https://school.example.org/etwinning/'));
    const csv = filter('archiveCsv')(archive) as string;
    assert.equal(csv.trimEnd().split(/\r?\n/).length, 3, 'a header and one row per project');
    assert.ok(csv.includes('the-scratch-project'));
  });
});

describe('charts', () => {
  const partners = buildPages(archive).find((page): page is PageOf<'partners'> => page.kind === 'partners' && page.lang === 'el')!.partners;

  test("current.partners | partnerMap(lang): each country a link to its page, named with its number of projects in the page's language", () => {
    const map = filter('partnerMap')(partners, 'el') as string;
    assert.match(map, /<title id="europe-map-title">Χάρτης των χωρών-εταίρων<\/title>/);
    assert.match(map, /<a href="\/countries\/lv\/" class="map-level-\d"><title>Λετονία: 2 προγράμματα<\/title>/);
    assert.match(map, /<a href="\/countries\/it\/" class="map-level-\d"><title>Ιταλία: 1 πρόγραμμα<\/title>/);
    const english = filter('partnerMap')(partners, 'en') as string;
    assert.match(english, /<a href="\/en\/countries\/lv\/" class="map-level-\d"><title>Latvia: 2 projects<\/title>/);
  });

  test('current.partners | partnerMapLegend(lang) is titled in the language', () => {
    assert.match(filter('partnerMapLegend')(partners, 'el') as string, /^<p class="map-legend">Προγράμματα ανά χώρα: /);
    assert.match(filter('partnerMapLegend')(partners, 'en') as string, /^<p class="map-legend">Projects per country: /);
  });

  test('rows | barChart(lang, "projects-per-year") is a list named by the heading with that id', () => {
    const chart = filter('barChart')([{ label: '2015–2016', value: 1200, href: '/en/2015-2016/' }], 'el', 'projects-per-year') as string;
    assert.match(chart, /^<ul class="bar-chart" role="list" aria-labelledby="projects-per-year">/);
    assert.match(chart, /<a href="\/en\/2015-2016\/">2015–2016<\/a> <span class="bar-value">1\.200<\/span>/);
  });
});

describe('projectCard', () => {
  /** A render context as Nunjucks gives a filter, counting what it renders. */
  function nunjucksContext() {
    const renders: { name: string; context: Record<string, unknown> }[] = [];
    return {
      renders,
      env: {
        render(name: string, context: object) {
          renders.push({ name, context: context as Record<string, unknown> });
          const { card, showYear, level } = context as { card: { title: string }; showYear: boolean; level: number };
          return `\n<h${level}>${card.title}</h${level}>${showYear ? ' (year)' : ''}\n`;
        },
      },
    };
  }

  test("project | projectCard(lang, showYear, level) renders the card component with the project's card, trimmed", () => {
    const cards = projectCards();
    const context = nunjucksContext();
    assert.equal(cards.filter.call(context, scratch, 'en', true, 3), '<h3>The Scratch Project</h3> (year)');
    assert.equal(context.renders[0]!.name, 'components/project-card.njk');
    assert.deepEqual(context.renders[0]!.context.card, {
      url: '/en/2015-2016/the-scratch-project/',
      title: 'The Scratch Project',
      year: '2015–2016',
      classes: '5th grade',
      partners: 'Greece, Latvia, and Italy',
      labels: [],
    });
    assert.equal(cards.filter.call(context, scratch, 'el'), '<h2>Το πρόγραμμα Scratch</h2>', 'no year and a level-2 heading by default');
  });

  test('is rendered once per project, language and variant, until the next build forgets them', () => {
    const cards = projectCards();
    const context = nunjucksContext();
    for (let n = 0; n < 3; n++) {
      cards.filter.call(context, scratch, 'el');
      cards.filter.call(context, scratch, 'en');
      cards.filter.call(context, scratch, 'el', true);
      cards.filter.call(context, cultures, 'el');
    }
    assert.equal(context.renders.length, 4);
    cards.forget();
    cards.filter.call(context, scratch, 'el');
    assert.equal(context.renders.length, 5);
  });
});
