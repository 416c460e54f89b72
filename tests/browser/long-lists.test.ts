/**
 * The pages of a long list in a real browser: no WCAG 2.1 A/AA violation in
 * light or dark colours, nothing wider than a phone's screen, and the
 * pagination works with the keyboard. The bundled archive has no long list,
 * so this builds it with a school year of 45 projects added.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { BuiltSite } from '../helpers/built-site.ts';
import { AXE_TAGS, launchBrowser } from '../helpers/browser.ts';
import { LONG_YEAR, makeLongListContent } from '../helpers/long-list-fixture.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

// Globals of the page, for the functions run in it (the project's tsconfig has no DOM library).
declare const document: {
  documentElement: { scrollWidth: number };
  activeElement: { textContent: string | null; getAttribute(name: string): string | null } | null;
};
declare const innerWidth: number;

const PAGES = [`/${LONG_YEAR}/page/2/`, `/en/countries/mt/page/3/`, '/archive/page/2/', '/en/grades/4/', '/labels/national/page/2/'];

let content: ReturnType<typeof makeLongListContent>;
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
before(async () => {
  content = makeLongListContent();
  site = new BuiltSite(['--content', content.contentDir]);
  [server, browser] = await Promise.all([serveStatic(site.outputDir), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
  content?.remove();
});

for (const url of PAGES) {
  test(`${url}: no WCAG 2.1 A/AA violation in light and dark colours, and no wider than a phone`, async () => {
    // axe needs a page of its own browser context.
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(new URL(url.slice(1), server.url).href);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        assert.deepEqual(
          violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
          [],
          colorScheme,
        );
      }
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the page scrolls sideways');
    } finally {
      await context.close();
    }
  });
}

test('the pagination is reached with Tab and followed with Enter', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(new URL(`${LONG_YEAR}/page/2/`, server.url).href);
    // Tab until the "next page" link has the focus, then follow it.
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.getAttribute('rel') === 'next');
    }
    assert.ok(found, 'the next page link is reachable with Tab');
    await Promise.all([page.waitForURL(/\/page\/3\/$/), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('nav.pagination a[aria-current=page]').textContent(), '3');
    assert.equal(await page.locator('h1').textContent(), 'Σχολικό έτος 2016–2017, σελίδα 3 από 3');
  } finally {
    await page.close();
  }
});
