/**
 * `npm run bench [-- --projects N --rounds K --scaling[=SIZES] --watch --no-watch --edits E --cpu-prof --json --seed S --keep]`
 *
 * Generates a synthetic archive (scripts/bench/generate.ts) and builds the same
 * site from it four ways, each build in a fresh process:
 *
 *   this project   the real build (src/cli/build.ts's steps, search index included)
 *   Hugo           a multilingual Hugo site with the same pages (scripts/bench/peers/hugo/)
 *   Eleventy       the same site in plain Eleventy, as its documentation teaches
 *                  (scripts/bench/peers/eleventy/)
 *   bare Eleventy  the same Markdown texts in one small layout, nothing else: the
 *                  least work Eleventy does for that many files (the floor)
 *
 * scripts/bench/peers/convert.ts writes the peers' content from the generated
 * archive (not timed). The four builds run in rounds; the order rotates each
 * round, so that a drift in the machine's load hits each alike. Every build is
 * measured over its whole process tree until its last process has exited
 * (scripts/bench/process-tree.ts): wall time, CPU time (user + system of every
 * process), peak memory (the largest sum of the processes' resident memory at
 * one moment). The report gives the medians, the ratios this project ÷ Hugo and
 * this project ÷ Eleventy, where the project's time goes, the largest page and
 * how long an edit takes to show in the dev server (`npm start`).
 *
 *   --projects N      archive size (default 2000 projects = 4000 Markdown files)
 *   --rounds K        rounds per size (default 3)
 *   --scaling         500, 2,000 and 8,000 projects: this project and Hugo at every size,
 *                     all four builds at --projects' size (about 9 minutes with --rounds 1).
 *                     `--scaling=20000` adds 20,000 projects, a national archive (40,000
 *                     files), and `--scaling=500,4000` runs exactly the sizes listed
 *   --watch           only the dev-server measurement; --no-watch skips it
 *   --edits E         edits timed in the dev-server measurement (default 3)
 *   --cpu-prof        one more build of this project under `node --cpu-prof`, summarised
 *   --json            print the results as JSON only
 *   --photos-every K  one project in K has a photo (default 50; 0 for none). This project
 *                     encodes them once, in a warm-up build reported apart (cold cache); the
 *                     measured builds find them in the cache, as rebuilds do. The peers copy them.
 *   --seed S          generator seed (default 2012); --keep keeps the temp folder
 *
 * Hugo comes from the system (`apt-get install hugo`) or HUGO=/path/to/hugo; without it,
 * its row is skipped and the report says how to install it.
 *
 * Everything is written under the system's temporary folder: `TMPDIR=/dev/shm npm
 * run bench` measures on a RAM disk, where writing costs next to nothing and what
 * is left is the builds' own work.
 *
 * Targets (reported, not enforced): this project's full build no slower than Hugo
 * (wall time), using no more CPU than the usual Eleventy site and no more memory
 * than Hugo (all processes); a cost per added project that stays flat or falls
 * from 2,000 projects up, and a peak memory no more than Hugo's from 8,000 projects up;
 * in the dev server, a saved text's HTML written within 300 ms and the search
 * index within 2 s; every page
 * < 30 KB including its CSS.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareBareSite } from './bare-eleventy.ts';
import { DEFAULT_PHOTOS_EVERY, DEFAULT_SEED, generateArchive, type GeneratedArchive } from './generate.ts';
import { outputStats, PAGE_BUDGET_BYTES, type OutputStats } from './output-stats.ts';
import { eleventyBuild, findHugo, HUGO_INSTALL, hugoBuild, type Command } from './peers/commands.ts';
import { convertForPeers } from './peers/convert.ts';
import { canMeasureTrees, measureTree, type TreeRun } from './process-tree.ts';
import { summariseProfile, type ProfileSummary } from './profile.ts';
import type { BuildResult, EleventyCounter, Phases, WatchResult } from './run-one.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runOne = path.join(repoRoot, 'scripts/bench/run-one.ts');
// Absolute, so that a child started in another folder still finds tsx.
const tsxLoader = import.meta.resolve('tsx');

const USAGE =
  'npm run bench [-- --projects N] [--rounds K] [--scaling[=SIZES]] [--watch | --no-watch] [--edits E] [--cpu-prof] [--json] [--photos-every K] [--seed S] [--keep]';
const DEFAULT_SCALING = [500, 2000, 8000];
/** npm start: a saved project's text reaches its HTML within this, and search follows within the second. */
const EDIT_TARGET_MS = 300;
const SEARCH_TARGET_MS = 2000;
/** From these sizes up, the peak memory of all processes must be no more than Hugo's on the same site. */
const MEMORY_TARGET_FROM = 8000;
/** From this size up, an added project must cost no more than the ones before (the scaling target). */
const SCALING_TARGET_FROM = 2000;

interface Options {
  projects: number;
  rounds: number;
  /** Sizes of the scaling run; empty without --scaling. */
  scaling: number[];
  watch: 'also' | 'only' | 'no';
  edits: number;
  cpuProf: boolean;
  json: boolean;
  seed: number;
  photosEvery: number;
  keep: boolean;
}

