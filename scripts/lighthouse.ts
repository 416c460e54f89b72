/**
 * `npm run lighthouse`: builds the bundled archive, serves it on 127.0.0.1 and
 * prints Lighthouse's four scores (performance, accessibility, best practices,
 * SEO) for the home, a year and a project page in both languages. A report for
 * people, not a test: the target is 100 everywhere.
 *
 * Chromium comes from CHROME_PATH (default /usr/bin/chromium, Debian's).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { runCli } from '../tests/helpers/built-site.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const PAGES = ['/', '/2015-2016/', '/2015-2016/the-scratch-project/', '/en/', '/en/2015-2016/', '/en/2015-2016/the-scratch-project/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const root = mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));
const outputDir = path.join(root, '_site');
// The server starts first so the build knows the site's address (SITE_URL), as a published build does.
const server = await serveStatic(outputDir);
process.env.SITE_URL = server.origin;
const built = runCli('build', ['--output', outputDir]);
if (built.status !== 0) {
  console.error(built.stderr);
  process.exit(1);
}
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const rows: string[][] = [];
  for (const page of PAGES) {
    const result = await lighthouse(new URL(page.slice(1), server.url).href, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    const categories = result?.lhr.categories ?? {};
    rows.push([page, ...CATEGORIES.map((name) => String(Math.round((categories[name]?.score ?? 0) * 100)))]);
    // What kept a score below 100, so it can be fixed.
    for (const audit of Object.values(result?.lhr.audits ?? {})) {
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual') {
        console.log(`  ${page}: ${audit.id} (${Math.round(audit.score * 100)}) ${audit.title}`);
      }
    }
  }
  const header = ['page', 'performance', 'accessibility', 'best practices', 'SEO'];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
} finally {
  await chrome.kill();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
