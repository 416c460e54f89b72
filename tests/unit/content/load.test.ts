import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { findYearFolders } from '../../../src/content/layout.ts';
import { loadArchive } from '../../../src/content/load.ts';
import type { Archive } from '../../../src/content/model.ts';
import { formatProblem, formatSummary, type SaidProblem, sayProblem } from '../../../src/content/problems.ts';
import { bundledContent, makeContentFixture, SCRATCH_EL, SCRATCH_EN, type ContentFixture } from '../../helpers/content-fixture.ts';
import { FULL, GREEK_OUTCOMES, makeFieldsFixture, OUTCOMES, PLATFORM } from '../../helpers/fields-fixture.ts';

describe('the bundled content', () => {
  let archive: Archive;
  before(async () => {
    const result = await loadArchive(bundledContent);
    assert.deepEqual(
      result.problems.map((problem) => formatProblem(problem, 'en')),
      [],
    );
    assert.ok(result.archive);
    archive = result.archive;
  });

  test('has the school in both languages', () => {
    assert.deepEqual(archive.school.name, { el: '14ο Δημοτικό Σχολείο Αχαρνών', en: '14th Primary School of Acharnes' });
    assert.match(archive.school.introHtml.el, /^<p>Το 14ο Δημοτικό Σχολείο Αχαρνών/);
    assert.match(archive.school.introHtml.en, /^<p>/);
  });

  test('has 4 school years, newest first', () => {
    assert.deepEqual(
      archive.years.map(({ id, start, end }) => ({ id, start, end })),
      [
        { id: '2015-2016', start: 2015, end: 2016 },
        { id: '2014-2015', start: 2014, end: 2015 },
        { id: '2013-2014', start: 2013, end: 2014 },
        { id: '2012-2013', start: 2012, end: 2013 },
      ],
    );
  });

  test('has 10 projects, each year in the order of its classes as the school page lists them', () => {
    assert.deepEqual(
      archive.years.map((year) => [year.id, year.projects.map((project) => project.slug)]),
      [
        ['2015-2016', ['the-scratch-project', 'olympic-games-unite-the-world', 'cool-or-not-too-cool']],
        ['2014-2015', ['4-seasons-in-europe', 'healthy-and-unhealthy-habits', 'separated-and-united', 'cool-or-not-too-cool']],
        ['2013-2014', ['traditional-cultures']],
        ['2012-2013', ['medicinal-and-aromatic-plants', 'holy-days-and-holidays-in-poland-and-in-greece']],
      ],
    );
    assert.equal(archive.projects.length, 10);
    assert.deepEqual(
      archive.projects.map((project) => project.id),
      archive.years.flatMap((year) => year.projects.map((project) => `${year.id}/${project.slug}`)),
    );
  });

  test('reads each project in both languages, with its neutral fields normalised', () => {
    const scratch = archive.projects.find((project) => project.id === '2015-2016/the-scratch-project');
    assert.ok(scratch);
    assert.equal(scratch.year, '2015-2016');
    assert.deepEqual(scratch.classes, [{ grade: 5 }]);
    assert.deepEqual(scratch.partners, ['GR', 'LV', 'GB', 'IT', 'PT', 'PL', 'SK', 'BE', 'FR', 'RO', 'TR', 'ES']);
    assert.deepEqual(Object.keys(scratch.versions), ['el', 'en']);
    assert.equal(scratch.versions.el?.title, 'The Scratch Project');
    assert.equal(scratch.versions.en?.summary, 'The 5th grade (Ε΄) takes part in the project with partners from 12 countries.');
    assert.equal(scratch.versions.el?.file, `${bundledContent}/2015-2016/the-scratch-project/index.el.md`);
    assert.match(scratch.versions.el?.html ?? '', /^<p>Η Ε' τάξη συμμετέχει στο πρόγραμμα The Scratch Project/);
    for (const project of archive.projects) {
      assert.ok(project.versions.el && project.versions.en, `${project.id} has both languages`);
      assert.ok(project.classes.length > 0 && project.partners.length > 0, `${project.id} has classes and partners`);
    }
  });

  test('links the two cool-or-not-too-cool projects both ways', () => {
    const earlier = archive.projects.find((project) => project.id === '2014-2015/cool-or-not-too-cool');
    const later = archive.projects.find((project) => project.id === '2015-2016/cool-or-not-too-cool');
    assert.ok(earlier && later);
    assert.equal(later.continues, earlier);
    assert.deepEqual(earlier.continuedIn, [later]);
    assert.equal(earlier.continues, undefined);
    assert.deepEqual(later.continuedIn, []);
    const others = archive.projects.filter((project) => project !== earlier && project !== later);
    assert.ok(others.every((project) => project.continues === undefined && project.continuedIn.length === 0));
  });

  test('indexes every grade that took part, first grade first, with its projects newest first', () => {
    assert.deepEqual(
      archive.grades.map((entry) => [entry.grade, entry.projects.map((project) => project.id)]),
      [
        [1, ['2014-2015/4-seasons-in-europe']],
        [2, ['2014-2015/4-seasons-in-europe']],
        [3, ['2014-2015/4-seasons-in-europe']],
        [4, ['2014-2015/healthy-and-unhealthy-habits', '2014-2015/separated-and-united']],
        [
          5,
          [
            '2015-2016/the-scratch-project',
            '2014-2015/healthy-and-unhealthy-habits',
            '2014-2015/separated-and-united',
            '2014-2015/cool-or-not-too-cool',
            '2012-2013/medicinal-and-aromatic-plants',
            '2012-2013/holy-days-and-holidays-in-poland-and-in-greece',
          ],
        ],
        [
          6,
          [
            '2015-2016/olympic-games-unite-the-world',
            '2015-2016/cool-or-not-too-cool',
            '2013-2014/traditional-cultures',
            '2012-2013/holy-days-and-holidays-in-poland-and-in-greece',
          ],
        ],
      ],
    );
  });

  test('indexes the partner countries, Greece among them, each once', () => {
    const codes = archive.partners.map((partner) => partner.code);
    assert.deepEqual([...codes].sort(), ['BE', 'ES', 'FR', 'GB', 'GE', 'GR', 'IT', 'LT', 'LV', 'MD', 'PL', 'PT', 'RO', 'SK', 'TR', 'UA']);
    const greece = archive.partners.find((partner) => partner.code === 'GR');
    assert.equal(greece?.projects.length, 8);
    assert.equal(greece?.projects[0]?.id, '2015-2016/the-scratch-project');
    const latvia = archive.partners.find((partner) => partner.code === 'LV');
    assert.deepEqual(
      latvia?.projects.map((project) => project.id),
      ['2015-2016/the-scratch-project', '2014-2015/healthy-and-unhealthy-habits'],
    );
  });

  test("has no Quality Labels, platform pages or outcomes, as the school's page states none", () => {
    assert.ok(archive.projects.every((project) => project.labels.length === 0 && project.link === undefined));
    assert.ok(archive.projects.every((project) => Object.values(project.versions).every((version) => version.outcomes.length === 0)));
    assert.deepEqual(archive.labels, []);
  });
});

describe('mistakes found by loadArchive', () => {
  const SCRATCH = '2015-2016/the-scratch-project';
  const EL = `${SCRATCH}/index.el.md`;
  const EN = `${SCRATCH}/index.en.md`;
  let fixture: ContentFixture;
  const fixtures: ContentFixture[] = [];
  const fresh = () => {
    fixture = makeContentFixture();
    fixtures.push(fixture);
    return fixture;
  };
  after(() => {
    for (const each of fixtures) each.remove();
  });

  /** The problems as the teacher reads them. */
  async function report(): Promise<string[]> {
    const { archive, problems } = await loadArchive(fixture.contentDir);
    assert.equal(archive === undefined, problems.length > 0, 'an archive exactly when there are no problems');
    return problems.map((problem) => formatProblem(problem, 'en'));
  }

  test('classes written in both files that mean the same are fine, however they are spelt', async () => {
    fresh();
    fixture.replace(
      EN,
      'title: "The Scratch Project"\n',
      'title: "The Scratch Project"\nclasses: [Ε΄]\npartners: [lv, GB, Italy, pt, PL, SK, BE, FR, RO, TR, ES, EL]\n',
    );
    assert.deepEqual(await report(), []);
    const { archive } = await loadArchive(fixture.contentDir);
    assert.deepEqual(archive?.projects.find((project) => project.id === SCRATCH)?.classes, [{ grade: 5 }]);
  });

  test('neutral fields written only in the English file are used', async () => {
    fresh();
    const el = fixture.read(EL);
    const frontMatterEnd = el.indexOf('summary:');
    fixture.write(EL, `---\ntitle: "The Scratch Project"\n${el.slice(frontMatterEnd)}`);
    fixture.replace(EN, 'title: "The Scratch Project"\n', 'title: "The Scratch Project"\nclasses: ["Ε\'"]\npartners: [Ελλάδα, Λετονία]\n');
    assert.deepEqual(await report(), []);
    const { archive } = await loadArchive(fixture.contentDir);
    const scratch = archive?.projects.find((project) => project.id === SCRATCH);
    assert.deepEqual(scratch?.partners, ['GR', 'LV']);
  });

  test('classes that disagree between the two files are one problem naming both files and lines', async () => {
    fresh();
    fixture.replace(EN, 'title: "The Scratch Project"\n', 'title: "The Scratch Project"\nclasses: [ΣΤ΄]\n');
    const el = fixture.abs(EL);
    const en = fixture.abs(EN);
    const elLine = fixture.lineOf(EL, `- "Ε'"`);
    const enLine = fixture.lineOf(EN, 'classes:');
    assert.equal(elLine, 4);
    assert.equal(enLine, 3);
    assert.deepEqual(await report(), [
      `${en}:${enLine}: classes: Here it is "ΣΤ'", but "Ε'" in ${el}:${elLine}.\n` +
        `    Fix: Make ${el}:${elLine} and ${en}:${enLine} agree, or keep "classes" in only one of the two files.`,
    ]);
  });

  test('partners and continues that disagree are reported too, each once', async () => {
    fresh();
    const project = '2015-2016/cool-or-not-too-cool';
    fixture.replace(
      `${project}/index.en.md`,
      'summary:',
      'partners: [Greece, Georgia, Turkey, Moldova, Romania, Italy]\ncontinues: 2013-2014/traditional-cultures\nsummary:',
    );
    const found = await report();
    const en = fixture.abs(`${project}/index.en.md`);
    assert.deepEqual(
      found.map((problem) => problem.split('\n')[0]),
      [
        `${en}:3: partners: Here it is "GR, GE, TR, MD, RO, IT", but "GR, GE, TR, MD, RO, ES" in ${fixture.abs(`${project}/index.el.md`)}:6.`,
        `${en}:4: continues: Here it is "2013-2014/traditional-cultures", but "2014-2015/cool-or-not-too-cool" in ${fixture.abs(`${project}/index.el.md`)}:12.`,
      ],
    );
  });

  test('a project with no classes in any file is one problem', async () => {
    fresh();
    fixture.replace(EL, `classes:\n  - "Ε'"\n`, '');
    assert.deepEqual(await report(), [
      `${fixture.abs(EL)}:1: classes: The project has no "classes" in any of its files.\n` +
        `    Fix: Add a line to the front matter of ${fixture.abs(EL)}, for example: classes: [Ε', ΣΤ1]`,
    ]);
  });

  test('a field with nothing after the colon is reported as empty', async () => {
    fresh();
    fixture.replace(EN, 'title: "The Scratch Project"', 'title:');
    assert.deepEqual(await report(), [
      `${fixture.abs(EN)}:2: title: The field "title" is empty.\n` +
        `    Fix: Write the title in this file's language, for example: title: The Scratch Project.`,
    ]);
  });

  test('continues pointing at a project that has its own mistake reports only that mistake', async () => {
    fresh();
    const earlier = '2014-2015/cool-or-not-too-cool/index.el.md';
    fixture.replace(earlier, '"Γεωργία"', '"Georgiaa"');
    const found = await report();
    assert.deepEqual(
      found.map((problem) => problem.split('\n')[0]),
      [`${fixture.abs(earlier)}:${fixture.lineOf(earlier, 'Georgiaa')}: partners: "Georgiaa" is not a country this archive knows.`],
    );
  });

  test('continues pointing nowhere suggests the same project in another year, even one with its own mistake', async () => {
    fresh();
    const later = '2015-2016/cool-or-not-too-cool/index.el.md';
    fixture.replace('2014-2015/cool-or-not-too-cool/index.el.md', '"Γεωργία"', '"Georgiaa"');
    fixture.replace(later, 'continues: "2014-2015/cool-or-not-too-cool"', 'continues: "2013-2014/cool-or-not-too-cool"');
    const found = await report();
    assert.equal(found.length, 2);
    assert.equal(
      found[1],
      `${fixture.abs(later)}:12: continues: "2013-2014/cool-or-not-too-cool" is not a project in this archive.\n` +
        `    Fix: Did you mean "2014-2015/cool-or-not-too-cool"? Write the school year folder and the project folder of the earlier year.`,
    );
  });

  test('continues pointing at the same or a later school year is a problem', async () => {
    fresh();
    const earlier = '2014-2015/cool-or-not-too-cool/index.el.md';
    fixture.replace(earlier, 'summary:', 'continues: 2015-2016/the-scratch-project\nsummary:');
    const line = fixture.lineOf(earlier, 'continues:');
    assert.deepEqual(await report(), [
      `${fixture.abs(earlier)}:${line}: continues: "2015-2016/the-scratch-project" is not in an earlier school year than 2014-2015.\n` +
        `    Fix: A project can only continue a project of an earlier school year: write that one, or remove the line.`,
    ]);
  });

  test('every problem of every file is collected, sorted by file and line', async () => {
    fresh();
    fixture.replace(EL, '"Λετονία"', '"Latvija"');
    fixture.replace(EL, `"Ε'"`, `"Ζ'"`);
    fixture.replace(EN, 'summary:', 'titel: x\nsummary:');
    fixture.replace('school.en.md', 'name:', 'nam:');
    const { problems } = await loadArchive(fixture.contentDir);
    assert.deepEqual(
      problems.map(({ file, line, field }) => [file, line, field]),
      [
        [fixture.abs(EL), 4, 'classes'],
        [fixture.abs(EL), 7, 'partners'],
        [fixture.abs(EN), 3, 'titel'],
        [fixture.abs('school.en.md'), 1, 'name'],
        [fixture.abs('school.en.md'), 2, 'nam'],
      ],
    );
    assert.equal(formatSummary(problems, 'en'), '5 errors in 3 files.');
  });
});

describe('labels, link and outcomes', () => {
  const fixtures: ContentFixture[] = [];
  after(() => {
    for (const fixture of fixtures) fixture.remove();
  });

  test('the archive reads labels in its order, the link from either file, and each language its outcomes', async () => {
    const fixture = makeFieldsFixture();
    fixtures.push(fixture);
    const { archive, problems } = await loadArchive(fixture.contentDir);
    assert.deepEqual(problems, []);
    const full = archive!.projects.find((project) => project.id === FULL)!;
    assert.deepEqual(full.labels, ['national', 'european']);
    assert.equal(full.link, PLATFORM.el);
    assert.deepEqual(full.versions.el?.outcomes, OUTCOMES.el);
    assert.deepEqual(full.versions.en?.outcomes, OUTCOMES.en);
    const greekOnly = archive!.projects.find((project) => project.id === GREEK_OUTCOMES)!;
    assert.deepEqual(greekOnly.labels, ['national']);
    assert.equal(greekOnly.link, undefined);
    assert.deepEqual(
      archive!.labels.map((entry) => [entry.label, entry.projects.map((project) => project.id)]),
      [
        ['national', [FULL, GREEK_OUTCOMES]],
        ['european', [FULL]],
      ],
    );
  });

  test('labels and link written in both files must agree, as classes do; the same platform page in two languages agrees', async () => {
    const fixture = makeContentFixture();
    fixtures.push(fixture);
    const problemsOf = async (): Promise<SaidProblem[]> => (await loadArchive(fixture.contentDir)).problems.map((problem) => sayProblem(problem, 'en'));
    fixture.write(SCRATCH_EL, fixture.read(SCRATCH_EL).replace(/^---\n/, `---\nlabels: [national]\nlink: ${PLATFORM.el}\n`));
    fixture.write(
      SCRATCH_EN,
      fixture.read(SCRATCH_EN).replace(/^---\n/, `---\nlabels: [National Quality Label, European Quality Label]\nlink: ${PLATFORM.en}\n`),
    );
    const problems = await problemsOf();
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0]!.file, problems[0]!.line, problems[0]!.field], [fixture.abs(SCRATCH_EN), 2, 'labels']);
    assert.equal(problems[0]!.message, `Here it is "national, european", but "national" in ${fixture.abs(SCRATCH_EL)}:2.`);

    fixture.write(
      SCRATCH_EN,
      fixture.read(SCRATCH_EN).replace('National Quality Label, ', '').replace(PLATFORM.en, 'https://twinspace.etwinning.net/1234/home'),
    );
    const link = await problemsOf();
    assert.deepEqual(
      link.map((problem) => [problem.line, problem.field]),
      [
        [2, 'labels'],
        [3, 'link'],
      ],
    );
  });
});

test('the school year folders are found without reading inside them, newest first, misnamed ones left out', async (t) => {
  const fixture = makeContentFixture();
  t.after(() => fixture.remove());
  mkdirSync(fixture.abs('2016-17'));
  assert.deepEqual(await findYearFolders(fixture.contentDir), ['2015-2016', '2014-2015', '2013-2014', '2012-2013']);
});
