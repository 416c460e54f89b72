import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { translate } from '../i18n/i18n.ts';
import { GREEK, LANGUAGES } from '../i18n/languages.ts';
import { decodePage, notAPage } from '../authoring/import/decode.ts';
import { DEEPEST_NESTING, mainTextOfHtml, mainTextOfPlainText, PageTooDeep } from '../authoring/import/main-text.ts';
import { planImport } from '../authoring/import/plan.ts';
import { writeProject, writeSchoolFile } from '../authoring/import/write.ts';
import { importReport, type ImportOutcome } from './import-report.ts';
import { commandLanguage } from './language.ts';
import { EXIT, parseArguments, runCommand, UsageError } from './options.ts';

/**
 * `npm run import -- PAGE [--content DIR] [--school-name NAME]`: turns a
 * school's old archive page (saved from the browser as HTML, in any Greek
 * encoding, or as text) into content files, and reports what it understood
 * and what is left to finish by hand. Exit 0 when everything was
 * understood, 1 when something was not (what was understood is written), 2
 * for a wrong command line. Nothing that exists is ever overwritten.
 */
const USAGE = `npm run import -- PAGE [--content DIR] [--school-name NAME] [--lang ${LANGUAGES.join('|')}]`;

await runCommand(USAGE, async () => {
  const { options, positionals } = parseArguments(process.argv.slice(2), ['content', 'school-name', 'lang'], [], {
    content: 'content',
    'school-name': '"14ο Δημοτικό Σχολείο Αχαρνών"',
    // The page is Greek, and so most likely is whoever imports it.
    lang: GREEK,
  });
  const lang = commandLanguage(options.lang);
  const t = (key: string, values: Record<string, unknown> = {}) => translate(lang, `import.usage.${key}`, values);
  if (positionals.length === 0) throw new UsageError(t('missingPage'));
  if (positionals.length > 1) throw new UsageError(t('onePage', { count: positionals.length, pages: positionals.join(', ') }));
  const file = positionals[0]!;
  const contentDir = options.content ?? 'content';
  if (existsSync(contentDir) && !statSync(contentDir).isDirectory()) throw new UsageError(t('contentNotFolder', { folder: contentDir }));

  const bytes = await readPage(file, t);
  // A photo, a PDF or a Word file given by mistake is not read as text (it would be written out as the school's text).
  const format = notAPage(bytes);
  if (format === 'binary') throw new UsageError(t('binaryPage', { file }));
  if (format !== undefined) throw new UsageError(t('notAPage', { file, format }));
  const decoded = decodePage(bytes);
  const page = decoded.kind === 'html' ? htmlMainText(decoded.text, file, t) : mainTextOfPlainText(decoded.text);
  const plan = planImport(page, { schoolName: options['school-name'] });

  const outcome: ImportOutcome = { projects: new Map(), schoolFiles: new Map() };
  for (const schoolFile of plan.school.files) outcome.schoolFiles.set(schoolFile.path, await writeSchoolFile(contentDir, schoolFile));
  // Without a name the school's files are not written, but files already there count as there.
  if (plan.school.files.length === 0) {
    for (const lang of LANGUAGES) {
      const name = `school.${lang}.md`;
      if (existsSync(path.join(contentDir, name))) outcome.schoolFiles.set(name, 'alreadyThere');
    }
  }
  for (const year of plan.years) {
    for (const entry of year.entries) if (entry.planned) outcome.projects.set(entry.planned, await writeProject(contentDir, entry.planned));
  }

  const report = importReport(plan, outcome, { file, decoded, contentDir }, lang);
  console.log(report.text);
  return report.toFinish > 0 ? EXIT.contentErrors : EXIT.ok;
});

/** The page's main text; a page nested deeper than any browser reads is refused as the wrong file. */
function htmlMainText(html: string, file: string, t: (key: string, values?: Record<string, unknown>) => string) {
  try {
    return mainTextOfHtml(html);
  } catch (error) {
    if (error instanceof PageTooDeep) throw new UsageError(t('tooDeep', { file, line: error.line, limit: DEEPEST_NESTING }));
    throw error;
  }
}

/** The page's bytes; a page that is not there or cannot be read is a wrong command line. */
async function readPage(file: string, t: (key: string, values?: Record<string, unknown>) => string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') throw new UsageError(t('noSuchPage', { file }));
    if (code === 'EISDIR') throw new UsageError(t('folderPage', { file }));
    throw new UsageError(t('unreadablePage', { file, reason: code ?? message }));
  }
}