function usageError(message: string): never {
  console.error(`${message}\n\nUsage: ${USAGE}`);
  process.exit(2);
}

function parseOptions(): Options {
  // `--scaling` alone is a switch, `--scaling=SIZES` has a value: parseArgs takes one or the other.
  let scalingGiven: string | undefined;
  const args = process.argv.slice(2).filter((arg) => {
    if (arg !== '--scaling' && !arg.startsWith('--scaling=')) return true;
    scalingGiven = arg.slice('--scaling='.length);
    return false;
  });
  const config = {
    args,
    options: {
      projects: { type: 'string', default: '2000' },
      rounds: { type: 'string', default: '3' },
      watch: { type: 'boolean' },
      'no-watch': { type: 'boolean', default: false },
      edits: { type: 'string', default: '3' },
      'cpu-prof': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'photos-every': { type: 'string', default: String(DEFAULT_PHOTOS_EVERY) },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  } as const;
  let values: ReturnType<typeof parseArgs<typeof config>>['values'];
  try {
    ({ values } = parseArgs(config));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    console.log(`Usage: ${USAGE}`);
    process.exit(0);
  }
  const positive = (name: string, raw: string) => {
    const n = Number(raw.replaceAll('_', ''));
    if (!Number.isInteger(n) || n < 1) usageError(`--${name} must be a positive whole number, not "${raw}".`);
    return n;
  };
  let scaling: number[] = [];
  if (scalingGiven !== undefined) {
    const listed = scalingGiven === '' ? [] : scalingGiven.split(',').map((size) => positive('scaling', size.trim()));
    // One size adds to the usual ones (`--scaling=20000`); several replace them.
    scaling = listed.length > 1 ? listed : [...new Set([...DEFAULT_SCALING, ...listed])];
    scaling.sort((a, b) => a - b);
  }
  return {
    projects: positive('projects', values.projects),
    rounds: positive('rounds', values.rounds),
    scaling,
    watch: values.watch ? 'only' : values['no-watch'] ? 'no' : 'also',
    edits: positive('edits', values.edits),
    cpuProf: values['cpu-prof'],
    json: values.json,
    seed: Number(values.seed),
    photosEvery: values['photos-every'] === '0' ? 0 : positive('photos-every', values['photos-every']),
    keep: values.keep,
  };
}

// ---------------------------------------------------------------------------
// The builds.

type Kind = 'project' | 'hugo' | 'eleventy' | 'bare';
const KINDS: Kind[] = ['project', 'hugo', 'eleventy', 'bare'];
const HUGO_MISSING = `Hugo is not installed, so its row is skipped: ${HUGO_INSTALL}.`;
const LABELS: Record<Kind, string> = {
  project: 'this project',
  hugo: 'Hugo',
  eleventy: 'usual Eleventy',
  bare: 'bare Eleventy',
};

/**
 * Writes out what the previous run left in the kernel's page cache before a
 * run starts: otherwise a build pays for the write-back of the one before it
 * (its output and the removal of it), and which build that is depends on the
 * order, not on the build.
 */
function flushWrites(): void {
  spawnSync('sync');
}

/** Runs one command and measures its process tree; rejects when it fails. */
async function measured({ command, args, cwd }: Command): Promise<TreeRun> {
  flushWrites();
  const run = await measureTree(command, args, { cwd });
  if (run.code !== 0) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} exited with ${run.code}\n${run.stderr.slice(-4000)}${run.stdout.slice(-2000)}`);
  }
  return run;
}

function runOneCommand(args: string[], nodeFlags: string[] = []): Command {
  return { command: process.execPath, args: [...nodeFlags, '--import', tsxLoader, runOne, ...args], cwd: repoRoot };
}

function benchResult<T>(run: TreeRun): T {
  const line = run.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`No BENCH_RESULT line in:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as T;
}

const progress = (message: string) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------
// Statistics.

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface KindSummary {
  runs: number;
  /** Spawn → the last process of the tree exited. */
  wallMs: number;
  /** Spawn → the command itself exited. */
  commandMs: number;
  /** User + system time of every process of the tree. */
  cpuMs: number;
  /** Largest sum of the tree's resident memory at one moment. */
  peakRssKB: number;
  /** Processes that outlived their parent, in any run (0 when the build waits for every process it started). */
  orphans: number;
  /** Each process of the tree by name (median CPU, largest peak): node, esbuild, pagefind… */
  processes: { name: string; count: number; cpuMs: number; peakKB: number }[];
  output: OutputStats;
  all: Omit<TreeRun, 'stdout' | 'stderr'>[];
}

