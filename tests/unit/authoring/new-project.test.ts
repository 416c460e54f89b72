import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newProjectFiles, slugFor, type NewProject } from '../../../src/authoring/new-project.ts';
import { projectFrontMatter } from '../../../src/content/schema.ts';
import { readSourceFile } from '../../../src/content/source-file.ts';

const GAMES: NewProject = {
  year: '2016-2017',
  titles: { el: 'Παιχνίδια: τότε και τώρα', en: 'Games: then and now' },
  classes: [{ grade: 5 }, { grade: 6, section: 1 }],
  partners: ['GR', 'LV', 'GB'],
  continues: '2015-2016/the-scratch-project',
};

/** A written file as the check reads it: its validated front matter and its text. */
function checked(file: { name: string; text: string }) {
  const read = readSourceFile(`content/2016-2017/games/${file.name}`, new TextEncoder().encode(file.text));
  assert.ok('source' in read, JSON.stringify(read));
  const parsed = projectFrontMatter.safeParse(read.source.data);
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  return { fields: parsed.data, body: read.source.body.trim() };
}

describe("a new project's folder name", () => {
  test('comes from the English title, or else the Greek one transliterated', () => {
    assert.equal(slugFor(GAMES), 'games-then-and-now');
    assert.equal(slugFor({ titles: { el: 'Παιχνίδια: τότε και τώρα' } }), 'paichnidia-tote-kai-tora');
  });

  test('comes from the other title when one has nothing a web address can use, and is empty when none has', () => {
    assert.equal(slugFor({ titles: { el: 'Παιχνίδια', en: '!!!' } }), 'paichnidia');
    assert.equal(slugFor({ titles: { el: '🎲', en: '🎲' } }), '');
  });
});

describe("a new project's files", () => {
  test('are one per language it has a title in, each passing the check', () => {
    const files = newProjectFiles(GAMES);
    assert.deepEqual(
      files.map((file) => file.name),
      ['index.el.md', 'index.en.md'],
    );
    const [greek, english] = files.map(checked) as [ReturnType<typeof checked>, ReturnType<typeof checked>];
    assert.deepEqual(greek.fields, {
      title: 'Παιχνίδια: τότε και τώρα',
      classes: [{ grade: 5 }, { grade: 6, section: 1 }],
      partners: ['GR', 'LV', 'GB'],
      continues: '2015-2016/the-scratch-project',
    });
    // The language-neutral fields are written once, in the first file.
    assert.deepEqual(english.fields, { title: 'Games: then and now' });
  });

  test("write classes as teachers write them and countries by their names in the file's language", () => {
    const [greek] = newProjectFiles(GAMES);
    assert.match(greek!.text, /^classes:\n {2}- Ε'\n {2}- ΣΤ1\npartners:\n {2}- Ελλάδα\n {2}- Λετονία\n {2}- Ηνωμένο Βασίλειο\n/m);
    const [english] = newProjectFiles({ ...GAMES, titles: { en: 'Games: then and now' } });
    assert.equal(english!.name, 'index.en.md');
    assert.match(english!.text, /^partners:\n {2}- Greece\n {2}- Latvia\n {2}- United Kingdom\n/m);
  });

  test('begin their text with a first sentence of the facts, in their language, unless a text is given', () => {
    const [greek, english] = newProjectFiles(GAMES).map(checked);
    assert.equal(greek!.body, 'Στο πρόγραμμα «Παιχνίδια: τότε και τώρα» συμμετέχουν: Εʹ και ΣΤ1. Χώρες-εταίροι: Ελλάδα, Λετονία και Ηνωμένο Βασίλειο.');
    assert.equal(
      english!.body,
      'Taking part in “Games: then and now”: 5th grade and 6th grade, section 1. Partner countries: Greece, Latvia, and United Kingdom.',
    );
    const [imported] = newProjectFiles(GAMES, { el: 'Το κείμενο της παλιάς σελίδας.' }).map(checked);
    assert.equal(imported!.body, 'Το κείμενο της παλιάς σελίδας.');
  });

  test('have no continues when the project continues none', () => {
    const { continues: _, ...first } = GAMES;
    assert.equal(checked(newProjectFiles(first)[0]!).fields.continues, undefined);
  });
});
