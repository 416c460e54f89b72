import { fileURLToPath } from 'node:url';
import { loadArchive } from '../content/load.ts';
import { defaultPhotoCache, PhotoEncoder } from '../site/photos.ts';
import { writeSite } from '../site/write-site.ts';
import { EXIT, parseBuildOptions, runCommand } from './options.ts';
import { checkOutputFolder, OutputFolderError, protectedFolders, replaceOutputFolder } from './output-folder.ts';
import { reportProblems } from './report.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run build [-- --content DIR --output DIR --path-prefix /PREFIX/]` */
await runCommand('npm run build [-- --content DIR --output DIR --path-prefix /PREFIX/]', async () => {
  const options = parseBuildOptions(process.argv.slice(2), ['content', 'output', 'path-prefix']);
  const started = performance.now();
  const folders = protectedFolders(options.contentDir, projectDir);
  // A refused output folder is said at once, before any work.
  await checkOutputFolder(options.outputDir, folders);
  // Photos are checked with the rest of the content, and encoded (or found in the cache) only when it has no mistakes.
  const photos = new PhotoEncoder({ cacheDir: defaultPhotoCache() });
  const { archive, problems } = await loadArchive(options.contentDir, { photos });
  if (!archive) {
    reportProblems(problems, `Nothing was built; ${options.outputDir} is unchanged.`);
    return EXIT.contentErrors;
  }
  let written = 0;
  try {
    await replaceOutputFolder(options.outputDir, folders, async (folder) => {
      written = await writeSite({ ...options, outputDir: folder }, archive, photos);
    });
  } catch (error) {
    // The disk is full, or a folder cannot be written: the previous site stays where it was.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new OutputFolderError(`The site could not be written into "${options.outputDir}": ${(error as Error).message}. The previous site is unchanged.`);
    }
    throw error;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { encoded, reused } = photos.counts;
  if (encoded + reused > 0) {
    console.log(`Photos: ${encoded + reused} (${encoded} encoded, ${reused} already encoded in ${photos.cacheDir}/).`);
  }
  console.log(`Built ${archive.projects.length} projects into ${options.outputDir}/ (${written} files, ${seconds} s).`);
  return EXIT.ok;
});