function summarise(runs: TreeRun[], output: OutputStats): KindSummary {
  const of = (pick: (r: TreeRun) => number) => median(runs.map(pick));
  const names = [...new Set(runs.flatMap((r) => r.processes.map((p) => p.name)))];
  return {
    runs: runs.length,
    wallMs: of((r) => r.wallMs),
    commandMs: of((r) => r.commandMs),
    cpuMs: of((r) => r.cpuMs),
    peakRssKB: of((r) => r.peakRssKB),
    orphans: Math.max(...runs.map((r) => r.orphans)),
    processes: names.map((name) => {
      const per = runs.map((r) => r.processes.filter((p) => p.name === name));
      return {
        name,
        count: median(per.map((list) => list.length)),
        cpuMs: median(per.map((list) => list.reduce((sum, p) => sum + p.cpuMs, 0))),
        peakKB: Math.max(...per.flat().map((p) => p.peakKB)),
      };
    }),
    output,
    all: runs.map(({ stdout: _out, stderr: _err, ...rest }) => rest),
  };
}

interface ProjectDetail {
  buildMs: number;
  startupMs: number;
  /** From the end of the build until every process exited: ending Pagefind and esbuild, Node's exit. */
  afterMs: number;
  fileWrites: number;
  written: number;
  phases: Record<keyof Phases, number>;
  /** Eleventy's own counters, median over the runs (those present in every run). */
  eleventy: EleventyCounter[];
  measures: Record<string, number>;
}

/** `results[i]` is what the build of `runs[i]` reported about itself. */
function projectDetail(results: BuildResult[], runs: TreeRun[]): ProjectDetail {
  const of = (pick: (r: BuildResult) => number) => median(results.map(pick));
  const phaseNames = Object.keys(results[0]!.phases) as (keyof Phases)[];
  return {
    buildMs: of((r) => r.buildMs),
    startupMs: of((r) => r.startupMs),
    afterMs: median(results.map((r, i) => runs[i]!.wallMs - r.processMs)),
    fileWrites: of((r) => r.fileWrites),
    written: of((r) => r.written),
    phases: Object.fromEntries(phaseNames.map((name) => [name, of((r) => r.phases[name])])) as Record<keyof Phases, number>,
    eleventy: results[0]!.eleventy
      .map(({ name }) => {
        const found = results.map((r) => r.eleventy.find((c) => c.name === name));
        return found.every(Boolean) ? { name, ms: median(found.map((c) => c!.ms)), calls: median(found.map((c) => c!.calls)) } : undefined;
      })
      .filter((c): c is EleventyCounter => c !== undefined)
      .sort((a, b) => b.ms - a.ms),
    measures: results[0]!.measures,
  };
}

interface SizeResult {
  projects: number;
  markdownFiles: number;
  contentBytes: number;
  photos: number;
  /** The warm-up build that encoded the photos into the empty cache (when there are photos). */
  coldPhotos?: { imagesMs: number; encoded: number; wallMs: number; peakRssKB: number };
  /** The order of the first round; it rotates by one each round. */
  order: Kind[];
  builds: Partial<Record<Kind, KindSummary>>;
  project: ProjectDetail;
}

interface WatchSummary {
  projects: number;
  initialBuildMs: number;
  contentWatchedMs: number;
  edits: WatchResult['edits'];
  medianLatencyMs: number;
  medianDetectMs: number;
  medianRebuildMs: number;
  medianReloadMs: number;
  medianSearchMs: number;
  maxRssKB: number;
}

// ---------------------------------------------------------------------------
// The runs.

interface Prepared {
  archive: GeneratedArchive;
  bareDir: string;
  hugoDir: string;
  eleventyDir: string;
}

async function prepare(root: string, projects: number, options: Options, kinds: Kind[]): Promise<Prepared> {
  progress(`Generating ${projects} projects…`);
  const archive = await generateArchive(root, projects, options.seed, options.photosEvery);
  const bareDir = path.join(root, 'bare');
  if (kinds.includes('bare')) await prepareBareSite(archive.contentDir, bareDir);
  progress('Writing the peer sites (Hugo, Eleventy)…');
  const { hugoDir, eleventyDir } = await convertForPeers(archive.contentDir, root);
  return { archive, bareDir, hugoDir, eleventyDir };
}

