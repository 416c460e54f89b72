import path from 'node:path';
import { type CountryCode, countryName } from '../content/normalise/countries.ts';
import { type ClassGroup, classGroupCode } from '../content/normalise/grades.ts';
import { translate } from '../i18n/i18n.ts';
import { languageName } from '../i18n/intl.ts';
import { LANGUAGES, type Lang } from '../i18n/languages.ts';
import type { DecodedPage } from '../authoring/import/decode.ts';
import type { EntryReading, UnreadPart } from '../authoring/import/entry.ts';
import { PAGE_LANG, type EntryPlan, type ImportPlan, type PlannedProject } from '../authoring/import/plan.ts';
import type { WriteFailure, WriteOutcome } from '../authoring/import/write.ts';

/** What was written for the plan: each project's outcome, and each school file's. */
export interface ImportOutcome {
  projects: Map<PlannedProject, WriteOutcome>;
  schoolFiles: Map<string, 'written' | 'alreadyThere' | { failure: WriteFailure }>;
}

/** A part of the page a teacher finishes by hand: where it is, what was not read, what was, what to do. */
interface ToFinish {
  line?: number;
  message: string;
  /** What was not read, one item a line. */
  parts?: string[];
  understood?: string;
  fix: string;
}

/**
 * The import's report, in the command's language: what was understood,
 * entry by entry, and what is left to finish by hand, each with its line in
 * the page. `toFinish` is 0 when everything was understood and written.
 */
