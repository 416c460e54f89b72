/**
 * The served site as a crawler sees it (fetch, no browser): starting at the home
 * page in each language, every same-origin href and src of every page, and every
 * url() of every stylesheet, is followed; each must answer 200 straight away (no
 * redirect), and each #fragment must name an element of its page. Once at the
 * site's root and once under a path prefix, as GitHub Pages serves a project site.
 * The site is the bundled archive with labels, a platform page and outcomes
 * (tests/helpers/fields-fixture.ts): the labels' pages must be reached too, and
 * the links to other sites are https and not followed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { BuiltSite, text } from '../helpers/built-site.ts';
import type { ContentFixture } from '../helpers/content-fixture.ts';
import { makeFieldsFixture, OUTCOMES, PLATFORM } from '../helpers/fields-fixture.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

interface Visit {
  status: number;
  contentType: string;
  /** The pages (or stylesheets) that link to this URL. */
  from: Set<string>;
  /** ids and names in the page, when it is HTML. */
  anchors?: Set<string>;
  /** The h1 of the page, when it is HTML. */
  h1?: string;
}

interface Crawl {
  visits: Map<string, Visit>;
  /** `page → target#fragment` for every same-origin link with a fragment. */
  fragments: { from: string; url: string; fragment: string }[];
  /** Links and resources on other servers (not followed). */
  external: Set<string>;
  /** References that are not URLs at all. */
  unparsable: string[];
}

const SKIPPED_SCHEMES = /^(mailto|tel|data|javascript|blob|about):/i;

/** Every URL referenced by an HTML page: href, src and srcset of any element. */
function htmlReferences(html: string): { references: string[]; anchors: Set<string>; h1: string } {
  const root = parse(html);
  const references: string[] = [];
  for (const element of root.querySelectorAll('[href], [src], [srcset]')) {
    for (const attribute of ['href', 'src']) {
      const value = element.getAttribute(attribute);
      if (value !== undefined) references.push(value.trim());
    }
    const srcset = element.getAttribute('srcset');
    if (srcset) references.push(...srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''));
  }
  const anchors = new Set<string>();
  for (const element of root.querySelectorAll('[id], a[name]')) {
    const id = element.getAttribute('id') ?? element.getAttribute('name');
    if (id) anchors.add(id);
  }
  return { references: references.filter(Boolean), anchors, h1: text(root.querySelector('h1')) };
}

/** Every URL referenced by a stylesheet: url(...) and @import. */
function cssReferences(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const references: string[] = [];
  for (const match of withoutComments.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3/g)) {
    references.push((match[2] ?? match[4] ?? '').trim());
  }
  return references.filter(Boolean);
}

/**
 * Fetches every same-origin URL reachable from `starts`, once each, without following redirects.
 * `expected404` are addresses that are meant not to exist: their 404 page is crawled too.
 */
async function crawl(server: StaticServer, starts: string[], expected404: string[] = []): Promise<Crawl> {
  const visits = new Map<string, Visit>();
  const fragments: Crawl['fragments'] = [];
  const external = new Set<string>();
  const unparsable: string[] = [];
  const queue: string[] = [];
  const enqueue = (url: string, from: string) => {
    const visit = visits.get(url);
    if (visit) return void visit.from.add(from);
    visits.set(url, { status: 0, contentType: '', from: new Set(from ? [from] : []) });
    queue.push(url);
  };
  for (const url of [...starts, ...expected404]) enqueue(url, '');

  while (queue.length > 0) {
    const batch = queue.splice(0, 8);
    await Promise.all(
      batch.map(async (url) => {
        const visit = visits.get(url)!;
        const response = await fetch(url, { redirect: 'manual' });
        visit.status = response.status;
        visit.contentType = response.headers.get('content-type') ?? '';
        const body = await response.text();
        if (response.status !== 200 && !expected404.includes(url)) return;
        let references: string[] = [];
        if (visit.contentType.startsWith('text/html')) {
          const page = htmlReferences(body);
          references = page.references;
          visit.anchors = page.anchors;
          visit.h1 = page.h1;
        } else if (visit.contentType.startsWith('text/css')) {
          references = cssReferences(body);
        }
        for (const reference of references) {
          if (SKIPPED_SCHEMES.test(reference)) continue;
          let target: URL;
          try {
            target = new URL(reference, url);
          } catch {
            unparsable.push(`${url}: "${reference}"`);
            continue;
          }
          if (target.origin !== server.origin) {
            external.add(target.href);
            continue;
          }
          if (target.hash.length > 1) fragments.push({ from: url, url: target.href.split('#')[0]!, fragment: decodeURIComponent(target.hash.slice(1)) });
          target.hash = '';
          enqueue(target.href, url);
        }
      }),
    );
  }
  return { visits, fragments, external, unparsable };
}

const VARIANTS = [
  { name: "at the server's root", args: [] as string[], pathPrefix: '/' },
  { name: 'under the path prefix /etwinning/', args: ['--path-prefix', '/etwinning/'], pathPrefix: '/etwinning/' },
];

