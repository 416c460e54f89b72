/**
 * The built site in a real browser (the system's Chromium through playwright-core):
 * every kind of page in both languages is checked with axe-core (WCAG 2.2 A and AA
 * and best practices) in light and dark colours, for requests that leave the site
 * and console errors, with the keyboard only, through its language switcher, and
 * photographed at a phone's and a desktop's width into test-output/screenshots/.
 *
 * The site is the bundled archive with Quality Labels, a platform page and
 * outcomes given to two projects (tests/helpers/fields-fixture.ts), so that the
 * labels' pages and a project with everything are among the kinds of page.
 * One build and one server per site variant, one browser for the whole file.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { BuiltSite, repoRoot, tempDir, text } from '../helpers/built-site.ts';
import { AXE_TAGS, launchBrowser } from '../helpers/browser.ts';
import type { ContentFixture } from '../helpers/content-fixture.ts';
import { makeFieldsFixture } from '../helpers/fields-fixture.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

// The browser's globals that the functions run in the page (page.evaluate) use. The project's
// tsconfig has no DOM library, so that Node code cannot use them by mistake: these declarations
// are local to this module.
interface DomElement {
  tagName: string;
  className: unknown;
  textContent: string | null;
  outerHTML: string;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number; top: number; left: number; bottom: number; right: number };
  contains(other: DomElement): boolean;
  compareDocumentPosition(other: DomElement): number;
}
declare const document: {
  activeElement: DomElement | null;
  body: DomElement;
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  images: Iterable<{ loading: string; decode(): Promise<void> }>;
};
declare function getComputedStyle(element: DomElement): { outlineStyle: string; outlineWidth: string; boxShadow: string };
declare function matchMedia(query: string): { matches: boolean };
declare const innerWidth: number;
declare const innerHeight: number;
declare const Node: { DOCUMENT_POSITION_FOLLOWING: number };

const SCREENSHOTS = path.join(repoRoot, 'test-output', 'screenshots');
const WIDTHS = [375, 1280] as const;

type Lang = 'el' | 'en';
const LANGS: Record<Lang, { prefix: string; other: Lang; skipLink: string; name: string }> = {
  el: { prefix: '/', other: 'en', skipLink: 'Μετάβαση στο περιεχόμενο', name: 'Greek' },
  en: { prefix: '/en/', other: 'el', skipLink: 'Skip to content', name: 'English' },
};

interface PageType {
  kind: string;
  /** The page's path after the language prefix. */
  path: string;
  /** A missing address: the server must answer 404 with the 404 page. */
  notFound?: boolean;
}

const PAGE_TYPES: PageType[] = [
  { kind: 'home', path: '' },
  { kind: 'archive', path: 'archive/' },
  { kind: 'year', path: '2015-2016/' },
  { kind: 'project', path: '2015-2016/cool-or-not-too-cool/' },
  // Photos, both Quality Labels, the platform link and outcomes in both languages.
  { kind: 'project-full', path: '2015-2016/the-scratch-project/' },
  // Outcomes in the Greek file only: the English page shows them marked lang="el".
  { kind: 'project-outcomes', path: '2014-2015/cool-or-not-too-cool/' },
  { kind: 'grades', path: 'grades/' },
  { kind: 'grade', path: 'grades/5/' },
  { kind: 'countries', path: 'countries/' },
  { kind: 'country', path: 'countries/lv/' },
  { kind: 'labels', path: 'labels/' },
  { kind: 'label', path: 'labels/national/' },
  { kind: 'accessibility', path: 'accessibility/' },
  { kind: 'search', path: 'search/' },
  { kind: '404', path: 'no-such-page/', notFound: true },
];

/** The site path a page is built at (the 404 page is at /404.html, whatever address was asked for). */
const builtPath = (type: PageType, lang: Lang) => LANGS[lang].prefix + (type.notFound ? '404.html' : type.path);
/** The site path the test asks for. */
const requestPath = (type: PageType, lang: Lang) => LANGS[lang].prefix + type.path;

let browser: Browser;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

interface OpenedPage {
  context: BrowserContext;
  page: Page;
  response: Response | null;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Console errors, uncaught exceptions, failed requests and error responses of sub-resources. */
  problems: string[];
  close(): Promise<void>;
}

