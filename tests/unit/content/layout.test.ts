import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findContent, findYearFolders, type ContentLayout } from '../../../src/content/layout.ts';
import { sayProblem } from '../../../src/content/problems.ts';
import { lastSchoolYear } from '../../../src/content/schema.ts';

let root: string;
before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'etwinning-layout-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

/** A content folder holding these files (an entry ending in "/" is an empty folder). */
function content(name: string, entries: string[]): string {
  const dir = path.join(root, name);
  for (const entry of entries) {
    const full = path.join(dir, entry);
    if (entry.endsWith('/')) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, '---\ntitle: x\n---\n');
    }
  }
  return dir;
}

const SCHOOL = ['school.el.md', 'school.en.md'];

/** The problems, each as "file: message / fix" with the content folder as "content". */
const problemsOf = (layout: ContentLayout, dir: string) =>
  layout.problems
    .map((problem) => sayProblem(problem, 'en'))
    .map((problem) => `${path.relative(dir, problem.file) || '.'}: ${problem.message} / ${problem.fix}`.replaceAll(dir, 'content'))
    .sort();

describe("the archive's files", () => {
  test('are the school files, the year folders newest first and each project with its language files, Greek first', async () => {
    const dir = content('good', [
      ...SCHOOL,
      '2014-2015/cool-or-not-too-cool/index.en.md',
      '2014-2015/cool-or-not-too-cool/index.el.md',
      '2014-2015/cool-or-not-too-cool/poster.jpg',
      '2015-2016/the-scratch-project/index.el.md',
      '2012-2013/medicinal-and-aromatic-plants/index.en.md',
    ]);
    const layout = await findContent(dir);
    assert.deepEqual(layout.problems, []);
    assert.deepEqual(
      layout.schoolFiles.map(({ lang, file, absolute }) => [lang, file, absolute]),
      [
        ['el', path.join(dir, 'school.el.md'), path.resolve(dir, 'school.el.md')],
        ['en', path.join(dir, 'school.en.md'), path.resolve(dir, 'school.en.md')],
      ],
    );
    assert.deepEqual(layout.years, ['2015-2016', '2014-2015', '2012-2013']);
    const cool = layout.projects.find((project) => project.slug === 'cool-or-not-too-cool')!;
    assert.deepEqual(cool, {
      year: '2014-2015',
      slug: 'cool-or-not-too-cool',
      folder: path.join(dir, '2014-2015/cool-or-not-too-cool'),
      files: [
        {
          lang: 'el',
          absolute: path.resolve(dir, '2014-2015/cool-or-not-too-cool/index.el.md'),
          file: path.join(dir, '2014-2015/cool-or-not-too-cool/index.el.md'),
        },
        {
          lang: 'en',
          absolute: path.resolve(dir, '2014-2015/cool-or-not-too-cool/index.en.md'),
          file: path.join(dir, '2014-2015/cool-or-not-too-cool/index.en.md'),
        },
      ],
      hasMisnamedFile: false,
    });
    assert.deepEqual(layout.projects.map((project) => `${project.year}/${project.slug}`).sort(), [
      '2012-2013/medicinal-and-aromatic-plants',
      '2014-2015/cool-or-not-too-cool',
      '2015-2016/the-scratch-project',
    ]);
  });

  test('are looked for without hidden files and folders (.git, .DS_Store), or files that are not Markdown', async () => {
    const dir = content('hidden', [
      ...SCHOOL,
      '.git/',
      '.DS_Store',
      'README.txt',
      '2015-2016/.hidden/',
      '2015-2016/notes.txt',
      '2015-2016/the-scratch-project/index.el.md',
      '2015-2016/the-scratch-project/.index.en.md.swp',
    ]);
    const layout = await findContent(dir);
    assert.deepEqual(layout.problems, []);
    assert.deepEqual(
      layout.projects.map((project) => project.slug),
      ['the-scratch-project'],
    );
  });
});

