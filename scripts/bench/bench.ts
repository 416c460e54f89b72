/**
 * `npm run bench [-- --projects N --rounds K --scaling --watch --no-watch --edits E --cpu-prof --json --seed S --keep]`
 *
 * Generates a synthetic archive (scripts/bench/generate.ts), builds it with the
 * real build, and builds the same Markdown texts with a bare Eleventy
 * (scripts/bench/bare-eleventy.ts). Each build runs in a fresh process
 * (scripts/bench/run-one.ts), full and bare alternating, K rounds; the report
 * gives medians of wall time, CPU time, peak memory (max RSS), pages written,
 * the ratio full ÷ bare, where the full build's time goes, the largest page,
 * and how long an edit takes to show in the dev server (`npm start`).
 *
 *   --projects N   archive size (default 2000 projects = 4000 Markdown files)
 *   --rounds K     full/bare pairs per size (default 3)
 *   --scaling      run 500, 2000 and 8000 projects and report ms per project
 *   --watch        only the dev-server measurement; --no-watch skips it
 *   --edits E      edits timed in the dev-server measurement (default 3)
 *   --cpu-prof     one more full build under `node --cpu-prof`, summarised
 *   --json         print the results as JSON only
 *   --photos-every K  one project in K has a photo (default 50; 0 for none). The photos
 *                  are encoded once, by a warm-up build that is reported apart (cold
 *                  cache); the measured builds find them in the cache, as rebuilds do
 *   --seed S       generator seed (default 2012); --keep keeps the temp folder
 *
 * Everything is written under the system's temporary folder: `TMPDIR=/dev/shm npm
 * run bench` measures on a RAM disk, where writing costs next to nothing and what
 * is left is the builds' own work.
 *
 * Targets (reported, not enforced): full build, its search index apart, faster
 * and smaller in memory than bare Eleventy on the same files; a cost that grows
 * at most linearly (each added project costs no more than the ones before); an
 * edit visible in < 1 s in the dev server at 2000 projects; every page < 30 KB
 * including its CSS.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareBareSite } from './bare-eleventy.ts';
import { DEFAULT_PHOTOS_EVERY, DEFAULT_SEED, generateArchive, type GeneratedArchive } from './generate.ts';
import { outputStats, PAGE_BUDGET_BYTES, type OutputStats } from './output-stats.ts';
import { summariseProfile, type ProfileSummary } from './profile.ts';
import type { BuildResult, EleventyCounter, Phases, WatchResult } from './run-one.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runOne = path.join(repoRoot, 'scripts/bench/run-one.ts');
// Absolute, so that a child started in another folder (the bare build's) still finds tsx.
const tsxLoader = import.meta.resolve('tsx');

const USAGE =
  'npm run bench [-- --projects N] [--rounds K] [--scaling] [--watch | --no-watch] [--edits E] [--cpu-prof] [--json] [--photos-every K] [--seed S] [--keep]';

interface Options {
  projects: number;
  rounds: number;
  scaling: boolean;
  watch: 'also' | 'only' | 'no';
  edits: number;
  cpuProf: boolean;
  json: boolean;
  seed: number;
  photosEvery: number;
  keep: boolean;
}

function parseOptions(): Options {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        projects: { type: 'string', default: '2000' },
        rounds: { type: 'string', default: '3' },
        scaling: { type: 'boolean', default: false },
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
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\nUsage: ${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(`Usage: ${USAGE}`);
    process.exit(0);
  }
  const positive = (name: string, raw: string) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) {
      console.error(`--${name} must be a positive whole number, not "${raw}".\n\nUsage: ${USAGE}`);
      process.exit(2);
    }
    return n;
  };
  return {
    projects: positive('projects', values.projects),
    rounds: positive('rounds', values.rounds),
    scaling: values.scaling,
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
// Children.

interface ChildRun<T> {
  result: T;
  /** Spawn → exit, as seen from here: what a user waits for. */
  wallMs: number;
}

