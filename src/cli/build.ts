import { fileURLToPath } from 'node:url';
import { buildSite } from '../build/build-site.ts';
import { MESSAGE_LANG } from '../i18n/languages.ts';
import { endChildProcesses } from './child-processes.ts';
import { checkSiteUrl, EXIT, parseBuildOptions, runCommand } from './options.ts';
import { reportProblems } from './report.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm run build [-- --content DIR --output DIR --path-prefix /PREFIX/]`. It
 * speaks English (MESSAGE_LANG), as CI logs are read: teachers who want the
 * mistakes in their language run `npm run check -- --lang el`, which reports
 * the same ones.
 */
await runCommand('npm run build [-- --content DIR --output DIR --path-prefix /PREFIX/]', async () => {
  const options = parseBuildOptions(process.argv.slice(2), ['content', 'output', 'path-prefix']);
  checkSiteUrl();
  const started = performance.now();
  const built = await buildSite({ ...options, projectDir });
  if (!built.ok) {
    reportProblems(built.problems, `Nothing was built; ${options.outputDir} is unchanged.`, MESSAGE_LANG);
    return EXIT.contentErrors;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { encoded, reused, cacheDir } = built.photos;
  if (encoded + reused > 0) {
    console.log(`Photos: ${encoded + reused} (${encoded} encoded, ${reused} already encoded in ${cacheDir}/).`);
  }
  console.log(`Built ${built.archive.projects.length} projects into ${options.outputDir.replace(/\/+$/, '')}/ (${built.files} files, ${seconds} s).`);
  return EXIT.ok;
});
// Pagefind's service and tsx's esbuild end with the build, so its time and memory are all counted (child-processes.ts).
await endChildProcesses();