async function measureSize(
  root: string,
  projects: number,
  options: Options,
  kinds: Kind[],
  hugo: string | undefined,
): Promise<{ size: SizeResult; prepared: Prepared }> {
  const prepared = await prepare(root, projects, options, kinds);
  const { archive } = prepared;
  const photoCache = path.join(root, 'photo-cache');
  const projectCommand = (out: string) => runOneCommand(['--kind', 'full', '--content', archive.contentDir, '--output', out, '--photo-cache', photoCache]);
  let coldPhotos: SizeResult['coldPhotos'];
  if (archive.photos > 0) {
    const out = path.join(root, 'out-warm-up');
    progress(`  warm-up build of this project: encoding ${archive.photos} photos into an empty cache…`);
    const run = await measured(projectCommand(out));
    const result = benchResult<BuildResult>(run);
    coldPhotos = { imagesMs: result.phases.imagesMs, encoded: result.photos.encoded, wallMs: run.wallMs, peakRssKB: run.peakRssKB };
    progress(`  warm-up: ${fmtMs(run.wallMs)} wall, images ${fmtMs(coldPhotos.imagesMs)}`);
    await rm(out, { recursive: true, force: true });
  }
  const commands: Record<Kind, (out: string) => Command> = {
    project: projectCommand,
    hugo: (out) => hugoBuild(hugo!, prepared.hugoDir, out),
    eleventy: (out) => eleventyBuild(prepared.eleventyDir, out),
    bare: (out) => eleventyBuild(prepared.bareDir, out),
  };
  const runs = new Map<Kind, TreeRun[]>(kinds.map((kind) => [kind, []]));
  const outputs = new Map<Kind, OutputStats>();
  const projectResults: BuildResult[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]!);
    for (const kind of order) {
      const out = path.join(root, `out-${kind}-${round + 1}`);
      const run = await measured(commands[kind](out));
      runs.get(kind)!.push(run);
      if (kind === 'project') projectResults.push(benchResult<BuildResult>(run));
      progress(`  ${LABELS[kind]}, round ${round + 1}: ${fmtMs(run.wallMs)} wall, ${fmtMs(run.cpuMs)} CPU, ${fmtMB(run.peakRssKB)} peak`);
      if (!outputs.has(kind)) outputs.set(kind, await outputStats(out));
      await rm(out, { recursive: true, force: true });
    }
  }
  return {
    prepared,
    size: {
      projects: archive.projects,
      markdownFiles: archive.files,
      contentBytes: archive.bytes,
      photos: archive.photos,
      coldPhotos,
      order: kinds,
      builds: Object.fromEntries(kinds.map((kind) => [kind, summarise(runs.get(kind)!, outputs.get(kind)!)])),
      project: projectDetail(projectResults, runs.get('project')!),
    },
  };
}

async function measureWatch(root: string, archive: GeneratedArchive, edits: number): Promise<WatchSummary> {
  progress(`Dev server (watch mode) on ${archive.projects} projects, ${edits} edits…`);
  const out = path.join(root, 'out-watch');
  const project = `${archive.sample.year}/${archive.sample.slug}`;
  const run = await measured(
    runOneCommand(['--kind', 'watch', '--content', archive.contentDir, '--output', out, '--project', project, '--edits', String(edits)]),
  );
  const result = benchResult<WatchResult>(run);
  await rm(out, { recursive: true, force: true });
  for (const edit of result.edits) progress(`  edit → HTML: ${fmtMs(edit.latencyMs)}`);
  return {
    projects: archive.projects,
    initialBuildMs: result.initialBuildMs,
    contentWatchedMs: result.contentWatchedMs,
    edits: result.edits,
    medianLatencyMs: median(result.edits.map((e) => e.latencyMs)),
    medianDetectMs: median(result.edits.map((e) => e.detectMs)),
    medianRebuildMs: median(result.edits.map((e) => e.rebuildMs)),
    medianReloadMs: median(result.edits.map((e) => e.reloadMs)),
    medianSearchMs: median(result.edits.map((e) => e.searchMs)),
    maxRssKB: result.maxRssKB,
  };
}

async function profileFull(root: string, archive: GeneratedArchive): Promise<ProfileSummary> {
  progress('Profiling one build of this project (--cpu-prof)…');
  const dir = path.join(root, 'cpu-prof');
  const out = path.join(root, 'out-prof');
  await measured(
    runOneCommand(
      ['--kind', 'full', '--content', archive.contentDir, '--output', out, '--photo-cache', path.join(root, 'photo-cache')],
      ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    ),
  );
  await rm(out, { recursive: true, force: true });
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  return summariseProfile(path.join(dir, files[0]!), repoRoot, 15);
}

// ---------------------------------------------------------------------------
// The report.

const nf = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const fmtMs = (ms: number | null | undefined) => (ms === null || ms === undefined || !Number.isFinite(ms) ? '—' : `${nf.format(ms)} ms`);
const fmtMB = (kb: number | undefined) => (kb === undefined || !Number.isFinite(kb) ? '—' : `${(kb / 1024).toFixed(0)} MB`);
const fmtKB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const fmtRatio = (r: number) => (Number.isFinite(r) ? r.toFixed(2) : '—');
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

function table(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (align[c] === 'l' ? pad(cell, widths[c]!) : lpad(cell, widths[c]!)))
        .join('   ')
        .trimEnd(),
    )
    .join('\n');
}

/** Where the output goes: a RAM disk (tmpfs) or a disk, from /proc/mounts. */
function outputMedium(dir: string): string {
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter((fields) => fields.length > 2 && (dir === fields[1] || dir.startsWith(fields[1] === '/' ? '/' : `${fields[1]}/`)))
      .sort((a, b) => b[1]!.length - a[1]!.length);
    const type = mounts[0]?.[2];
    return type === 'tmpfs' || type === 'ramfs' ? `a RAM disk (${type})` : `a disk (${type ?? 'unknown'})`;
  } catch {
    return 'unknown';
  }
}

