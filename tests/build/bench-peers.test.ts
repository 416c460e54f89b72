/**
 * `npm run bench` compares the project's build with two peers that build the
 * same site: a Hugo site and a plain Eleventy site (scripts/bench/peers/). The
 * comparison is fair only while they write the same pages; this test builds
 * all three from one generated archive of 30 projects and compares the page
 * addresses, and a few pages' contents, in both languages.
 *
 * It also checks what the benchmark's measurement relies on: the project's
 * build ends every process it started before it exits, so that none
 * (Pagefind's service, esbuild's) runs on after it, uncounted.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'node-html-parser';
import { DEFAULT_SEED, generateArchive } from '../../scripts/bench/generate.ts';
import { eleventyBuild, findHugo, HUGO_INSTALL, hugoBuild, type Command } from '../../scripts/bench/peers/commands.ts';
import { convertForPeers, type PeerSites } from '../../scripts/bench/peers/convert.ts';
import { canMeasureTrees, measureTree, type TreeRun } from '../../scripts/bench/process-tree.ts';
import { repoRoot, tempDir, text } from '../helpers/built-site.ts';

/** Pages only the project writes: the peers have no search, no accessibility statement, no 404 page and no web editor. */
const ONLY_OURS = ['/search/', '/en/search/', '/accessibility/', '/en/accessibility/', '/404.html', '/en/404.html', '/admin/'];
// Files that are not pages, only ours as well (not compared below): the open data (archive.json, .csv,
// .schema.json), the JSON Feeds, robots.txt, the search index (pagefind/) and the editor's files (admin/).

/**
 * Hugo's own additions: a redirect page for page 1 of every list (`…/page/1/` → the list) and for
 * the first language's folder (`/el/` → `/`), and one sitemap per language (under its sitemap
 * index at /sitemap.xml, where ours has one sitemap with every page's alternates).
 */
const isHugoRedirect = (url: string) => url === '/el/' || url.endsWith('/page/1/');
const HUGO_SITEMAPS = ['/el/sitemap.xml', '/en/sitemap.xml'];

const hugo = findHugo();
let root: string;
let peers: PeerSites;
let projectBuild: TreeRun;
const outputs = { project: '', hugo: '', eleventy: '' };

function run({ command, args, cwd }: Command): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
}

before(async () => {
  root = tempDir('bench-peers');
  const archive = await generateArchive(root, 30, DEFAULT_SEED, 0);
  peers = await convertForPeers(archive.contentDir, root);
  for (const kind of Object.keys(outputs) as (keyof typeof outputs)[]) outputs[kind] = path.join(root, `out-${kind}`);
  // The project's build as `npm run build` runs it, watched over its whole process tree.
  projectBuild = await measureTree(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--content', archive.contentDir, '--output', outputs.project], {
    cwd: repoRoot,
  });
  assert.equal(projectBuild.code, 0, projectBuild.stderr);
  run(eleventyBuild(peers.eleventyDir, outputs.eleventy));
  if (hugo) run(hugoBuild(hugo.binary, peers.hugoDir, outputs.hugo));
});
after(() => rmSync(root, { recursive: true, force: true }));

/** Every page, feed and sitemap a build wrote, by address: `/2025-2026/slug/` for …/index.html. */
function pageUrls(outputDir: string): string[] {
  const urls: string[] = [];
  for (const entry of readdirSync(outputDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|xml)$/.test(entry.name)) continue;
    const file = path.relative(outputDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    urls.push(`/${file.replace(/(^|\/)index\.html$/, '$1')}`);
  }
  return urls.sort();
}

const fileOf = (outputDir: string, url: string) => path.join(outputDir, url.endsWith('/') ? `${url}index.html` : url);
const page = (outputDir: string, url: string) => parse(readFileSync(fileOf(outputDir, url), 'utf8'));
const cardTitles = (outputDir: string, url: string) => page(outputDir, url).querySelectorAll('.project-card-title').map(text);