async function open(url: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 } });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
  const requests: string[] = [];
  const problems: string[] = [];
  // On the context: also what workers (the search's) and any other page of the visit ask for.
  context.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    if (isFaviconUrl(where)) return;
    // The document itself of the 404 page is *meant* to answer 404; Chromium logs that as an error.
    if (withoutHash(where) === url && /status of 404/.test(message.text()) && isNotFoundUrl(url)) return;
    problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  context.on('requestfailed', (request) => {
    // ERR_ABORTED: the page itself cancelled the request, e.g. the icon still loading when a link is followed.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  context.on('response', (response) => {
    if (isFaviconUrl(response.url())) return;
    if (response.status() >= 400 && !(withoutHash(response.url()) === url && isNotFoundUrl(url))) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { context, page, response, requests, problems, close: () => context.close() };
}

/**
 * Chromium asks for /favicon.ico once per origin, at a moment of its own choosing, when a page
 * declares no icon: whether one page sees that request depends on the pages opened before it.
 * So it is left out here and checked deterministically by its own test ('the browser finds the site's icon').
 */
const isFaviconUrl = (url: string) => /^https?:\/\/[^/]+\/favicon\.ico$/.test(url);

const withoutHash = (url: string) => url.split('#')[0]!;

const notFoundUrls = new Set<string>();
const isNotFoundUrl = (url: string) => notFoundUrls.has(url);

/** Runs axe with the WCAG 2.2 A and AA rules and best practices; fails with every violation, its elements and how to fix it. */
async function assertNoAxeViolations(t: TestContext, page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const incomplete = results.incomplete.map(
    (item) => `${item.id} on ${item.nodes.map((node) => node.target.join(' ')).join(', ')}: ${item.nodes[0]?.any[0]?.message ?? item.help}`,
  );
  if (incomplete.length > 0) t.diagnostic(`axe could not decide (review by hand): ${incomplete.join(', ')}`);
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
          return `    - ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n      ${summary}`;
        })
        .join('\n');
      return `  ${violation.id} [${violation.impact ?? 'unknown'}]: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
  assert.fail(`axe found ${results.violations.length} WCAG violation(s) on ${label}:\n${report}`);
}

interface FocusInfo {
  description: string;
  isExpected: boolean;
  text: string;
  outlineStyle: string;
  outlineWidth: number;
  boxShadow: string;
  width: number;
  height: number;
  inViewport: boolean;
}

/** Describes the focused element and whether it is the `index`-th element expected in the Tab order. */
function focusInfo(page: Page, index: number): Promise<FocusInfo> {
  return page.evaluate((i) => {
    const expected = [
      ...document.querySelectorAll('a.skip-link'),
      ...document.querySelectorAll('header a.site-name'),
      ...document.querySelectorAll('nav.language-switcher a[hreflang]'),
      ...document.querySelectorAll('nav.site-nav a'),
    ];
    const element = document.activeElement;
    if (!element || element === document.body) {
      return {
        description: 'nothing (the body)',
        isExpected: false,
        text: '',
        outlineStyle: 'none',
        outlineWidth: 0,
        boxShadow: 'none',
        width: 0,
        height: 0,
        inViewport: false,
      };
    }
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    const classes = element.className ? `.${String(element.className).trim().split(/\s+/).join('.')}` : '';
    const href = element.getAttribute('href');
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      description: `<${element.tagName.toLowerCase()}${classes}${href ? ` href="${href}"` : ''}> "${text}"`,
      isExpected: expected[i] === element,
      text,
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      width: rect.width,
      height: rect.height,
      inViewport: rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth,
    };
  }, index);
}

/** The elements expected in the Tab order, described, for messages. */
function expectedTabOrder(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll('a.skip-link'),
      ...document.querySelectorAll('header a.site-name'),
      ...document.querySelectorAll('nav.language-switcher a[hreflang]'),
      ...document.querySelectorAll('nav.site-nav a'),
    ].map((element) => `<a href="${element.getAttribute('href')}"> "${(element.textContent ?? '').replace(/\s+/g, ' ').trim()}"`),
  );
}

/** Clicks the loaded page's language switcher and checks that it leads to `expectedPath`, in `lang`, with the built page's h1. */
async function assertSwitchesTo(site: BuiltSite, server: StaticServer, page: Page, lang: Lang, expectedPath: string): Promise<void> {
  const link = page.locator('nav.language-switcher a[hreflang]');
  assert.equal(await link.count(), 1, 'the language switcher has one link, to the other language');
  assert.equal(await link.getAttribute('hreflang'), lang);
  const expectedUrl = new URL(expectedPath.slice(1), server.url).href;
  const navigation = page.waitForResponse((response) => response.url() === expectedUrl && response.request().isNavigationRequest());
  await link.click();
  await page.waitForURL(expectedUrl);
  const response = await navigation;
  assert.equal(page.url(), expectedUrl);
  assert.equal(response.status(), 200, `${expectedUrl} answered ${response.status()}`);
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  const expectedH1 = text(site.html(expectedPath).querySelector('h1'));
  assert.ok(expectedH1, `the built page ${expectedPath} has an h1`);
  assert.equal(await page.locator('h1').count(), 1, 'one h1');
  assert.equal((await page.locator('h1').innerText()).replace(/\s+/g, ' ').trim(), expectedH1);
}

// ---------------------------------------------------------------------------------------------
// The bundled archive, with labels, a platform page and outcomes
// ---------------------------------------------------------------------------------------------

let fixture: ContentFixture;
let site: BuiltSite;
let server: StaticServer;

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  fixture = makeFieldsFixture();
  site = new BuiltSite(['--content', fixture.contentDir]);
  [server, browser] = await Promise.all([serveStatic(site.outputDir), launchBrowser()]);
  for (const type of PAGE_TYPES.filter((type) => type.notFound)) {
    for (const lang of Object.keys(LANGS) as Lang[]) notFoundUrls.add(urlOf(type, lang));
  }
});

after(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
  fixture?.remove();
});

const urlOf = (type: PageType, lang: Lang) => new URL(requestPath(type, lang).slice(1), server.url).href;

/** The screenshots written by this run (a filtered run leaves the others of an earlier run in place). */
const screenshots: string[] = [];
async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Lazy images below the fold, or a srcset candidate for the new width, are not loaded yet.
  await page.evaluate(() =>
    Promise.all(
      [...document.images].map((image) => {
        image.loading = 'eager';
        return image.decode().catch(() => undefined);
      }),
    ),
  );
  await page.screenshot({ path: file, fullPage: true });
  screenshots.push(file);
}

/** Every request went to the local server, and nothing went wrong in the console or on the network. */
function assertCleanTraffic(opened: OpenedPage, origin: string, label: string): void {
  const outside = opened.requests.filter((request) => !request.startsWith('data:') && new URL(request).origin !== origin);
  assert.deepEqual(outside, [], `requests to other servers than ${origin} from ${label}`);
  assert.deepEqual(opened.problems, [], `console errors or failed requests on ${label}`);
}

/** Back to the top of a freshly loaded page, with nothing focused, in light colours and the desktop width. */
async function reset(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload({ waitUntil: 'load' });
}

// Pages are checked PAGE_CONCURRENCY at a time, each in its own browser context; the tests of
// one page run in turn on one loaded page (the language switcher last, as it leaves the page).
const PAGE_CONCURRENCY = Number(process.env.PAGE_CONCURRENCY) || 2;

describe('every kind of page, in both languages', { concurrency: PAGE_CONCURRENCY }, () => {
  for (const type of PAGE_TYPES) {
    for (const lang of Object.keys(LANGS) as Lang[]) {
      const { other, skipLink, name } = LANGS[lang];
      describe(`${type.kind} page, ${name} (${requestPath(type, lang)})`, { concurrency: 1 }, () => {
        let opened: OpenedPage | undefined;
        before(async () => {
          opened = await open(urlOf(type, lang));
        });
        after(async () => {
          await opened?.close();
        });
        /** The test's body with the loaded page. */
        const withPage = (body: (opened: OpenedPage, page: Page, t: TestContext) => Promise<void>) => async (t: TestContext) => {
          assert.ok(opened, 'the page was opened');
          await body(opened, opened.page, t);
        };

        test(
          `answers ${type.notFound ? '404 with the 404 page' : '200'}; every request goes to the local server; no console errors`,
          withPage(async (opened, page) => {
            assert.equal(opened.response?.status(), type.notFound ? 404 : 200);
            assert.equal(await page.locator('html').getAttribute('lang'), lang);
            const expectedH1 = text(site.html(builtPath(type, lang)).querySelector('h1'));
            assert.equal((await page.locator('h1').innerText()).replace(/\s+/g, ' ').trim(), expectedH1);
            assert.ok(
              opened.requests.some((request) => request.endsWith('/css/site.css')),
              'the stylesheet is requested',
            );
            assertCleanTraffic(opened, server.origin, requestPath(type, lang));
          }),
        );

        for (const colorScheme of ['light', 'dark'] as const) {
          test(
            `axe-core finds no WCAG 2.1 A/AA violation in ${colorScheme} colours`,
            withPage(async (_opened, page, t) => {
              await page.emulateMedia({ colorScheme });
              try {
                const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
                assert.equal(dark, colorScheme === 'dark', 'the colour scheme is emulated');
                await assertNoAxeViolations(t, page, `${requestPath(type, lang)} (${colorScheme})`);
              } finally {
                await page.emulateMedia({ colorScheme: 'light' });
              }
            }),
          );
        }

        test(
          'keyboard: Tab goes to the skip link, the site name, the language switcher, then the navigation, each visibly focused',
          withPage(async (_opened, page) => {
            await reset(page);
            const expected = await expectedTabOrder(page);
            assert.ok(expected.length >= 4, `the header has a skip link, the site name, a language link and navigation links: ${expected.join(', ')}`);
            const problems: string[] = [];
            for (let i = 0; i < expected.length; i++) {
              await page.keyboard.press('Tab');
              const focus = await focusInfo(page, i);
              if (!focus.isExpected) {
                assert.fail(
                  `On ${requestPath(type, lang)}, Tab ${i + 1} focused ${focus.description}, expected ${expected[i]}.\nExpected order: ${expected.join(' → ')}`,
                );
              }
              if (i === 0) assert.equal(focus.text, skipLink, 'the first Tab focuses the skip link');
              const outline = focus.outlineStyle !== 'none' && focus.outlineWidth > 0;
              const shadow = focus.boxShadow !== 'none' && focus.boxShadow !== '';
              if (!outline && !shadow) {
                problems.push(
                  `${focus.description}: no visible focus indicator (outline ${focus.outlineStyle} ${focus.outlineWidth}px, box-shadow ${focus.boxShadow})`,
                );
              }
              if (focus.width < 2 || focus.height < 2 || !focus.inViewport) {
                problems.push(`${focus.description}: focused but not visible (${focus.width}×${focus.height}, in viewport: ${focus.inViewport})`);
              }
            }
            assert.deepEqual(problems, [], `focus problems on ${requestPath(type, lang)}`);
          }),
        );

        test(
          'keyboard: the skip link moves focus past the header to the main content',
          withPage(async (_opened, page) => {
            await reset(page);
            await page.keyboard.press('Tab');
            await page.keyboard.press('Enter');
            await page.keyboard.press('Tab');
            const where = await page.evaluate(() => {
              const main = document.querySelector('main');
              const element = document.activeElement;
              if (!main || !element || element === document.body) return 'nothing';
              if (main === element || main.contains(element)) return 'main';
              return main.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING
                ? 'after main'
                : `before main: ${element.outerHTML.slice(0, 120)}`;
            });
            assert.ok(where === 'main' || where === 'after main', `after the skip link, Tab focused ${where}`);
          }),
        );

        test(
          `fits a phone's and a desktop's width (${WIDTHS.join(' and ')} px) without scrolling sideways; screenshots for people to look at`,
          withPage(async (_opened, page) => {
            await reset(page);
            for (const width of WIDTHS) {
              await page.setViewportSize({ width, height: 800 });
              // WCAG 1.4.10 (reflow): nothing wider than the window, so reading never needs a horizontal scroll.
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
              assert.equal(overflow, 0, `at ${width} px the page is ${overflow} px wider than the window`);
              await screenshot(page, `${lang}-${type.kind}-${width}`);
            }
          }),
        );

        test(
          `the language switcher leads to the same page in ${LANGS[other].name}`,
          withPage(async (opened, page) => {
            await reset(page);
            await assertSwitchesTo(site, server, page, other, builtPath(type, other));
            assertCleanTraffic(opened, server.origin, `${requestPath(type, lang)} and the page its switcher leads to`);
          }),
        );
      });
    }
  }
});

describe('the search page, used', () => {
  for (const lang of Object.keys(LANGS) as Lang[]) {
    test(`in ${LANGS[lang].name}: typing a title finds the project, from the local server only, and the results pass axe`, async (t) => {
      const searchPath = `${LANGS[lang].prefix}search/`;
      const opened = await open(new URL(searchPath.slice(1), server.url).href);
      try {
        const { page } = opened;
        // The search box is named by a visible label, not by a tooltip only.
        const label = lang === 'el' ? 'Αναζήτηση στα προγράμματα' : 'Search the projects';
        const input = page.getByRole('textbox', { name: label, exact: true });
        assert.ok(await page.locator('label.search-label', { hasText: label }).isVisible(), 'the label is visible');
        await input.fill('scratch');
        const projectUrl = `${LANGS[lang].prefix}2015-2016/the-scratch-project/`;
        const result = page.locator(`#search a[href="${projectUrl}"]`).first();
        await result.waitFor({ state: 'visible', timeout: 10_000 });
        await assertNoAxeViolations(t, page, `${searchPath} with results`);
        assertCleanTraffic(opened, server.origin, `${searchPath} while searching`);
      } finally {
        await opened.close();
      }
    });
  }
});