function reportSize(s: SizeResult, rounds: number): string {
  const b = s.builds;
  const project = b.project!;
  const ratio = (peer: Kind, pick: (k: KindSummary) => number) => (b[peer] ? pick(project) / pick(b[peer]) : NaN);
  const shown = (['project', 'hugo', 'eleventy'] as Kind[]).filter((kind) => b[kind]);
  const peers = (['hugo', 'eleventy'] as Kind[]).filter((kind) => b[kind]);
  const row = (label: string, pick: (k: KindSummary) => number, format: (n: number) => string) => [
    label,
    ...shown.map((kind) => format(pick(b[kind]!))),
    ...peers.map((peer) => fmtRatio(ratio(peer, pick))),
  ];
  const lines: string[] = [
    `${nf.format(s.projects)} projects: ${nf.format(s.markdownFiles)} Markdown files, ${nf.format(s.photos)} photos (${(s.contentBytes / 1e6).toFixed(1)} MB); ` +
      `median of ${rounds} round${rounds > 1 ? 's' : ''}, each build a fresh process; order of the first round: ${s.order.map((k) => LABELS[k]).join(', ')}, rotating by one each round`,
    '',
    table(
      [
        ['', ...shown.map((kind) => LABELS[kind]), ...peers.map((peer) => `project ÷ ${peer === 'hugo' ? 'Hugo' : 'Eleventy'}`)],
        row('wall time (until every process exited)', (k) => k.wallMs, fmtMs),
        row('CPU time (user + system, all processes)', (k) => k.cpuMs, fmtMs),
        row('peak memory (all processes at once)', (k) => k.peakRssKB, fmtMB),
        row(
          'pages written (HTML, no redirects)',
          (k) => k.output.htmlPages,
          (n) => nf.format(n),
        ),
        row(
          'files written',
          (k) => k.output.files,
          (n) => nf.format(n),
        ),
      ],
      ['l', ...shown.map(() => 'r' as const), ...peers.map(() => 'r' as const)],
    ),
  ];
  if (b.bare) {
    lines.push(
      `Eleventy's least work for ${nf.format(s.markdownFiles)} files (bare Eleventy: the same texts, one small layout, no lists, no languages; the floor): ` +
        `${fmtMs(b.bare.wallMs)} wall, ${fmtMs(b.bare.cpuMs)} CPU, ${fmtMB(b.bare.peakRssKB)} peak, ${nf.format(b.bare.output.htmlPages)} pages`,
    );
  }
  if (!b.hugo) lines.push(`Hugo: not measured. ${HUGO_MISSING}`);
  const hugoRedirects = b.hugo?.output.redirects ?? 0;
  if (hugoRedirects > 0) lines.push(`  (Hugo also wrote ${nf.format(hugoRedirects)} redirect pages: page 1 of each list at …/page/1/, and /el/.)`);
  lines.push(
    '  (only this project writes the search page and index, the accessibility statement, 404 pages, the open data, JSON Feeds and the web editor;',
    '   photos: this project encodes each into 9 responsive files, found in its cache after the warm-up; the peers copy the original)',
  );

  const d = s.project;
  lines.push('', 'Where this project\'s build goes (median ms; "render" = Eleventy minus init, file writes and eleventy.after):');
  const phaseRows: [string, keyof Phases][] = [
    ['load and validate (loadArchive)', 'loadMs'],
    ['Eleventy init (config, page list, templates)', 'initMs'],
    ['render (data, pagination, Nunjucks, transforms)', 'renderMs'],
    ['write (fs.writeFileSync + mkdirSync)', 'writeMs'],
    ['swap into the output folder', 'swapMs'],
    ['search index, after the pages (Pagefind writing it)', 'searchIndexMs'],
    ['images (photos from the cache, copied)', 'imagesMs'],
  ];
  const pct = (ms: number) => (Number.isFinite(ms) ? `${((ms / d.buildMs) * 100).toFixed(0)}%` : '');
  lines.push(
    table(
      [
        ['  Node, tsx and imports before the build', fmtMs(d.startupMs), ''],
        ['  the build itself', fmtMs(d.buildMs), '100%'],
        ...phaseRows.map(([label, key]) => [`    ${label}`, fmtMs(d.phases[key]), pct(d.phases[key])]),
        ['  after the build, until every process exited', fmtMs(d.afterMs), ''],
      ],
      ['l', 'r', 'r'],
    ),
    `  writing: ${(d.phases.writeMs / d.fileWrites).toFixed(2)} ms per file for ${nf.format(d.fileWrites)} files`,
    `  processes (median CPU, peak memory): ${project.processes.map((p) => `${p.count > 1 ? `${p.count}× ` : ''}${p.name} ${fmtMs(p.cpuMs)}, ${fmtMB(p.peakKB)}`).join('; ')}` +
      (project.orphans > 0 ? `; ${project.orphans} outlived the build (counted as sampled)` : ''),
  );
  if (s.coldPhotos) {
    lines.push(
      `  images with an empty photo cache (warm-up build, not in the medians): ${fmtMs(s.coldPhotos.imagesMs)} for ` +
        `${nf.format(s.coldPhotos.encoded)} photos encoded; that build took ${fmtMs(s.coldPhotos.wallMs)} wall, ${fmtMB(s.coldPhotos.peakRssKB)} peak`,
    );
  }
  const measures = Object.entries(d.measures);
  if (measures.length) {
    lines.push('', 'Measured by the build itself (performance.measure, first round):', ...measures.map(([name, ms]) => `  ${lpad(fmtMs(ms), 9)}  ${name}`));
  }
  lines.push(
    '',
    "Eleventy's own counters in this project's build (they nest: filters run inside Render; top 12):",
    ...d.eleventy.slice(0, 12).map((c) => `  ${lpad(fmtMs(c.ms), 9)}  ${lpad(nf.format(c.calls), 7)}×  ${c.name}`),
  );
  const largest = project.output.largestPage;
  if (largest) {
    lines.push(
      '',
      `Largest page: /${largest.file} ${fmtKB(largest.htmlBytes)} + ${fmtKB(largest.cssBytes)} CSS = ${fmtKB(largest.totalBytes)} ` +
        `(budget ${fmtKB(PAGE_BUDGET_BYTES)}); ${nf.format(project.output.pagesOverBudget)} of ${nf.format(project.output.htmlPages)} pages over budget.`,
      `  next: ${project.output.largest
        .slice(1)
        .map((p) => `/${p.file} ${fmtKB(p.totalBytes)}`)
        .join(', ')}`,
      `  output: ${nf.format(project.output.files)} files, ${(project.output.totalBytes / 1e6).toFixed(1)} MB; images: ${project.output.images}; search index files: ${project.output.searchIndexFiles}`,
    );
  }
  return lines.join('\n');
}