/**
 * Writes out what the previous run left in the kernel's page cache before a
 * run starts: otherwise a build pays for the write-back of the one before it
 * (its output and the removal of it), and which build that is depends on the
 * order, not on the build.
 */
function flushWrites(): void {
  if (process.platform !== 'win32') spawnSync('sync');
}

function child<T>(args: string[], cwd: string, nodeFlags: string[] = []): Promise<ChildRun<T>> {
  flushWrites();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(process.execPath, [...nodeFlags, '--import', tsxLoader, runOne, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const wallMs = performance.now() - started;
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) {
        reject(new Error(`run-one ${args.join(' ')} exited with ${code}\n${stderr.slice(-4000)}${stdout.slice(-2000)}`));
        return;
      }
      resolve({ result: JSON.parse(line.slice('BENCH_RESULT '.length)) as T, wallMs });
    });
  });
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

interface BuildSummary {
  runs: number;
  wallMs: number;
  /** Wall time minus the search index, which the targets report separately. */
  wallWithoutSearchMs: number;
  buildMs: number;
  startupMs: number;
  cpuMs: number;
  childCpuMs: number;
  childMaxRssKB: number;
  maxRssKB: number;
  written: number;
  /** Files written through fs.writeFileSync (Eleventy's pages and data files). */
  fileWrites: number;
  phases: Record<keyof Phases, number | null>;
  /** Eleventy's own counters, median over the runs (those present in every run). */
  eleventy: EleventyCounter[];
  /** Every run, for --json. */
  all: (BuildResult & { wallMs: number })[];
}

function summarise(runs: ChildRun<BuildResult>[]): BuildSummary {
  const of = (pick: (r: ChildRun<BuildResult>) => number) => median(runs.map(pick));
  const phaseNames = Object.keys(runs[0]!.result.phases) as (keyof Phases)[];
  return {
    runs: runs.length,
    wallMs: of((r) => r.wallMs),
    wallWithoutSearchMs: of((r) => r.wallMs - (r.result.phases.searchIndexMs ?? 0)),
    buildMs: of((r) => r.result.buildMs),
    startupMs: of((r) => r.result.startupMs),
    cpuMs: of((r) => r.result.cpuMs),
    childCpuMs: of((r) => r.result.childCpuMs),
    childMaxRssKB: of((r) => r.result.childMaxRssKB),
    maxRssKB: of((r) => r.result.maxRssKB),
    written: of((r) => r.result.written),
    fileWrites: of((r) => r.result.fileWrites),
    phases: Object.fromEntries(
      phaseNames.map((name) => [name, runs[0]!.result.phases[name] === null ? null : of((r) => r.result.phases[name] ?? NaN)]),
    ) as Record<keyof Phases, number | null>,
    eleventy: runs[0]!.result.eleventy
      .map(({ name }) => {
        const found = runs.map((r) => r.result.eleventy.find((c) => c.name === name));
        return found.every(Boolean) ? { name, ms: median(found.map((c) => c!.ms)), calls: median(found.map((c) => c!.calls)) } : undefined;
      })
      .filter((c): c is EleventyCounter => c !== undefined)
      .sort((a, b) => b.ms - a.ms),
    all: runs.map((r) => ({ ...r.result, wallMs: r.wallMs })),
  };
}

interface SizeResult {
  projects: number;
  markdownFiles: number;
  contentBytes: number;
  photos: number;
  /** The warm-up build that encoded the photos into the empty cache (when there are photos). */
  coldPhotos?: { imagesMs: number; encoded: number; wallMs: number; maxRssKB: number };
  full: BuildSummary;
  bare: BuildSummary;
  ratio: { wall: number; withoutSearch: number; build: number; cpu: number; memory: number };
  msPerProject: { fullWall: number; fullBuild: number; bareWallPerTwoFiles: number };
  fullOutput: OutputStats;
  bareOutput: OutputStats;
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
  maxRssKB: number;
}

// ---------------------------------------------------------------------------
// The runs.

