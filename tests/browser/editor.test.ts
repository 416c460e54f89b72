/**
 * The web editor (Decap CMS at /admin/) in a real browser, as a teacher uses it
 * with `npm run edit`: decap-server (Decap's local proxy) serves a temporary
 * copy of the bundled content, the site is built with the editor pointed at
 * it, and Chromium creates a project in Greek and English through the
 * interface, with its Quality Labels, platform page and outcomes. The Markdown files must appear in the copy's year folder and pass
 * `npm run check`. The page may talk to the site and the proxy only.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { editorSchoolYears } from '../../src/editor/editor-config.ts';
import { editorText, projectFields } from '../../src/editor/editor-fields.ts';
import { projectFolderName } from '../../src/editor/editor-format.ts';
import { FOLDER_NAME_LANGUAGES } from '../../src/i18n/languages.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { runCli, tempDir } from '../helpers/built-site.ts';
import { bundledContent } from '../helpers/content-fixture.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const require = createRequire(import.meta.url);
/** A step that waits for the editor: generous, but bounded. */
const WAIT = 20_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Waits until decap-server answers Decap's own first question. */
async function waitForProxy(url: string, proxy: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    if (proxy.exitCode !== null) throw new Error(`decap-server stopped (${proxy.exitCode}):\n${log()}`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'info' }) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`decap-server did not answer at ${url}:\n${log()}`);
}

/**
 * A project field's inputs, by the label the editor's configuration gives it
 * (the Markdown body's image dialogs have fields of their own, in English).
 * The Greek column's comes first.
 */
function field(page: Page, name: string): Locator {
  const { label } = projectFields().find((candidate) => candidate.name === name)!;
  return page.getByLabel(new RegExp(`^${label}( \\(|$)`));
}

