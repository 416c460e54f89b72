import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadArchive } from '../../../../src/content/load.ts';
import type { Archive } from '../../../../src/content/model.ts';
import { partnersPerYear, projectsPerYear } from '../../../../src/site/charts/statistics.ts';
import { archiveOf } from '../../../helpers/archive.ts';

const archive = archiveOf([
  { id: '2015-2016/the-scratch-project', titles: { en: 'The Scratch Project' }, partners: ['GR', 'LV', 'IT'] },
  { id: '2015-2016/olympic-games-unite-the-world', titles: { en: 'Olympic Games unite the world' }, partners: ['GR', 'TR', 'PL', 'LV'] },
  { id: '2013-2014/traditional-cultures', titles: { el: 'Παραδοσιακοί πολιτισμοί' }, partners: ['GR', 'PL', 'TR', 'ES', 'RO', 'SK'] },
  { id: '2012-2013/medicinal-and-aromatic-plants', titles: { el: 'Φαρμακευτικά φυτά' }, partners: ['RO'] },
]);

test('projects per school year, oldest first, as a timeline reads', () => {
  assert.deepEqual(projectsPerYear(archive), [
    { label: '2012–2013', value: 1 },
    { label: '2013–2014', value: 1 },
    { label: '2015–2016', value: 2 },
  ]);
});

test('partner countries per school year count a country once however many projects it is in, Greece included', () => {
  assert.deepEqual(
    partnersPerYear(archive).map((row) => [row.label, row.value]),
    [
      ['2012–2013', 1],
      ['2013–2014', 6],
      // Greece, Latvia, Italy, Turkey and Poland: Greece and Latvia are in both projects.
      ['2015–2016', 5],
    ],
  );
});

test("each row links to its school year's page in the language asked for", () => {
  assert.deepEqual(
    projectsPerYear(archive, 'el').map((row) => row.href),
    ['/2012-2013/', '/2013-2014/', '/2015-2016/'],
  );
  assert.deepEqual(
    partnersPerYear(archive, 'en').map((row) => row.href),
    ['/en/2012-2013/', '/en/2013-2014/', '/en/2015-2016/'],
  );
});

test('an archive without projects has no rows', () => {
  assert.deepEqual(projectsPerYear(archiveOf([])), []);
  assert.deepEqual(partnersPerYear(archiveOf([])), []);
});

describe('statistics of the bundled archive', () => {
  let bundled: Archive;
  before(async () => {
    const { archive: loaded, problems } = await loadArchive(fileURLToPath(new URL('../../../../content', import.meta.url)));
    assert.deepEqual(problems, []);
    bundled = loaded!;
  });

  test('projects per school year, oldest first', () => {
    assert.deepEqual(
      projectsPerYear(bundled).map(({ label, value }) => [label, value]),
      [
        ['2012–2013', 2],
        ['2013–2014', 1],
        ['2014–2015', 4],
        ['2015–2016', 3],
      ],
    );
  });

  test('different partner countries per school year, oldest first', () => {
    // 2012–2013: PL RO; 2013–2014: GR PL TR ES RO SK;
    // 2014–2015: GR LT PL GB TR UA GE MD RO ES LV IT;
    // 2015–2016: GR GE TR MD RO ES PL GB LV IT PT SK BE FR.
    assert.deepEqual(
      partnersPerYear(bundled).map(({ label, value }) => [label, value]),
      [
        ['2012–2013', 2],
        ['2013–2014', 6],
        ['2014–2015', 12],
        ['2015–2016', 14],
      ],
    );
  });

  test('link each year to its page in the language asked for', () => {
    assert.equal(projectsPerYear(bundled).at(-1)!.href, undefined);
    assert.equal(projectsPerYear(bundled, 'el').at(-1)!.href, '/2015-2016/');
    assert.equal(partnersPerYear(bundled, 'en')[0]!.href, '/en/2012-2013/');
  });
});