async function prepare(root: string, projects: number, options: Options): Promise<{ archive: GeneratedArchive; bareDir: string }> {
  progress(`Generating ${projects} projects…`);
  const archive = await generateArchive(root, projects, options.seed, options.photosEvery);
  const bareDir = path.join(root, 'bare');
  await prepareBareSite(archive.contentDir, bareDir);
  return { archive, bareDir };
}

async function measureSize(root: string, projects: number, options: Options): Promise<{ size: SizeResult; archive: GeneratedArchive }> {
  const { archive, bareDir } = await prepare(root, projects, options);
  const photoCache = path.join(root, 'photo-cache');
  let coldPhotos: SizeResult['coldPhotos'];
  if (archive.photos > 0) {
    const out = path.join(root, 'out-warm-up');
    progress(`  warm-up full build: encoding ${archive.photos} photos into an empty cache…`);
    const { result, wallMs } = await child<BuildResult>(
      ['--kind', 'full', '--content', archive.contentDir, '--output', out, '--photo-cache', photoCache],
      repoRoot,
    );
    coldPhotos = { imagesMs: result.phases.imagesMs ?? NaN, encoded: result.photos?.encoded ?? 0, wallMs, maxRssKB: result.maxRssKB };
    progress(`  warm-up: ${fmtMs(wallMs)} wall, images ${fmtMs(coldPhotos.imagesMs)}`);
    await rm(out, { recursive: true, force: true });
  }
  const full: ChildRun<BuildResult>[] = [];
  const bare: ChildRun<BuildResult>[] = [];
  let fullOutput: OutputStats | undefined;
  let bareOutput: OutputStats | undefined;
  const runFull = async (round: number) => {
    const out = path.join(root, `out-full-${round}`);
    const run = await child<BuildResult>(['--kind', 'full', '--content', archive.contentDir, '--output', out, '--photo-cache', photoCache], repoRoot);
    full.push(run);
    progress(`  full build, round ${round}: ${fmtMs(run.wallMs)} wall, ${fmtMB(run.result.maxRssKB)} peak`);
    fullOutput ??= await outputStats(out);
    await rm(out, { recursive: true, force: true });
  };
  const runBare = async (round: number) => {
    const out = path.join(root, `out-bare-${round}`);
    const run = await child<BuildResult>(['--kind', 'bare', '--input', bareDir, '--output', out], bareDir);
    bare.push(run);
    progress(`  bare Eleventy, round ${round}: ${fmtMs(run.wallMs)} wall, ${fmtMB(run.result.maxRssKB)} peak`);
    bareOutput ??= await outputStats(out);
    await rm(out, { recursive: true, force: true });
  };
  for (let round = 1; round <= options.rounds; round++) {
    // Alternate which goes first, so a drift in the machine's load hits both alike.
    if (round % 2) {
      await runFull(round);
      await runBare(round);
    } else {
      await runBare(round);
      await runFull(round);
    }
  }
  const f = summarise(full);
  const b = summarise(bare);
  return {
    archive,
    size: {
      projects: archive.projects,
      markdownFiles: archive.files,
      contentBytes: archive.bytes,
      photos: archive.photos,
      coldPhotos,
      full: f,
      bare: b,
      ratio: { wall: f.wallMs / b.wallMs, withoutSearch: f.wallWithoutSearchMs / b.wallMs, build: f.buildMs / b.buildMs, cpu: f.cpuMs / b.cpuMs, memory: f.maxRssKB / b.maxRssKB },
      msPerProject: { fullWall: f.wallMs / projects, fullBuild: f.buildMs / projects, bareWallPerTwoFiles: b.wallMs / projects },
      fullOutput: fullOutput!,
      bareOutput: bareOutput!,
    },
  };
}

async function measureWatch(root: string, archive: GeneratedArchive, edits: number): Promise<WatchSummary> {
  progress(`Dev server (watch mode) on ${archive.projects} projects, ${edits} edits…`);
  const out = path.join(root, 'out-watch');
  const project = `${archive.sample.year}/${archive.sample.slug}`;
  const { result } = await child<WatchResult>(
    ['--kind', 'watch', '--content', archive.contentDir, '--output', out, '--project', project, '--edits', String(edits)],
    repoRoot,
  );
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
    maxRssKB: result.maxRssKB,
  };
}