function reportWatch(w: WatchSummary): string {
  return [
    `Dev server (.eleventy.ts configuration in watch mode, as \`npm start\`; only the content folder watched), ${nf.format(w.projects)} projects:`,
    `  first build ${fmtMs(w.initialBuildMs)}; then ${fmtMs(w.contentWatchedMs)} more until chokidar watches every content folder ` +
      `(an edit saved meanwhile is rebuilt then); peak memory ${fmtMB(w.maxRssKB)}`,
    `  edit one project's index.el.md → its HTML changed on disk: median ${fmtMs(w.medianLatencyMs)} over ${w.edits.length} edits ` +
      `(${w.edits.map((e) => nf.format(e.latencyMs)).join(', ')} ms)`,
    `    save → rebuild starts ${fmtMs(w.medianDetectMs)} (chokidar waits 50 ms for the write to settle); ` +
      `rebuild incl. eleventy.after handlers ${fmtMs(w.medianRebuildMs)}`,
    `    save → rebuild finished, when the dev server reloads the browser: median ${fmtMs(w.medianReloadMs)}`,
    `  save → search index written again (in the background, from the written site): median ${fmtMs(w.medianSearchMs)} ` +
      `(${w.edits.map((e) => nf.format(e.searchMs)).join(', ')} ms)`,
  ].join('\n');
}

function reportProfile(p: ProfileSummary): string {
  return [
    `CPU profile of one build of this project (${fmtMs(p.totalMs)} profiled, process start to exit):`,
    '  self time by area:',
    ...p.areas.map((a) => `    ${lpad(fmtMs(a.selfMs), 9)}  ${a.area}`),
    '  self time by function:',
    ...p.functions.map((f) => `    ${lpad(fmtMs(f.selfMs), 9)}  ${f.name}  ${f.where}`),
    '  our own code, total time including what it calls:',
    ...p.ownCode.map((f) => `    ${lpad(fmtMs(f.totalMs), 9)}  ${f.name}  ${f.where}`),
  ].join('\n');
}

/** ms per project added between each size and the one before it. */
function marginal(sizes: SizeResult[], kind: Kind, pick: (k: KindSummary) => number): { from: number; to: number; ms: number }[] {
  return sizes.slice(1).map((s, i) => {
    const before = sizes[i]!;
    return { from: before.projects, to: s.projects, ms: (pick(s.builds[kind]!) - pick(before.builds[kind]!)) / (s.projects - before.projects) };
  });
}

/**
 * The cost per added project is flat or falling from SCALING_TARGET_FROM up when every
 * step that starts there or above costs no more per project than the step before it
 * (within 10%, for the noise of a shared machine). undefined: not enough sizes to tell.
 */
function flatOrFalling(steps: { from: number; ms: number }[]): boolean | undefined {
  const judged = steps.map((step, i) => ({ step, before: steps[i - 1] })).filter(({ step, before }) => step.from >= SCALING_TARGET_FROM && before);
  if (judged.length === 0) return undefined;
  return judged.every(({ step, before }) => step.ms <= before!.ms * 1.1);
}