for (const variant of VARIANTS) {
  describe(`the served site, ${variant.name}`, () => {
    let fixture: ContentFixture;
    let site: BuiltSite;
    let server: StaticServer;
    /** The crawl from the home pages and the missing addresses, then from every other built page too. */
    let result: Crawl;
    /** The crawl from the two home pages only. */
    let fromHome: Crawl;
    let missing: string[];

    before(async () => {
      fixture = makeFieldsFixture();
      site = new BuiltSite(['--content', fixture.contentDir, ...variant.args], variant.pathPrefix);
      server = await serveStatic(site.outputDir, { pathPrefix: variant.pathPrefix });
      missing = [`${server.url}no-such-page/`, `${server.url}en/no/such/page/`, `${server.url}2015-2016/no-such-project/`];
      const homes = [server.url, `${server.url}en/`];
      fromHome = await crawl(server, homes);
      // Pages that nothing links to (an editor's page, say) are checked too.
      result = await crawl(server, [...homes, ...builtPages(site, server).map((page) => page.url)], missing);
    });
    after(async () => {
      await server?.close();
      site?.remove();
      fixture?.remove();
    });

    test('every same-origin link and resource answers 200, without a redirect', (t) => {
      t.diagnostic(`${result.visits.size} same-origin URLs crawled; ${result.external.size} links to other sites not followed`);
      const broken = [...result.visits]
        .filter(([url, visit]) => visit.status !== 200 && !missing.includes(url))
        .map(
          ([url, visit]) =>
            `${url} answers ${visit.status}${visit.contentType ? ` (${visit.contentType})` : ''}; linked from:\n      ${[...visit.from].join('\n      ')}`,
        );
      assert.deepEqual(broken, [], `${broken.length} broken link(s):\n  ${broken.join('\n  ')}`);
      assert.deepEqual(result.unparsable, [], 'references that are not URLs');
    });

    test('from the home pages, links lead to every built page (except noindex and 404 pages) and the stylesheet', () => {
      const unreached = builtPages(site, server)
        .filter((page) => !page.noindex && !page.url.endsWith('/404.html'))
        .filter((page) => fromHome.visits.get(page.url)?.status !== 200)
        .map((page) => page.url);
      assert.deepEqual(unreached, [], 'built pages that no link leads to from / or /en/');
      const stylesheets = [...result.visits].filter(([url, visit]) => url.endsWith('.css') && visit.status === 200);
      assert.ok(stylesheets.length > 0, 'a stylesheet is reached');
      for (const [url, visit] of stylesheets) assert.match(visit.contentType, /^text\/css/, url);
    });

    test('the only links to other sites are https: the platform page and what the pupils made, as the content gives them', () => {
      const expected = [PLATFORM.el, PLATFORM.en, ...OUTCOMES.el, ...OUTCOMES.en, ...OUTCOMES.greekOnly].map((link) =>
        typeof link === 'string' ? link : link.url,
      );
      // Besides them, only the link of the school's introduction to eTwinning.
      assert.deepEqual([...result.external].sort(), [...new Set([...expected, 'https://www.etwinning.net/'])].sort());
    });

    test(`every same-origin URL is under ${variant.pathPrefix}`, () => {
      const outside = [...result.visits.keys()].filter((url) => !url.startsWith(server.url));
      assert.deepEqual(outside, []);
    });

    test('every #fragment of a same-origin link names an element of its page', () => {
      const broken = result.fragments
        .filter(({ url, fragment }) => {
          const target = result.visits.get(url);
          return target?.anchors !== undefined && !target.anchors.has(fragment);
        })
        .map(({ from, url, fragment }) => `${from} links to ${url}#${fragment}: no element with id="${fragment}"`);
      assert.deepEqual(broken, []);
    });

    test('a missing address answers 404 with the 404 page of its language (whose links were crawled above)', () => {
      const greek = text(site.html('/404.html').querySelector('h1'));
      const english = text(site.html('/en/404.html').querySelector('h1'));
      for (const url of missing) {
        const visit = result.visits.get(url)!;
        assert.equal(visit.status, 404, url);
        assert.match(visit.contentType, /^text\/html/, url);
        assert.equal(visit.h1, url.startsWith(`${server.url}en/`) ? english : greek, url);
      }
    });
  });
}

/** Every HTML file of the build, with its address as served (`dir/index.html` → `dir/`) and whether it asks not to be indexed. */
function builtPages(site: BuiltSite, server: StaticServer): { url: string; noindex: boolean }[] {
  return readdirSync(site.outputDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort()
    .map((file) => {
      const relative = path.relative(site.outputDir, file).split(path.sep).join('/');
      const robots = parse(readFileSync(file, 'utf8')).querySelector('meta[name="robots"]')?.getAttribute('content') ?? '';
      return {
        url: new URL(relative.replace(/(^|\/)index\.html$/, '$1'), server.url).href,
        noindex: /\bnoindex\b/i.test(robots),
      };
    });
}
