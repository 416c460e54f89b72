/**
 * The links of a project page that lead to other sites: its page on the
 * European School Education Platform, in the page's language, and what its
 * pupils made, each named and with the host it leads to.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { projectLinks } from '../../../src/site/project-links.ts';
import { archiveOf } from '../../helpers/archive.ts';
import { FULL, GREEK_OUTCOMES, OUTCOMES, PLATFORM } from '../../helpers/fields-fixture.ts';

// The projects of tests/helpers/fields-fixture.ts, as loadArchive reads them (tests/unit/content/load.test.ts).
const archive = archiveOf([
  {
    id: FULL,
    titles: { el: 'The Scratch Project', en: 'The Scratch Project' },
    labels: ['national', 'european'],
    link: PLATFORM.el,
    outcomes: { el: OUTCOMES.el, en: OUTCOMES.en },
  },
  {
    id: GREEK_OUTCOMES,
    titles: { el: 'Cool or not too cool?', en: 'Cool or not too cool?' },
    labels: ['national'],
    outcomes: { el: OUTCOMES.greekOnly },
  },
  { id: '2012-2013/medicinal-and-aromatic-plants', titles: { el: 'Φαρμακευτικά και αρωματικά φυτά' } },
]);
const project = (id: string) => archive.projects.find((entry) => entry.id === id)!;
const full = project(FULL);
const greekOnly = project(GREEK_OUTCOMES);

test("the platform page is linked in the page's language, named as the platform's, with its host", () => {
  assert.deepEqual(projectLinks(full, 'en').platform, {
    url: PLATFORM.en,
    text: 'The project on the European School Education Platform',
    host: 'school-education.ec.europa.eu',
  });
  assert.equal(projectLinks(full, 'el').platform?.url, PLATFORM.el);
  assert.equal(projectLinks(full, 'el').platform?.text, 'Το πρόγραμμα στην Ευρωπαϊκή Πλατφόρμα Σχολικής Εκπαίδευσης');
});

test("outcomes are the page language's own, each titled with its host", () => {
  assert.deepEqual(
    projectLinks(full, 'en').outcomes.map(({ text, host, textLang }) => [text, host, textLang]),
    [
      ['Our Scratch games', 'games.example.org', undefined],
      ["The class's e-book", 'books.example.net', undefined],
    ],
  );
});

test("until a language's file lists outcomes, its page shows the Greek ones, their titles marked as Greek", () => {
  assert.deepEqual(
    projectLinks(greekOnly, 'en').outcomes.map(({ text, textLang }) => [text, textLang]),
    OUTCOMES.greekOnly.map(({ title }) => [title, 'el']),
  );
});

test("an address off the platform (an older TwinSpace, a blog) is the project's own page", () => {
  const beforePlatform = projectLinks({ ...greekOnly, link: 'https://twinspace.etwinning.net/1234/home' }, 'en').platform;
  assert.deepEqual(beforePlatform, { url: 'https://twinspace.etwinning.net/1234/home', text: "The project's own page", host: 'twinspace.etwinning.net' });
});

test('a project with neither has no links to other sites', () => {
  assert.deepEqual(projectLinks(project('2012-2013/medicinal-and-aromatic-plants'), 'en'), { outcomes: [] });
});
