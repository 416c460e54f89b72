import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { PlannedProject } from '../../../../src/authoring/import/plan.ts';
import { writeFailure, writeProject, writeSchoolFile } from '../../../../src/authoring/import/write.ts';
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

  test('is already there when its title is the same as the check reads it: `title: 007` is "007", not the number 7', async () => {
    const content = contentFolder();
    const folder = path.join(content, '2012-2013', '007');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.el.md'), '---\ntitle: 007\n---\n');
    const agent = { ...PLANTS, folder: '007', id: '2012-2013/007', title: '007', files: [] };
    assert.deepEqual(await writeProject(content, agent), { status: 'alreadyThere' });
  });

  test('a file the check refuses names no title, even where another YAML reader would read one', async () => {
    const content = contentFolder();
    const folder = path.join(content, PLANTS.id);
    mkdirSync(folder, { recursive: true });
    // An alias: gray-matter's own reader follows it to the title; the check refuses aliases.
    writeFileSync(path.join(folder, 'index.el.md'), '---\nname: &t Medicinal and aromatic plants\ntitle: *t\n---\n');
    assert.deepEqual(await writeProject(content, PLANTS), { status: 'occupied', title: undefined });
  });

  test('whose folder holds something that is not a project is not written, and no title is told', async () => {
    const content = contentFolder();
    const folder = path.join(content, PLANTS.id);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.el.md'), '---\ntitle: [unclosed\n---\n');
    assert.deepEqual(await writeProject(content, PLANTS), { status: 'occupied', title: undefined });
  });
});

describe('a project that cannot be written', () => {
  test("where a file stands in the place of its year's folder: the file is named, nothing is left behind, and the next project is written", async () => {
    const content = contentFolder();
    mkdirSync(content);
    writeFileSync(path.join(content, '2012-2013'), 'x\n');
    assert.deepEqual(await writeProject(content, PLANTS), {
      status: 'failed',
      failure: { reason: 'notAFolder', blocker: path.join(content, '2012-2013') },
    });
    assert.deepEqual(readdirSync(content), ['2012-2013']);
    const other = { ...PLANTS, year: '2013-2014', id: '2013-2014/medicinal-and-aromatic-plants' };
    other.files = PLANTS.files.map((file) => ({ ...file, path: file.path.replace('2012-2013', '2013-2014') }));
    assert.deepEqual(await writeProject(content, other), { status: 'written' });
  });

  test('when a file of it fails after the folders were made, the folders it made are removed again', async () => {
    const content = contentFolder();
    mkdirSync(content);
    // The second file goes into a folder that a file stands in the place of: its folder is made, then the write fails.
    const broken = { ...PLANTS, files: [PLANTS.files[0]!, { path: '2012-2013/medicinal-and-aromatic-plants/index.el.md/x.md', text: '' }] };
    const outcome = await writeProject(content, broken);
    assert.equal(outcome.status, 'failed');
    assert.equal(existsSync(path.join(content, '2012-2013')), false, 'the year folder it made is gone');
    assert.deepEqual(readdirSync(content), [], 'the content folder that was there is kept');
  });

  test('each system error is told as what a teacher can do about it', () => {
    const error = (code: string, at?: string) => Object.assign(new Error(code), { code, path: at });
    const content = contentFolder();
    mkdirSync(content);
    const target = path.join(content, '2012-2013', 'plants');
    assert.deepEqual(writeFailure(error('EACCES'), target), { reason: 'denied', blocker: content });
    assert.deepEqual(writeFailure(error('EROFS'), target), { reason: 'denied', blocker: content });
    assert.deepEqual(writeFailure(error('ENOSPC'), target), { reason: 'full' });
    assert.deepEqual(writeFailure(error('EEXIST', `${target}/index.el.md`), target), { reason: 'exists', blocker: `${target}/index.el.md` });
    assert.deepEqual(writeFailure(error('EIO'), target), { reason: 'other', detail: 'EIO' });
  });
});

describe('a school file', () => {
  test('that cannot be written is told, with the file in the way', async () => {
    const parent = contentFolder();
    mkdirSync(parent);
    writeFileSync(path.join(parent, 'content'), 'x\n');
    const school = { path: 'school.el.md', text: '---\nname: Σχολείο\n---\n' };
    assert.deepEqual(await writeSchoolFile(path.join(parent, 'content'), school), {
      failure: { reason: 'notAFolder', blocker: path.join(parent, 'content') },
    });
  });

  test('is written where there is none, and never over one', async () => {
    const content = contentFolder();
    const school = { path: 'school.el.md', text: '---\nname: 14ο Δημοτικό Σχολείο Αχαρνών\n---\n\nΤο σχολείο μας.\n' };
    assert.equal(await writeSchoolFile(content, school), 'written');
    assert.equal(readFileSync(path.join(content, 'school.el.md'), 'utf8'), school.text);
    assert.equal(await writeSchoolFile(content, { ...school, text: '---\nname: Άλλο\n---\n' }), 'alreadyThere');
    assert.equal(readFileSync(path.join(content, 'school.el.md'), 'utf8'), school.text);
  });
});
