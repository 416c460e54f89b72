/**
 * The fingerprints on their own: a page's fingerprint changes when what it
 * shows changes, and not otherwise. (tests/build/changed-pages.test.ts renders
 * the real templates before and after each kind of edit.)
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DrawnPages, pageFingerprints } from '../../../src/build/changed-pages.ts';
import { buildPages } from '../../../src/site/pages.ts';
import { archiveOf, SCHOOL, type ProjectFacts } from '../../helpers/archive.ts';

const SCRATCH: ProjectFacts = {
  id: '2015-2016/the-scratch-project',
  titles: { el: 'Το πρόγραμμα Scratch', en: 'The Scratch Project' },
  classes: [{ grade: 5 }],
  partners: ['GR', 'LV', 'IT'],
};
const OLYMPIC: ProjectFacts = {
  id: '2015-2016/olympic-games-unite-the-world',
  titles: { el: 'Οι Ολυμπιακοί Αγώνες ενώνουν τον κόσμο', en: 'Olympic Games unite the world' },
  classes: [{ grade: 6, section: 1 }],
  partners: ['GR', 'TR'],
};
const COOL_2014: ProjectFacts = {
  id: '2014-2015/cool-or-not-too-cool',
  titles: { el: 'Cool or not too cool?', en: 'Cool or not too cool?' },
  classes: [{ grade: 5, section: 2 }],
  partners: ['GR', 'GE'],
};
const COOL_2015: ProjectFacts = { ...COOL_2014, id: '2015-2016/cool-or-not-too-cool', classes: [{ grade: 6, section: 2 }], continues: COOL_2014.id };
const PLANTS: ProjectFacts = {
  id: '2012-2013/medicinal-and-aromatic-plants',
  titles: { el: 'Φαρμακευτικά και αρωματικά φυτά', en: 'Medicinal and aromatic plants' },
  classes: [{ grade: 5 }],
  partners: ['RO'],
};
const PROJECTS = [SCRATCH, OLYMPIC, COOL_2015, COOL_2014, PLANTS];

/** The URLs of the pages `npm start` draws again after the archive of `before` becomes the archive of `after`. */
function redrawn(before: readonly ProjectFacts[], after: readonly ProjectFacts[], school = SCHOOL): string[] {
  const drawn = new DrawnPages();
  const first = archiveOf(before);
  drawn.select(first, buildPages(first), true);
  const next = archiveOf(after, school);
  return drawn
    .select(next, buildPages(next), false)
    .map((page) => page.url)
    .sort();
}

/** The projects with one of them changed. */
const changing = (id: string, change: Partial<ProjectFacts>) => PROJECTS.map((project) => (project.id === id ? { ...project, ...change } : project));

describe('a fingerprint', () => {
  test('is the same for the same archive loaded again, page by page', () => {
    const once = archiveOf(PROJECTS);
    const again = archiveOf([...PROJECTS].reverse());
    const first = pageFingerprints(once, buildPages(once));
    const second = pageFingerprints(again, buildPages(again));
    assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort());
    for (const [url, fingerprint] of first) assert.deepEqual(second.get(url), fingerprint, url);
  });

  test('differs from page to page', () => {
    const archive = archiveOf(PROJECTS);
    const fingerprints = [...pageFingerprints(archive, buildPages(archive)).values()].map((parts) => parts.join('\u0000'));
    assert.equal(new Set(fingerprints).size, fingerprints.length);
  });
});

describe('DrawnPages', () => {
  test('draws every page the first time, and every page when told to (a template changed)', () => {
    const archive = archiveOf(PROJECTS);
    const pages = buildPages(archive);
    const drawn = new DrawnPages();
    assert.equal(drawn.select(archive, pages, false).length, pages.length);
    assert.equal(drawn.select(archive, pages, true).length, pages.length);
  });

  test('draws nothing again when a save changed nothing the site shows', () => {
    assert.deepEqual(redrawn(PROJECTS, PROJECTS), []);
  });

  test("a project's English title: its own pages and the English lists that show it, not the Greek ones", () => {
    const pages = redrawn(PROJECTS, changing(SCRATCH.id, { titles: { ...SCRATCH.titles, en: 'The Scratch Project 2016' } }));
    assert.deepEqual(
      pages.filter((url) => !url.startsWith('/en/')),
      // The Greek page of the project itself is drawn again too: it carries the project's every text.
      ['/2015-2016/the-scratch-project/'],
    );
    assert.deepEqual(
      pages.filter((url) => url.startsWith('/en/')),
      [
        '/en/',
        '/en/2015-2016/',
        '/en/2015-2016/the-scratch-project/',
        '/en/archive/',
        '/en/countries/gr/',
        '/en/countries/it/',
        '/en/countries/lv/',
        '/en/grades/5/',
      ],
    );
  });

  test("a project's Greek text: only the project's own pages, no list", () => {
    const drawn = new DrawnPages();
    const archive = archiveOf(PROJECTS);
    drawn.select(archive, buildPages(archive), true);
    const edited = archiveOf(PROJECTS);
    const scratch = edited.projects.find((project) => project.id === SCRATCH.id)!;
    scratch.versions.el = { ...scratch.versions.el!, html: '<p>Μία ακόμη παράγραφος.</p>' };
    assert.deepEqual(
      drawn
        .select(edited, buildPages(edited), false)
        .map((page) => page.url)
        .sort(),
      ['/2015-2016/the-scratch-project/', '/en/2015-2016/the-scratch-project/'],
    );
  });

  test('a project of an older year: its pages and lists, not the home page, which shows the latest year', () => {
    const pages = redrawn(PROJECTS, changing(PLANTS.id, { titles: { ...PLANTS.titles, el: 'Βότανα και αρωματικά φυτά' } }));
    assert.ok(pages.includes('/2012-2013/'));
    assert.ok(pages.includes('/countries/ro/'));
    assert.ok(!pages.includes('/'), 'the home page');
    assert.ok(!pages.includes('/2015-2016/'), 'another year');
    assert.ok(!pages.includes('/grades/6/'), 'a grade the project is not in');
  });

  test("the project a project continues: its title is on the later project's page", () => {
    const pages = redrawn(PROJECTS, changing(COOL_2014.id, { titles: { ...COOL_2014.titles, en: 'Cool or not too cool? (first year)' } }));
    assert.ok(pages.includes('/en/2015-2016/cool-or-not-too-cool/'));
    assert.ok(!pages.includes('/en/2015-2016/the-scratch-project/'));
  });

  test('a partner country added: the new country page, the lists that show the project, the home page counts', () => {
    const pages = redrawn(PROJECTS, changing(OLYMPIC.id, { partners: ['GR', 'TR', 'MT'] }));
    for (const url of ['/countries/mt/', '/en/countries/mt/', '/countries/', '/countries/tr/', '/2015-2016/', '/', '/en/']) {
      assert.ok(pages.includes(url), url);
    }
    assert.ok(!pages.includes('/2014-2015/cool-or-not-too-cool/'), "another project's page");
  });

  test("the school's name, introduction or e-mail address: every page, which all show them", () => {
    const archive = archiveOf(PROJECTS);
    const all = buildPages(archive).length;
    for (const school of [
      { ...SCHOOL, name: { ...SCHOOL.name, en: 'The 14th Primary School of Acharnes' } },
      { ...SCHOOL, introHtml: { ...SCHOOL.introHtml, el: '<p>Νέα εισαγωγή.</p>' } },
      { ...SCHOOL, email: 'school@example.org' },
    ]) {
      assert.equal(redrawn(PROJECTS, PROJECTS, school).length, all);
    }
  });
});