async function profileFull(root: string, archive: GeneratedArchive): Promise<ProfileSummary> {
  progress('Profiling one full build (--cpu-prof)…');
  const dir = path.join(root, 'cpu-prof');
  const out = path.join(root, 'out-prof');
  await child<BuildResult>(
    ['--kind', 'full', '--content', archive.contentDir, '--output', out, '--photo-cache', path.join(root, 'photo-cache')],
    repoRoot,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  );
  await rm(out, { recursive: true, force: true });
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  return summariseProfile(path.join(dir, files[0]!), repoRoot, 15);
}

// ---------------------------------------------------------------------------
// The report.

const nf = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const fmtMs = (ms: number | null) => (ms === null || !Number.isFinite(ms) ? '—' : `${nf.format(ms)} ms`);
const fmtMB = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const fmtKB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const fmtRatio = (r: number) => (Number.isFinite(r) ? r.toFixed(2) : '—');
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

function table(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (align[c] === 'l' ? pad(cell, widths[c]!) : lpad(cell, widths[c]!))).join('   ').trimEnd()).join('\n');
}

function reportSize(s: SizeResult, rounds: number): string {
  const lines: string[] = [];
  lines.push(
    `${nf.format(s.projects)} projects: ${nf.format(s.markdownFiles)} Markdown files, ${nf.format(s.photos)} photos (${(s.contentBytes / 1e6).toFixed(1)} MB), ` +
      `median of ${rounds} round${rounds > 1 ? 's' : ''}, each build in a fresh process`,
    '',
    table(
      [
        ['', 'full build', 'bare Eleventy', 'full ÷ bare'],
        ['wall time (spawn → exit)', fmtMs(s.full.wallMs), fmtMs(s.bare.wallMs), fmtRatio(s.ratio.wall)],
        ['  without the search index (the target)', fmtMs(s.full.wallWithoutSearchMs), fmtMs(s.bare.wallMs), fmtRatio(s.ratio.withoutSearch)],
        ['  of which the build itself', fmtMs(s.full.buildMs), fmtMs(s.bare.buildMs), fmtRatio(s.ratio.build)],
        ['  of which Node, tsx, imports', fmtMs(s.full.startupMs), fmtMs(s.bare.startupMs), fmtRatio(s.full.startupMs / s.bare.startupMs)],
        ['CPU time (user + system)', fmtMs(s.full.cpuMs), fmtMs(s.bare.cpuMs), fmtRatio(s.ratio.cpu)],
        ['  of which child processes (Pagefind)', fmtMs(s.full.childCpuMs), fmtMs(s.bare.childCpuMs), ''],
        ['peak memory (max RSS of Node)', fmtMB(s.full.maxRssKB), fmtMB(s.bare.maxRssKB), fmtRatio(s.ratio.memory)],
        ['  peak of a child process (Pagefind)', fmtMB(s.full.childMaxRssKB), fmtMB(s.bare.childMaxRssKB), ''],
        ['files written', nf.format(s.full.written), nf.format(s.bare.written), ''],
        ['HTML pages', nf.format(s.fullOutput.htmlPages), nf.format(s.bareOutput.htmlPages), ''],
        ['ms per project (wall)', s.msPerProject.fullWall.toFixed(2), s.msPerProject.bareWallPerTwoFiles.toFixed(2), ''],
      ],
      ['l', 'r', 'r', 'r'],
    ),
    '',
    'Where the time goes (median ms; "render" = Eleventy minus init, file writes and eleventy.after):',
  );
  const phaseRows: [string, keyof Phases][] = [
    ['load and validate (loadArchive)', 'loadMs'],
    ['Eleventy init (config, page list, templates)', 'initMs'],
    ['render (data, pagination, Nunjucks, transforms)', 'renderMs'],
    ['write (fs.writeFileSync + mkdirSync)', 'writeMs'],
    ['swap into the output folder', 'swapMs'],
    ['search index (eleventy.after: Pagefind)', 'searchIndexMs'],
    ['images (photos from the cache, copied)', 'imagesMs'],
  ];
  const pct = (ms: number | null, total: number) => (ms === null || !Number.isFinite(ms) ? '' : `${((ms / total) * 100).toFixed(0)}%`);
  lines.push(
    table(
      [
        ['phase', 'full', '', 'bare', ''],
        ...phaseRows.map(([label, key]) => {
          const f = s.full.phases[key];
          const b = s.bare.phases[key];
          return [`  ${label}`, fmtMs(f), pct(f, s.full.buildMs), fmtMs(b), pct(b, s.bare.buildMs)];
        }),
      ],
      ['l', 'r', 'r', 'r', 'r'],
    ),
  );
  // Writing costs per file, whatever builds it: what is left of the build without it says what the rest costs.
  const perFile = (b: BuildSummary) => (b.phases.writeMs ?? NaN) / b.fileWrites;
  const withoutWrites = (b: BuildSummary) => b.buildMs - (b.phases.writeMs ?? 0) - (b.phases.searchIndexMs ?? 0);
  lines.push(
    `  writing: ${perFile(s.full).toFixed(2)} ms per file for ${nf.format(s.full.fileWrites)} files (full), ` +
      `${perFile(s.bare).toFixed(2)} ms per file for ${nf.format(s.bare.fileWrites)} files (bare)`,
    `  the build without writing and search index: ${fmtMs(withoutWrites(s.full))} (full) vs ${fmtMs(withoutWrites(s.bare))} (bare), ` +
      `ratio ${fmtRatio(withoutWrites(s.full) / withoutWrites(s.bare))}`,
  );
  if (s.coldPhotos) {
    lines.push(
      `  images with an empty photo cache (warm-up build, not in the medians): ${fmtMs(s.coldPhotos.imagesMs)} for ` +
        `${nf.format(s.coldPhotos.encoded)} photos encoded; that build took ${fmtMs(s.coldPhotos.wallMs)} wall, ${fmtMB(s.coldPhotos.maxRssKB)} peak`,
    );
  }
  const measures = Object.entries(s.full.all[0]?.measures ?? {});
  if (measures.length) {
    lines.push('', 'Measured by the build itself (performance.measure, first round):', ...measures.map(([name, ms]) => `  ${lpad(fmtMs(ms), 9)}  ${name}`));
  }
  lines.push(
    '',
    "Eleventy's own counters in the full build (they nest: filters run inside Render; top 12):",
    ...s.full.eleventy.slice(0, 12).map((c) => `  ${lpad(fmtMs(c.ms), 9)}  ${lpad(nf.format(c.calls), 7)}×  ${c.name}`),
  );
  const largest = s.fullOutput.largestPage;
  if (largest) {
    lines.push(
      '',
      `Largest page: /${largest.file} ${fmtKB(largest.htmlBytes)} + ${fmtKB(largest.cssBytes)} CSS = ${fmtKB(largest.totalBytes)} ` +
        `(budget ${fmtKB(PAGE_BUDGET_BYTES)}); ${nf.format(s.fullOutput.pagesOverBudget)} of ${nf.format(s.fullOutput.htmlPages)} pages over budget.`,
      `  next: ${s.fullOutput.largest.slice(1).map((p) => `/${p.file} ${fmtKB(p.totalBytes)}`).join(', ')}`,
      `  output: ${nf.format(s.fullOutput.files)} files, ${(s.fullOutput.totalBytes / 1e6).toFixed(1)} MB; images: ${s.fullOutput.images}; search index files: ${s.fullOutput.searchIndexFiles}`,
    );
  }
  return lines.join('\n');
}

