/**
 * One instrumented build in a fresh process, started by bench.ts, so that
 * caches do not carry over. Prints one line `BENCH_RESULT {json}` on stdout.
 * Its wall time, CPU time and memory are measured from outside, over its whole
 * process tree (scripts/bench/process-tree.ts); what it reports itself is where
 * the time went.
 *
 *   --kind full  --content DIR --output DIR --photo-cache DIR
 *                                             the real build (src/cli/build.ts's steps)
 *   --kind watch --content DIR --output DIR --project YEAR/SLUG [--edits N]
 *                                             Eleventy in watch mode with .eleventy.ts's
 *                                             configuration (as `npm start`), times edit → HTML
 *
 * Phases are timed from outside, without hooks in src/: loadArchive is called
 * directly; Eleventy's init() is wrapped on its prototype, and the events of
 * its configuration (`eleventy.after` runs the Pagefind search index); the
 * PhotoEncoder's prepare() and copyInto() are wrapped on its prototype (images);
 * the time spent writing files is the time inside fs.writeFileSync/mkdirSync
 * (Eleventy writes synchronously by default); "render" is the rest of
 * Eleventy's build.
 */
import Eleventy from '@11ty/eleventy';
import fs, { statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { endChildProcesses } from '../../src/cli/child-processes.ts';
import type { WatchingEleventy } from '../../src/build/eleventy-types.ts';
import { watchSite } from '../../src/build/serve-site.ts';

export interface Phases {
  /** Find, read, parse and validate every file, render the Markdown bodies (loadArchive). */
  loadMs: number;
  /** Eleventy's init(): configuration, plugins (the page list), finding templates. */
  initMs: number;
  /** Data cascade, pagination, Nunjucks, transforms: Eleventy's build minus init, file writes and eleventy.after. */
  renderMs: number;
  /** Inside fs.writeFileSync + fs.mkdirSync. */
  writeMs: number;
  /** Building beside the output folder and swapping it in (replaceOutputFolder). */
  swapMs: number;
  /** The search index after the pages: Pagefind finishing the pages fed to it and writing the index (and any eleventy.after handler). */
  searchIndexMs: number;
  /** PhotoEncoder.prepare (encode, or find in the cache) + copyInto. */
  imagesMs: number;
}

export interface BuildResult {
  kind: 'full';
  /** From process start to the start of the build: Node, tsx, importing the modules. */
  startupMs: number;
  /** The build itself, from the first file read to the last file written. */
  buildMs: number;
  /** From process start to the end of the build. */
  processMs: number;
  phases: Phases;
  written: number;
  fileWrites: number;
  eleventy: EleventyCounter[];
  /** performance.measure() entries made by the build itself, if any. */
  measures: Record<string, number>;
  /** Photos encoded in this build, and found in the cache. */
  photos: { encoded: number; reused: number };
  projects: number;
}

export interface WatchEdit {
  /** Saving the file → the page's HTML on disk contains the change. */
  latencyMs: number;
  /** Saving → Eleventy starts rebuilding (chokidar waits 50 ms for the write to settle). */
  detectMs: number;
  /** Eleventy's rebuild, eleventy.before → the end of the eleventy.after handlers. */
  rebuildMs: number;
  /** Saving → the rebuild finished, `eleventy.after` handlers included: when the dev server reloads the browser. */
  reloadMs: number;
  /** Saving → the search index written again after the rebuild (in the background), so that a search finds the edit. */
  searchMs: number;
}

export interface WatchResult {
  kind: 'watch';
  initialBuildMs: number;
  /** After the first build, until chokidar watches every content folder (watchSite; edits saved meanwhile are caught up on). */
  contentWatchedMs: number;
  edits: WatchEdit[];
  maxRssKB: number;
}

// ---------------------------------------------------------------------------
// Timers around Eleventy and the file system.

const timers = { initMs: 0, writeMs: 0, fileWrites: 0, prepareMs: 0, copyMs: 0 };
/** Time inside each Eleventy configuration event's handlers, by event. */
const eventMs: Record<string, number> = {};
/** When each `eleventy.after` finished: the dev server reloads the browser then. */
const afterFinished: number[] = [];

const mutableFs = fs as unknown as Record<'writeFileSync' | 'mkdirSync', (...args: unknown[]) => unknown>;
for (const name of ['writeFileSync', 'mkdirSync'] as const) {
  const original = mutableFs[name];
  mutableFs[name] = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      timers.writeMs += performance.now() - started;
      if (name === 'writeFileSync') timers.fileWrites++;
    }
  };
}

interface EleventyBenchmarks {
  bench?: { getAll(): Record<string, { benchmarks: Record<string, { timeSpent: number; timesCalled: number }> }> };
  config?: { events?: { emit: (type: string, ...args: unknown[]) => Promise<unknown> } };
}
const timedEmitters = new WeakSet<object>();

