/**
 * What the loader refuses to read, in-process: school years out of range,
 * project folders too long to be a web address, symbolic links, the same class
 * or country written twice, links to a file on a computer, and photos too
 * large to encode. Each is a problem with the file (and line) and the fix.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findYearFolders } from '../../src/content/layout.ts';
import { loadArchive } from '../../src/content/load.ts';
import { MAX_PHOTO_PIXELS, photoSizeProblem as photoSizeMessages, TALLEST_ENCODED, WIDEST_PHOTO } from '../../src/content/photos.ts';
import { sayIn } from '../../src/content/messages.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { FIRST_SCHOOL_YEAR, lastSchoolYear, schoolYearMistake, schoolYearSchema } from '../../src/content/schema.ts';
import { SLUG_MAX_LENGTH, suggestSlug } from '../../src/content/slug.ts';
import { archiveCsv, openArchive, openArchiveJsonSchema } from '../../src/site/open-data.ts';
import { makeContentFixture, type ContentFixture } from '../helpers/content-fixture.ts';
import { blackPng } from '../helpers/images.ts';

/** A photo's size problem, said in English. */
function photoSizeProblem(name: string, size: { width: number; height: number }): { message: string; fix: string } | undefined {
  const problem = photoSizeMessages(name, size);
  return problem && { message: sayIn(problem.message, 'en'), fix: sayIn(problem.fix, 'en') };
}

const SCRATCH = '2015-2016/the-scratch-project';
const EL = `${SCRATCH}/index.el.md`;
const EN = `${SCRATCH}/index.en.md`;

const fixtures: ContentFixture[] = [];
const fresh = () => {
  const fixture = makeContentFixture();
  fixtures.push(fixture);
  return fixture;
};
after(() => {
  for (const fixture of fixtures) fixture.remove();
});

/** The problems as the teacher reads them; an archive exactly when there are none. */
async function report(fixture: ContentFixture): Promise<string[]> {
  const { archive, problems } = await loadArchive(fixture.contentDir);
  assert.equal(archive === undefined, problems.length > 0, 'an archive exactly when there are no problems');
  return problems.map((problem) => formatProblem(problem, 'en'));
}

