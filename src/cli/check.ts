import { loadArchive } from '../content/load.ts';
import { EXIT, parseBuildOptions, runCommand } from './options.ts';
import { reportProblems } from './report.ts';

/** `npm run check [-- --content DIR]`: validates the content without building. */
await runCommand('npm run check [-- --content DIR]', async () => {
  const { contentDir } = parseBuildOptions(process.argv.slice(2), ['content']);
  const { archive, problems } = await loadArchive(contentDir);
  if (!archive) {
    reportProblems(problems, `Fix ${problems.length === 1 ? 'it' : 'them'} and run the check again.`);
    return EXIT.contentErrors;
  }
  console.log(`${contentDir}: no problems in ${archive.years.length} school years and ${archive.projects.length} projects.`);
  return EXIT.ok;
});
