import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { indexArchive } from '../../../src/content/index-archive.ts';
import { sayProblem } from '../../../src/content/problems.ts';
import { archiveOf, projectRecord, SCHOOL, type ProjectFacts } from '../../helpers/archive.ts';

const SCRATCH: ProjectFacts = {
  id: '2015-2016/the-scratch-project',
  titles: { el: 'The Scratch Project', en: 'The Scratch Project' },
  classes: [{ grade: 5 }],
  partners: ['GR', 'LV', 'GB', 'IT'],
};
const OLYMPIC: ProjectFacts = {
  id: '2015-2016/olympic-games-unite-the-world',
  titles: { el: 'Olympic Games unite the world' },
  classes: [{ grade: 6, section: 1 }],
  partners: ['GR', 'TR', 'PL'],
};
const COOL_2015: ProjectFacts = {
  id: '2015-2016/cool-or-not-too-cool',
  titles: { el: 'Cool or not too cool?' },
  classes: [{ grade: 6, section: 2 }],
  partners: ['GR', 'GE', 'TR'],
  continues: '2014-2015/cool-or-not-too-cool',
};
const COOL_2014: ProjectFacts = {
  id: '2014-2015/cool-or-not-too-cool',
  titles: { el: 'Cool or not too cool?', en: 'Cool or not too cool?' },
  classes: [{ grade: 5, section: 2 }],
  partners: ['GR', 'GE', 'TR'],
};
const SEASONS: ProjectFacts = {
  id: '2014-2015/4-seasons-in-europe',
  titles: { el: '4 Seasons in Europe' },
  classes: [{ grade: 1 }, { grade: 2 }, { grade: 3 }],
  partners: ['GR', 'LT', 'PL'],
};
const PLANTS: ProjectFacts = {
  id: '2012-2013/medicinal-and-aromatic-plants',
  titles: { el: 'Medicinal and aromatic plants' },
  classes: [{ grade: 5 }],
  partners: ['RO'],
};

/** The problems indexing these projects finds, and the archive it makes anyway. */
function indexWithProblems(projects: readonly ProjectFacts[], folderIds: readonly string[] = []) {
  const { archive, problems } = indexArchive(SCHOOL, projects.map(projectRecord), new Set(folderIds));
  return { archive, problems: problems.map((problem) => sayProblem(problem, 'en')) };
}

describe('the school years', () => {
  test('are the years of the projects, newest first, with their first and second year', () => {
    const archive = archiveOf([PLANTS, SCRATCH, COOL_2014]);
    assert.deepEqual(
      archive.years.map(({ id, start, end }) => ({ id, start, end })),
      [
        { id: '2015-2016', start: 2015, end: 2016 },
        { id: '2014-2015', start: 2014, end: 2015 },
        { id: '2012-2013', start: 2012, end: 2013 },
      ],
    );
  });

  test("list their projects in the order of the classes that took part, as the school's page does", () => {
    const archive = archiveOf([COOL_2015, OLYMPIC, SCRATCH, COOL_2014, SEASONS]);
    assert.deepEqual(
      archive.years.map((year) => year.projects.map((project) => project.slug)),
      [
        // Ε' before ΣΤ1 before ΣΤ2.
        ['the-scratch-project', 'olympic-games-unite-the-world', 'cool-or-not-too-cool'],
        // Α', Β', Γ' before Ε2.
        ['4-seasons-in-europe', 'cool-or-not-too-cool'],
      ],
    );
  });

  test('list projects of the same classes by title in Greek alphabetical order, accents aside, Greek before Latin', () => {
    const titles = ['Ωραίοι κήποι', 'Scratch', 'Άνοιξη στην Ευρώπη', 'Βότανα'];
    const archive = archiveOf(titles.map((title, n) => ({ id: `2015-2016/project-${n}`, titles: { el: title } })));
    assert.deepEqual(
      archive.years[0]!.projects.map((project) => project.versions.el!.title),
      ['Άνοιξη στην Ευρώπη', 'Βότανα', 'Ωραίοι κήποι', 'Scratch'],
    );
  });

  test('sort a project with only an English file by its English title', () => {
    const archive = archiveOf([
      { id: '2015-2016/zoo', titles: { en: 'Zoo' } },
      { id: '2015-2016/animals', titles: { en: 'Animals' } },
    ]);
    assert.deepEqual(
      archive.years[0]!.projects.map((project) => project.slug),
      ['animals', 'zoo'],
    );
  });

  test("give every project once, in the archive's list too, newest year first", () => {
    const archive = archiveOf([PLANTS, COOL_2014, SCRATCH, OLYMPIC]);
    assert.deepEqual(
      archive.projects.map((project) => project.id),
      archive.years.flatMap((year) => year.projects.map((project) => project.id)),
    );
    assert.equal(archive.projects.length, 4);
    assert.equal(archive.school, SCHOOL);
  });

  test('an archive without projects has no years, grades, partners or Quality Labels', () => {
    const archive = archiveOf([]);
    assert.deepEqual([archive.years, archive.projects, archive.grades, archive.partners, archive.labels], [[], [], [], [], []]);
  });
});