function reportWatch(w: WatchSummary): string {
  return [
    `Dev server (.eleventy.ts configuration in watch mode, as \`npm start\`; only the content folder watched), ${nf.format(w.projects)} projects:`,
    `  first build ${fmtMs(w.initialBuildMs)}; then ${fmtMs(w.contentWatchedMs)} more until chokidar watches the content folders ` +
      `(an edit saved before is never seen); peak memory ${fmtMB(w.maxRssKB)}`,
    `  edit one project's index.el.md → its HTML changed on disk: median ${fmtMs(w.medianLatencyMs)} over ${w.edits.length} edits ` +
      `(${w.edits.map((e) => nf.format(e.latencyMs)).join(', ')} ms)`,
    `    save → rebuild starts ${fmtMs(w.medianDetectMs)} (chokidar waits 50 ms for the write to settle); ` +
      `rebuild incl. eleventy.after handlers ${fmtMs(w.medianRebuildMs)}`,
    `    save → rebuild finished, when the dev server reloads the browser: median ${fmtMs(w.medianReloadMs)}`,
  ].join('\n');
}

function reportProfile(p: ProfileSummary): string {
  return [
    `CPU profile of one full build (${fmtMs(p.totalMs)} profiled, process start to exit):`,
    '  self time by area:',
    ...p.areas.map((a) => `    ${lpad(fmtMs(a.selfMs), 9)}  ${a.area}`),
    '  self time by function:',
    ...p.functions.map((f) => `    ${lpad(fmtMs(f.selfMs), 9)}  ${f.name}  ${f.where}`),
    '  our own code, total time including what it calls:',
    ...p.ownCode.map((f) => `    ${lpad(fmtMs(f.totalMs), 9)}  ${f.name}  ${f.where}`),
  ].join('\n');
}

