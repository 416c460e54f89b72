import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BuiltSite } from '../helpers/built-site.ts';

const ORIGIN = 'https://school.example.org';
const PREFIX = '/etwinning/';
let site: BuiltSite;
before(() => {
  process.env.SITE_URL = ORIGIN;
  site = new BuiltSite(['--path-prefix', PREFIX]);
  delete process.env.SITE_URL;
});
after(() => site.remove());

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'url', 'xhtml:link', 'link'].includes(name) });

function read(file: string): string {
  return readFileSync(path.join(site.outputDir, file), 'utf8');
}

/** An absolute URL of this site, checked to be a file of the build. */
function assertBuilt(url: string, where: string) {
  assert.ok(url.startsWith(`${ORIGIN}${PREFIX}`), `${where}: ${url} is not an absolute URL of the site`);
  assert.ok(site.fileFor(url.slice(`${ORIGIN}${PREFIX}`.length - 1)), `${where}: ${url} is not in the build`);
}

for (const { lang, prefix } of [
  { lang: 'el', prefix: '' },
  { lang: 'en', prefix: 'en/' },
]) {
  test(`the ${lang} Atom feed is well-formed, complete, newest school year first`, () => {
    const text = read(`${prefix}feed.xml`);
    assert.equal(XMLValidator.validate(text), true);
    const { feed } = xml.parse(text);
    assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(feed['@xml:lang'], lang);
    for (const field of ['title', 'id', 'updated', 'author']) assert.ok(feed[field], `feed lacks <${field}>`);
    assert.equal(feed.link.find((link: Record<string, string>) => link['@rel'] === 'self')['@href'], `${ORIGIN}${PREFIX}${prefix}feed.xml`);
    assert.equal(feed.entry.length, 10);
    for (const entry of feed.entry) {
      for (const field of ['title', 'id', 'updated', 'content']) assert.ok(entry[field], `entry lacks <${field}>`);
      assertBuilt(entry.link[0]['@href'], `${lang} feed`);
    }
    // Photos in a project's text point to the site, not to the feed reader's host.
    const scratch = String(feed.entry[0].content['#text'] ?? feed.entry[0].content);
    assert.match(scratch, new RegExp(`<img [^>]*src="${ORIGIN}${PREFIX}photos/2015-2016/the-scratch-project/`));
    assert.doesNotMatch(scratch, /(src|srcset)="\/photos/);
    const dates = feed.entry.map((entry: { updated: string }) => entry.updated);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(dates[0], '2015-09-01T00:00:00Z');
    assert.equal(feed.entry[0].title, 'The Scratch Project');
  });

  test(`the ${lang} JSON Feed has the required fields and only URLs of the build`, () => {
    const feed = JSON.parse(read(`${prefix}feed.json`));
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.language, lang);
    assert.ok(feed.title);
    assertBuilt(feed.home_page_url, 'home_page_url');
    assertBuilt(feed.feed_url, 'feed_url');
    assert.equal(feed.items.length, 10);
    for (const item of feed.items) {
      assert.ok(item.id && item.content_html && item.title);
      assertBuilt(item.url, `${lang} JSON feed`);
    }
  });

  test(`every ${lang} page links to its language's feeds`, () => {
    const html = site.html(`/${prefix}archive/`);
    assert.equal(html.querySelector('link[type="application/atom+xml"]')?.getAttribute('href'), `${PREFIX}${prefix}feed.xml`);
    assert.equal(html.querySelector('link[type="application/feed+json"]')?.getAttribute('href'), `${PREFIX}${prefix}feed.json`);
  });
}

test('the sitemap lists every page with its hreflang alternates and x-default', () => {
  const text = read('sitemap.xml');
  assert.equal(XMLValidator.validate(text), true);
  const { urlset } = xml.parse(text);
  assert.equal(urlset['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
  const locs: string[] = urlset.url.map((url: { loc: string }) => url.loc);
  // Every HTML page but the 404 pages, which are not for search engines.
  assert.equal(locs.length, site.htmlPages().filter((url) => !url.endsWith('404.html')).length);
  for (const url of urlset.url) {
    assertBuilt(url.loc, 'sitemap');
    const links = Object.fromEntries(url['xhtml:link'].map((link: Record<string, string>) => [link['@hreflang'], link['@href']]));
    assert.deepEqual(Object.keys(links).sort(), ['el', 'en', 'x-default']);
    for (const href of Object.values(links)) assertBuilt(href as string, `sitemap alternates of ${url.loc}`);
    assert.ok(url.loc === links.el || url.loc === links.en);
  }
});

test('robots.txt points to the sitemap', () => {
  assert.match(read('robots.txt'), new RegExp(`^Sitemap: ${ORIGIN}${PREFIX}sitemap.xml$`, 'm'));
});

test('without SITE_URL, feed ids are still absolute (tag URIs) and links root-relative', () => {
  const plain = new BuiltSite();
  try {
    const { feed } = xml.parse(readFileSync(path.join(plain.outputDir, 'feed.xml'), 'utf8'));
    assert.equal(feed.id, 'tag:etwinning-archive,2012:/');
    assert.equal(feed.entry[0].id, 'tag:etwinning-archive,2012:/2015-2016/the-scratch-project/');
    assert.equal(feed.entry[0].link[0]['@href'], '/2015-2016/the-scratch-project/');
  } finally {
    plain.remove();
  }
});
