/**
 * What a visitor sees of the Quality Labels, the platform page and the
 * outcomes, built through the real command line from the bundled archive with
 * two projects given them (tests/helpers/fields-fixture.ts): the project
 * pages, the cards in lists, the labels' pages in both languages, and the
 * open data.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { HTMLElement } from 'node-html-parser';
import { BuiltSite, text } from '../helpers/built-site.ts';
import type { ContentFixture } from '../helpers/content-fixture.ts';
import { FULL, GREEK_OUTCOMES, makeFieldsFixture, OUTCOMES, PLATFORM } from '../helpers/fields-fixture.ts';

const NAMES = {
  el: { national: 'Εθνική Ετικέτα Ποιότητας', european: 'Ευρωπαϊκή Ετικέτα Ποιότητας' },
  en: { national: 'National Quality Label', european: 'European Quality Label' },
};
const PREFIX = { el: '', en: '/en' };
const COOL = 'Cool or not too cool? Rights and Obligations of students in the Greek and other EU primary Schools';

let fixture: ContentFixture;
let site: BuiltSite;
before(() => {
  fixture = makeFieldsFixture();
  site = new BuiltSite(['--content', fixture.contentDir]);
});
after(() => {
  site?.remove();
  fixture?.remove();
});

/** Each link of a list: its text, address, language and the host shown beside it. */
const links = (items: HTMLElement[]) =>
  items.map((item) => {
    const link = item.querySelector('a')!;
    return { text: text(link), href: link.getAttribute('href'), lang: link.getAttribute('lang') ?? null, host: text(item.querySelector('.host')) };
  });

for (const lang of ['el', 'en'] as const) {
  describe(`in ${lang === 'el' ? 'Greek' : 'English'}`, () => {
    const prefix = PREFIX[lang];
    const names = NAMES[lang];

    test('the project page shows a badge per label, each a link to its page and a search filter', () => {
      const page = site.html(`${prefix}/${FULL}/`);
      const badges = page.querySelectorAll('article .facts .quality-labels a.quality-label');
      assert.deepEqual(
        badges.map((badge) => [text(badge), badge.getAttribute('href'), badge.getAttribute('data-pagefind-filter')]),
        [
          [names.national, `${prefix}/labels/national/`, lang === 'el' ? 'Ετικέτα Ποιότητας eTwinning' : 'eTwinning Quality Label'],
          [names.european, `${prefix}/labels/european/`, lang === 'el' ? 'Ετικέτα Ποιότητας eTwinning' : 'eTwinning Quality Label'],
        ],
      );
      const fact = badges[0]!.closest('div')!;
      assert.equal(text(fact.querySelector('dt')), lang === 'el' ? 'Ετικέτες Ποιότητας eTwinning' : 'eTwinning Quality Labels');
    });

    test("the platform link says where it leads, in the page's language, with its host", () => {
      const paragraph = site.html(`${prefix}/${FULL}/`).querySelector('.project-link')!;
      const link = paragraph.querySelector('a')!;
      assert.equal(
        text(link),
        lang === 'el' ? 'Το πρόγραμμα στην Ευρωπαϊκή Πλατφόρμα Σχολικής Εκπαίδευσης' : 'The project on the European School Education Platform',
      );
      assert.equal(link.getAttribute('href'), PLATFORM[lang]);
      assert.equal(text(paragraph.querySelector('.host')), '(school-education.ec.europa.eu)');
    });

    test('what the pupils made is a list of links with their hosts, in the page language', () => {
      const section = site.html(`${prefix}/${FULL}/`).querySelector('section.outcomes')!;
      assert.equal(text(section.querySelector('h2')), lang === 'el' ? 'Τι έφτιαξαν οι μαθητές' : 'What the pupils made');
      assert.deepEqual(
        links(section.querySelectorAll('li')),
        OUTCOMES[lang].map(({ title, url }) => ({ text: title, href: url, lang: null, host: `(${new URL(url).hostname})` })),
      );
    });

    test('a project whose outcomes are in its Greek file only shows them, marked as Greek on the English page', () => {
      const section = site.html(`${prefix}/${GREEK_OUTCOMES}/`).querySelector('section.outcomes')!;
      assert.deepEqual(
        links(section.querySelectorAll('li')),
        OUTCOMES.greekOnly.map(({ title, url }) => ({ text: title, href: url, lang: lang === 'en' ? 'el' : null, host: '(video.example.com)' })),
      );
      // It has a label and no platform page.
      assert.equal(site.html(`${prefix}/${GREEK_OUTCOMES}/`).querySelector('.project-link'), null);
    });

    test('nothing on the pages loads from another site, and the Content-Security-Policy is the usual one', () => {
      for (const url of [`${prefix}/${FULL}/`, `${prefix}/${GREEK_OUTCOMES}/`]) {
        const page = site.html(url);
        const external = page
          .querySelectorAll('[src], [srcset], link[href], iframe, embed, object, video, audio')
          .map((element) => element.getAttribute('src') ?? element.getAttribute('srcset') ?? element.getAttribute('href') ?? element.tagName)
          .filter((reference) => !reference.startsWith('/') || reference.startsWith('//'));
        assert.deepEqual(external, [], url);
        assert.equal(
          page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
          "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'",
        );
      }
    });

    test('cards in lists show the labels as badges (text, not links); projects without labels have none', () => {
      const card = (url: string, title: string) =>
        site
          .html(url)
          .querySelectorAll('.project-card')
          .find((each) => text(each.querySelector('.project-card-title')) === title);
      const year = card(`${prefix}/2015-2016/`, 'The Scratch Project')!;
      assert.deepEqual(
        year.querySelectorAll('.quality-labels li').map((badge) => text(badge)),
        [names.national, names.european],
      );
      assert.equal(year.querySelectorAll('.quality-labels a').length, 0, 'only the title is a link');
      const home = card(`${prefix}/`, 'The Scratch Project')!;
      assert.equal(home.querySelectorAll('.quality-label').length, 2);
      const cool = card(`${prefix}/2014-2015/`, COOL)!;
      assert.deepEqual(
        cool.querySelectorAll('.quality-label').map((badge) => text(badge)),
        [names.national],
      );
      assert.equal(card(`${prefix}/2014-2015/`, 'Healthy and Unhealthy Habits')!.querySelector('.quality-labels'), null);
    });

    test("each label's page lists its projects, and links to all the labels", () => {
      const national = site.html(`${prefix}/labels/national/`);
      assert.equal(text(national.querySelector('h1')), names.national);
      assert.deepEqual(
        national.querySelectorAll('.project-card-title').map((title) => text(title)),
        ['The Scratch Project', COOL],
      );
      assert.match(text(national.querySelector('main p')), lang === 'el' ? /2 προγράμματα\.$/ : /2 projects\.$/);
      assert.equal(national.querySelector(`main a[href="${prefix}/labels/"]`) !== null, true);
      const european = site.html(`${prefix}/labels/european/`);
      assert.equal(text(european.querySelector('h1')), names.european);
      assert.deepEqual(
        european.querySelectorAll('.project-card-title').map((title) => text(title)),
        ['The Scratch Project'],
      );
      // The language switcher leads to the same label's page.
      const other = lang === 'el' ? '/en' : '';
      assert.equal(national.querySelector('nav.language-switcher a[hreflang]')?.getAttribute('href'), `${other}/labels/national/`);
    });

    test("the labels' page says what they are, with each label's number of projects; the home page links to it", () => {
      const index = site.html(`${prefix}/labels/`);
      assert.equal(text(index.querySelector('h1')), lang === 'el' ? 'Ετικέτες Ποιότητας eTwinning' : 'eTwinning Quality Labels');
      assert.match(text(index.querySelector('main p')), lang === 'el' ? /Εθνική Υπηρεσία Υποστήριξης/ : /National Support Service/);
      assert.deepEqual(
        index
          .querySelectorAll('.index-list li')
          .map((item) => [text(item.querySelector('a')), item.querySelector('a')?.getAttribute('href'), text(item.querySelector('.count'))]),
        [
          [names.national, `${prefix}/labels/national/`, lang === 'el' ? '2 προγράμματα' : '2 projects'],
          [names.european, `${prefix}/labels/european/`, lang === 'el' ? '1 πρόγραμμα' : '1 project'],
        ],
      );
      const home = site.html(`${prefix}/`).querySelector(`.counts a[href="${prefix}/labels/"]`);
      assert.equal(text(home), lang === 'el' ? '2 προγράμματα με Ετικέτα Ποιότητας eTwinning' : '2 projects with an eTwinning Quality Label');
    });
  });
}

