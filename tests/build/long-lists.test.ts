/**
 * Long lists are split into pages of 20 projects (src/site/pages.ts). The
 * bundled archive never needs that, so this test adds a school year of 45
 * projects with two partner countries, and reads the pages a visitor would.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { BuiltSite, repoRoot, tempDir, text } from '../helpers/built-site.ts';
import { HTML_VALIDATE_CONFIG } from '../helpers/html-validate.ts';

const YEAR = '2016-2017';
const COUNT = 45;
const number = (n: number) => String(n).padStart(2, '0');

let contentDir: string;
let site: BuiltSite;
before(() => {
  contentDir = path.join(tempDir('content'), 'content');
  cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
  for (let n = 1; n <= COUNT; n++) {
    const folder = path.join(contentDir, YEAR, `project-${number(n)}`);
    mkdirSync(folder, { recursive: true });
    const facts = `classes: ["Δ'"]\npartners: [Ελλάδα, Μάλτα]\n`;
    writeFileSync(path.join(folder, 'index.el.md'), `---\ntitle: Πρόγραμμα ${number(n)}\n${facts}---\n\nΚείμενο.\n`);
    writeFileSync(path.join(folder, 'index.en.md'), `---\ntitle: Project ${number(n)}\n---\n\nText.\n`);
  }
  site = new BuiltSite(['--content', contentDir]);
});
after(() => {
  site.remove();
  rmSync(path.dirname(contentDir), { recursive: true, force: true });
});

const cardTitles = (url: string) => site.html(url).querySelectorAll('.project-card-title').map((title) => text(title));
const paginationLinks = (url: string) =>
  site
    .html(url)
    .querySelectorAll('nav.pagination a')
    .map((link) => ({ text: text(link), href: link.getAttribute('href'), current: link.getAttribute('aria-current') ?? null, rel: link.getAttribute('rel') ?? null }));

test('a school year of 45 projects is on three pages of 20, 20 and 5, each project once and in order', () => {
  const pages = [`/${YEAR}/`, `/${YEAR}/page/2/`, `/${YEAR}/page/3/`];
  assert.deepEqual(pages.map((url) => cardTitles(url).length), [20, 20, 5]);
  assert.deepEqual(
    pages.flatMap(cardTitles),
    Array.from({ length: COUNT }, (_, i) => `Πρόγραμμα ${number(i + 1)}`),
  );
  assert.equal(site.fileFor(`/${YEAR}/page/4/`), undefined);
  assert.deepEqual(cardTitles(`/en/${YEAR}/page/3/`), ['Project 41', 'Project 42', 'Project 43', 'Project 44', 'Project 45']);
});

test('each page says which page it is, in its own language, and counts the whole year', () => {
  const greek = site.html(`/${YEAR}/page/2/`);
  assert.equal(text(greek.querySelector('h1')), 'Σχολικό έτος 2016–2017, σελίδα 2 από 3');
  assert.match(text(greek.querySelector('title')), /^Σχολικό έτος 2016–2017, σελίδα 2 από 3 — /);
  assert.equal(text(greek.querySelector('main h1 + p')), '45 προγράμματα');
  const english = site.html(`/en/${YEAR}/page/2/`);
  assert.equal(english.querySelector('html')?.getAttribute('lang'), 'en');
  assert.equal(text(english.querySelector('h1')), 'School year 2016–2017, page 2 of 3');
  // The first page keeps the list's own name.
  assert.equal(text(site.html(`/${YEAR}/`).querySelector('h1')), 'Σχολικό έτος 2016–2017');
});

test('the pagination links every page, marks the current one, and leads to the previous and next', () => {
  assert.equal(site.html(`/${YEAR}/page/2/`).querySelector('nav.pagination')?.getAttribute('aria-label'), 'Σελίδες της λίστας');
  assert.deepEqual(paginationLinks(`/${YEAR}/page/2/`), [
    { text: 'Προηγούμενη σελίδα', href: `/${YEAR}/`, current: null, rel: 'prev' },
    { text: '1', href: `/${YEAR}/`, current: null, rel: null },
    { text: '2', href: `/${YEAR}/page/2/`, current: 'page', rel: null },
    { text: '3', href: `/${YEAR}/page/3/`, current: null, rel: null },
    { text: 'Επόμενη σελίδα', href: `/${YEAR}/page/3/`, current: null, rel: 'next' },
  ]);
  assert.deepEqual(
    paginationLinks(`/en/${YEAR}/`).map((link) => [link.text, link.href]),
    [
      ['1', `/en/${YEAR}/`],
      ['2', `/en/${YEAR}/page/2/`],
      ['3', `/en/${YEAR}/page/3/`],
      ['Next page', `/en/${YEAR}/page/2/`],
    ],
  );
  const named = site.html(`/en/${YEAR}/`).querySelector('nav.pagination a[aria-current=page]');
  assert.equal(named?.getAttribute('aria-label'), 'Page 1');
});

test('the language switcher on a later page leads to the same page in the other language', () => {
  const switcher = site.html(`/${YEAR}/page/3/`).querySelector('.language-switcher a[hreflang=en]');
  assert.equal(switcher?.getAttribute('href'), `/en/${YEAR}/page/3/`);
  const alternates = site
    .html(`/en/${YEAR}/page/3/`)
    .querySelectorAll('link[rel=alternate][hreflang]')
    .map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]);
  assert.deepEqual(alternates, [
    ['el', `/${YEAR}/page/3/`],
    ['en', `/en/${YEAR}/page/3/`],
    ['x-default', `/${YEAR}/page/3/`],
  ]);
});

test('country and grade pages are split the same way; lists of 20 or fewer stay on one page', () => {
  // Malta: the 45 new projects. Greece and the 4th grade: those and some of the bundled archive's.
  assert.deepEqual([`/countries/mt/`, `/countries/mt/page/2/`, `/countries/mt/page/3/`].map((url) => cardTitles(url).length), [20, 20, 5]);
  assert.ok(cardTitles('/countries/gr/page/3/').length > 5);
  assert.equal(site.fileFor('/countries/gr/page/4/'), undefined);
  assert.deepEqual([`/grades/4/`, `/grades/4/page/2/`].map((url) => cardTitles(url).length), [20, 20]);
  assert.ok(cardTitles('/grades/4/page/3/').length > 5);
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
  assert.deepEqual(site.html('/archive/page/2/').querySelectorAll('main h2').map((heading) => text(heading)), ['Σχολικό έτος 2016–2017']);
});

test('the home page shows the latest year\'s first ten projects and links to all of them', () => {
  const home = site.html('/en/');
  assert.equal(home.querySelectorAll('#latest-year ~ .project-list .project-card').length, 10);
  const more = home.querySelectorAll('main a').find((link) => text(link) === 'All 45 projects of the school year 2016–2017');
  assert.equal(more?.getAttribute('href'), `/en/${YEAR}/`);
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
    assert.deepEqual(errors.map((message) => `${url}:${message.line} ${message.ruleId}: ${message.message}`), []);
    assert.ok(statSync(file).size + css < 30 * 1024, url);
  }
});
