import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translationWarnings } from '../../../src/cli/translation-warnings.ts';
import type { ProjectFolder } from '../../../src/content/layout.ts';
import { sayProblem } from '../../../src/content/problems.ts';
import type { TranslationStatus } from '../../../src/content/translation-status.ts';
import type { Lang } from '../../../src/i18n/languages.ts';

/** The warnings, said in English (or `lang`), as the check prints them. */
const warningsIn = (status: Parameters<typeof translationWarnings>[0], lang: Lang = 'en') =>
  translationWarnings(status, 'content').map((warning) => sayProblem(warning, lang));

const SCRATCH = 'content/2015-2016/the-scratch-project';
const CULTURES = 'content/2013-2014/traditional-cultures';

const scratch: ProjectFolder = {
  year: '2015-2016',
  slug: 'the-scratch-project',
  folder: SCRATCH,
  files: [
    { lang: 'el', absolute: `/school/${SCRATCH}/index.el.md`, file: `${SCRATCH}/index.el.md` },
    { lang: 'en', absolute: `/school/${SCRATCH}/index.en.md`, file: `${SCRATCH}/index.en.md` },
  ],
  hasMisnamedFile: false,
};
const cultures: ProjectFolder = {
  year: '2013-2014',
  slug: 'traditional-cultures',
  folder: CULTURES,
  files: [{ lang: 'el', absolute: `/school/${CULTURES}/index.el.md`, file: `${CULTURES}/index.el.md` }],
  hasMisnamedFile: false,
};

const missing: TranslationStatus = { history: true, notes: [{ kind: 'missing', project: cultures, missing: ['en'] }] };
const stale = (changed: Date | 'uncommitted'): TranslationStatus => ({
  history: true,
  notes: [{ kind: 'stale', project: scratch, newer: 'el', older: 'en', newerFile: `${SCRATCH}/index.el.md`, olderFile: `${SCRATCH}/index.en.md`, changed }],
});

describe('a project without a language', () => {
  test('is a warning on its folder that names the file to write', () => {
    assert.deepEqual(warningsIn(missing), [
      {
        file: CULTURES,
        severity: 'warning',
        message: 'The project has no text yet in: English.',
        fix: `Write ${CULTURES}/index.en.md, with the title and the text in that language.`,
      },
    ]);
  });
});

describe('a translation older than the other language', () => {
  test('is a warning on the older file, with the day the newer one changed', () => {
    assert.deepEqual(warningsIn(stale(new Date('2016-03-14T10:00:00Z'))), [
      {
        file: `${SCRATCH}/index.en.md`,
        severity: 'warning',
        message: 'index.el.md was changed after index.en.md (on March 14, 2016): the translation may no longer say the same.',
        fix: `Read ${SCRATCH}/index.en.md again and bring it up to date.`,
      },
    ]);
  });

  test('says so when the newer one is not committed yet', () => {
    const [warning] = warningsIn(stale('uncommitted'));
    assert.equal(warning!.message, 'index.el.md was changed after index.en.md (a change not committed yet): the translation may no longer say the same.');
  });
});

test('a content folder outside git: one more warning, that stale translations cannot be found', () => {
  const warnings = warningsIn({ ...missing, history: false });
  assert.equal(warnings.length, 2);
  assert.deepEqual(warnings[1], {
    file: 'content',
    severity: 'warning',
    message: 'The folder content is not in a git repository, so out-of-date translations cannot be found.',
    fix: 'Keep the content in a git repository (as on GitHub) for this check.',
  });
  assert.deepEqual(warningsIn({ history: true, notes: [] }), []);
});

describe('in Greek', () => {
  test('languages and dates are written in Greek', () => {
    assert.equal(warningsIn(missing, 'el')[0]!.message, 'Το πρόγραμμα δεν έχει ακόμη κείμενο σε αυτή τη γλώσσα: Αγγλικά.');
    assert.match(warningsIn(stale(new Date('2016-03-14T10:00:00Z')), 'el')[0]!.message, /\(στις 14 Μαρτίου 2016\)/);
  });
});
