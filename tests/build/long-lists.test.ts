/**
 * Long lists are split into pages of 20 projects (src/site/pages.ts). The
 * bundled archive never needs that, so this test adds a school year of 45
 * projects with two partner countries, and reads the pages a visitor would.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { BuiltSite, text } from '../helpers/built-site.ts';
import { LONG_COUNT, LONG_YEAR, makeLongListContent, twoDigits } from '../helpers/long-list-fixture.ts';
import { HTML_VALIDATE_CONFIG } from '../helpers/html-validate.ts';

let content: ReturnType<typeof makeLongListContent>;
let site: BuiltSite;
before(() => {
  content = makeLongListContent();
  site = new BuiltSite(['--content', content.contentDir]);
});
after(() => {
  site.remove();
  content.remove();
});

const cardTitles = (url: string) =>
  site
    .html(url)
    .querySelectorAll('.project-card-title')
    .map((title) => text(title));
const paginationLinks = (url: string) =>
  site
    .html(url)
    .querySelectorAll('nav.pagination a')
    .map((link) => ({
      text: text(link),
      href: link.getAttribute('href'),
      current: link.getAttribute('aria-current') ?? null,
      rel: link.getAttribute('rel') ?? null,
    }));

test('a school year of 45 projects is on three pages of 20, 20 and 5, each project once and in order', () => {
  const pages = [`/${LONG_YEAR}/`, `/${LONG_YEAR}/page/2/`, `/${LONG_YEAR}/page/3/`];
  assert.deepEqual(
    pages.map((url) => cardTitles(url).length),
    [20, 20, 5],
  );
  assert.deepEqual(
    pages.flatMap(cardTitles),
    Array.from({ length: LONG_COUNT }, (_, i) => `Πρόγραμμα ${twoDigits(i + 1)}`),
  );
  assert.equal(site.fileFor(`/${LONG_YEAR}/page/4/`), undefined);
  assert.deepEqual(cardTitles(`/en/${LONG_YEAR}/page/3/`), ['Project 41', 'Project 42', 'Project 43', 'Project 44', 'Project 45']);
});

test('each page says which page it is, in its own language, and counts the whole year', () => {
  const greek = site.html(`/${LONG_YEAR}/page/2/`);
  assert.equal(text(greek.querySelector('h1')), 'Σχολικό έτος 2016–2017, σελίδα 2 από 3');
  assert.match(text(greek.querySelector('title')), /^Σχολικό έτος 2016–2017, σελίδα 2 από 3 — /);
  assert.equal(text(greek.querySelector('main h1 + p')), '45 προγράμματα');
  const english = site.html(`/en/${LONG_YEAR}/page/2/`);
  assert.equal(english.querySelector('html')?.getAttribute('lang'), 'en');
  assert.equal(text(english.querySelector('h1')), 'School year 2016–2017, page 2 of 3');
  // The first page keeps the list's own name.
  assert.equal(text(site.html(`/${LONG_YEAR}/`).querySelector('h1')), 'Σχολικό έτος 2016–2017');
});

test('the pagination links every page, marks the current one, and leads to the previous and next', () => {
  assert.equal(site.html(`/${LONG_YEAR}/page/2/`).querySelector('nav.pagination')?.getAttribute('aria-label'), 'Σελίδες της λίστας');
  assert.deepEqual(paginationLinks(`/${LONG_YEAR}/page/2/`), [
    { text: 'Προηγούμενη σελίδα', href: `/${LONG_YEAR}/`, current: null, rel: 'prev' },
    { text: '1', href: `/${LONG_YEAR}/`, current: null, rel: null },
    { text: '2', href: `/${LONG_YEAR}/page/2/`, current: 'page', rel: null },
    { text: '3', href: `/${LONG_YEAR}/page/3/`, current: null, rel: null },
    { text: 'Επόμενη σελίδα', href: `/${LONG_YEAR}/page/3/`, current: null, rel: 'next' },
  ]);
  assert.deepEqual(
    paginationLinks(`/en/${LONG_YEAR}/`).map((link) => [link.text, link.href]),
    [
      ['1', `/en/${LONG_YEAR}/`],
      ['2', `/en/${LONG_YEAR}/page/2/`],
      ['3', `/en/${LONG_YEAR}/page/3/`],
      ['Next page', `/en/${LONG_YEAR}/page/2/`],
    ],
  );
  const named = site.html(`/en/${LONG_YEAR}/`).querySelector('nav.pagination a[aria-current=page]');
  assert.equal(named?.getAttribute('aria-label'), 'Page 1');
});

test('the language switcher on a later page leads to the same page in the other language', () => {
  const switcher = site.html(`/${LONG_YEAR}/page/3/`).querySelector('.language-switcher a[hreflang=en]');
  assert.equal(switcher?.getAttribute('href'), `/en/${LONG_YEAR}/page/3/`);
  const alternates = site
    .html(`/en/${LONG_YEAR}/page/3/`)
    .querySelectorAll('link[rel=alternate][hreflang]')
    .map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]);
  assert.deepEqual(alternates, [
    ['el', `/${LONG_YEAR}/page/3/`],
    ['en', `/en/${LONG_YEAR}/page/3/`],
    ['x-default', `/${LONG_YEAR}/page/3/`],
  ]);
});

test('country and grade pages are split the same way; lists of 20 or fewer stay on one page', () => {
  // Malta: the 45 new projects. Greece and the 4th grade: those and some of the bundled archive's.
  assert.deepEqual(
    [`/countries/mt/`, `/countries/mt/page/2/`, `/countries/mt/page/3/`].map((url) => cardTitles(url).length),
    [20, 20, 5],
  );
  assert.ok(cardTitles('/countries/gr/page/3/').length > 5);
  assert.equal(site.fileFor('/countries/gr/page/4/'), undefined);
  assert.deepEqual(
    [`/grades/4/`, `/grades/4/page/2/`].map((url) => cardTitles(url).length),
    [20, 20],
  );
  assert.ok(cardTitles('/grades/4/page/3/').length > 5);
  // The Quality Labels: every one of the 45 has the national label, every third the European one.
  assert.deepEqual(
    [`/labels/national/`, `/labels/national/page/2/`, `/labels/national/page/3/`].map((url) => cardTitles(url).length),
    [20, 20, 5],
  );
  assert.deepEqual(
    [`/en/labels/european/`].map((url) => cardTitles(url).length),
    [15],
  );
  assert.equal(site.html('/en/labels/european/').querySelector('nav.pagination'), null);
  assert.equal(site.html('/countries/lv/').querySelector('nav.pagination'), null);
  assert.equal(site.html('/2015-2016/').querySelector('nav.pagination'), null);
});

test('the archive continues over pages, each under the headings of its school years', () => {
  // 55 projects: 2016–2017's first 20, its next 20, then its last 5 and the bundled 10.
  const lastPage = site.html('/archive/page/3/');
  assert.deepEqual(
    lastPage.querySelectorAll('main h2').map((heading) => text(heading)),
    ['Σχολικό έτος 2016–2017', 'Σχολικό έτος 2015–2016', 'Σχολικό έτος 2014–2015', 'Σχολικό έτος 2013–2014', 'Σχολικό έτος 2012–2013'],
  );
  assert.equal(cardTitles('/archive/page/3/').length, 15);
  assert.deepEqual(
    site
      .html('/archive/page/2/')
      .querySelectorAll('main h2')
      .map((heading) => text(heading)),
    ['Σχολικό έτος 2016–2017'],
  );
});

test("the home page shows the latest year's first ten projects and links to all of them", () => {
  const home = site.html('/en/');
  assert.equal(home.querySelectorAll('#latest-year ~ .project-list .project-card').length, 10);
  const more = home.querySelectorAll('main a').find((link) => text(link) === 'All 45 projects of the school year 2016–2017');
  assert.equal(more?.getAttribute('href'), `/en/${LONG_YEAR}/`);
});

test('every page of the long lists is valid HTML and under 30 KB with its stylesheet', async () => {
  const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
  const css = statSync(site.fileFor('/css/site.css')!).size;
  const urls = site.htmlPages().filter((url) => url.includes('/page/') || url === '/' || url === '/en/');
  assert.ok(urls.length >= 20, `${urls.length} pages`);
  for (const url of urls) {
    const file = site.fileFor(url)!;
    const report = await validator.validateString(readFileSync(file, 'utf8'), url);
    const errors = report.results.flatMap((result) => result.messages).filter((message) => message.severity >= 2);
    assert.deepEqual(
      errors.map((message) => `${url}:${message.line} ${message.ruleId}: ${message.message}`),
      [],
    );
    assert.ok(statSync(file).size + css < 30 * 1024, url);
  }
});