function reportTargets(main: SizeResult | undefined, watch: WatchSummary | undefined, scaling: SizeResult[]): string {
  const yes = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines = ['Targets (reported, not enforced):'];
  if (main) {
    lines.push(
      `  full ÷ bare wall time < 1.0, search index apart: ${fmtRatio(main.ratio.withoutSearch)} — ${yes(main.ratio.withoutSearch < 1)} ` +
        `(with the search index ${fmtRatio(main.ratio.wall)}; CPU time ${fmtRatio(main.ratio.cpu)})`,
    );
    lines.push(`  peak memory below bare Eleventy's: ${fmtMB(main.full.maxRssKB)} vs ${fmtMB(main.bare.maxRssKB)} — ${yes(main.ratio.memory < 1)}`);
    if (main.fullOutput.largestPage) {
      lines.push(`  every page < 30 KB incl. CSS: largest ${fmtKB(main.fullOutput.largestPage.totalBytes)} — ${yes(main.fullOutput.pagesOverBudget === 0)}`);
    }
  }
  if (watch) lines.push(`  edit visible in the dev server < 1 s: ${fmtMs(watch.medianLatencyMs)} — ${yes(watch.medianLatencyMs < 1000)}`);
  if (scaling.length > 1) {
    // A build has a fixed cost (start-up, templates, the search index's start) and a cost per
    // project. Its cost grows linearly, not faster, when each added project costs no more than
    // in the step before (within 25%, for the noise); ms per project alone falls as the fixed
    // cost spreads, and would hide a cost that grows faster.
    const marginal = (pick: (s: SizeResult) => number) =>
      scaling.slice(1).map((s, i) => (pick(s) - pick(scaling[i]!)) / (s.projects - scaling[i]!.projects));
    const build = marginal((s) => s.full.buildMs);
    const cpu = marginal((s) => s.full.cpuMs);
    const sizes = scaling.map((s) => nf.format(s.projects)).join(' → ');
    const linear = (values: number[]) => values.every((value, i) => i === 0 || value <= values[i - 1]! * 1.25);
    lines.push(
      `  cost grows at most linearly, ms per added project (${sizes}): build ${build.map((p) => p.toFixed(2)).join(' / ')} — ${yes(linear(build))}; ` +
        `CPU ${cpu.map((p) => p.toFixed(2)).join(' / ')} — ${yes(linear(cpu))}`,
    );
  }
  return lines.join('\n');
}

