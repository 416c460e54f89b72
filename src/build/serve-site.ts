import Eleventy from '@11ty/eleventy';
import { loadArchive } from '../content/load.ts';
import type { ContentProblem } from '../content/problems.ts';
import { claimOutputFolder, inProjectFolder, type ProtectedFolders } from './output-folder.ts';

/** Where `npm start` writes the site it serves. */
const DEV_OUTPUT = '_site';

/**
 * `npm start`'s dev server: Eleventy's serve mode with the project's
 * configuration (.eleventy.ts), rebuilding on every save, with live reload.
 * The output folder obeys the build's rule (output-folder.ts) before anything
 * is written. Content with mistakes at the start is said and nothing is
 * served (there is no last good version to show yet); a mistake saved while
 * it runs is printed and the last good version stays (site-data.ts).
 */
export async function serveSite(folders: ProtectedFolders, port?: number): Promise<{ problems: ContentProblem[] } | { stop: () => Promise<unknown> }> {
  await claimOutputFolder(DEV_OUTPUT, folders);
  await inProjectFolder(folders.projectDir);
  const { problems } = await loadArchive(folders.contentDir);
  if (problems.length > 0) return { problems };
  const eleventy = new Eleventy('templates', DEV_OUTPUT, { quietMode: true, configPath: '.eleventy.ts', runMode: 'serve' });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
  return { stop: () => eleventy.stopWatch() };
}