/** Times the handlers of every event Eleventy emits to the configuration (eleventy.before, eleventy.after…). */
function timeEvents(eleventy: EleventyBenchmarks): void {
  const events = eleventy.config?.events;
  if (!events || timedEmitters.has(events)) return;
  timedEmitters.add(events);
  const emit = events.emit.bind(events);
  events.emit = async (type: string, ...args: unknown[]) => {
    const started = performance.now();
    try {
      return await emit(type, ...args);
    } finally {
      eventMs[type] = (eventMs[type] ?? 0) + performance.now() - started;
      if (type === 'eleventy.after') afterFinished.push(performance.now());
    }
  };
}
/** The Eleventy instance of this build, caught in init(), to read its own benchmark counters. */
let instance: EleventyBenchmarks | undefined;

const prototype = Eleventy.prototype as unknown as { init: (...args: unknown[]) => Promise<unknown> };
const originalInit = prototype.init;
prototype.init = async function (this: EleventyBenchmarks, ...args: unknown[]) {
  instance = this;
  const started = performance.now();
  try {
    return await originalInit.apply(this, args);
  } finally {
    timers.initMs += performance.now() - started;
    timeEvents(this);
  }
};

export interface EleventyCounter {
  /** e.g. `(Configuration) "classLabel" Nunjucks Filter`, `(Aggregate) Render`. */
  name: string;
  ms: number;
  calls: number;
}

/**
 * Eleventy's own counters (what `DEBUG=Eleventy:Benchmark` prints): time in each
 * filter, transform, template render, write. They nest and overlap (a filter's
 * time is inside Render), so they explain a phase rather than add up to one.
 * Per-file entries ("> Render Content > ./…") and the asynchronous passthrough
 * copy (whose timer spans the whole build) are left out.
 */
function eleventyCounters(): EleventyCounter[] {
  const counters: EleventyCounter[] = [];
  for (const [group, { benchmarks }] of Object.entries(instance?.bench?.getAll() ?? {})) {
    for (const [type, benchmark] of Object.entries(benchmarks)) {
      if (type.startsWith('>') || type === 'Passthrough Copy File' || benchmark.timeSpent < 1) continue;
      counters.push({ name: `(${group}) ${type}`, ms: benchmark.timeSpent, calls: benchmark.timesCalled });
    }
  }
  return counters.sort((a, b) => b.ms - a.ms).slice(0, 25);
}

/** Phases the build may measure itself with `performance.measure(name, …)` (none yet), summed by name. */
function buildMeasures(): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const entry of performance.getEntriesByType('measure')) sums[entry.name] = (sums[entry.name] ?? 0) + entry.duration;
  return sums;
}

function maxRssKB(): number {
  return process.resourceUsage().maxRSS;
}

// ---------------------------------------------------------------------------

