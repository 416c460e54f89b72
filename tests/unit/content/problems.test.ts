import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { say } from '../../../src/content/messages.ts';
import { formatProblem, formatSummary, sayProblem, sortProblems, type ContentProblem } from '../../../src/content/problems.ts';

const SCRATCH_EL = 'content/2015-2016/the-scratch-project/index.el.md';
const COOL_EN = 'content/2014-2015/cool-or-not-too-cool/index.en.md';

const latvija: ContentProblem = {
  file: SCRATCH_EL,
  line: 7,
  field: 'partners',
  message: say('badCountry', { value: 'Latvija' }),
  fix: say('badCountryFix', {
    didYouMean: say('didYouMean', { values: 'Λετονία / Latvia (LV)' }),
    languages: { list: [say('inLanguage', { language: { language: 'el' } }), say('inLanguage', { language: { language: 'en' } })], separator: say('or') },
  }),
};
const badFolder: ContentProblem = {
  file: 'content/2015-2016/Scratch Project',
  message: say('badSlug', { name: 'Scratch Project' }),
  fix: say('badSlugFix', { slug: 'scratch-project' }),
};
const untranslated: ContentProblem = {
  file: 'content/2013-2014/traditional-cultures',
  severity: 'warning',
  message: say('missingTranslation', { languages: { language: 'en' } }),
  fix: say('missingTranslationFix', { file: 'content/2013-2014/traditional-cultures/index.en.md' }),
};

describe('a problem is printed', () => {
  test('as file:line: field: message, then the fix on its own indented line, as editors and CI read it', () => {
    assert.equal(
      formatProblem(latvija, 'en'),
      `${SCRATCH_EL}:7: partners: "Latvija" is not a country this archive knows.\n    Fix: Did you mean Λετονία / Latvia (LV)? Write the country's name in Greek or English, or its two-letter code.`,
    );
  });

  test('without a line or a field when it is about a whole file or folder', () => {
    assert.equal(
      formatProblem(badFolder, 'en'),
      'content/2015-2016/Scratch Project: "Scratch Project" cannot be a project folder\'s name: it becomes the project\'s web address, so only small Latin letters (a-z), digits and dashes are allowed.\n    Fix: Rename the folder to "scratch-project".',
    );
  });

  test('marked as a warning when it is one', () => {
    assert.match(formatProblem(untranslated, 'en'), /^content\/2013-2014\/traditional-cultures: warning: The project has no text yet in: English\.\n {4}Fix: /);
  });
});

describe('the summary', () => {
  test('counts the errors and the files they are in', () => {
    assert.equal(formatSummary([latvija], 'en'), '1 error in 1 file.');
    assert.equal(formatSummary([latvija, { ...latvija, line: 9 }], 'en'), '2 errors in 1 file.');
    assert.equal(formatSummary([latvija, { ...latvija, line: 9 }, badFolder], 'en'), '3 errors in 2 files.');
  });

  test('adds the warnings, which are not errors', () => {
    assert.equal(formatSummary([latvija, untranslated], 'en'), '1 error in 1 file, 1 warning.');
    assert.equal(formatSummary([untranslated, { ...untranslated, file: COOL_EN }], 'en'), '2 warnings.');
  });
});

test("problems are sorted by file, then line, a file's problem without a line first", () => {
  const sorted = sortProblems([{ ...latvija, line: 12 }, { ...latvija, file: COOL_EN, line: 3 }, latvija, { ...latvija, line: undefined }, badFolder]);
  assert.deepEqual(
    sorted.map((problem) => `${problem.file}:${problem.line ?? ''}`),
    [`${COOL_EN}:3`, 'content/2015-2016/Scratch Project:', `${SCRATCH_EL}:`, `${SCRATCH_EL}:7`, `${SCRATCH_EL}:12`],
  );
});

describe('in Greek', () => {
  test('the same problems: the message, the fix, the warning and the summary in Greek, with Greek plurals', () => {
    assert.match(
      formatProblem(latvija, 'el'),
      /^content\/2015-2016\/the-scratch-project\/index\.el\.md:7: partners: .*Latvija.*\n {4}Διόρθωση: Μήπως εννοείτε Λετονία \/ Latvia \(LV\);/,
    );
    assert.match(formatProblem(untranslated, 'el'), /^content\/2013-2014\/traditional-cultures: προειδοποίηση: /);
    assert.equal(formatSummary([latvija], 'el'), '1 λάθος σε 1 αρχείο.');
    assert.equal(formatSummary([latvija, badFolder, untranslated, untranslated], 'el'), '2 λάθη σε 2 αρχεία, 2 προειδοποιήσεις.');
  });
});

test('a problem said in one language, as check --json prints it', () => {
  assert.deepEqual(sayProblem(badFolder, 'en'), {
    file: 'content/2015-2016/Scratch Project',
    message:
      '"Scratch Project" cannot be a project folder\'s name: it becomes the project\'s web address, so only small Latin letters (a-z), digits and dashes are allowed.',
    fix: 'Rename the folder to "scratch-project".',
  });
});
