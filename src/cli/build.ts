import { loadArchive } from '../content/load.ts';
import { defaultPhotoCache, PhotoEncoder } from '../site/photos.ts';
import { writeSite } from '../site/write-site.ts';
import { endChildProcesses } from './child-processes.ts';
import { EXIT, parseBuildOptions, runCommand } from './options.ts';
import { replaceFolderWith } from './replace-folder.ts';
import { reportProblems } from './report.ts';

/** `npm run build [-- --content DIR --output DIR --path-prefix /PREFIX/]` */
await runCommand('npm run build [-- --content DIR --output DIR --path-prefix /PREFIX/]', async () => {
  const options = parseBuildOptions(process.argv.slice(2), ['content', 'output', 'path-prefix']);
  const started = performance.now();
  // Photos are checked with the rest of the content, and encoded (or found in the cache) only when it has no mistakes.
  const photos = new PhotoEncoder({ cacheDir: defaultPhotoCache() });
  const { archive, problems } = await loadArchive(options.contentDir, { photos });
  if (!archive) {
    reportProblems(problems, `Nothing was built; ${options.outputDir} is unchanged.`);
    return EXIT.contentErrors;
  }
  let written = 0;
  await replaceFolderWith(options.outputDir, async (folder) => {
    written = await writeSite({ ...options, outputDir: folder }, archive, photos);
    return true;
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { encoded, reused } = photos.counts;
  if (encoded + reused > 0) {
    console.log(`Photos: ${encoded + reused} (${encoded} encoded, ${reused} already encoded in ${photos.cacheDir}/).`);
  }
  console.log(`Built ${archive.projects.length} projects into ${options.outputDir}/ (${written} files, ${seconds} s).`);
  return EXIT.ok;
});
await endChildProcesses();
