/**
 * Reading what the command line printed, as a teacher (and CI's annotations)
 * rely on it: each problem is its main line and one "    Fix: " line, blocks
 * are separated by an empty line, and the summary comes last; never a stack
 * trace.
 */
import assert from 'node:assert/strict';

export interface ReportedProblem {
  /** `file:line: field: message` */
  main: string;
  /** The text after "    Fix: ". */
  fix: string;
}

/** Splits a report printed on standard error into its problems and the summary line, checking its layout. */
export function parseReport(stderr: string): { problems: ReportedProblem[]; summary: string } {
  assert.ok(stderr.endsWith('\n'), 'the report ends with a newline');
  const blocks = stderr.slice(0, -1).split('\n\n');
  const summary = blocks.pop()!;
  assert.ok(!summary.includes('\n'), `the summary is one line: ${JSON.stringify(summary)}`);
  const problems = blocks.map((block) => {
    const lines = block.split('\n');
    assert.equal(lines.length, 2, `a problem is two lines: ${JSON.stringify(block)}`);
    const [main, fixLine] = lines as [string, string];
    assert.ok(fixLine.startsWith('    Fix: '), `the second line gives the fix: ${JSON.stringify(fixLine)}`);
    return { main, fix: fixLine.slice('    Fix: '.length) };
  });
  return { problems, summary };
}

export function assertNoStackTrace(output: string): void {
  assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
  assert.doesNotMatch(output, /Error:/, 'no JavaScript error name');
  assert.doesNotMatch(output, /node:internal|\.ts:\d+:\d+/, 'no source locations of the program');
}