describe('continues', () => {
  test('links the project to the earlier one, and the earlier one to it', () => {
    const archive = archiveOf([COOL_2015, COOL_2014]);
    const later = archive.projects.find((project) => project.id === COOL_2015.id)!;
    const earlier = archive.projects.find((project) => project.id === COOL_2014.id)!;
    assert.equal(later.continues, earlier);
    assert.deepEqual(earlier.continuedIn, [later]);
    assert.equal(earlier.continues, undefined);
    assert.deepEqual(later.continuedIn, []);
  });

  test('lists the later years of a project oldest first, however the records came', () => {
    const first: ProjectFacts = { id: '2012-2013/eco-schools', titles: { el: 'Οικολογικά σχολεία' } };
    const later = ['2015-2016', '2013-2014', '2014-2015'].map((year): ProjectFacts => ({ ...first, id: `${year}/eco-schools`, continues: first.id }));
    const archive = archiveOf([...later, first]);
    const earliest = archive.projects.find((project) => project.id === first.id)!;
    assert.deepEqual(
      earliest.continuedIn.map((project) => project.year),
      ['2013-2014', '2014-2015', '2015-2016'],
    );
  });

  test('to no project is a problem on its line, suggesting the nearest project of an earlier year', () => {
    const typo = { ...COOL_2015, continues: '2014-2015/cool-or-not-to-cool' };
    // The same project's own year and later ones are never suggested, however near their names.
    const { archive, problems } = indexWithProblems([typo, COOL_2014, SCRATCH, { ...SCRATCH, id: '2016-2017/cool-or-not-to-cool' }]);
    assert.deepEqual(problems, [
      {
        file: 'content/2015-2016/cool-or-not-too-cool/index.el.md',
        line: 5,
        field: 'continues',
        message: '"2014-2015/cool-or-not-to-cool" is not a project in this archive.',
        fix: 'Did you mean "2014-2015/cool-or-not-too-cool"? Write the school year folder and the project folder of the earlier year.',
      },
    ]);
    assert.equal(archive.projects.find((project) => project.id === COOL_2015.id)!.continues, undefined);
  });

  test('to no project, in an archive without an earlier year, gives an example instead of a suggestion', () => {
    const { problems } = indexWithProblems([{ ...SCRATCH, continues: '2014-2015/scratch' }, OLYMPIC]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.message, '"2014-2015/scratch" is not a project in this archive.');
    assert.match(problems[0]!.fix, /e\.g\. 2014-2015\/cool-or-not-too-cool, or remove the line/);
  });

  test('to a project of the same or a later year is a problem that says it must be earlier', () => {
    for (const target of [OLYMPIC.id, '2016-2017/olympic-games']) {
      const { archive, problems } = indexWithProblems([{ ...SCRATCH, continues: target }, OLYMPIC, { ...OLYMPIC, id: '2016-2017/olympic-games' }]);
      assert.deepEqual(
        problems.map(({ field, message, fix }) => ({ field, message, fix })),
        [
          {
            field: 'continues',
            message: `"${target}" is not in an earlier school year than 2015-2016.`,
            fix: 'A project can only continue a project of an earlier school year: write that one, or remove the line.',
          },
        ],
      );
      assert.ok(archive.projects.every((project) => project.continuedIn.length === 0));
    }
  });

  test('to a project folder whose own files have mistakes is not a second problem, and links nothing', () => {
    // The earlier project's file has a mistake: it is not among the records, but its folder was found.
    const { archive, problems } = indexWithProblems([COOL_2015], [COOL_2015.id, COOL_2014.id]);
    assert.deepEqual(problems, []);
    assert.equal(archive.projects[0]!.continues, undefined);
  });

  test('suggests a project folder whose own files have mistakes too', () => {
    const { problems } = indexWithProblems([{ ...COOL_2015, continues: '2014-2015/cool-or-not' }], [COOL_2015.id, COOL_2014.id]);
    assert.match(problems[0]!.fix, /^Did you mean "2014-2015\/cool-or-not-too-cool"\?/);
  });
});

