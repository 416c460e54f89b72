import { say } from './messages.ts';

/**
 * A mistake found in the content, described so that a teacher can fix it
 * without reading code: where it is, what was found, and what to write instead.
 */
export interface ContentProblem {
  /** The file or folder, as a path the teacher can open (content folder + relative path). */
  file: string;
  /** 1-based line in that file, when the mistake is on a line. */
  line?: number;
  /** The front matter field, when the mistake is in one. */
  field?: string;
  /** What is wrong, quoting the value that was found. */
  message: string;
  /** What to write or do instead. */
  fix: string;
  /** A warning does not stop the build (an untranslated project); everything else is an error. */
  severity?: 'warning';
}

/** `file:line: field: message` then the fix on its own indented line, as editors and CI annotate. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const kind = problem.severity === 'warning' ? ` ${say('warning')}:` : '';
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${where}:${kind}${field} ${problem.message}\n    ${say('fix')}: ${problem.fix}`;
}

/** "2 errors in 2 files." or, with warnings, "2 errors in 2 files, 1 warning." */
export function formatSummary(problems: readonly ContentProblem[]): string {
  const errors = problems.filter((problem) => problem.severity !== 'warning');
  const warnings = problems.length - errors.length;
  const files = new Set(errors.map((problem) => problem.file)).size;
  const parts = errors.length > 0 ? [`${say('errors', { count: errors.length })} ${say('files', { count: files })}`] : [];
  if (warnings > 0) parts.push(say('warnings', { count: warnings }));
  return `${parts.join(', ')}.`;
}

/** Problems in a stable order: by file, then line, so a teacher can work top to bottom. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