test('a Greek search without accents finds the right projects, and the school year filter narrows them', async () => {
  const opened = await open(new URL('search/', server.url).href);
  try {
    const { page } = opened;
    const input = page.getByRole('searchbox').or(page.locator('#search input')).first();
    // Μολδαβία, typed in lower case without its accent: only "Cool or not too cool?" had Moldovan partners.
    await input.fill('μολδαβια');
    const results = page.locator('#search .pagefind-ui__result-link');
    await results.nth(1).waitFor({ timeout: 10_000 });
    assert.equal(await results.count(), 2);
    const hrefs = (await results.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).sort();
    assert.deepEqual(hrefs, ['/2014-2015/cool-or-not-too-cool/', '/2015-2016/cool-or-not-too-cool/']);
    // The filters are named in Greek, from the archive's own texts.
    await page.locator('#search summary', { hasText: 'Σχολικό έτος' }).click();
    await page.locator('#search label', { hasText: '2014–2015' }).click();
    await results.nth(1).waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await results.count(), 1);
    assert.equal(await results.first().getAttribute('href'), '/2014-2015/cool-or-not-too-cool/');
    assertCleanTraffic(opened, server.origin, '/search/ while filtering');
  } finally {
    await opened.close();
  }
});

test('the grade filter lists each grade on its own, and finds a project of several grades by any of them', async () => {
  const opened = await open(new URL('en/search/', server.url).href);
  try {
    const { page } = opened;
    // 4 Seasons in Europe: the 1st, 2nd and 3rd grades together.
    await page.locator('#search input').first().fill('seasons');
    const results = page.locator('#search .pagefind-ui__result-link');
    await results.first().waitFor({ timeout: 10_000 });
    assert.equal(await results.first().getAttribute('href'), '/en/2014-2015/4-seasons-in-europe/');
    const gradeBlock = page.locator('#search details', { has: page.locator('summary', { hasText: /^Grade$/ }) });
    await gradeBlock.locator('summary').click();
    const grades = (await gradeBlock.locator('label').allInnerTexts()).map((label) => label.replace(/\s*\(\d+\)\s*$/, '').trim());
    // Before, a project of three grades gave one value, "1st grade, 2nd grade, 3rd grade".
    assert.deepEqual([...grades].sort(), ['1st grade', '2nd grade', '3rd grade', '4th grade', '5th grade', '6th grade'], 'one value a grade, each once');
    await gradeBlock.locator('label', { hasText: /^2nd grade/ }).click();
    await page.waitForTimeout(300);
    assert.equal(await results.count(), 1);
    assert.equal(await results.first().getAttribute('href'), '/en/2014-2015/4-seasons-in-europe/');
  } finally {
    await opened.close();
  }
});