test('the sitemap lists the labels’ pages in both languages', () => {
  const sitemap = readFileSync(path.join(site.outputDir, 'sitemap.xml'), 'utf8');
  for (const url of ['/labels/', '/labels/national/', '/labels/european/', '/en/labels/', '/en/labels/national/', '/en/labels/european/']) {
    assert.match(sitemap, new RegExp(`<loc>${url}</loc>`), url);
  }
});

test('archive.json and archive.csv, as downloaded, carry the labels, the link and the outcomes', () => {
  const data = JSON.parse(readFileSync(path.join(site.outputDir, 'archive.json'), 'utf8'));
  const full = data.projects.find((project: { id: string }) => project.id === FULL);
  assert.deepEqual(full.labels, ['national', 'european']);
  assert.equal(full.link, PLATFORM.el);
  assert.deepEqual(full.versions.el.outcomes, OUTCOMES.el);
  assert.deepEqual(full.versions.en.outcomes, OUTCOMES.en);
  const greekOnly = data.projects.find((project: { id: string }) => project.id === GREEK_OUTCOMES);
  assert.deepEqual([greekOnly.labels, greekOnly.link, greekOnly.versions.en.outcomes], [['national'], null, []]);

  const csv = readFileSync(path.join(site.outputDir, 'archive.csv'), 'utf8');
  const [header, ...rows] = csv.slice(1).split('\r\n').filter(Boolean);
  assert.match(header!, /,continues,labels,link$/);
  assert.ok(rows.some((row) => row.startsWith(`2015-2016,${FULL},`) && row.endsWith(`,national; european,${PLATFORM.el}`)));
  assert.ok(rows.some((row) => row.startsWith(`2014-2015,${GREEK_OUTCOMES},`) && row.endsWith(',national,')));
});
