/**
 * The import's report from a plan and what was written, without writing
 * anything: tests/build/import.test.ts runs the whole command on a real page.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DecodedPage } from '../../../src/authoring/import/decode.ts';
import { mainTextOfPlainText } from '../../../src/authoring/import/main-text.ts';
import { planImport, type ImportPlan } from '../../../src/authoring/import/plan.ts';
import type { WriteFailure, WriteOutcome } from '../../../src/authoring/import/write.ts';
import { importReport, type ImportOutcome } from '../../../src/cli/import-report.ts';
import type { Lang } from '../../../src/i18n/languages.ts';

const PAGE = [
  'Το 14ο Δημοτικό Σχολείο Αχαρνών, συνεχίζοντας την παράδοση, συμμετέχει στο eTwinning.', // 1
  '',
  'Σχολικό έτος 2015-2016', // 3
  '',
  "Η Ε' τάξη συμμετέχει στο πρόγραμμα The Scratch Project και συνεργάζεται με σχολεία από την Ελλάδα και τη Λετονία.", // 5
  '',
  'Τα τμήματα Δ2 και Ε1 συμμετέχουν στο πρόγραμμα Healthy Habits και συνεργάζονται με σχολεία της Ρουμανίας και της Ατλαντίδας.', // 7
  '',
  'Το ΣΤ1 συμμετέχει στο πρόγραμμα Olympic Games unite the world και συνεργάζεται με σχολεία της Τουρκίας.', // 9
  '',
  'Σχολικό έτος 2014-2016', // 11
  '',
  "Η Ε' τάξη συμμετέχει στο πρόγραμμα Water και συνεργάζεται με σχολεία της Πολωνίας.", // 13
].join('\n');

const UTF8: DecodedPage = { text: '', kind: 'text', encoding: 'utf-8', source: 'utf-8' };

/** The report on a page whose projects had these outcomes, in order, and whose school files these. */
function report(text: string, outcomes: WriteOutcome[], schoolFiles: ImportOutcome['schoolFiles'], lang: Lang = 'en', decoded = UTF8) {
  const plan: ImportPlan = planImport(mainTextOfPlainText(text));
  const planned = plan.years.flatMap((year) => year.entries).flatMap((entry) => (entry.planned ? [entry.planned] : []));
  const projects = new Map(planned.map((project, index) => [project, outcomes[index]!]));
  return importReport(plan, { projects, schoolFiles }, { file: 'old-page.txt', decoded: { ...decoded, text }, contentDir: 'content' }, lang);
}

const written = new Map([
  ['school.el.md', 'written'],
  ['school.en.md', 'written'],
] as const);

describe('the report', () => {
  const { text, toFinish } = report(PAGE, [{ status: 'written' }, { status: 'alreadyThere' }, { status: 'occupied', title: 'Olympic Games' }], written);
  const lines = text.split('\n');

  test("says how the page was read and where the school's name came from", () => {
    assert.equal(lines[0], 'Reading old-page.txt: plain text, UTF-8.');
    assert.ok(lines.includes('School: 14ο Δημοτικό Σχολείο Αχαρνών (from line 1 of the page)'));
    assert.ok(lines.includes('  introduction: 1 paragraph, from line 1'));
    assert.ok(lines.includes('  written: content/school.el.md'));
  });

  test('lists each entry with its line, what was understood and what became of it', () => {
    const year = lines.indexOf('School year 2015-2016 (line 3)');
    assert.ok(year > 0);
    assert.deepEqual(lines.slice(year + 1, year + 13), [
      '  line 5: The Scratch Project',
      "      classes: Ε'",
      '      partners: Greece, Latvia',
      '      written: content/2015-2016/the-scratch-project',
      '  line 7: Healthy Habits',
      '      classes: Δ2, Ε1',
      '      partners: Romania',
      '      already there, left as it is: content/2015-2016/healthy-habits',
      '  line 9: Olympic Games unite the world',
      '      classes: ΣΤ1',
      '      partners: Türkiye',
      '      not written: content/2015-2016/olympic-games-unite-the-world (see the end)',
    ]);
  });

  test('sums up, says what to do next, and ends with every part to finish by hand, each at its line with its fix', () => {
    assert.ok(lines.includes('3 projects in 1 school year: 1 written, 1 already there.'));
    assert.ok(lines.includes("In content/school.en.md, write the school's name in English."));
    assert.ok(lines.includes('Next: check the archive with npm run check, then see it with npm start.'));
    assert.equal(toFinish, 3);
    const end = lines.slice(lines.indexOf('3 parts of the page to finish by hand:'));
    assert.match(end.join('\n'), /\nold-page\.txt:7: Not all of this entry was read:\n {4}- “[^”]*Ατλαντίδας” is not a country this archive knows/);
    assert.ok(end.includes('    Understood: title “Healthy Habits”; classes: Δ2, Ε1; partners: Romania.'));
    assert.ok(end.includes('    Fix: Add what is missing to content/2015-2016/healthy-habits/index.el.md by hand.'));
    assert.ok(
      end.includes(
        'old-page.txt:9: The folder content/2015-2016/olympic-games-unite-the-world already holds another project (“Olympic Games”); this one was not written.',
      ),
    );
    assert.ok(end.includes('old-page.txt:11: “Σχολικό έτος 2014-2016” is not one school year; the entries under it (1) were not imported.'));
    assert.ok(end.includes('    Fix: Write the heading as one school year in the page (e.g. Σχολικό έτος 2014-2015) and import again.'));
  });
});