describe('school years', () => {
  test('go from 1950-1951 to the next school year, whatever the month', () => {
    assert.equal(FIRST_SCHOOL_YEAR, 1950);
    const june = new Date(2025, 5, 15);
    const october = new Date(2025, 9, 1);
    for (const today of [june, october]) {
      assert.equal(lastSchoolYear(today), 2026);
      assert.equal(schoolYearMistake('1950-1951', today), undefined);
      assert.equal(schoolYearMistake('2026-2027', today), undefined);
      assert.equal(schoolYearMistake('2027-2028', today), 'range');
      assert.equal(schoolYearMistake('1949-1950', today), 'range');
      assert.equal(schoolYearMistake('0000-0001', today), 'range');
      assert.equal(schoolYearMistake('2015-2017', today), 'form');
      assert.equal(schoolYearMistake('2015_2016', today), 'form');
    }
  });

  test('one schema for the check and the open data: what the folder check accepts, the schema accepts', () => {
    const schema = schoolYearSchema();
    for (const name of [
      '1949-1950',
      '1950-1951',
      '2015-2016',
      `${lastSchoolYear()}-${lastSchoolYear() + 1}`,
      `${lastSchoolYear() + 1}-${lastSchoolYear() + 2}`,
      '0000-0001',
      '9998-9999',
      '2015-2017',
      '15-16',
    ]) {
      assert.equal(schema.safeParse(name).success, schoolYearMistake(name) === undefined, name);
    }
  });

  test("a year folder out of range is named with the range, and left out of the editor's years", async () => {
    const fixture = fresh();
    fixture.rename('2012-2013', '0000-0001');
    const last = lastSchoolYear();
    fixture.rename('2013-2014', `${last + 1}-${last + 2}`);
    assert.deepEqual(await report(fixture), [
      `${fixture.abs('0000-0001')}: "0000-0001" is not a school year this archive can hold: school years go from 1950-1951 to ${last}-${last + 1} (the next school year).\n` +
        '    Fix: Check the years: name the folder after the school year the projects took place in, e.g. "2015-2016".',
      `${fixture.abs(`${last + 1}-${last + 2}`)}: "${last + 1}-${last + 2}" is not a school year this archive can hold: school years go from 1950-1951 to ${last}-${last + 1} (the next school year).\n` +
        '    Fix: Check the years: name the folder after the school year the projects took place in, e.g. "2015-2016".',
    ]);
    assert.deepEqual(await findYearFolders(fixture.contentDir), ['2015-2016', '2014-2015']);
  });

  test('the first and the last school year the check accepts are valid open data', async () => {
    const fixture = fresh();
    const last = lastSchoolYear();
    fixture.rename('2012-2013', '1950-1951');
    fixture.rename('2013-2014', `${last}-${last + 1}`);
    assert.deepEqual(await report(fixture), []);
    const { archive } = await loadArchive(fixture.contentDir);
    const data = openArchive(archive!);
    assert.deepEqual(
      data.years.map((year) => year.id),
      [`${last}-${last + 1}`, '2015-2016', '2014-2015', '1950-1951'],
    );
    assert.match(archiveCsv(archive!), /\r\n1950-1951,1950-1951\//);
    // The published JSON Schema says where school years begin; it does not change with the calendar.
    const schema = JSON.stringify(openArchiveJsonSchema());
    assert.match(schema, /"start":\{"type":"integer","minimum":1950/);
    assert.doesNotMatch(schema, new RegExp(String(last)));
  });

  test('a badly written year folder is not told to become a year out of range', async () => {
    const fixture = fresh();
    fixture.rename('2012-2013', '0000-0002');
    assert.deepEqual(await report(fixture), [
      `${fixture.abs('0000-0002')}: "0000-0002" is not a school year: year folders are named like 2015-2016 (the second year one after the first).\n` +
        '    Fix: Name each school year folder "YYYY-YYYY", for example "2015-2016", and put the project folders inside it.',
    ]);
  });
});

describe('project folder names', () => {
  test('made from a title are cut after a whole word at 60 characters, and always valid', () => {
    assert.equal(SLUG_MAX_LENGTH, 60);
    const long = 'Healthy and unhealthy habits: a journey through European food traditions and recipes';
    assert.equal(suggestSlug(long), 'healthy-and-unhealthy-habits-a-journey-through-european-food');
    assert.equal(suggestSlug('word '.repeat(60)), Array(12).fill('word').join('-'));
    // A word that ends exactly at the limit is kept whole.
    const exact = `${'a'.repeat(55)} bcde fgh`;
    assert.equal(suggestSlug(exact), `${'a'.repeat(55)}-bcde`);
    // One word longer than the limit is cut.
    assert.equal(suggestSlug('x'.repeat(300)), 'x'.repeat(60));
    // Nothing a web address can use.
    for (const title of ['!!!', '🎉🎉', '中文标题', '']) assert.equal(suggestSlug(title), '', title);
  });

  test('longer than 60 characters are refused, with a shorter name', async () => {
    const fixture = fresh();
    const long = 'healthy-and-unhealthy-habits-a-journey-through-european-food-traditions';
    fixture.rename('2014-2015/healthy-and-unhealthy-habits', `2014-2015/${long}`);
    assert.deepEqual(await report(fixture), [
      `${fixture.abs(`2014-2015/${long}`)}: "${long}" is too long for a project folder's name (71 characters, at most 60): it becomes the project's web address.\n` +
        '    Fix: Rename the folder to "healthy-and-unhealthy-habits-a-journey-through-european-food".',
    ]);
  });
});

describe('symbolic links in the content folder', () => {
  test('are refused, one message each, wherever the layout would read them', async (t) => {
    const fixture = fresh();
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'etwinning-elsewhere-'));
    t.after(() => rmSync(elsewhere, { recursive: true, force: true }));
    // A school file, a year folder, a project folder and a project's only file, each a link to a real one elsewhere.
    writeFileSync(path.join(elsewhere, 'school.en.md'), fixture.read('school.en.md'));
    fixture.removeFile('school.en.md');
    symlinkSync(path.join(elsewhere, 'school.en.md'), fixture.abs('school.en.md'));
    mkdirSync(path.join(elsewhere, '2011-2012', 'old-project'), { recursive: true });
    writeFileSync(path.join(elsewhere, '2011-2012', 'old-project', 'index.el.md'), fixture.read(EL));
    symlinkSync(path.join(elsewhere, '2011-2012'), fixture.abs('2011-2012'));
    symlinkSync(path.join(elsewhere, '2011-2012', 'old-project'), fixture.abs('2015-2016/linked-project'));
    mkdirSync(fixture.abs('2015-2016/linked-file'));
    symlinkSync(path.join(elsewhere, '2011-2012', 'old-project', 'index.el.md'), fixture.abs('2015-2016/linked-file/index.el.md'));
    // A link to a file inside the content folder is refused the same way.
    fixture.removeFile(EN);
    symlinkSync(fixture.abs(EL), fixture.abs(EN));

    const why =
      'is a symbolic link (a shortcut to a file or folder elsewhere). The archive does not follow links, so that nothing outside the content folder can be published.';
    const fix = '    Fix: Put the file or folder itself here, in place of the link (move or copy it).';
    assert.deepEqual(await report(fixture), [
      `${fixture.abs('2011-2012')}: "2011-2012" ${why}\n${fix}`,
      `${fixture.abs('2015-2016/linked-file/index.el.md')}: "index.el.md" ${why}\n${fix}`,
      `${fixture.abs('2015-2016/linked-project')}: "linked-project" ${why}\n${fix}`,
      `${fixture.abs(EN)}: "index.en.md" ${why}\n${fix}`,
      `${fixture.abs('school.en.md')}: "school.en.md" ${why}\n${fix}`,
    ]);
    assert.deepEqual(await findYearFolders(fixture.contentDir), ['2015-2016', '2014-2015', '2013-2014', '2012-2013']);
  });
});

