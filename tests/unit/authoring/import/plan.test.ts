import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block, MainText } from '../../../../src/authoring/import/main-text.ts';
import { folderName, planImport, type EntryPlan } from '../../../../src/authoring/import/plan.ts';
import { schoolNamesIn } from '../../../../src/authoring/import/school-name.ts';

/** A page of plain lines, as mainTextOfPlainText gives it. */
function page(lines: string[], title?: string): MainText {
  const blocks: Block[] = lines.map((text, index) => ({ text, parts: [{ text }], line: index + 1, heading: text.startsWith('# ') }));
  for (const block of blocks) if (block.heading) block.text = block.parts[0]!.text = block.text.slice(2);
  return { blocks, title, credits: [] };
}
const entries = (plan: ReturnType<typeof planImport>): EntryPlan[] => plan.years.flatMap((year) => year.entries);

test('folder names as npm run new makes them; a long title with a subtitle is named after its main title', () => {
  assert.equal(folderName('The Scratch Project'), 'the-scratch-project');
  assert.equal(folderName('Separated... and... United'), 'separated-and-united');
  assert.equal(folderName('Holy Days and Holidays in Poland and in Greece'), 'holy-days-and-holidays-in-poland-and-in-greece');
  assert.equal(folderName('Cool or not too cool? Rights and Obligations of students in the Greek and other EU primary Schools'), 'cool-or-not-too-cool');
  assert.equal(folderName('Παίζουμε με τις λέξεις'), 'paizoume-me-tis-lexeis'); // ELOT 743
  assert.equal(folderName('«»'), 'project');
});

test('continues: the same title in consecutive years, or a sentence that says so; written once, in the later project', () => {
  const plan = planImport(
    page([
      'Σχολικό έτος 2016-2017',
      'Το τμήμα ΣΤ1 συνεχίζει για τρίτη χρονιά το πρόγραμμα Water και συνεργάζεται με την Ιταλία.',
      "Η Δ' τάξη συμμετέχει στο πρόγραμμα Fire με σχολεία από την Κύπρο.",
      'Σχολικό έτος 2015-2016',
      'Το τμήμα Ε1 συμμετέχει στο πρόγραμμα Earth με σχολεία από την Κύπρο.',
      'Σχολικό έτος 2014-2015',
      'Το τμήμα Δ1 συμμετέχει στο πρόγραμμα Water με σχολεία από την Ιταλία.',
      "Η Β' τάξη συμμετέχει στο πρόγραμμα Fire με σχολεία από την Κύπρο.",
      "Η Γ' τάξη συμμετέχει στο πρόγραμμα «EARTH» με σχολεία από την Κύπρο.",
      'Σχολικό έτος 2013-2014',
      "Η Α' τάξη συμμετέχει στο πρόγραμμα Water με σχολεία από την Κύπρο.",
    ]),
    { schoolName: 'Δημοτικό Σχολείο Δοκιμής' },
  );
  const byLine = new Map(entries(plan).map((entry) => [entry.block.line, entry.planned]));
  // "συνεχίζει": the nearest earlier year with the title, two years back.
  assert.equal(byLine.get(2)!.project.continues, '2014-2015/water');
  // The same title two years apart, without a word of continuing, is not taken for the same project.
  assert.equal(byLine.get(3)!.project.continues, undefined);
  // The same title (spelling aside) a year apart is.
  assert.equal(byLine.get(5)!.project.continues, '2014-2015/earth');
  assert.equal(byLine.get(7)!.project.continues, '2013-2014/water');
  assert.equal(byLine.get(11)!.project.continues, undefined);
  // Only the later project's first (Greek) file names it.
  const files = byLine.get(2)!.files;
  assert.match(files[0]!.text, /^continues: 2014-2015\/water$/m);
  assert.doesNotMatch(files[1]!.text, /^continues:/m);
});

test('a sentence that says it continues, with no earlier project on the page, is planned without continues and marked', () => {
  const plan = planImport(page(['Σχολικό έτος 2015-2016', 'Το τμήμα ΣΤ2 συνεχίζει για δεύτερη χρονιά το πρόγραμμα Water και συνεργάζεται με την Ιταλία.']), {
    schoolName: 'x',
  });
  const [entry] = entries(plan);
  assert.equal(entry!.planned!.project.continues, undefined);
  assert.equal(entry!.earlierNotFound, true);
});

test("the project's files: the Greek one with the page's own sentence, the English one with a sentence of its facts", () => {
  const plan = planImport(
    page([
      'Σχολικό έτος 2015-2016',
      'Τα τμήματα Δ2 και E1 συμμετέχουν στο πρόγραμμα Healthy *Habits* και συνεργάζονται με σχολεία της Ρουμανίας και του Ηνωμένου Βασιλείου.',
    ]),
    { schoolName: 'x' },
  );
  const planned = entries(plan)[0]!.planned!;
  assert.equal(planned.id, '2015-2016/healthy-habits');
  assert.deepEqual(
    planned.files.map((file) => file.path),
    ['2015-2016/healthy-habits/index.el.md', '2015-2016/healthy-habits/index.en.md'],
  );
  assert.equal(
    planned.files[0]!.text,
    '---\ntitle: Healthy *Habits*\nclasses:\n  - Δ2\n  - Ε1\npartners:\n  - Ρουμανία\n  - Ηνωμένο Βασίλειο\n---\n\n' +
      'Τα τμήματα Δ2 και E1 συμμετέχουν στο πρόγραμμα Healthy \\*Habits\\* και συνεργάζονται με σχολεία της Ρουμανίας και του Ηνωμένου Βασιλείου.\n',
  );
  assert.equal(
    planned.files[1]!.text,
    '---\ntitle: Healthy *Habits*\n---\n\nTaking part in “Healthy *Habits*”: 4th grade, section 2 and 5th grade, section 1. Partner countries: Romania and United Kingdom.\n',
  );
});

