import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { classGroupKey } from '../../../../src/content/normalise/grades.ts';
import { readEntry } from '../../../../src/authoring/import/entry.ts';

/** The reading of a sentence in short: class keys, title, partner codes, continuing. */
function read(sentence: string) {
  const reading = readEntry(sentence);
  return {
    classes: reading.classes.map(classGroupKey),
    title: reading.title,
    partners: reading.partners,
    continuing: reading.continuing,
    unread: reading.unread,
  };
}

test('every entry of the seed page is read whole', () => {
  const seed = readFileSync(new URL('../../../fixtures/seed/old-page.txt', import.meta.url), 'utf8');
  const entries = seed
    .split('\n')
    .filter((line) => line.includes('•'))
    .map((line) => line.replace(/^\s*•\s*/, ''));
  assert.equal(entries.length, 10);
  for (const entry of entries) assert.deepEqual(readEntry(entry).unread, [], entry);
});

test('the classes, in the forms schools write them', () => {
  const forms: Array<[string, string[]]> = [
    ["Η Ε' τάξη", ['5']],
    ['Το τμήμα ΣΤ1', ['6-1']],
    ['Τα τμήματα Δ2 και Ε1', ['4-2', '5-1']],
    ["Οι Α', Β' και Γ\u0384 τάξεις", ['1', '2', '3']],
    ["Η Στ' Δημοτικού", ['6']],
    ["Η Ε' και ΣΤ' Δημοτικού", ['5', '6']],
    ['Η Ε\u2019 τάξη', ['5']], // a smart quote
    ['Τα τμήματα Δ2 και E1', ['4-2', '5-1']], // a Latin E
  ];
  for (const [classes, keys] of forms) {
    const reading = read(`${classes} συμμετέχει στο πρόγραμμα Water με σχολεία από την Ιταλία.`);
    assert.deepEqual(reading.classes, keys, classes);
    assert.deepEqual(reading.unread, [], classes);
  }
});

test('the title: after "στο πρόγραμμα" or "στο έργο", quoted or not, up to where the partners begin', () => {
  const titles: Array<[string, string]> = [
    ["Η Ε' τάξη συμμετέχει στο πρόγραμμα The Scratch Project με συνεργάτες από την Ελλάδα.", 'The Scratch Project'],
    ["Η Ε' τάξη συμμετέχει στο έργο «Παίζουμε με τις λέξεις» με σχολεία από την Ελλάδα.", 'Παίζουμε με τις λέξεις'],
    ['Η Ε\' τάξη συμμετέχει στο πρόγραμμα "Water, life and us" και συνεργάζεται με την Ιταλία.', 'Water, life and us'],
    ["Η Ε' τάξη συμμετέχει στο πρόγραμμα “Water” και συνεργάζεται με την Ιταλία.", 'Water'],
    ["Η Ε' τάξη συμμετέχει στο πρόγραμμα Medicinal and aromatic plants,όπου συνεργάζεται με ένα σχολείο της Ρουμανίας.", 'Medicinal and aromatic plants'],
    ["Η Ε' τάξη συμμετέχει στο πρόγραμμα Separated... and... United και συνεργάζονται με σχολεία από την Ελλάδα.", 'Separated... and... United'],
    [
      "Η Ε' τάξη συμμετέχει στο πρόγραμμα Cool or not too cool? Rights and Obligations και συνεργάζεται με την Ισπανία.",
      'Cool or not too cool? Rights and Obligations',
    ],
    ["Η Ε' τάξη συμμετέχει στο ευρωπαϊκό πρόγραμμα eTwinning «Water» με σχολεία από την Ιταλία.", 'Water'],
    ['Το τμήμα Ε2 παίρνει μέρος στο πρόγραμμα Water μαζί με σχολεία της Ιταλίας.', 'Water'],
  ];
  for (const [sentence, title] of titles) {
    const reading = read(sentence);
    assert.equal(reading.title, title, sentence);
    assert.deepEqual(reading.unread, [], sentence);
  }
});