function reportScaling(sizes: SizeResult[]): string {
  const withHugo = sizes.every((s) => s.builds.hugo);
  const kinds: Kind[] = withHugo ? ['project', 'hugo'] : ['project'];
  const header = ['projects', ...kinds.flatMap((k) => [`${LABELS[k]} wall`, 'CPU', 'peak', 'ms/project', 'ms/added'])];
  if (withHugo) header.push('wall ÷ Hugo', 'CPU ÷ Hugo', 'memory ÷ Hugo');
  const added = new Map(kinds.map((kind) => [kind, marginal(sizes, kind, (k) => k.wallMs)]));
  const rows = sizes.map((s, i) => {
    const cells = [nf.format(s.projects)];
    for (const kind of kinds) {
      const k = s.builds[kind]!;
      cells.push(
        fmtMs(k.wallMs),
        fmtMs(k.cpuMs),
        fmtMB(k.peakRssKB),
        (k.wallMs / s.projects).toFixed(2),
        i === 0 ? '' : added.get(kind)![i - 1]!.ms.toFixed(2),
      );
    }
    if (withHugo) {
      const p = s.builds.project!;
      const h = s.builds.hugo!;
      cells.push(fmtRatio(p.wallMs / h.wallMs), fmtRatio(p.cpuMs / h.cpuMs), fmtRatio(p.peakRssKB / h.peakRssKB));
    }
    return cells;
  });
  return [
    'Scaling (medians; wall time and CPU of all processes, peak memory of all processes at once):',
    table(
      [header, ...rows],
      header.map((_, i) => (i === 0 ? 'r' : 'r')),
    ),
    '  (ms/project = wall ÷ projects, start-up included; ms/added = the extra wall time per project added since the size before)',
    ...(withHugo ? [] : [`  Hugo: not measured. ${HUGO_MISSING}`]),
  ].join('\n');
}

function reportTargets(main: SizeResult | undefined, watch: WatchSummary | undefined, scaling: SizeResult[]): string {
  const yes = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : 'NOT met');
  const lines = ['Targets (reported, not enforced):'];
  const project = main?.builds.project;
  if (main && project) {
    const { hugo, eleventy } = main.builds;
    const at = `at ${nf.format(main.projects)} projects`;
    lines.push(
      hugo
        ? `  full build wall time ≤ Hugo's (${at}): ${fmtMs(project.wallMs)} vs ${fmtMs(hugo.wallMs)}, ratio ${fmtRatio(project.wallMs / hugo.wallMs)} — ${yes(project.wallMs <= hugo.wallMs)}`
        : `  full build wall time ≤ Hugo's: not measured (no Hugo)`,
      eleventy
        ? `  CPU time ≤ the usual Eleventy site's (${at}): ${fmtMs(project.cpuMs)} vs ${fmtMs(eleventy.cpuMs)}, ratio ${fmtRatio(project.cpuMs / eleventy.cpuMs)} — ${yes(project.cpuMs <= eleventy.cpuMs)}`
        : `  CPU time ≤ the usual Eleventy site's: not measured`,
      hugo
        ? `  peak memory, all processes, ≤ Hugo's (${at}): ${fmtMB(project.peakRssKB)} vs ${fmtMB(hugo.peakRssKB)}, ratio ${fmtRatio(project.peakRssKB / hugo.peakRssKB)} — ${yes(project.peakRssKB <= hugo.peakRssKB)}`
        : `  peak memory ≤ Hugo's: not measured (no Hugo)`,
    );
  }
  const wall = marginal(scaling, 'project', (k) => k.wallMs);
  const cpu = marginal(scaling, 'project', (k) => k.cpuMs);
  const steps = (list: { from: number; to: number; ms: number }[]) => list.map((s) => `${nf.format(s.from)}→${nf.format(s.to)}: ${s.ms.toFixed(2)}`).join(', ');
  const flatWall = flatOrFalling(wall);
  const flatCpu = flatOrFalling(cpu);
  lines.push(
    flatWall === undefined
      ? `  cost per added project flat or falling from ${nf.format(SCALING_TARGET_FROM)} projects up: not measured ` +
          (scaling.length > 1 ? `(needs --scaling sizes from ${nf.format(SCALING_TARGET_FROM)} up)` : '(run with --scaling)')
      : `  cost per added project flat or falling from ${nf.format(SCALING_TARGET_FROM)} projects up (ms per added project; within 10%): ` +
          `wall ${steps(wall)} — ${yes(flatWall)}; CPU ${steps(cpu)} — ${yes(flatCpu)}`,
  );
  const large = scaling.filter((s) => s.projects >= MEMORY_TARGET_FROM && s.builds.project && s.builds.hugo);
  for (const s of large) {
    const ours = s.builds.project!.peakRssKB;
    const hugo = s.builds.hugo!.peakRssKB;
    lines.push(
      `  peak memory, all processes, ≤ Hugo's at ${nf.format(s.projects)} projects: ${fmtMB(ours)} vs ${fmtMB(hugo)}, ratio ${fmtRatio(ours / hugo)} — ${yes(ours <= hugo)}`,
    );
  }
  if (project?.output.largestPage) {
    lines.push(`  every page < 30 KB incl. CSS: largest ${fmtKB(project.output.largestPage.totalBytes)} — ${yes(project.output.pagesOverBudget === 0)}`);
  }
  if (watch) {
    lines.push(
      `  npm start: a saved text's HTML written < ${fmtMs(EDIT_TARGET_MS)}: ${fmtMs(watch.medianLatencyMs)} — ${yes(watch.medianLatencyMs < EDIT_TARGET_MS)}`,
      `  npm start: search updated < ${fmtMs(SEARCH_TARGET_MS)} after a save: ${fmtMs(watch.medianSearchMs)} — ${yes(watch.medianSearchMs < SEARCH_TARGET_MS)}`,
    );
  }
  return lines.join('\n');
}