describe('the same class or country written twice in a project', () => {
  test('is a problem on the later one, naming the earlier one and its line, however each is spelt', async () => {
    const fixture = fresh();
    fixture.replace(EL, `  - "Ε'"\n`, `  - "Ε'"\n  - "Ε΄"\n`);
    fixture.replace(EL, `  - "Λετονία"\n`, `  - "Λετονία"\n  - LV\n`);
    const at = (text: string) => fixture.lineOf(EL, text);
    assert.deepEqual(await report(fixture), [
      `${fixture.abs(EL)}:${at('"Ε΄"')}: classes: "Ε΄" is written twice: it is the same class as "Ε'" on line ${at(`"Ε'"`)}.\n    Fix: Delete one of the two.`,
      `${fixture.abs(EL)}:${at('- LV')}: partners: "LV" is written twice: it is the same country as "Λετονία" on line ${at('"Λετονία"')}.\n    Fix: Delete one of the two.`,
    ]);
  });

  test('also on one line, "Ε1, E1"', async () => {
    const fixture = fresh();
    fixture.replace(EN, 'title: "The Scratch Project"\n', 'title: "The Scratch Project"\nclasses: Ε1, ΣΤ2, E1\n');
    fixture.replace(EL, `classes:\n  - "Ε'"\n`, '');
    const line = fixture.lineOf(EN, 'classes:');
    assert.deepEqual(await report(fixture), [
      `${fixture.abs(EN)}:${line}: classes: "E1" is written twice: it is the same class as "Ε1" on line ${line}.\n    Fix: Delete one of the two.`,
    ]);
  });

  test('a whole grade and one of its sections are two classes', async () => {
    const fixture = fresh();
    fixture.replace(EL, `  - "Ε'"\n`, `  - "Ε'"\n  - Ε1\n`);
    assert.deepEqual(await report(fixture), []);
  });
});

describe('links to a file on a computer', () => {
  test("are problems on their lines, in a project and in the school's introduction; a path on the site is not", async () => {
    const fixture = fresh();
    fixture.write(
      EN,
      `${fixture.read(EN)}\nSee [the plan](file:///C:/Users/teacher/plan.docx), [the\nposter](C:\\Users\\teacher\\poster.pdf) and <file:///home/teacher/notes.txt>.\nAlso [last year](/2014-2015/cool-or-not-too-cool/) and [the platform](https://school-education.ec.europa.eu/).\n`,
    );
    fixture.write('school.el.md', `${fixture.read('school.el.md')}\n[Το πρόγραμμα](file:///D:/school/program.pdf)\n`);
    const at = (file: string, text: string) => `${fixture.abs(file)}:${fixture.lineOf(file, text)}`;
    const fix = "    Fix: Link to a web address (https://...) where the file is published, such as the project's TwinSpace, or remove the link.";
    assert.deepEqual(await report(fixture), [
      `${at(EN, 'See [the plan]')}: The link "file:///C:/Users/teacher/plan.docx" leads to a file on a computer, which the site's visitors cannot open.\n${fix}`,
      `${at(EN, 'See [the plan]')}: The link "C:\\Users\\teacher\\poster.pdf" leads to a file on a computer, which the site's visitors cannot open.\n${fix}`,
      `${at(EN, 'poster](')}: The link "file:///home/teacher/notes.txt" leads to a file on a computer, which the site's visitors cannot open.\n${fix}`,
      `${at('school.el.md', 'Το πρόγραμμα')}: The link "file:///D:/school/program.pdf" leads to a file on a computer, which the site's visitors cannot open.\n${fix}`,
    ]);
  });

  test('a photo written as a file: address is a path on a computer', async () => {
    const fixture = fresh();
    fixture.write(EN, `${fixture.read(EN)}\n![The class](file:///C:/Users/teacher/Pictures/class%20photo.jpg)\n`);
    assert.deepEqual(await report(fixture), [
      `${fixture.abs(EN)}:${fixture.lineOf(EN, '![The class]')}: The photo "file:///C:/Users/teacher/Pictures/class photo.jpg" is written as a path on a computer; a photo is found by its name in the project's folder.\n` +
        `    Fix: Copy the photo into ${fixture.abs(SCRATCH)}/ and write only its name: ![The class](class photo.jpg)`,
    ]);
  });
});