test('the Quality Label filter of the search finds the labelled project', async () => {
  const opened = await open(new URL('en/search/', server.url).href);
  try {
    const { page } = opened;
    await page.locator('#search input').first().fill('cool');
    const results = page.locator('#search .pagefind-ui__result-link');
    await results.nth(1).waitFor({ timeout: 10_000 });
    assert.equal(await results.count(), 2);
    // The filter is named, and its values are the labels' names, in the page's language.
    await page.locator('#search summary', { hasText: 'eTwinning Quality Label' }).click();
    await page.locator('#search label', { hasText: 'National Quality Label' }).click();
    await results.nth(1).waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await results.count(), 1);
    assert.equal(await results.first().getAttribute('href'), '/en/2014-2015/cool-or-not-too-cool/');
    assertCleanTraffic(opened, server.origin, '/en/search/ while filtering by label');
  } finally {
    await opened.close();
  }
});

test("the browser finds the site's icon without a 404", async () => {
  const problems: string[] = [];
  let faviconStatus: number | undefined;
  for (const type of PAGE_TYPES) {
    for (const lang of Object.keys(LANGS) as Lang[]) {
      const file = site.fileFor(builtPath(type, lang));
      if (!file) continue;
      const icons = site.html(builtPath(type, lang)).querySelectorAll('link[rel~="icon"]');
      if (icons.length === 0) {
        faviconStatus ??= (await fetch(`${server.origin}/favicon.ico`)).status;
        if (faviconStatus !== 200) problems.push(`${builtPath(type, lang)}: no <link rel="icon">, and /favicon.ico answers ${faviconStatus}`);
        continue;
      }
      for (const icon of icons) {
        const href = icon.getAttribute('href') ?? '';
        if (href.startsWith('data:')) continue;
        const status = (await fetch(new URL(href, urlOf(type, lang)))).status;
        if (status !== 200) problems.push(`${builtPath(type, lang)}: the icon ${href} answers ${status}`);
      }
    }
  }
  assert.deepEqual(
    problems,
    [],
    'Without a <link rel="icon">, Chromium asks for /favicon.ico at the server\'s root, and logs ' +
      '"Failed to load resource: the server responded with a status of 404" on the first visit.',
  );
});

