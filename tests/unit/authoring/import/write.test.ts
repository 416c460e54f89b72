import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { PlannedProject } from '../../../../src/authoring/import/plan.ts';
import { writeProject, writeSchoolFile } from '../../../../src/authoring/import/write.ts';
import { makeTempDir } from '../../../helpers/content-fixture.ts';

const temp = makeTempDir('etwinning-import-');
after(() => temp.remove());

let count = 0;
/** A fresh content folder for each test. */
const contentFolder = () => path.join(temp.dir, `content-${++count}`);

const PLANTS: PlannedProject = {
  year: '2012-2013',
  folder: 'medicinal-and-aromatic-plants',
  id: '2012-2013/medicinal-and-aromatic-plants',
  title: 'Medicinal and aromatic plants',
  project: {
    year: '2012-2013',
    titles: { el: 'Medicinal and aromatic plants', en: 'Medicinal and aromatic plants' },
    classes: [{ grade: 5 }],
    partners: ['RO'],
  },
  files: [
    { path: '2012-2013/medicinal-and-aromatic-plants/index.el.md', text: "---\ntitle: Medicinal and aromatic plants\n---\n\nΗ Ε' τάξη.\n" },
    { path: '2012-2013/medicinal-and-aromatic-plants/index.en.md', text: '---\ntitle: Medicinal and aromatic plants\n---\n\nThe 5th grade.\n' },
  ],
};

describe('a project', () => {
  test('is written into its new folder, with every file, creating the content and year folders', async () => {
    const content = contentFolder();
    assert.deepEqual(await writeProject(content, PLANTS), { status: 'written' });
    for (const file of PLANTS.files) assert.equal(readFileSync(path.join(content, file.path), 'utf8'), file.text);
  });

  test('imported again is already there, and nothing is written', async () => {
    const content = contentFolder();
    await writeProject(content, PLANTS);
    const edited = path.join(content, PLANTS.files[0]!.path);
    writeFileSync(edited, "---\ntitle: 'Medicinal and Aromatic Plants'\n---\n\nΗ Ε' τάξη έγραψε κι άλλα.\n");
    // The title as the teacher has corrected it since, capitals and all, is still this project's.
    assert.deepEqual(await writeProject(content, PLANTS), { status: 'alreadyThere' });
    assert.match(readFileSync(edited, 'utf8'), /έγραψε κι άλλα/);
  });

  test("whose folder holds another project is not written, and that project's title is told", async () => {
    const content = contentFolder();
    const folder = path.join(content, PLANTS.id);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.en.md'), '---\ntitle: Healthy and unhealthy habits\n---\n');
    assert.deepEqual(await writeProject(content, PLANTS), { status: 'occupied', title: 'Healthy and unhealthy habits' });
    assert.deepEqual(
      PLANTS.files.map((file) => readFileSync(path.join(content, file.path), { encoding: 'utf8', flag: 'a+' })),
      ['', '---\ntitle: Healthy and unhealthy habits\n---\n'],
    );
  });

  test('whose folder holds something that is not a project is not written, and no title is told', async () => {
    const content = contentFolder();
    const folder = path.join(content, PLANTS.id);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.el.md'), '---\ntitle: [unclosed\n---\n');
    assert.deepEqual(await writeProject(content, PLANTS), { status: 'occupied', title: undefined });
  });
});

describe('a school file', () => {
  test('is written where there is none, and never over one', async () => {
    const content = contentFolder();
    const school = { path: 'school.el.md', text: '---\nname: 14ο Δημοτικό Σχολείο Αχαρνών\n---\n\nΤο σχολείο μας.\n' };
    assert.equal(await writeSchoolFile(content, school), 'written');
    assert.equal(readFileSync(path.join(content, 'school.el.md'), 'utf8'), school.text);
    assert.equal(await writeSchoolFile(content, { ...school, text: '---\nname: Άλλο\n---\n' }), 'alreadyThere');
    assert.equal(readFileSync(path.join(content, 'school.el.md'), 'utf8'), school.text);
  });
});
