import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { loadArchive } from '../content/load.ts';
import type { ContentProblem } from '../content/problems.ts';
import type { WatchingEleventy } from './eleventy-types.ts';
import { claimOutputFolder, inProjectFolder, type ProtectedFolders } from './output-folder.ts';

/** Where `npm start` writes the site it serves. */
const DEV_OUTPUT = '_site';

/** How often, and how long unchanged, the watcher's list of the content is looked at before it counts as complete. */
const POLL_MS = 50;
const SETTLED_MS = 300;
/** A watcher still listing after this long (a very slow disk) is taken as it is; the catch-up still runs. */
const LISTING_LIMIT_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many files and folders of the content folder the watcher has subscribed to. */
function watchedInContent(eleventy: WatchingEleventy, contentDir: string): number {
  let count = 0;
  for (const [folder, names] of Object.entries(eleventy.watcher?.getWatched() ?? {})) {
    const absolute = path.resolve(folder);
    if (absolute === contentDir || absolute.startsWith(contentDir + path.sep)) count += names.length;
  }
  return count;
}

/** Every file in the content folder changed at or after `since` (ms since the epoch). */
async function changedSince(contentDir: string, since: number): Promise<string[]> {
  const changed: string[] = [];
  for (const name of await readdir(contentDir, { recursive: true })) {
    const file = path.join(contentDir, name);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile() && info.mtimeMs >= since) changed.push(file);
  }
  return changed;
}

/**
 * Eleventy's watch mode, with no save lost. Eleventy builds the site, says
 * "Watching…" and returns while its watcher (chokidar) is still going through
 * the content folder, subscribing to each project's folder and file in turn:
 * at 2,000 projects that takes a second or more, and a file saved meanwhile
 * was never rebuilt. So once the watcher's list has stopped growing, every
 * content file saved since the first build started is handed to Eleventy as
 * if the watcher had seen it (one more rebuild, which draws only what
 * changed). From then on the watcher sees every save itself.
 */
export async function watchSite(eleventy: WatchingEleventy, contentDir: string): Promise<void> {
  const content = path.resolve(contentDir);
  // File times are kept to the kernel's tick (a few ms): a little earlier is safe, a file saved then is only rebuilt once more.
  const since = Date.now() - 50;
  await eleventy.watch();
  const started = performance.now();
  let last = -1;
  let settledAt = started;
  while (performance.now() - started < LISTING_LIMIT_MS) {
    const count = watchedInContent(eleventy, content);
    if (count !== last) {
      last = count;
      settledAt = performance.now();
    } else if (count > 0 && performance.now() - settledAt >= SETTLED_MS) {
      break;
    }
    await sleep(POLL_MS);
  }
  const watcher = eleventy.watcher;
  if (!watcher) return;
  for (const file of await changedSince(content, since)) {
    // Named as the watcher names the files of a folder it was given: relative to the working folder when it was given so.
    watcher.emit('change', path.isAbsolute(contentDir) ? file : path.relative(process.cwd(), file));
  }
}

/**
 * `npm start`'s dev server: Eleventy's serve mode with the project's
 * configuration (.eleventy.ts), rebuilding on every save, with live reload.
 * The output folder obeys the build's rule (output-folder.ts) before anything
 * is written. Content with mistakes at the start is said and nothing is
 * served (there is no last good version to show yet); a mistake saved while
 * it runs is printed and the last good version stays (site-data.ts).
 * No save is lost from the moment it says "Watching…" (watchSite).
 */
export async function serveSite(folders: ProtectedFolders, port?: number): Promise<{ problems: ContentProblem[] } | { stop: () => Promise<unknown> }> {
  await claimOutputFolder(DEV_OUTPUT, folders);
  await inProjectFolder(folders.projectDir);
  const { problems } = await loadArchive(folders.contentDir);
  if (problems.length > 0) return { problems };
  const eleventy = new Eleventy('templates', DEV_OUTPUT, { quietMode: true, configPath: '.eleventy.ts', runMode: 'serve' });
  await eleventy.init();
  await watchSite(eleventy as unknown as WatchingEleventy, folders.contentDir);
  await eleventy.serve(port);
  return { stop: () => eleventy.stopWatch() };
}
