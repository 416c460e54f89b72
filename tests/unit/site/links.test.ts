import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { absolutizeHtml, absoluteUrlMaker, feedIdMaker } from '../../../src/site/links.ts';

describe('absolute URLs', () => {
  const siteUrl = process.env.SITE_URL;
  afterEach(() => {
    if (siteUrl === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = siteUrl;
  });

  test("are the site's origin, the path prefix and the page's path", () => {
    const absolute = absoluteUrlMaker('/etwinning/', 'https://school.example.org');
    assert.equal(absolute('/feed.xml'), 'https://school.example.org/etwinning/feed.xml');
    assert.equal(absolute('/en/2015-2016/the-scratch-project/'), 'https://school.example.org/etwinning/en/2015-2016/the-scratch-project/');
    assert.equal(absoluteUrlMaker('/', 'https://school.example.org/')('/'), 'https://school.example.org/');
  });

  test('a SITE_URL written with slashes at its end is the same site', () => {
    assert.equal(absoluteUrlMaker('/', 'https://school.github.io//')('/feed.json'), 'https://school.github.io/feed.json');
  });

  test('without a site URL they are root-relative, with the path prefix', () => {
    assert.equal(absoluteUrlMaker('/etwinning/', '')('/feed.xml'), '/etwinning/feed.xml');
    assert.equal(absoluteUrlMaker('/', '')('/sitemap.xml'), '/sitemap.xml');
  });

  test('take the site from SITE_URL when none is given', () => {
    process.env.SITE_URL = 'https://school.example.org';
    assert.equal(absoluteUrlMaker('/')('/feed.xml'), 'https://school.example.org/feed.xml');
    delete process.env.SITE_URL;
    assert.equal(absoluteUrlMaker('/')('/feed.xml'), '/feed.xml');
  });
});

describe('feed ids', () => {
  test("are the page's absolute URL when the site is known", () => {
    const id = feedIdMaker(absoluteUrlMaker('/', 'https://school.example.org'));
    assert.equal(id('/2015-2016/the-scratch-project/'), 'https://school.example.org/2015-2016/the-scratch-project/');
  });

  test("are otherwise a tag: URI of the page's path, the same from build to build and whatever the prefix", () => {
    assert.equal(feedIdMaker(absoluteUrlMaker('/', ''))('/en/2015-2016/the-scratch-project/'), 'tag:etwinning-archive,2012:/en/2015-2016/the-scratch-project/');
    assert.equal(feedIdMaker(absoluteUrlMaker('/etwinning/', ''))('/en/'), 'tag:etwinning-archive,2012:/en/');
  });
});

describe("a project's text for feeds and open data", () => {
  const absolute = absoluteUrlMaker('/etwinning/', 'https://school.example.org');

  test("gets absolute photo and link addresses, srcset's candidates each with its width", () => {
    const html =
      '<p><a href="/2014-2015/cool-or-not-too-cool/">Η προηγούμενη χρονιά</a></p>' +
      '<picture><source type="image/webp" srcset="/photos/abc-400.webp 400w, /photos/abc-800.webp 800w">' +
      '<img src="/photos/abc-800.jpg" alt="Τα παιδιά παρουσιάζουν" width="800" height="600"></picture>';
    assert.equal(
      absolutizeHtml(html, absolute),
      '<p><a href="https://school.example.org/etwinning/2014-2015/cool-or-not-too-cool/">Η προηγούμενη χρονιά</a></p>' +
        '<picture><source type="image/webp" srcset="https://school.example.org/etwinning/photos/abc-400.webp 400w, https://school.example.org/etwinning/photos/abc-800.webp 800w">' +
        '<img src="https://school.example.org/etwinning/photos/abc-800.jpg" alt="Τα παιδιά παρουσιάζουν" width="800" height="600"></picture>',
    );
  });

  test('leaves links to other sites, anchors and e-mail addresses as they are', () => {
    const html = '<a href="https://www.etwinning.net/">eTwinning</a> <a href="#photos">↓</a> <a href="mailto:school@example.org">e-mail</a>';
    assert.equal(absolutizeHtml(html, absolute), html);
  });

  test('leaves a link to another site written without its scheme, //twinspace.etwinning.net/…, as it is', () => {
    // Markdown's [TwinSpace](//twinspace.etwinning.net/12345) keeps its address so: it is another site's, not a path of this one.
    const html = '<a href="//twinspace.etwinning.net/12345">TwinSpace</a> <img src="//example.org/a.jpg" srcset="//example.org/a.jpg 1x, /photos/b.jpg 2x">';
    assert.equal(
      absolutizeHtml(html, absolute),
      '<a href="//twinspace.etwinning.net/12345">TwinSpace</a> <img src="//example.org/a.jpg" srcset="//example.org/a.jpg 1x, https://school.example.org/etwinning/photos/b.jpg 2x">',
    );
  });

  test('leaves what a text says about addresses as it is: only attributes are addresses', () => {
    // markdown-it writes the quotes of a text as &quot;, so a sentence can never look like an attribute.
    const html = '<p>Γράψτε href=&quot;/2015-2016/&quot; για τη σελίδα της χρονιάς.</p>';
    assert.equal(absolutizeHtml(html, absolute), html);
  });
});
