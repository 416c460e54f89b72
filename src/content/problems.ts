import type { Lang } from '../i18n/languages.ts';
import { type Message, say, sayIn } from './messages.ts';

/**
 * A mistake found in the content, described so that a teacher can fix it
 * without reading code: where it is, what was found, and what to write instead.
 * Its texts are not said yet in any language: whoever prints it says them in
 * the reader's (`formatProblem`, `sayProblem`).
 */
export interface ContentProblem {
  /** The file or folder, as a path the teacher can open (content folder + relative path). */
  file: string;
  /** 1-based line in that file, when the mistake is on a line. */
  line?: number;
  /** The front matter field, when the mistake is in one. */
  field?: string;
  /** What is wrong, quoting the value that was found. */
  message: Message;
  /** What to write or do instead. */
  fix: Message;
  /** A warning does not stop the build (an untranslated project); everything else is an error. */
  severity?: 'warning';
}

/** A problem with its texts said in one language, as `npm run check -- --json` prints it. */
export type SaidProblem = Omit<ContentProblem, 'message' | 'fix'> & { message: string; fix: string };

export function sayProblem(problem: ContentProblem, lang: Lang): SaidProblem {
  return { ...problem, message: sayIn(problem.message, lang), fix: sayIn(problem.fix, lang) };
}

/** `file:line: field: message` then the fix on its own indented line, as editors and CI annotate; in `lang`. */
export function formatProblem(problem: ContentProblem, lang: Lang): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const kind = problem.severity === 'warning' ? ` ${sayIn(say('warning'), lang)}:` : '';
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${where}:${kind}${field} ${sayIn(problem.message, lang)}\n    ${sayIn(say('fix'), lang)}: ${sayIn(problem.fix, lang)}`;
}

/** "2 errors in 2 files." or, with warnings, "2 errors in 2 files, 1 warning."; in `lang`. */
export function formatSummary(problems: readonly ContentProblem[], lang: Lang): string {
  const errors = problems.filter((problem) => problem.severity !== 'warning');
  const warnings = problems.length - errors.length;
  const files = new Set(errors.map((problem) => problem.file)).size;
  const parts = errors.length > 0 ? [`${sayIn(say('errors', { count: errors.length }), lang)} ${sayIn(say('files', { count: files }), lang)}`] : [];
  if (warnings > 0) parts.push(sayIn(say('warnings', { count: warnings }), lang));
  return `${parts.join(', ')}.`;
}

/** Problems in a stable order: by file, then line, so a teacher can work top to bottom. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