export function importReport(
  plan: ImportPlan,
  outcome: ImportOutcome,
  page: { file: string; decoded: DecodedPage; contentDir: string },
  lang: Lang,
): { text: string; toFinish: number } {
  const t = (key: string, values: Record<string, unknown> = {}) => translate(lang, `import.${key}`, values);
  const lines: string[] = [];
  const toFinish: ToFinish[] = [];
  const shown = (...parts: string[]) => path.join(page.contentDir, ...parts);

  lines.push(
    t('report.reading', {
      file: page.file,
      kind: t(page.decoded.kind === 'html' ? 'report.kindHtml' : 'report.kindText'),
      encoding: encodingText(page.decoded, t),
    }),
  );

  // The school.
  lines.push('');
  const { school } = plan;
  if (school.name) {
    const from =
      school.found === undefined
        ? t('report.nameGiven')
        : 'title' in school.found.from
          ? t('report.nameFromTitle')
          : t('report.nameFromLine', { line: school.found.from.line });
    lines.push(t('report.school', { name: school.name, from }));
  } else {
    lines.push(t('report.schoolUnnamed'));
  }
  lines.push(`  ${school.intro.length > 0 ? t('report.intro', { count: school.intro.length, line: school.intro[0]!.line }) : t('report.noIntro')}`);
  for (const [file, status] of outcome.schoolFiles) {
    if (typeof status === 'object') {
      lines.push(`  ${t('report.notWritten', { path: shown(file) })}`);
      toFinish.push(writeProblem(shown(file), status.failure, t));
    } else {
      lines.push(`  ${t(status === 'written' ? 'report.written' : 'report.alreadyThere', { path: shown(file) })}`);
    }
  }
  if (!school.name && LANGUAGES.some((language) => !outcome.schoolFiles.has(`school.${language}.md`))) {
    toFinish.push({ message: t('problem.noSchoolName'), fix: t('problem.noSchoolNameFix', { page: page.file }) });
  }

  for (const entry of plan.beforeFirstYear) {
    lines.push(`  ${t('report.entryNotRead', { line: entry.block.line, text: shorten(entry.block.text) })}`);
    lines.push(`      ${t('report.notRead')}`);
    toFinish.push({
      line: entry.block.line,
      message: t('problem.beforeFirstYear'),
      understood: understoodText(entry.reading, t, lang),
      fix: t('problem.beforeFirstYearFix'),
    });
  }

  // Entry by entry, as the page gives them.
  for (const year of plan.years) {
    lines.push('');
    const heading = year.section.heading;
    if (year.year === undefined) {
      lines.push(t('report.wrongYear', { heading: heading.text, line: heading.line }));
      const suggestion = 'wrong' in year.section.reading ? year.section.reading.suggestion : undefined;
      toFinish.push({
        line: heading.line,
        message: t('problem.wrongYear', { heading: heading.text, count: year.entries.length }),
        fix: t('problem.wrongYearFix', { suggestion }),
      });
      for (const entry of year.entries) lines.push(`  ${t('report.entryNotRead', { line: entry.block.line, text: shorten(entry.block.text) })}`);
      continue;
    }
    lines.push(t('report.year', { year: year.year, line: heading.line }));
    for (const entry of year.entries) {
      const planned = entry.planned;
      if (!planned) {
        lines.push(`  ${t('report.entryNotRead', { line: entry.block.line, text: shorten(entry.block.text) })}`);
        lines.push(`      ${t('report.notRead')}`);
        toFinish.push(entryProblem(entry, t, lang, undefined));
        continue;
      }
      lines.push(`  ${t('report.entry', { line: entry.block.line, title: planned.title })}`);
      lines.push(`      ${classesLine(planned.project.classes, t)}`);
      lines.push(`      ${partnersLine(planned.project.partners, t, lang)}`);
      if (planned.project.continues) lines.push(`      ${t('report.continues', { project: planned.project.continues })}`);
      const folder = shown(planned.year, planned.folder);
      const result = outcome.projects.get(planned)!;
      const elFile = shown(planned.files[0]!.path);
      if (result.status === 'occupied') {
        lines.push(`      ${t('report.notWritten', { path: folder })}`);
        toFinish.push({
          line: entry.block.line,
          message: result.title !== undefined ? t('problem.occupied', { folder, title: result.title }) : t('problem.occupiedUntitled', { folder }),
          fix: t('problem.occupiedFix'),
        });
        continue;
      }
      if (result.status === 'failed') {
        lines.push(`      ${t('report.notWritten', { path: folder })}`);
        toFinish.push({ line: entry.block.line, ...writeProblem(folder, result.failure, t) });
        continue;
      }
      lines.push(`      ${t(result.status === 'written' ? 'report.written' : 'report.alreadyThere', { path: folder })}`);
      if (entry.reading.unread.length > 0) toFinish.push(entryProblem(entry, t, lang, elFile));
      if (entry.earlierNotFound) {
        toFinish.push({
          line: entry.block.line,
          message: t('problem.earlierNotFound', { title: planned.title }),
          fix: t('problem.earlierNotFoundFix', { file: elFile }),
        });
      }
    }
  }
  if (plan.years.length === 0) toFinish.push({ message: t('problem.noYears'), fix: t('problem.noYearsFix') });

  if (plan.credits.length > 0) {
    lines.push('');
    lines.push(t('report.credits', { lines: plan.credits.map((block) => t('report.creditLine', { line: block.line, text: shorten(block.text) })).join(', ') }));
  }

  // The summary, then what is left to do.
  const results = [...outcome.projects.values()];
  const written = results.filter((result) => result.status === 'written').length;
  const already = results.filter((result) => result.status === 'alreadyThere').length;
  const projects = plan.years.reduce((sum, year) => sum + year.entries.filter((entry) => entry.planned).length, 0);
  const years = new Set(plan.years.map((year) => year.year).filter((year) => year !== undefined)).size;
  lines.push('');
  lines.push(t('report.summary', { projects: t('report.projects', { count: projects }), years: t('report.years', { count: years }), written, already }));
  const schoolWritten = [...outcome.schoolFiles.values()].filter((status) => status === 'written').length;
  if (written === 0 && schoolWritten === 0 && toFinish.length === 0) lines.push(t('report.allThere'));
  if (toFinish.length === 0) lines.push(t('report.understood'));
  // The files written in the other languages hold a sentence of facts, to translate.
  const toTranslate = LANGUAGES.filter((language) => language !== PAGE_LANG);
  for (const language of toTranslate) {
    const file = `school.${language}.md`;
    if (outcome.schoolFiles.get(file) === 'written') lines.push(t('report.translateSchool', { file: shown(file), language: languageName(language, lang) }));
  }
  if (written > 0) for (const language of toTranslate) lines.push(t('report.translateProjects', { language: languageName(language, lang) }));
  if (written > 0 || schoolWritten > 0) lines.push(t('report.next'));
  if (toFinish.length > 0) {
    lines.push('');
    lines.push(t('report.toFinish', { count: toFinish.length }));
    for (const item of toFinish) {
      lines.push('');
      lines.push(`${item.line !== undefined ? `${page.file}:${item.line}` : page.file}: ${item.message}`);
      for (const part of item.parts ?? []) lines.push(`    - ${part}`);
      if (item.understood) lines.push(`    ${item.understood}`);
      lines.push(`    ${t('report.fix')}: ${item.fix}`);
    }
  }
  return { text: lines.join('\n'), toFinish: toFinish.length };
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A folder or file that could not be written: what stood in the way, and what to do before importing again. */
function writeProblem(target: string, failure: WriteFailure, t: Translate): ToFinish {
  const values = { path: target, ...failure };
  return { message: t(`problem.write.${failure.reason}`, values), fix: t(`problem.write.${failure.reason}Fix`, values) };
}

function encodingText(decoded: DecodedPage, t: Translate): string {
  const encoding = decoded.encoding.toUpperCase().replace(/^WINDOWS/, 'windows');
  // As the page writes it, so that it can be found in the page (`charset=iso-8859-1`, which TextDecoder names windows-1252).
  const declared = decoded.declared;
  switch (decoded.source) {
    case 'bom':
      return t('report.encodingBom', { encoding });
    case 'declared':
      return t('report.encodingDeclared', { encoding });
    case 'utf-8':
      return t('report.encodingUtf8');
    case 'utf-8-not-declared':
      return t('report.encodingResaved', { declared });
    case 'greek-letters':
      return t('report.encodingGreekLetters', { encoding, declared });
    case 'guessed':
      return declared ? t('report.encodingGuessedDeclared', { encoding, declared }) : t('report.encodingGuessed', { encoding });
  }
}

/** An entry that was not read whole: what was not, what was, and whether its files were written without it. */
function entryProblem(entry: EntryPlan, t: Translate, lang: Lang, writtenFile: string | undefined): ToFinish {
  const { reading } = entry;
  if (!reading.aboutAProject) return { line: entry.block.line, message: t('problem.notAProject'), fix: t('problem.notAProjectFix') };
  return {
    line: entry.block.line,
    message: t('problem.entry'),
    parts: reading.unread.map((part) => unreadText(part, t, lang)),
    understood: understoodText(reading, t, lang),
    fix: writtenFile ? t('problem.writtenWithout', { file: writtenFile }) : t('problem.notWritten'),
  };
}

function unreadText(part: UnreadPart, t: Translate, lang: Lang): string {
  const didYouMean = (values: string[]) => (values.length > 0 ? t('problem.didYouMean', { values: values.join(', ') }) : '');
  switch (part.part) {
    case 'classes':
      return part.value === undefined ? t('problem.noClasses') : t('problem.badClass', { value: part.value, suggestion: didYouMean(part.suggestions) });
    case 'title':
      return t('problem.noTitle');
    case 'partners':
      return part.value === undefined
        ? t('problem.noPartners')
        : t('problem.badPartner', { value: part.value, suggestion: didYouMean(part.suggestions.map((code) => countryName(code, lang))) });
  }
}

/** What was read of an entry, as the teacher's starting point: its title, classes and partners. */
/** The classes as the report lists them: as teachers write them, "Δ2, Ε1". */
const classesLine = (classes: readonly ClassGroup[], t: Translate) => t('report.classes', { classes: classes.map(classGroupCode).join(', ') });

/** The partner countries as the report lists them, named in the report's language. */
const partnersLine = (partners: readonly CountryCode[], t: Translate, lang: Lang) =>
  t('report.partners', { partners: partners.map((code) => countryName(code, lang)).join(', ') });

function understoodText(reading: EntryReading, t: Translate, lang: Lang): string {
  const parts: string[] = [];
  if (reading.title) parts.push(t('report.titlePart', { title: reading.title }));
  if (reading.classes.length > 0) parts.push(classesLine(reading.classes, t));
  if (reading.partners.length > 0) parts.push(partnersLine(reading.partners, t, lang));
  return parts.length > 0 ? t('report.understoodParts', { parts: parts.join(t('report.separator')) }) : t('report.nothingUnderstood');
}

/** A long sentence quoted in the report: its beginning is enough to find it at its line. */
function shorten(text: string, length = 70): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
