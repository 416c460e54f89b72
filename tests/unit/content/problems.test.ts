import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { useMessageLanguage } from '../../../src/content/messages.ts';
import { formatProblem, formatSummary, sortProblems, type ContentProblem } from '../../../src/content/problems.ts';
import { MESSAGE_LANG } from '../../../src/i18n/languages.ts';

const SCRATCH_EL = 'content/2015-2016/the-scratch-project/index.el.md';
const COOL_EN = 'content/2014-2015/cool-or-not-too-cool/index.en.md';

const latvija: ContentProblem = {
  file: SCRATCH_EL,
  line: 7,
  field: 'partners',
  message: '"Latvija" is not a country this archive knows.',
  fix: "Did you mean Λετονία / Latvia (LV)? Write the country's name in Greek or English, or its two-letter code.",
};
const badFolder: ContentProblem = {
  file: 'content/2015-2016/Scratch Project',
  message: '"Scratch Project" cannot be a project folder\'s name.',
  fix: 'Rename the folder to "scratch-project".',
};
const untranslated: ContentProblem = {
  file: 'content/2013-2014/traditional-cultures',
  severity: 'warning',
  message: 'The project has no text yet in: English.',
  fix: 'Write content/2013-2014/traditional-cultures/index.en.md, with the title and the text in that language.',
};

describe('a problem is printed', () => {
  test('as file:line: field: message, then the fix on its own indented line, as editors and CI read it', () => {
    assert.equal(
      formatProblem(latvija),
      `${SCRATCH_EL}:7: partners: "Latvija" is not a country this archive knows.\n    Fix: Did you mean Λετονία / Latvia (LV)? Write the country's name in Greek or English, or its two-letter code.`,
    );
  });

  test('without a line or a field when it is about a whole file or folder', () => {
    assert.equal(
      formatProblem(badFolder),
      'content/2015-2016/Scratch Project: "Scratch Project" cannot be a project folder\'s name.\n    Fix: Rename the folder to "scratch-project".',
    );
  });

  test('marked as a warning when it is one', () => {
    assert.match(formatProblem(untranslated), /^content\/2013-2014\/traditional-cultures: warning: The project has no text yet in: English\.\n {4}Fix: /);
  });
});

describe('the summary', () => {
  test('counts the errors and the files they are in', () => {
    assert.equal(formatSummary([latvija]), '1 error in 1 file.');
    assert.equal(formatSummary([latvija, { ...latvija, line: 9 }]), '2 errors in 1 file.');
    assert.equal(formatSummary([latvija, { ...latvija, line: 9 }, badFolder]), '3 errors in 2 files.');
  });

  test('adds the warnings, which are not errors', () => {
    assert.equal(formatSummary([latvija, untranslated]), '1 error in 1 file, 1 warning.');
    assert.equal(formatSummary([untranslated, { ...untranslated, file: COOL_EN }]), '2 warnings.');
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
  after(() => useMessageLanguage(MESSAGE_LANG));

  test('the fix, the warning and the summary are in Greek, with Greek plurals', () => {
    useMessageLanguage('el');
    assert.match(formatProblem(latvija), /\n {4}Διόρθωση: Did you mean/);
    assert.match(formatProblem(untranslated), /^content\/2013-2014\/traditional-cultures: προειδοποίηση: /);
    assert.equal(formatSummary([latvija]), '1 λάθος σε 1 αρχείο.');
    assert.equal(formatSummary([latvija, badFolder, untranslated, untranslated]), '2 λάθη σε 2 αρχεία, 2 προειδοποιήσεις.');
  });
});
