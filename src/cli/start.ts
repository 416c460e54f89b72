import { fileURLToPath } from 'node:url';
import { protectedFolders } from '../build/output-folder.ts';
import { serveSite } from '../build/serve-site.ts';
import { checkSiteUrl, EXIT, parseOptions, runCommand, UsageError } from './options.ts';
import { MESSAGE_LANG } from '../i18n/languages.ts';
import { reportProblems } from './report.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm start [-- --port 8080]`: serves the site from `_site/` with live reload,
 * rebuilding on every save. `_site/` obeys the build's rule: it is written only
 * when it is missing, empty, or an earlier output of the build.
 */
await runCommand('npm start [-- --port 8080]', async () => {
  const options = parseOptions(process.argv.slice(2), ['port']);
  checkSiteUrl();
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new UsageError(`--port must be a port number, e.g. --port 8080 (not "${options.port}").`);
  }
  const served = await serveSite(protectedFolders('content', projectDir, 'move it away'), port);
  if ('problems' in served) {
    reportProblems(served.problems, 'Fix them, then run npm start again.', MESSAGE_LANG);
    return EXIT.contentErrors;
  }
  // Ctrl+C, a container stopped, the terminal window closed: the server stops, and the output folder's lock goes at exit.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, async () => {
      await served.stop();
      process.exit(EXIT.ok);
    });
  }
  return EXIT.ok;
});