// ---------------------------------------------------------------------------------------------
// A project whose English file is not written yet
// ---------------------------------------------------------------------------------------------

describe('an untranslated project (/en/2013-2014/traditional-cultures/ without index.en.md)', () => {
  const projectPath = '2013-2014/traditional-cultures/';
  let contentDir: string;
  let untranslated: BuiltSite;
  let untranslatedServer: StaticServer;

  before(async () => {
    contentDir = path.join(tempDir('content'), 'content');
    cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
    rmSync(path.join(contentDir, projectPath, 'index.en.md'));
    untranslated = new BuiltSite(['--content', contentDir]);
    untranslatedServer = await serveStatic(untranslated.outputDir);
  });
  after(async () => {
    await untranslatedServer?.close();
    untranslated?.remove();
    if (contentDir) rmSync(path.dirname(contentDir), { recursive: true, force: true });
  });

  const url = (sitePath: string) => new URL(sitePath.slice(1), untranslatedServer.url).href;

  for (const [from, to, lang] of [
    [`/en/${projectPath}`, `/${projectPath}`, 'el'],
    [`/${projectPath}`, `/en/${projectPath}`, 'en'],
  ] as const) {
    test(`the language switcher leads from ${from} to ${to}`, async () => {
      const opened = await open(url(from));
      try {
        assert.equal(opened.response?.status(), 200);
        await assertSwitchesTo(untranslated, untranslatedServer, opened.page, lang, to);
        assertCleanTraffic(opened, untranslatedServer.origin, `${from} and ${to}`);
      } finally {
        await opened.close();
      }
    });
  }

  test('the English page (Greek text, marked lang="el") has no WCAG 2.1 A/AA violation in light and dark colours; screenshot at 375 px', async (t) => {
    const opened = await open(url(`/en/${projectPath}`), { width: 375 });
    try {
      assert.equal(opened.response?.status(), 200);
      for (const colorScheme of ['light', 'dark'] as const) {
        await opened.page.emulateMedia({ colorScheme });
        await assertNoAxeViolations(t, opened.page, `/en/${projectPath}, untranslated (${colorScheme})`);
      }
      await opened.page.emulateMedia({ colorScheme: 'light' });
      await screenshot(opened.page, 'en-project-untranslated-375');
      assertCleanTraffic(opened, untranslatedServer.origin, `/en/${projectPath}`);
    } finally {
      await opened.close();
    }
  });
});

after(() => {
  // For people to look at: they are not compared pixel by pixel.
  if (screenshots.length > 0) console.log(`# ${screenshots.length} screenshots in ${SCREENSHOTS}`);
});