describe('out of place', () => {
  test('a missing school file is named, with what to write in it', async () => {
    const dir = content('no-school', ['school.el.md']);
    assert.deepEqual(problemsOf(await findContent(dir), dir), [
      'school.en.md: The school\'s page in this language is missing. / Create content/school.en.md with a line "name: ..." between two "---" lines, and the home page\'s introduction below them.',
    ]);
  });

  test('a year folder named otherwise is told the name of its school year, or how school years are named', async () => {
    const dir = content('years', [...SCHOOL, '2015-2017/', '2015/', 'Σχολικό έτος/', `${lastSchoolYear() + 5}-${lastSchoolYear() + 6}/`]);
    const future = `${lastSchoolYear() + 5}-${lastSchoolYear() + 6}`;
    assert.deepEqual(problemsOf(await findContent(dir), dir), [
      '2015-2017: "2015-2017" is not a school year: year folders are named like 2015-2016 (the second year one after the first). / Name the folder after the school year, first year then second year: "2015-2016".',
      '2015: "2015" is not a school year: year folders are named like 2015-2016 (the second year one after the first). / Name the folder after the school year, first year then second year: "2015-2016".',
      `${future}: "${future}" is not a school year this archive can hold: school years go from 1950-1951 to ${lastSchoolYear()}-${lastSchoolYear() + 1} (the next school year). / Check the years: name the folder after the school year the projects took place in, e.g. "2015-2016".`,
      'Σχολικό έτος: "Σχολικό έτος" is not a school year: year folders are named like 2015-2016 (the second year one after the first). / Name each school year folder "YYYY-YYYY", for example "2015-2016", and put the project folders inside it.',
    ]);
  });

  test('a project folder that cannot be a web address is given one, Greek transliterated', async () => {
    const dir = content('slugs', [...SCHOOL, '2015-2016/The Scratch Project/index.en.md', '2015-2016/Οι 4 εποχές/index.el.md']);
    const layout = await findContent(dir);
    assert.deepEqual(layout.projects, []);
    assert.deepEqual(layout.problems.map((problem) => [path.relative(dir, problem.file), sayProblem(problem, 'en').fix]).sort(), [
      ['2015-2016/The Scratch Project', 'Rename the folder to "the-scratch-project".'],
      ['2015-2016/Οι 4 εποχές', 'Rename the folder to "oi-4-epoches".'],
    ]);
  });

  test('a Markdown file in a year folder is told to go into a project folder, named after it', async () => {
    const dir = content('loose', [...SCHOOL, '2015-2016/The Scratch Project.el.md']);
    assert.deepEqual(problemsOf(await findContent(dir), dir), [
      '2015-2016/The Scratch Project.el.md: A Markdown file lies directly in a school year folder, so it belongs to no project. / Make a folder for the project, e.g. content/2015-2016/the-scratch-project/, and move the file into it as index.el.md (Greek) or index.en.md (English).',
    ]);
  });

  test('a file with a name the archive does not read is told the name it probably meant', async () => {
    const dir = content('misnamed', [...SCHOOL, '2015-2016/the-scratch-project/index.el.md', '2015-2016/the-scratch-project/index.gr.md', 'school.eng.md']);
    const layout = await findContent(dir);
    assert.deepEqual(problemsOf(layout, dir), [
      '2015-2016/the-scratch-project/index.gr.md: "index.gr.md" is not a file name the archive reads, so this text would never be shown. / Rename it to "index.el.md" (the names are index.el.md, index.en.md).',
      'school.eng.md: "school.eng.md" is not a file name the archive reads, so this text would never be shown. / Rename it to "school.en.md" (the names are school.el.md, school.en.md).',
    ]);
    assert.equal(layout.projects[0]!.hasMisnamedFile, true);
  });

  test('a file name written in capitals is told the same name in small letters', async () => {
    // Caps Lock on, or a phone's keyboard that starts with a capital.
    const dir = content('capitals', ['school.el.md', 'school.EN.md', '2015-2016/the-scratch-project/index.EN.md', '2015-2016/the-scratch-project/Index.el.md']);
    const renames = (await findContent(dir)).problems.map((problem) => sayProblem(problem, 'en')).filter((problem) => problem.fix.startsWith('Rename'));
    assert.deepEqual(renames.map((problem) => `${path.basename(problem.file)}: ${problem.fix}`).sort(), [
      'Index.el.md: Rename it to "index.el.md" (the names are index.el.md, index.en.md).',
      'index.EN.md: Rename it to "index.en.md" (the names are index.el.md, index.en.md).',
      'school.EN.md: Rename it to "school.en.md" (the names are school.el.md, school.en.md).',
    ]);
  });

  test('a file whose name changed on the way (.MD, a .txt an editor added) is told its right name, not left out', async () => {
    const dir = content('renamed', [
      'school.el.md',
      'school.en.md.txt',
      '2015-2016/the-scratch-project/Index.el.MD',
      '2015-2016/the-scratch-project/index.en.md.txt',
    ]);
    const renames = (await findContent(dir)).problems.map((problem) => sayProblem(problem, 'en')).filter((problem) => problem.fix.startsWith('Rename'));
    assert.deepEqual(renames.map((problem) => `${path.basename(problem.file)}: ${problem.fix}`).sort(), [
      'Index.el.MD: Rename it to "index.el.md" (the names are index.el.md, index.en.md).',
      'index.en.md.txt: Rename it to "index.en.md" (the names are index.el.md, index.en.md).',
      'school.en.md.txt: Rename it to "school.en.md" (the names are school.el.md, school.en.md).',
    ]);
  });

  test('a project folder without a language file is named, with the file to create', async () => {
    const dir = content('empty-project', [...SCHOOL, '2015-2016/the-scratch-project/poster.jpg']);
    const layout = await findContent(dir);
    assert.deepEqual(layout.projects, []);
    assert.deepEqual(problemsOf(layout, dir), [
      '2015-2016/the-scratch-project: This project folder has no index.el.md or index.en.md, so the project has no text. / Create content/2015-2016/the-scratch-project/index.el.md (Greek) and/or index.en.md (English) in it.',
    ]);
  });
});

