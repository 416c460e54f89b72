import { loadArchive } from '../content/load.ts';
import { say, sayIn } from '../content/messages.ts';
import { formatProblem, formatSummary, sayProblem, sortProblems, type ContentProblem } from '../content/problems.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { translationWarnings } from './translation-warnings.ts';
import { translationStatus } from '../content/translation-status.ts';
import { commandLanguage } from './language.ts';
import { contentFolder, EXIT, parseOptions, runCommand } from './options.ts';

/**
 * `npm run check [-- --content DIR --lang CODE --json]`: validates the content
 * without building. Errors fail (exit 1); translation status is reported as
 * warnings that do not. `--json` prints the same for CI annotations. Everything
 * is said in the language of `--lang` (or the terminal's).
 */
await runCommand(`npm run check [-- --content DIR --lang ${LANGUAGES.join('|')} --json]`, async () => {
  const options = parseOptions(process.argv.slice(2), ['content', 'lang'], ['json']);
  const json = options.json === true;
  const lang = commandLanguage(options.lang);
  const contentDir = contentFolder(options.content);

  const { archive, problems, projectFolders } = await loadArchive(contentDir);
  const warnings = sortProblems(translationWarnings(await translationStatus(projectFolders, contentDir), contentDir));
  const all: ContentProblem[] = [...problems, ...warnings];
  const summary =
    all.length === 0 && archive
      ? sayIn(say('checkOk', { folder: contentDir, years: archive.years.length, projects: archive.projects.length }), lang)
      : `${formatSummary(all, lang)}${problems.length > 0 ? ` ${sayIn(say(problems.length === 1 ? 'checkFixOne' : 'checkFixMany'), lang)}` : ''}`;

  if (json) {
    const errors = problems.map((problem) => sayProblem(problem, lang)).map(({ severity: _, ...problem }) => problem);
    const warned = warnings.map((warning) => sayProblem(warning, lang)).map(({ severity: _, ...warning }) => warning);
    console.log(JSON.stringify({ ok: problems.length === 0, errors, warnings: warned, summary }, null, 2));
  } else if (all.length > 0) {
    const print = problems.length > 0 ? console.error : console.log;
    print(`${all.map((problem) => formatProblem(problem, lang)).join('\n\n')}\n\n${summary}`);
  } else {
    console.log(summary);
  }
  return problems.length > 0 ? EXIT.contentErrors : EXIT.ok;
});
