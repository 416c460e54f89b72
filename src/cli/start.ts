import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { EXIT, parseOptions, runCommand, UsageError } from './options.ts';
import { claimOutputFolder, protectedFolders } from './output-folder.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const OUTPUT = '_site';

/**
 * `npm start [-- --port 8080]`: serves the site from `_site/` with live reload,
 * rebuilding on every save (Eleventy's serve mode, with the project's
 * configuration). `_site/` obeys the build's rule: it is written only when it
 * is missing, empty, or an earlier output of the build (src/cli/output-folder.ts).
 */
await runCommand('npm start [-- --port 8080]', async () => {
  const options = parseOptions(process.argv.slice(2), ['port']);
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new UsageError(`--port must be a port number, e.g. --port 8080 (not "${options.port}").`);
  }
  await claimOutputFolder(OUTPUT, protectedFolders('content', projectDir, 'move it away'));
  const eleventy = new Eleventy('templates', OUTPUT, { quietMode: true, configPath: '.eleventy.ts', runMode: 'serve' });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
  process.on('SIGINT', async () => {
    await eleventy.stopWatch();
    process.exit(EXIT.ok);
  });
  return EXIT.ok;
});