test('the project writes lists of 20 in both languages, so the comparison covers paginated lists', () => {
  const ours = pageUrls(outputs.project);
  // 30 projects: the archive and Greece (a partner of every project) need a second page, in each language.
  for (const url of ['/archive/page/2/', '/en/archive/page/2/', '/countries/gr/page/2/', '/en/countries/gr/page/2/']) assert.ok(ours.includes(url), url);
  assert.ok(ours.some((url) => /^\/grades\/\d\/$/.test(url)) && ours.some((url) => /^\/en\/\d{4}-\d{4}\/$/.test(url)));
  for (const url of ONLY_OURS) assert.ok(ours.includes(url), `${url} is no longer written by the project: update ONLY_OURS`);
});

test('the usual Eleventy site writes the same pages as the project, but for the search, accessibility, 404 and editor pages', () => {
  const ours = pageUrls(outputs.project).filter((url) => !ONLY_OURS.includes(url));
  assert.deepEqual(pageUrls(outputs.eleventy), ours);
});

test('the Hugo site writes the same pages as the project, but for those and its redirects and per-language sitemaps', {
  skip: hugo ? false : `Hugo is not installed, so the Hugo peer is not checked: ${HUGO_INSTALL}`,
}, () => {
  const ours = pageUrls(outputs.project).filter((url) => !ONLY_OURS.includes(url));
  const written = pageUrls(outputs.hugo);
  const redirects = written.filter(isHugoRedirect);
  for (const url of redirects) assert.match(readFileSync(fileOf(outputs.hugo, url), 'utf8'), /http-equiv="refresh"/, `${url} is a redirect`);
  assert.ok(redirects.includes('/countries/gr/page/1/') && redirects.includes('/en/archive/page/1/'));
  assert.deepEqual(
    written.filter((url) => !isHugoRedirect(url) && !HUGO_SITEMAPS.includes(url)),
    ours,
  );
});

test('the peers show the same projects on the same list pages, with the same titles, in both languages', () => {
  const builds = [outputs.eleventy, ...(hugo ? [outputs.hugo] : [])];
  for (const url of ['/countries/gr/page/2/', '/en/countries/gr/page/2/', '/archive/', '/en/grades/1/']) {
    const ours = cardTitles(outputs.project, url);
    assert.ok(ours.length > 0, url);
    for (const peer of builds) assert.deepEqual(cardTitles(peer, url), ours, `${url} in ${path.basename(peer)}`);
  }
  const project = pageUrls(outputs.project).find((url) => /^\/en\/\d{4}-\d{4}\/[^/]+\/$/.test(url))!;
  const title = (outputDir: string, url: string) => text(page(outputDir, url).querySelector('h1')!);
  for (const url of [project, project.slice('/en'.length)]) {
    for (const peer of builds) assert.equal(title(peer, url), title(outputs.project, url), `${url} in ${path.basename(peer)}`);
  }
  for (const peer of builds) {
    assert.equal(page(peer, '/en/').querySelector('html')!.getAttribute('lang'), 'en');
    assert.equal(page(peer, '/').querySelector('html')!.getAttribute('lang'), 'el');
  }
});

test('the project build ends every process it started before it exits: Pagefind and esbuild too', {
  skip: canMeasureTrees() ? false : 'needs /proc (Linux)',
}, () => {
  const names = projectBuild.processes.map((p) => p.name);
  assert.ok(
    names.some((name) => name.startsWith('pagefind')),
    `Pagefind's service was seen: ${names.join(', ')}`,
  );
  assert.ok(names.includes('esbuild'), `esbuild's service was seen: ${names.join(', ')}`);
  assert.deepEqual(
    projectBuild.processes.filter((p) => p.orphan).map((p) => p.name),
    [],
    'no process outlived the build (it would run on, and its time count for nobody)',
  );
});
