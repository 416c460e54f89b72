import { formatProblem, formatSummary, type ContentProblem } from '../content/problems.ts';

/** Prints every problem, then one summary line, on standard error. */
export function reportProblems(problems: readonly ContentProblem[], consequence: string): void {
  const lines = problems.map(formatProblem);
  console.error(`${lines.join('\n\n')}\n\n${formatSummary(problems)} ${consequence}`);
}