test('two entries of one year with the same title get two folders', () => {
  const plan = planImport(
    page([
      'Σχολικό έτος 2015-2016',
      'Το τμήμα Ε1 συμμετέχει στο πρόγραμμα Water με σχολεία από την Ιταλία.',
      'Το τμήμα Ε2 συμμετέχει στο πρόγραμμα Water με σχολεία από την Ισπανία.',
    ]),
    { schoolName: 'x' },
  );
  assert.deepEqual(
    entries(plan).map((entry) => entry.planned!.id),
    ['2015-2016/water', '2015-2016/water-2'],
  );
});

test("the school: its name from the option, the page's title or its text; the introduction without the page's own heading", () => {
  const lines = ['# eTwinning', 'Το 14ο Δημοτικό Σχολείο Αχαρνών, συνεχίζοντας την παράδοση, συμμετέχει στο eTwinning.', 'Σχολικό έτος 2015-2016'];
  const fromText = planImport(page(lines));
  assert.equal(fromText.school.name, '14ο Δημοτικό Σχολείο Αχαρνών');
  assert.deepEqual(fromText.school.found?.from, { line: 2 });
  assert.deepEqual(
    fromText.school.intro.map((block) => block.line),
    [2],
  );
  assert.deepEqual(
    fromText.school.files.map((file) => file.path),
    ['school.el.md', 'school.en.md'],
  );
  assert.equal(fromText.school.files[0]!.text, `---\nname: 14ο Δημοτικό Σχολείο Αχαρνών\n---\n\n${lines[1]}\n`);
  assert.equal(
    fromText.school.files[1]!.text,
    '---\nname: 14ο Δημοτικό Σχολείο Αχαρνών\n---\n\nThe eTwinning projects of 14ο Δημοτικό Σχολείο Αχαρνών, school year by school year, since 2015-2016.\n',
  );
  const fromTitle = planImport(page(lines.slice(2), 'eTwinning - 2ο Γυμνάσιο Νέας Σμύρνης'));
  assert.equal(fromTitle.school.name, '2ο Γυμνάσιο Νέας Σμύρνης');
  assert.deepEqual(fromTitle.school.found?.from, { title: true });
  const given = planImport(page(lines), { schoolName: ' 5ο Νηπιαγωγείο Αχαρνών ' });
  assert.equal(given.school.name, '5ο Νηπιαγωγείο Αχαρνών');
  assert.equal(given.school.found, undefined);
  const none = planImport(page(['Τα προγράμματά μας.', ...lines.slice(2)]));
  assert.equal(none.school.name, undefined);
  assert.deepEqual(none.school.files, []);
});

test('school names in a sentence, put in the nominative', () => {
  assert.deepEqual(schoolNamesIn('Οι μαθητές του 2ου Δημοτικού Σχολείου Νέας Σμύρνης έγραψαν'), ['2ο Δημοτικό Σχολείο Νέας Σμύρνης']);
  assert.deepEqual(schoolNamesIn('Το 1ο Πειραματικό Γυμνάσιο Αθηνών'), ['1ο Πειραματικό Γυμνάσιο Αθηνών']);
  assert.deepEqual(schoolNamesIn('14ο ΔΗΜΟΤΙΚΟ ΣΧΟΛΕΙΟ ΑΧΑΡΝΩΝ - eTwinning'), ['14ο ΔΗΜΟΤΙΚΟ ΣΧΟΛΕΙΟ ΑΧΑΡΝΩΝ']);
  assert.deepEqual(schoolNamesIn('Το σχολείο μας συμμετέχει'), []);
});

test("a project's sentence before the first school year is not the introduction, and is not imported", () => {
  const plan = planImport(
    page([
      'Το 14ο Δημοτικό Σχολείο Αχαρνών συμμετέχει κάθε χρονιά στο eTwinning.',
      "Η Ε' τάξη συμμετέχει στο πρόγραμμα Stray με σχολεία από την Ιταλία.",
      'Σχολικό έτος 2015-2016',
      "Η Ε' τάξη συμμετέχει στο πρόγραμμα Water με σχολεία από την Ιταλία.",
    ]),
  );
  assert.deepEqual(
    plan.school.intro.map((block) => block.line),
    [1],
  );
  assert.deepEqual(
    plan.beforeFirstYear.map((entry) => [entry.block.line, entry.reading.title, entry.planned]),
    [[2, 'Stray', undefined]],
  );
  assert.doesNotMatch(plan.school.files[0]!.text, /Stray/);
  assert.deepEqual(
    entries(plan).map((entry) => entry.planned!.id),
    ['2015-2016/water'],
  );
});
