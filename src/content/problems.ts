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
}

/** `file:line: field: message` then the fix on its own indented line, as editors and CI annotate. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${where}:${field} ${problem.message}\n    Fix: ${problem.fix}`;
}

export function formatSummary(problems: readonly ContentProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const errors = problems.length === 1 ? '1 error' : `${problems.length} errors`;
  const inFiles = files === 1 ? '1 file' : `${files} files`;
  return `${errors} in ${inFiles}.`;
}

/** Problems in a stable order: by file, then line, so a teacher can work top to bottom. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