describe('photos too large to encode', () => {
  test('a size is refused above 120 megapixels, and when it would be too tall for WebP at the width it is shown', () => {
    assert.equal(MAX_PHOTO_PIXELS, 120_000_000);
    // Every camera and phone photo in its usual settings passes: a 12 MP phone, a 50 MP one, a 61 MP
    // full-frame camera, 102 MP medium format, a phone's 108 MP mode, an iPhone panorama (63 MP).
    for (const [width, height] of [
      [4032, 3024],
      [8160, 6120],
      [9504, 6336],
      [11648, 8736],
      [12000, 9000],
      [16000, 3944],
    ] as const) {
      assert.equal(photoSizeProblem('a.jpg', { width, height }), undefined, `${width} × ${height}`);
      assert.equal(photoSizeProblem('a.jpg', { width: height, height: width }), undefined, `${height} × ${width}`);
    }
    assert.deepEqual(photoSizeProblem('wide.png', { width: 1_000_000, height: 200 }), {
      message: 'The photo "wide.png" is 1,000,000 × 200 pixels (200 megapixels): more than the 120 megapixels the site can make into web images.',
      fix: 'Make it smaller in an image editor (resize), to at most 120 megapixels: the site shows photos at most 1,600 pixels wide, so 3,200 pixels wide is plenty.',
    });
    // A scrolling screenshot: shown 1,080 pixels wide, it stays 20,000 tall.
    assert.deepEqual(photoSizeProblem('screenshot.png', { width: 1080, height: 20_000 }), {
      message: `The photo "screenshot.png" is 1,080 × 20,000 pixels: too tall for web images, which can be at most 16,383 pixels tall when the photo is shown 1,080 pixels wide.`,
      fix: 'Crop it, or cut it into several photos, each at most 16,383 pixels tall.',
    });
    // Wider than it is shown: the height that fits grows with it.
    assert.equal(photoSizeProblem('a.png', { width: 3200, height: 2 * TALLEST_ENCODED }), undefined);
    assert.match(photoSizeProblem('a.png', { width: 3200, height: 2 * TALLEST_ENCODED + 4 })!.fix, /each at most 32,766 pixels tall/);
    assert.equal(WIDEST_PHOTO, 1600);
  });

  test("the check finds it from the file's header, without decoding it", async () => {
    const fixture = fresh();
    // 1,000,000 × 200 pixels: a PNG of 24 KB, whose encoding took gigabytes.
    fixture.write(`${SCRATCH}/wide.png`, blackPng(1_000_000, 200));
    fixture.write(EN, `${fixture.read(EN)}\n![A long strip of paper](wide.png)\n`);
    const started = performance.now();
    assert.deepEqual(await report(fixture), [
      `${fixture.abs(EN)}:${fixture.lineOf(EN, '](wide.png)')}: The photo "wide.png" is 1,000,000 × 200 pixels (200 megapixels): more than the 120 megapixels the site can make into web images.\n` +
        '    Fix: Make it smaller in an image editor (resize), to at most 120 megapixels: the site shows photos at most 1,600 pixels wide, so 3,200 pixels wide is plenty.',
    ]);
    assert.ok(performance.now() - started < 5000, 'found at once');
  });
});
