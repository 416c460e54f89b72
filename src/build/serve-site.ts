import Eleventy from '@11ty/eleventy';
import { claimOutputFolder, type ProtectedFolders } from './output-folder.ts';

/** Where `npm start` writes the site it serves. */
export const DEV_OUTPUT = '_site';

/**
 * `npm start`'s dev server: Eleventy's serve mode with the project's
 * configuration (.eleventy.ts), rebuilding on every save, with live reload.
 * The output folder obeys the build's rule (output-folder.ts) before anything
 * is written. Returns a function that stops watching.
 */
export async function serveSite(folders: ProtectedFolders, port?: number): Promise<() => Promise<unknown>> {
  await claimOutputFolder(DEV_OUTPUT, folders);
  const eleventy = new Eleventy('templates', DEV_OUTPUT, { quietMode: true, configPath: '.eleventy.ts', runMode: 'serve' });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
  return () => eleventy.stopWatch();
}