test("the web editor's school years are the year folders with good names, newest first", async () => {
  const dir = content('editor-years', [...SCHOOL, '2013-2014/', '2015-2016/', '2015-2017/', '.2016-2017/', '2014-2015/']);
  assert.deepEqual(await findYearFolders(dir), ['2015-2016', '2014-2015', '2013-2014']);
});

describe('names Windows or macOS cannot hold (the archive could not be checked out there)', () => {
  test('a project folder named after a Windows device (con, aux, lpt1…) is told to be renamed', async () => {
    const dir = content('devices', [...SCHOOL, '2015-2016/con/index.el.md', '2015-2016/lpt1/index.el.md', '2015-2016/console/index.el.md']);
    const layout = await findContent(dir);
    assert.deepEqual(
      layout.projects.map((project) => project.slug),
      ['console'],
    );
    assert.deepEqual(problemsOf(layout, dir), [
      '2015-2016/con: "con" is a name Windows keeps for a device (CON), so the archive cannot be copied onto a Windows computer. / Rename the folder to "con-project".',
      '2015-2016/lpt1: "lpt1" is a name Windows keeps for a device (LPT1), so the archive cannot be copied onto a Windows computer. / Rename the folder to "lpt1-project".',
    ]);
  });

  test('a photo named after a Windows device, with an extension and in any case, is told a name to use instead', async () => {
    const project = '2015-2016/the-scratch-project';
    const dir = content('device-photos', [
      ...SCHOOL,
      `${project}/index.el.md`,
      `${project}/nul.jpg`,
      `${project}/Com1.JPG`,
      `${project}/photos/AUX.tar.png`,
      `${project}/null.jpg`,
    ]);
    assert.deepEqual(problemsOf(await findContent(dir), dir), [
      `${project}/Com1.JPG: "Com1.JPG" is a name Windows keeps for a device (COM1), so the archive cannot be copied onto a Windows computer. / Rename it to "Com1-1.JPG" (or another name), and change the name wherever the text writes it.`,
      `${project}/nul.jpg: "nul.jpg" is a name Windows keeps for a device (NUL), so the archive cannot be copied onto a Windows computer. / Rename it to "nul-1.jpg" (or another name), and change the name wherever the text writes it.`,
      `${project}/photos/AUX.tar.png: "AUX.tar.png" is a name Windows keeps for a device (AUX), so the archive cannot be copied onto a Windows computer. / Rename it to "photos/AUX-1.tar.png" (or another name), and change the name wherever the text writes it.`,
    ]);
  });

  test('two photos in one folder whose names differ only in capitals are told, the later one to be renamed', async () => {
    const project = '2015-2016/the-scratch-project';
    const dir = content('case-photos', [...SCHOOL, `${project}/index.el.md`, `${project}/Photo.jpg`, `${project}/photo.jpg`, `${project}/a/photo.jpg`]);
    assert.deepEqual(problemsOf(await findContent(dir), dir), [
      `${project}/photo.jpg: "photo.jpg" differs from "Photo.jpg" only in capital letters: Windows and macOS see them as one file, so one of them would be lost there. / Rename "photo.jpg" to a name that differs in its letters too (e.g. with "-2" before the extension), and change the name wherever the text writes it; or delete it, if it is the same photo.`,
    ]);
  });

  test('two folders differing only in capitals are told as folders, once, with a fix that moves photos, not one about the same photo', async () => {
    const project = '2015-2016/the-scratch-project';
    const dir = content('case-folders', [...SCHOOL, `${project}/index.el.md`, `${project}/Photos/a.jpg`, `${project}/photos/a.jpg`, `${project}/photos/b.jpg`]);
    assert.deepEqual(problemsOf(await findContent(dir), dir), [
      `${project}/photos: The folder "photos" differs from "Photos" only in capital letters: Windows and macOS see them as one folder, so photos of one would be lost there. / Move the photos of "photos" into "Photos" and delete the empty "photos", or rename one of the folders to a name that differs in its letters too; and change the folder's name wherever the text writes it.`,
    ]);
  });

  test('two photo names with the same letters stored two ways (as a Mac stores accents) are not said to differ in capitals', async () => {
    const project = '2015-2016/the-scratch-project';
    const [nfc, nfd] = [`${project}/καφές.jpg`.normalize('NFC'), `${project}/καφές.jpg`.normalize('NFD')];
    const dir = content('same-letters', [...SCHOOL, `${project}/index.el.md`, nfc, nfd]);
    const [problem, ...more] = problemsOf(await findContent(dir), dir);
    assert.deepEqual(more, []);
    assert.equal(
      problem?.normalize('NFC'),
      `${project}/καφές.jpg: There are two names "καφές.jpg" here, with the same letters stored two ways (the accents as separate marks in one of them, as a Mac stores them): a Mac sees them as one, so one of them would be lost there. / Keep one of them: delete the other if it is the same photo, or rename it by typing a new name (e.g. with "-2" before the extension), and change the name wherever the text writes it.`,
    );
  });
});
