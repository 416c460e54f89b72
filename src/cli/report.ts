import { formatProblem, formatSummary, type ContentProblem } from '../content/problems.ts';
import type { Lang } from '../i18n/languages.ts';

/** Prints every problem, then one summary line, on standard error, in `lang`. */
export function reportProblems(problems: readonly ContentProblem[], consequence: string, lang: Lang): void {
  const lines = problems.map((problem) => formatProblem(problem, lang));
  console.error(`${lines.join('\n\n')}\n\n${formatSummary(problems, lang)} ${consequence}`);
}