test('the partners, in the order given, as Greek sentences name them in any case', () => {
  const partners: Array<[string, string[]]> = [
    ['με συνεργάτες από την Ελλάδα, τη Λετονία, το Ηνωμένο Βασίλειο, την Ιταλία και την Ισπανία', ['GR', 'LV', 'GB', 'IT', 'ES']],
    ['όπου συνεργάζεται με ένα σχολείο της Ρουμανίας', ['RO']],
    ['και συνεργάζεται με σχολεία από την Ιταλία και τη Γαλλία', ['IT', 'FR']],
    ['μαζί με σχολεία της Ρουμανίας, του Ηνωμένου Βασιλείου και της Κύπρου', ['RO', 'GB', 'CY']],
    ['και συνεργάζεται με δύο σχολεία από την Πολωνία και ένα σχολείο του Βελγίου', ['PL', 'BE']],
    ['σε συνεργασία με την Τουρκία, τον Λίβανο και τις Κάτω Χώρες', ['TR', 'LB', 'NL']],
    ['και συνεργάζεται με σχολεία από την Ελλάδα (δύο σχολεία) και την Ιταλία', ['GR', 'IT']],
    ['και συνεργάζεται με σχολεία από το Τρινιντάντ και Τομπάγκο και τη Μάλτα', ['TT', 'MT']],
  ];
  for (const [words, codes] of partners) {
    const sentence = `Η Ε' τάξη συμμετέχει στο πρόγραμμα Water ${words}.`;
    const reading = read(sentence);
    assert.deepEqual(reading.partners, codes, sentence);
    assert.equal(reading.title, 'Water', sentence);
    assert.deepEqual(reading.unread, [], sentence);
  }
});

test('a project that continues from an earlier year', () => {
  const continuing = [
    'Το τμήμα ΣΤ2 συνεχίζει για δεύτερη χρονιά το πρόγραμμα Water και συνεργάζεται με την Ιταλία.',
    'Το τμήμα ΣΤ2 συνεχίζει το πρόγραμμα Water για δεύτερη χρονιά και συνεργάζεται με την Ιταλία.',
    'Το τμήμα ΣΤ2 συμμετέχει για τρίτη συνεχόμενη χρονιά στο πρόγραμμα «Water» με σχολεία από την Ιταλία.',
  ];
  for (const sentence of continuing) {
    const reading = read(sentence);
    assert.equal(reading.continuing, true, sentence);
    assert.equal(reading.title, 'Water', sentence);
    assert.deepEqual(reading.partners, ['IT'], sentence);
  }
  assert.equal(read("Η Ε' τάξη συμμετέχει στο πρόγραμμα Water με σχολεία από την Ιταλία.").continuing, false);
});

test('what cannot be read is named, with what it may have meant', () => {
  const reading = read("Η Ζ' τάξη συμμετέχει στο πρόγραμμα Water με σχολεία από την Ατλαντίδα και την Λετονία.");
  assert.deepEqual(reading.classes, []);
  assert.equal(reading.title, 'Water');
  assert.deepEqual(reading.partners, ['LV']);
  assert.deepEqual(reading.unread[0], { part: 'classes', value: "Η Ζ' τάξη", suggestions: ["Α'", "Β'", "Γ'"] });
  assert.equal(reading.unread.length, 2);
  assert.equal(reading.unread[1]!.part, 'partners');
  assert.equal(reading.unread[1]!.value, 'την Ατλαντίδα');
  // A misspelt country is suggested by its right name.
  const misspelt = readEntry("Η Ε' τάξη συμμετέχει στο πρόγραμμα Water με σχολεία από τη Λετονίια.");
  assert.deepEqual(misspelt.unread, [{ part: 'partners', value: 'τη Λετονίια', suggestions: ['LV'] }]);
  const noTitle = readEntry("Η Δ' τάξη συμμετέχει στο πρόγραμμα με σχολεία από την Ιταλία.");
  assert.deepEqual(noTitle.unread, [{ part: 'title' }]);
  assert.deepEqual(noTitle.partners, ['IT']);
  const noPartners = readEntry("Η Δ' τάξη συμμετέχει στο πρόγραμμα Water.");
  assert.equal(noPartners.title, 'Water');
  assert.deepEqual(noPartners.unread, [{ part: 'partners' }]);
  const notAProject = readEntry('Φωτογραφίες από τις δράσεις μας.');
  assert.equal(notAProject.aboutAProject, false);
  assert.deepEqual(notAProject.unread, [{ part: 'classes' }, { part: 'title' }, { part: 'partners' }]);
});