/**
 * The archive's loader reads every file at once; where the limit on open files is below
 * their number (two per project), a large size fails with EMFILE. Says so, with the limit.
 */
function tooManyFiles(message: string): string {
  if (!message.includes('EMFILE')) return '';
  const limit = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? '?';
  return ` (the archive's loader opens all the Markdown files at once, and this system allows a process ${limit} open files: see \`ulimit -n\`)`;
}

// ---------------------------------------------------------------------------

if (!canMeasureTrees()) {
  console.error('The benchmark measures each build through /proc (Linux): this system has none.');
  process.exit(1);
}
const started = performance.now();
const options = parseOptions();
const sizes = options.scaling.length > 0 ? [...new Set([...options.scaling])] : [options.projects];
const mainSize = sizes.includes(options.projects) ? options.projects : sizes[0]!;
const hugo = findHugo();
if (!hugo) progress(HUGO_MISSING);
/** All four builds at the main size; this project and Hugo at the other sizes of a scaling run. */
const kindsAt = (projects: number): Kind[] =>
  (projects === mainSize ? KINDS : (['project', 'hugo'] as Kind[])).filter((kind) => kind !== 'hugo' || hugo !== undefined);
const environment = {
  node: process.version,
  hugo: hugo?.version ?? null,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? '',
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  output: outputMedium(os.tmpdir()),
  tmpdir: os.tmpdir(),
  loadAverageAtStart: os.loadavg()[0]!,
  loadAverageAtEnd: NaN,
  minutes: NaN,
};

const results: SizeResult[] = [];
const failures: { projects: number; error: string }[] = [];
let watch: WatchSummary | undefined;
let profile: ProfileSummary | undefined;
const roots: string[] = [];
try {
  for (const projects of sizes) {
    const root = await mkdtemp(path.join(os.tmpdir(), `etwinning-bench-${projects}-`));
    roots.push(root);
    if (options.watch === 'only') {
      const archive = await generateArchive(root, projects, options.seed, options.photosEvery);
      watch = await measureWatch(root, archive, options.edits);
      break;
    }
    progress(`— ${projects} projects —`);
    let measuredSize: Awaited<ReturnType<typeof measureSize>>;
    try {
      measuredSize = await measureSize(root, projects, options, kindsAt(projects), hugo?.binary);
    } catch (error) {
      // E.g. out of memory at 20,000 projects: report it and go on with the other sizes.
      const message = (error as Error).message;
      progress(message);
      failures.push({
        projects,
        error:
          (message
            .split('\n')
            .filter((l) => /error|heap|memory|exited|EMFILE/i.test(l))
            .slice(0, 3)
            .join(' | ') || message.slice(0, 300)) + tooManyFiles(message),
      });
      continue;
    }
    const { size, prepared } = measuredSize;
    results.push(size);
    const attempt = async <T>(what: string, run: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await run();
      } catch (error) {
        progress((error as Error).message);
        failures.push({ projects, error: `${what}: ${(error as Error).message.split('\n')[0]}` });
        return undefined;
      }
    };
    if (projects === mainSize && options.watch === 'also') watch = await attempt('dev server', () => measureWatch(root, prepared.archive, options.edits));
    if (projects === mainSize && options.cpuProf) profile = await attempt('profile', () => profileFull(root, prepared.archive));
    if (!options.keep) await rm(root, { recursive: true, force: true });
  }
} finally {
  if (!options.keep) for (const root of roots) await rm(root, { recursive: true, force: true });
  else progress(`Kept: ${roots.join(', ')}`);
}
environment.loadAverageAtEnd = os.loadavg()[0]!;
environment.minutes = (performance.now() - started) / 60_000;

if (options.json) {
  console.log(JSON.stringify({ options, environment, sizes: results, failures, watch, profile }, null, 2));
} else {
  const out: string[] = [
    '',
    `eTwinning archive benchmark — Node ${environment.node}, Hugo ${environment.hugo ?? '(none)'}, ${environment.cpus} CPUs (${environment.cpuModel}), ` +
      `${environment.memoryGB} GB; output on ${environment.output} (${environment.tmpdir}); ` +
      `load average ${environment.loadAverageAtStart.toFixed(1)} at start, ${environment.loadAverageAtEnd.toFixed(1)} at end; ${environment.minutes.toFixed(1)} minutes`,
  ];
  const main = results.find((s) => s.projects === mainSize) ?? results[0];
  if (main) out.push('', reportSize(main, options.rounds));
  for (const f of failures) out.push('', `${nf.format(f.projects)} projects: FAILED — ${f.error}`);
  if (results.length > 1) out.push('', reportScaling(results));
  if (watch) out.push('', reportWatch(watch));
  if (profile) out.push('', reportProfile(profile));
  out.push('', reportTargets(main, watch, results), '');
  console.log(out.join('\n'));
}
