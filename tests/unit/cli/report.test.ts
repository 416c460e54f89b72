import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportProblems } from '../../../src/cli/report.ts';
import type { ContentProblem } from '../../../src/content/problems.ts';
import { parseReport } from '../../helpers/report.ts';

const problems: ContentProblem[] = [
  {
    file: 'content/2015-2016/the-scratch-project/index.el.md',
    line: 7,
    field: 'partners',
    message: '"Latvija" is not a country this archive knows.',
    fix: "Did you mean Λετονία / Latvia (LV)? Write the country's name in Greek or English, or its two-letter code.",
  },
  {
    file: 'content/2014-2015/Cool Or Not',
    message: '"Cool Or Not" cannot be a project folder\'s name.',
    fix: 'Rename the folder to "cool-or-not".',
  },
];

test('prints every problem and its fix, then the summary with what happened, on standard error', (t) => {
  const printed: string[] = [];
  t.mock.method(console, 'error', (text: string) => printed.push(`${text}\n`));
  t.mock.method(console, 'log', () => assert.fail('nothing on standard output'));
  reportProblems(problems, 'Nothing was built; _site is unchanged.');
  assert.equal(printed.length, 1, 'one write, so that nothing comes between its lines');
  const report = parseReport(printed[0]!);
  assert.deepEqual(report.problems, [
    { main: 'content/2015-2016/the-scratch-project/index.el.md:7: partners: "Latvija" is not a country this archive knows.', fix: problems[0]!.fix },
    { main: 'content/2014-2015/Cool Or Not: "Cool Or Not" cannot be a project folder\'s name.', fix: 'Rename the folder to "cool-or-not".' },
  ]);
  assert.equal(report.summary, '2 errors in 2 files. Nothing was built; _site is unchanged.');
});