async function waitForValue(input: Locator): Promise<void> {
  const deadline = Date.now() + WAIT;
  while ((await input.inputValue()) === '') {
    if (Date.now() > deadline) throw new Error('the field stayed empty');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForFiles(files: string[]): Promise<void> {
  const deadline = Date.now() + WAIT;
  while (!files.every((file) => existsSync(file))) {
    if (Date.now() > deadline) throw new Error(`not written: ${files.filter((file) => !existsSync(file)).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the web editor with decap-server', { timeout: 120_000 }, () => {
  let root: string;
  let contentDir: string;
  let proxy: ChildProcess | undefined;
  let proxyLog = '';
  let proxyOrigin: string;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    root = tempDir('editor');
    contentDir = path.join(root, 'content');
    cpSync(bundledContent, contentDir, { recursive: true });

    // As `npm run edit` runs it, with the copy's folder as the repository and a free port.
    const port = await freePort();
    proxyOrigin = `http://127.0.0.1:${port}`;
    proxy = spawn(process.execPath, [require.resolve('decap-server/dist/index.js')], {
      env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: root, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proxy.stdout!.on('data', (chunk) => (proxyLog += chunk));
    proxy.stderr!.on('data', (chunk) => (proxyLog += chunk));
    await waitForProxy(`${proxyOrigin}/api/v1`, proxy, () => proxyLog);

    // The build reads CMS_LOCAL_BACKEND as `npm run edit` sets it.
    const previous = process.env.CMS_LOCAL_BACKEND;
    process.env.CMS_LOCAL_BACKEND = `${proxyOrigin}/api/v1`;
    try {
      const built = runCli('build', ['--content', contentDir, '--output', path.join(root, 'site')]);
      assert.equal(built.status, 0, built.stderr);
    } finally {
      if (previous === undefined) delete process.env.CMS_LOCAL_BACKEND;
      else process.env.CMS_LOCAL_BACKEND = previous;
    }
    server = await serveStatic(path.join(root, 'site'));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (proxy && proxy.exitCode === null) {
      const exited = new Promise((resolve) => proxy!.once('exit', resolve));
      proxy.kill();
      await exited;
    }
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** The editor, logged in to the proxy, with what the page did that it should not. */
  async function openEditor(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(WAIT);
    const problems: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server!.origin) && !url.startsWith(proxyOrigin) && !url.startsWith('blob:') && !url.startsWith('data:')) {
        problems.push(`request to another host: ${url}`);
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${server!.url}admin/`);
    // The proxy backend asks for no account: one click on "log in".
    await page.getByRole('button', { name: 'Σύνδεση' }).click();
    await page.getByRole('link', { name: /Σχολικό έτος 2015–2016/ }).waitFor();
    return { page, problems };
  }

  test('creates a project in Greek and English whose files pass npm run check', async () => {
    const { page, problems } = await openEditor();
    // The current school year: offered by the editor though the content has no folder for it yet.
    const year = editorSchoolYears([])[1]!;
    await page.goto(`${server!.url}admin/#/collections/${year}/new`);

    // Two columns: Greek (the default language, with the language-neutral fields), then English.
    const titles = field(page, 'title');
    await titles.nth(1).waitFor();
    const greekTitle = 'Οι φίλοι μας στην Ευρώπη';
    const englishTitle = 'Our Friends in Europe';
    await titles.nth(0).fill(greekTitle);
    await titles.nth(1).fill(englishTitle);
    await field(page, 'summary').nth(0).fill("Η Ε' τάξη γνωρίζει φίλους από τρεις χώρες.");
    assert.equal(await field(page, 'classes').filter({ visible: true }).count(), 1, 'classes are edited once, in the Greek column');
    await field(page, 'classes').first().fill("Ε', ΣΤ1");
    await field(page, 'partners').first().fill('Ελλάδα, Λετονία, Italy');
    // The Quality Labels: a choice of the two, by name; the platform page: an address. Both once, in the Greek column.
    const labels = projectFields().find((candidate) => candidate.name === 'labels')!;
    // (The English column's hidden copy of the choice is not written: the files below show it.)
    for (const option of labels.options!) {
      await field(page, 'labels').first().click();
      await page.getByText(option.label, { exact: true }).click();
    }
    await field(page, 'link').first().fill('https://school-education.ec.europa.eu/el/etwinning/projects/our-friends');
    // What the pupils made: one in each column, with a title in that column's language.
    const outcomes = projectFields().find((candidate) => candidate.name === 'outcomes')!;
    // Named in Greek, as the rest of the editor: Decap's Greek interface has no text of its own for it.
    const add = page.getByRole('button', { name: editorText('decapListAdd').replace('%{item}', outcomes.label_singular!) });
    assert.equal(await add.count(), 2, 'an outcome can be added in each language column');
    await add.nth(0).click();
    await add.nth(1).click();
    const [outcomeTitle, outcomeUrl] = outcomes.fields!.map((sub) => page.getByLabel(new RegExp(`^${sub.label}( \\(|$)`)));
    await outcomeTitle!.nth(1).waitFor();
    await outcomeTitle!.nth(0).fill('Το βιβλίο με τα γράμματά μας');
    await outcomeUrl!.nth(0).fill('https://books.example.org/letters');
    await outcomeTitle!.nth(1).fill('The book of our letters');
    await outcomeUrl!.nth(1).fill('https://books.example.org/letters');
    const bodies = page.locator('[data-slate-editor="true"]:visible');
    await bodies.nth(0).click();
    await page.keyboard.type('Τα παιδιά γράφουν γράμματα.');
    await bodies.nth(1).click();
    await page.keyboard.type('The children write letters.');

    await page.getByRole('button', { name: 'Δημοσίευση' }).click();
    await page.getByText('Δημοσίευση τώρα').click();

    // The folder is named as `npm run new` names it: from the English title.
    const folder = path.join(contentDir, year, projectFolderName({ el: greekTitle, en: englishTitle }, FOLDER_NAME_LANGUAGES));
    assert.equal(path.basename(folder), 'our-friends-in-europe');
    const greek = path.join(folder, 'index.el.md');
    const english = path.join(folder, 'index.en.md');
    await waitForFiles([greek, english]);
    await page.waitForURL(/\/entries\/our-friends-in-europe\/index$/);

    assert.equal(
      readFileSync(greek, 'utf8'),
      "---\ntitle: Οι φίλοι μας στην Ευρώπη\nsummary: Η Ε' τάξη γνωρίζει φίλους από τρεις χώρες.\nclasses:\n  - Ε'\n  - ΣΤ1\npartners:\n  - Ελλάδα\n  - Λετονία\n  - Italy\n" +
        'labels:\n  - national\n  - european\nlink: https://school-education.ec.europa.eu/el/etwinning/projects/our-friends\n' +
        'outcomes:\n  - title: Το βιβλίο με τα γράμματά μας\n    url: https://books.example.org/letters\n---\n\nΤα παιδιά γράφουν γράμματα.\n',
    );
    assert.equal(
      readFileSync(english, 'utf8'),
      '---\ntitle: Our Friends in Europe\noutcomes:\n  - title: The book of our letters\n    url: https://books.example.org/letters\n---\n\nThe children write letters.\n',
    );

    const check = runCli('check', ['--content', contentDir]);
    assert.equal(check.status, 0, `npm run check failed:\n${check.stdout}\n${check.stderr}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a project without its English title is not saved, and the editor says why', async () => {
    const { page, problems } = await openEditor();
    const year = editorSchoolYears([])[0]!;
    await page.goto(`${server!.url}admin/#/collections/${year}/new`);
    const titles = field(page, 'title');
    await titles.nth(1).waitFor();
    await titles.nth(0).fill('Μόνο στα ελληνικά');
    await field(page, 'classes').first().fill("Δ'");
    await field(page, 'partners').first().fill('Κύπρος');
    await page.getByRole('button', { name: 'Δημοσίευση' }).click();
    await page.getByText('Δημοσίευση τώρα').click();
    await page.getByText(/Λείπει το πεδίο «Τίτλος» στα αγγλικά \(EN\)/).waitFor();
    assert.equal(existsSync(path.join(contentDir, year)), false, 'nothing was written');
    // Decap also rethrows the refused save, unhandled: that is its way, not a fault of the page.
    assert.deepEqual(
      problems.filter((problem) => !problem.startsWith('page error')),
      [],
    );
    await page.close();
  });

  test('an existing project opens with its Greek-only fields in the Greek column', async () => {
    const { page, problems } = await openEditor();
    await page.goto(`${server!.url}admin/#/collections/2015-2016/entries/the-scratch-project/index`);
    const titles = field(page, 'title');
    await titles.nth(1).waitFor();
    // The fields fill in once the files are read.
    await waitForValue(titles.nth(0));
    await waitForValue(titles.nth(1));
    assert.equal(await titles.nth(0).inputValue(), 'The Scratch Project');
    assert.equal(await titles.nth(1).inputValue(), 'The Scratch Project');
    assert.match(await field(page, 'partners').first().inputValue(), /^Ελλάδα, Λετονία, /);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