function reportScaling(sizes: SizeResult[]): string {
  return [
    'Scaling (medians):',
    table(
      [
        ['projects', 'md files', 'full wall', 'full build', 'ms/project', 'CPU ms/project', 'bare wall', 'ms/2 files', 'CPU ms/2 files', 'ratio wall', 'w/o search', 'ratio CPU', 'full RSS', 'bare RSS', 'largest page'],
        ...sizes.map((s) => [
          nf.format(s.projects),
          nf.format(s.markdownFiles),
          fmtMs(s.full.wallMs),
          fmtMs(s.full.buildMs),
          s.msPerProject.fullBuild.toFixed(2),
          (s.full.cpuMs / s.projects).toFixed(2),
          fmtMs(s.bare.wallMs),
          (s.bare.buildMs / s.projects).toFixed(2),
          (s.bare.cpuMs / s.projects).toFixed(2),
          fmtRatio(s.ratio.wall),
          fmtRatio(s.ratio.withoutSearch),
          fmtRatio(s.ratio.cpu),
          fmtMB(s.full.maxRssKB),
          fmtMB(s.bare.maxRssKB),
          s.fullOutput.largestPage ? fmtKB(s.fullOutput.largestPage.totalBytes) : '—',
        ]),
      ],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '  (ms/project = the build itself ÷ projects, without Node start-up; ms/2 files = bare Eleventy build ÷ projects;',
    '   CPU = user + system time of the whole process, steadier than wall time on a busy machine)',
  ].join('\n');
}

// ---------------------------------------------------------------------------

const options = parseOptions();
const sizes = options.scaling ? [500, 2000, 8000] : [options.projects];
const watchSize = options.scaling ? 2000 : options.projects;
const environment = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? '',
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  loadAverageAtStart: os.loadavg()[0]!,
  loadAverageAtEnd: NaN,
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
      const { archive } = await prepare(root, projects, options);
      watch = await measureWatch(root, archive, options.edits);
      break;
    }
    progress(`— ${projects} projects —`);
    let measuredSize;
    try {
      measuredSize = await measureSize(root, projects, options);
    } catch (error) {
      // E.g. out of memory at 8000 projects: report it and go on with the other sizes.
      const message = (error as Error).message;
      progress(message);
      failures.push({ projects, error: message.split('\n').filter((l) => /error|heap|memory|exited/i.test(l)).slice(0, 3).join(' | ') || message.slice(0, 300) });
      continue;
    }
    const { size, archive } = measuredSize;
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
    if (projects === watchSize && options.watch === 'also') watch = await attempt('dev server', () => measureWatch(root, archive, options.edits));
    if (projects === watchSize && options.cpuProf) profile = await attempt('profile', () => profileFull(root, archive));
    if (!options.keep) await rm(path.join(root, 'bare'), { recursive: true, force: true });
  }
} finally {
  if (!options.keep) for (const root of roots) await rm(root, { recursive: true, force: true });
  else progress(`Kept: ${roots.join(', ')}`);
}
environment.loadAverageAtEnd = os.loadavg()[0]!;

if (options.json) {
  console.log(JSON.stringify({ options, environment, sizes: results, failures, watch, profile }, null, 2));
} else {
  const out: string[] = [
    '',
    `eTwinning archive benchmark — Node ${environment.node}, ${environment.cpus} CPUs (${environment.cpuModel}), ${environment.memoryGB} GB; ` +
      `load average ${environment.loadAverageAtStart.toFixed(1)} at start, ${environment.loadAverageAtEnd.toFixed(1)} at end`,
  ];
  const main = results.find((s) => s.projects === watchSize) ?? results[0];
  for (const s of results) out.push('', reportSize(s, options.rounds));
  for (const f of failures) out.push('', `${nf.format(f.projects)} projects: FAILED — ${f.error}`);
  if (results.length > 1) out.push('', reportScaling(results));
  if (watch) out.push('', reportWatch(watch));
  if (profile) out.push('', reportProfile(profile));
  out.push('', reportTargets(main, watch, results), '');
  console.log(out.join('\n'));
}