test('a page imported again: everything was already there, nothing to finish', () => {
  const page = PAGE.split('\n').slice(0, 6).join('\n');
  const again = report(
    page,
    [{ status: 'alreadyThere' }],
    new Map([
      ['school.el.md', 'alreadyThere'],
      ['school.en.md', 'alreadyThere'],
    ]),
  );
  assert.equal(again.toFinish, 0);
  assert.match(
    again.text,
    /\n1 project in 1 school year: 0 written, 1 already there\.\nEverything was already there: nothing was changed\.\nEverything in the page was understood\.$/,
  );
});

test('a page without a school year heading imports nothing, and says what to check', () => {
  const none = report('Καλώς ήρθατε στο eTwinning του σχολείου μας.', [], new Map());
  assert.equal(none.toFinish, 2);
  assert.match(
    none.text,
    /\nold-page\.txt: The school's name was not found in the page; the school's files were not written\.\n {4}Fix: Import again with the name: npm run import -- old-page\.txt --school-name "…"/,
  );
  assert.match(none.text, /\nold-page\.txt: No school year heading \(such as “Σχολικό έτος 2015-2016”\) was found: no project was imported\./);
});

test('a page in another encoding than the one it declares says which it was read in', () => {
  const page = PAGE.split('\n').slice(0, 6).join('\n');
  const guessed = report(page, [{ status: 'written' }], written, 'en', {
    text: '',
    kind: 'html',
    encoding: 'windows-1253',
    source: 'guessed',
    declared: 'iso-8859-1',
  });
  assert.match(guessed.text, /^Reading old-page\.txt: a web page \(HTML\), windows-1253 \(guessed: the page declares iso-8859-1, but the file is not\)\./);
});

test('a Greek page that declares a Latin encoding says it was read as windows-1253, in both languages', () => {
  const page = PAGE.split('\n').slice(0, 6).join('\n');
  const decoded: DecodedPage = { text: '', kind: 'html', encoding: 'windows-1253', source: 'greek-letters', declared: 'windows-1252' };
  assert.match(
    report(page, [{ status: 'written' }], written, 'en', decoded).text,
    /^Reading old-page\.txt: a web page \(HTML\), the page declares windows-1252, but its letters are Greek: read as windows-1253\.\n/,
  );
  assert.match(
    report(page, [{ status: 'written' }], written, 'el', decoded).text,
    /^Ανάγνωση του old-page\.txt: ιστοσελίδα \(HTML\), η σελίδα δηλώνει windows-1252, αλλά τα γράμματά της είναι ελληνικά: διαβάστηκε ως windows-1253\.\n/,
  );
});

test('a project or a school file that could not be written is a part to finish, with what was in the way and the fix; the others are written', () => {
  const page = PAGE.split('\n').slice(0, 10).join('\n');
  const { text, toFinish } = report(
    page,
    [
      { status: 'failed', failure: { reason: 'notAFolder', blocker: 'content/2015-2016' } },
      { status: 'written' },
      { status: 'failed', failure: { reason: 'full' } },
    ],
    new Map<string, 'written' | { failure: WriteFailure }>([
      ['school.el.md', 'written'],
      ['school.en.md', { failure: { reason: 'denied', blocker: 'content' } }],
    ]),
  );
  const lines = text.split('\n');
  assert.ok(lines.includes('  not written: content/school.en.md (see the end)'));
  assert.ok(lines.includes('      not written: content/2015-2016/the-scratch-project (see the end)'));
  assert.ok(lines.includes('      written: content/2015-2016/healthy-habits'));
  assert.ok(lines.includes('3 projects in 1 school year: 1 written, 0 already there.'));
  assert.equal(toFinish, 4);
  assert.ok(
    text.includes(
      'old-page.txt: content/school.en.md could not be written: there is no permission to write in content.\n' +
        '    Fix: Allow writing in content, or import into another folder with --content, then import again.\n',
    ),
    text,
  );
  assert.ok(
    text.includes(
      'old-page.txt:5: content/2015-2016/the-scratch-project could not be written: content/2015-2016 is a file, where a folder is needed.\n' +
        '    Fix: Rename or move the file content/2015-2016, then import again (what is already written stays as it is).\n',
    ),
    text,
  );
  assert.ok(
    text.includes(
      'old-page.txt:9: content/2015-2016/olympic-games-unite-the-world could not be written: the disk is full.\n' +
        '    Fix: Make room on the disk, then import again (what is already written stays as it is).',
    ),
    text,
  );
});

test('in Greek, for a teacher who asked for it', () => {
  const { text } = report(PAGE, [{ status: 'written' }, { status: 'alreadyThere' }, { status: 'occupied', title: 'Olympic Games' }], written, 'el');
  const lines = text.split('\n');
  assert.equal(lines[0], 'Ανάγνωση του old-page.txt: απλό κείμενο, UTF-8.');
  assert.ok(lines.includes('Σχολικό έτος 2015-2016 (γραμμή 3)'));
  assert.ok(lines.includes('  γραμμή 5: The Scratch Project'));
  assert.ok(lines.includes('      εταίροι: Ελλάδα, Λετονία'));
  assert.ok(lines.includes('3 σημεία της σελίδας για να ολοκληρωθούν με το χέρι:'));
});