describe('the grades and partner countries', () => {
  test('give each grade that took part, first grade first, with its projects newest year first', () => {
    const archive = archiveOf([PLANTS, SEASONS, COOL_2014, SCRATCH, OLYMPIC]);
    assert.deepEqual(
      archive.grades.map((entry) => [entry.grade, entry.projects.map((project) => project.id)]),
      [
        [1, [SEASONS.id]],
        [2, [SEASONS.id]],
        [3, [SEASONS.id]],
        [5, [SCRATCH.id, COOL_2014.id, PLANTS.id]],
        [6, [OLYMPIC.id]],
      ],
    );
  });

  test('list a project once under its grade when two of its sections took part', () => {
    const archive = archiveOf([
      {
        id: '2014-2015/healthy-habits',
        titles: { el: 'Healthy Habits' },
        classes: [
          { grade: 4, section: 2 },
          { grade: 5, section: 1 },
          { grade: 5, section: 2 },
        ],
      },
    ]);
    assert.deepEqual(
      archive.grades.map((entry) => [entry.grade, entry.projects.length]),
      [
        [4, 1],
        [5, 1],
      ],
    );
  });

  test('give each partner country with its projects newest year first, each project once', () => {
    const archive = archiveOf([PLANTS, COOL_2014, SCRATCH, { ...OLYMPIC, partners: ['GR', 'TR', 'GR'] }]);
    const partners = new Map(archive.partners.map((partner) => [partner.code, partner.projects.map((project) => project.id)]));
    assert.deepEqual(partners.get('GR'), [SCRATCH.id, OLYMPIC.id, COOL_2014.id]);
    assert.deepEqual(partners.get('TR'), [OLYMPIC.id, COOL_2014.id]);
    assert.deepEqual(partners.get('RO'), [PLANTS.id]);
    assert.deepEqual([...partners.keys()].sort(), ['GB', 'GE', 'GR', 'IT', 'LV', 'RO', 'TR']);
  });
});

describe('the eTwinning Quality Labels', () => {
  test('give each label a project earned, national first, with its projects newest year first', () => {
    const archive = archiveOf([
      { ...PLANTS, labels: ['national'] },
      { ...COOL_2014, labels: ['national', 'european'] },
      SCRATCH,
      { ...OLYMPIC, labels: ['european'] },
    ]);
    assert.deepEqual(
      archive.labels.map((entry) => [entry.label, entry.projects.map((project) => project.id)]),
      [
        ['national', [COOL_2014.id, PLANTS.id]],
        ['european', [OLYMPIC.id, COOL_2014.id]],
      ],
    );
  });

  test('an archive whose projects earned none has no labels to list', () => {
    assert.deepEqual(archiveOf([PLANTS, SCRATCH]).labels, []);
  });
});