async function runFull(contentDir: string, outputDir: string, photoCache: string): Promise<BuildResult> {
  // Imported here so the watch run does not load them.
  const { buildSite } = await import('../../src/build/build-site.ts');
  const { PhotoEncoder } = await import('../../src/build/photo-encoder.ts');
  const { formatProblem } = await import('../../src/content/problems.ts');
  const { MESSAGE_LANG } = await import('../../src/i18n/languages.ts');

  const photoPrototype = PhotoEncoder.prototype as unknown as Record<'prepare' | 'copyInto', (...args: unknown[]) => Promise<unknown>>;
  for (const [name, timer] of [
    ['prepare', 'prepareMs'],
    ['copyInto', 'copyMs'],
  ] as const) {
    const original = photoPrototype[name];
    photoPrototype[name] = async function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        timers[timer] += performance.now() - started;
      }
    };
  }

  // The build itself, as `npm run build` runs it, with the photo cache in the benchmark's folder.
  const started = performance.now();
  const built = await buildSite({ contentDir, outputDir, pathPrefix: '/', projectDir: process.cwd(), photoCache });
  if (!built.ok) {
    console.error(
      built.problems
        .slice(0, 20)
        .map((problem) => formatProblem(problem, MESSAGE_LANG))
        .join('\n\n'),
    );
    throw new Error(`The synthetic content has ${built.problems.length} problems.`);
  }
  const { archive, files: written, photos } = built;
  const loaded = started + built.timings.loadMs;
  const writeSiteMs = built.timings.siteMs;
  const finished = performance.now();
  const afterMs = eventMs['eleventy.after'] ?? 0;
  // The search index is written after Eleventy has finished (buildSite), so it is not in Eleventy's time.
  const eleventyMs = writeSiteMs - timers.copyMs - built.timings.searchIndexMs;
  return {
    kind: 'full',
    startupMs: started,
    buildMs: finished - started,
    processMs: finished,
    phases: {
      loadMs: loaded - started - timers.prepareMs,
      initMs: timers.initMs,
      renderMs: eleventyMs - timers.initMs - timers.writeMs - afterMs,
      writeMs: timers.writeMs,
      swapMs: finished - loaded - writeSiteMs,
      searchIndexMs: built.timings.searchIndexMs + afterMs,
      imagesMs: timers.prepareMs + timers.copyMs,
    },
    written,
    fileWrites: timers.fileWrites,
    eleventy: eleventyCounters(),
    measures: buildMeasures(),
    photos: { encoded: photos.encoded, reused: photos.reused },
    projects: archive.projects.length,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runWatch(contentDir: string, outputDir: string, project: string, edits: number): Promise<WatchResult> {
  const { default: configure } = await import('../../.eleventy.ts');
  type Config = Parameters<typeof configure>[0];
  /** When each build started (eleventy.before). */
  const builds: number[] = [];
  // As `npm start` (cmd.cjs --config=.eleventy.ts --serve), with the synthetic content folder.
  const options = {
    quietMode: true,
    runMode: 'serve' as const,
    config: (config: Config) => {
      configure(config, { contentDir });
      // Others may be editing templates/ and public/ while this runs: their saves
      // would start rebuilds in the middle of the measurement. Only the content is watched.
      const ignores = (config as unknown as { watchIgnores?: Set<string> }).watchIgnores;
      ignores?.add('templates/**');
      ignores?.add('public/**');
      config.on('eleventy.before', () => {
        builds.push(performance.now());
      });
    },
  };
  const eleventy = new Eleventy('templates', outputDir, options) as unknown as WatchingEleventy;
  const started = performance.now();
  // As `npm start` (src/build/serve-site.ts): init, then watch (which builds once before it
  // starts watching), then wait until the watcher has the whole content folder and catch up
  // on what was saved meanwhile.
  await eleventy.init();
  let watching = 0;
  const watch = eleventy.watch.bind(eleventy);
  eleventy.watch = async () => {
    const done = await watch();
    watching = performance.now();
    return done;
  };
  await watchSite(eleventy, contentDir);
  const initialBuildMs = watching - started;
  // Eleventy says "Watching…" when watch() returns; watchSite() returns once its watcher has every folder.
  const contentWatchedMs = performance.now() - watching;

  const source = path.join(contentDir, project, 'index.el.md');
  const page = path.join(outputDir, project, 'index.html');
  const original = await readFile(source, 'utf8');
  const results: WatchEdit[] = [];
  for (let i = 0; i < edits; i++) {
    await sleep(500);
    const marker = `BENCH-EDIT-${i}-${Math.round(performance.now())}`;

    await writeFile(source, `${original}\n${marker}\n`);
    const saved = performance.now();
    let seen: number | undefined;
    while (performance.now() - saved < 120_000) {
      const html = await readFile(page, 'utf8').catch(() => '');
      if (html.includes(marker)) {
        seen = performance.now();
        break;
      }
      await sleep(5);
    }
    if (seen === undefined) throw new Error(`The edit of ${source} did not reach ${page} within 120 s.`);
    // The build that saw the edit is the first one that started after the save;
    // let it finish (eleventy.after and its handlers) before the next edit.
    const buildStart = builds.find((t) => t > saved);
    const finishedAfter = () => afterFinished.find((t) => buildStart !== undefined && t > buildStart);
    const waitStarted = performance.now();
    while (finishedAfter() === undefined && performance.now() - waitStarted < 120_000) await sleep(5);
    const reloaded = finishedAfter();
    // The search index is made again in the background after the rebuild; it is written last of all.
    const savedAt = Date.now() - (performance.now() - saved);
    const entry = path.join(outputDir, 'pagefind', 'pagefind-entry.json');
    const indexedAfterSave = () => statSync(entry, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    while (indexedAfterSave() <= savedAt && performance.now() - saved < 120_000) await sleep(5);
    const searchMs = indexedAfterSave() > savedAt ? indexedAfterSave() - savedAt : NaN;
    results.push({
      latencyMs: seen - saved,
      detectMs: buildStart !== undefined ? buildStart - saved : NaN,
      rebuildMs: reloaded !== undefined && buildStart !== undefined ? reloaded - buildStart : NaN,
      reloadMs: reloaded !== undefined ? reloaded - saved : NaN,
      searchMs,
    });
  }
  await writeFile(source, original);
  await sleep(300);
  await eleventy.stopWatch();
  return { kind: 'watch', initialBuildMs, contentWatchedMs, edits: results, maxRssKB: maxRssKB() };
}

const { values } = parseArgs({
  options: {
    kind: { type: 'string' },
    content: { type: 'string' },
    output: { type: 'string' },
    project: { type: 'string' },
    edits: { type: 'string', default: '3' },
    'photo-cache': { type: 'string' },
  },
});

let result: BuildResult | WatchResult;
if (values.kind === 'full') {
  result = await runFull(values.content!, values.output!, values['photo-cache'] ?? path.join(values.output!, '..', 'photo-cache'));
  // As src/cli/build.ts ends: the service processes it started (Pagefind's, esbuild's) end with it.
  await endChildProcesses();
} else if (values.kind === 'watch') {
  result = await runWatch(values.content!, values.output!, values.project!, Number(values.edits));
} else {
  throw new Error(`Unknown --kind ${values.kind}`);
}
console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
// The watcher and Eleventy's caches may keep handles open; the measurement is done.
process.exit(0);
