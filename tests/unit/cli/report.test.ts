import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportProblems } from '../../../src/cli/report.ts';
import { say } from '../../../src/content/messages.ts';
import { type ContentProblem, sayProblem } from '../../../src/content/problems.ts';
import { parseReport } from '../../helpers/report.ts';

const problems: ContentProblem[] = [
  {
    file: 'content/2015-2016/the-scratch-project/index.el.md',
    line: 7,
    field: 'partners',
    message: say('badCountry', { value: 'Latvija' }),
    fix: say('badCountryFix', {
      didYouMean: say('didYouMean', { values: 'Λετονία / Latvia (LV)' }),
      languages: { list: [say('inLanguage', { language: { language: 'el' } }), say('inLanguage', { language: { language: 'en' } })], separator: say('or') },
    }),
  },
  {
    file: 'content/2014-2015/Cool Or Not',
    message: say('badSlug', { name: 'Cool Or Not' }),
    fix: say('badSlugFix', { slug: 'cool-or-not' }),
  },
];

test('prints every problem and its fix, then the summary with what happened, on standard error', (t) => {
  const printed: string[] = [];
  t.mock.method(console, 'error', (text: string) => printed.push(`${text}\n`));
  t.mock.method(console, 'log', () => assert.fail('nothing on standard output'));
  reportProblems(problems, 'Nothing was built; _site is unchanged.', 'en');
  assert.equal(printed.length, 1, 'one write, so that nothing comes between its lines');
  const report = parseReport(printed[0]!);
  assert.deepEqual(report.problems, [
    {
      main: 'content/2015-2016/the-scratch-project/index.el.md:7: partners: "Latvija" is not a country this archive knows.',
      fix: sayProblem(problems[0]!, 'en').fix,
    },
    { main: `content/2014-2015/Cool Or Not: ${sayProblem(problems[1]!, 'en').message}`, fix: 'Rename the folder to "cool-or-not".' },
  ]);
  assert.equal(report.summary, '2 errors in 2 files. Nothing was built; _site is unchanged.');
});

test('in the language it is given', (t) => {
  const printed: string[] = [];
  t.mock.method(console, 'error', (text: string) => printed.push(`${text}\n`));
  reportProblems(problems, 'Δεν δημιουργήθηκε τίποτα.', 'el');
  assert.match(printed[0]!, /\n {4}Διόρθωση: Μήπως εννοείτε Λετονία/);
  assert.match(printed[0]!, /\n\n2 λάθη σε 2 αρχεία\. Δεν δημιουργήθηκε τίποτα\.\n$/);
});
