import assert from 'node:assert/strict';
import { test } from 'node:test';
import { projectCard } from '../../../src/site/project-card.ts';
import { archiveOf } from '../../helpers/archive.ts';

const archive = archiveOf([
  {
    id: '2015-2016/the-scratch-project',
    titles: { el: 'The Scratch Project', en: 'The Scratch Project' },
    classes: [{ grade: 5 }],
    partners: ['GR', 'LV', 'IT'],
  },
  {
    id: '2014-2015/healthy-and-unhealthy-habits',
    titles: { el: 'Υγιεινές και ανθυγιεινές συνήθειες' },
    classes: [
      { grade: 4, section: 2 },
      { grade: 5, section: 1 },
    ],
    partners: ['PL'],
  },
  {
    id: '2013-2014/traditional-cultures',
    titles: { el: 'Παραδοσιακοί πολιτισμοί', en: 'Traditional cultures' },
    classes: [{ grade: 6 }],
    partners: ['PL', 'TR'],
    labels: ['national', 'european'],
  },
]);
const project = (id: string) => archive.projects.find((entry) => entry.id === id)!;
const scratch = project('2015-2016/the-scratch-project');
const habits = project('2014-2015/healthy-and-unhealthy-habits');
const cultures = project('2013-2014/traditional-cultures');

test("a Greek list shows the project's link, title, school year, classes and countries in Greek", () => {
  assert.deepEqual(projectCard(scratch, 'el'), {
    url: '/2015-2016/the-scratch-project/',
    title: 'The Scratch Project',
    // An English title on a Greek page is marked, for screen readers.
    titleLang: 'en',
    year: '2015–2016',
    classes: 'Εʹ',
    partners: 'Ελλάδα, Λετονία και Ιταλία',
    // A project without a Quality Label shows no badge.
    labels: [],
  });
});

test('an English list shows them in English, and a title in its own language carries no mark at all', () => {
  const card = projectCard(scratch, 'en');
  assert.deepEqual(card, {
    url: '/en/2015-2016/the-scratch-project/',
    title: 'The Scratch Project',
    year: '2015–2016',
    classes: '5th grade',
    partners: 'Greece, Latvia, and Italy',
    labels: [],
  });
  assert.ok(!('titleLang' in card));
});

test('a project not translated yet shows its Greek title on the English list, marked as Greek', () => {
  assert.deepEqual(projectCard(habits, 'en'), {
    url: '/en/2014-2015/healthy-and-unhealthy-habits/',
    title: 'Υγιεινές και ανθυγιεινές συνήθειες',
    titleLang: 'el',
    year: '2014–2015',
    classes: '4th grade, section 2 and 5th grade, section 1',
    partners: 'Poland',
    labels: [],
  });
  assert.equal(projectCard(habits, 'el').classes, 'Δ2 και Ε1');
});

test("a project with eTwinning Quality Labels shows each by its name in the list's language, national first", () => {
  assert.deepEqual(projectCard(cultures, 'el'), {
    url: '/2013-2014/traditional-cultures/',
    title: 'Παραδοσιακοί πολιτισμοί',
    year: '2013–2014',
    classes: 'ΣΤʹ',
    partners: 'Πολωνία και Τουρκία',
    labels: [
      { label: 'national', name: 'Εθνική Ετικέτα Ποιότητας' },
      { label: 'european', name: 'Ευρωπαϊκή Ετικέτα Ποιότητας' },
    ],
  });
  assert.deepEqual(projectCard(cultures, 'en').labels, [
    { label: 'national', name: 'National Quality Label' },
    { label: 'european', name: 'European Quality Label' },
  ]);
});
