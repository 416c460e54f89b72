import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { loadArchive } from '../../src/content/load.ts';
import type { Archive } from '../../src/content/model.ts';
import { countryName } from '../../src/content/normalise/countries.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { barChart } from '../../src/site/charts/bar-chart.ts';
import { projectedMap } from '../../src/site/charts/europe-geodata.ts';
import { europeMap, mapLevel, mapLevelRanges, type MapPartner } from '../../src/site/charts/europe-map.ts';
import { europeMapLegend } from '../../src/site/charts/map-legend.ts';
import { partnersPerYear, projectsPerYear } from '../../src/site/charts/statistics.ts';
import { localUrl, partnerPath } from '../../src/site/urls.ts';

let archive: Archive;
let partners: MapPartner[];
before(async () => {
  const { archive: loaded, problems } = await loadArchive(fileURLToPath(new URL('../../content', import.meta.url)));
  assert.deepEqual(problems, []);
  archive = loaded!;
  partners = archive.partners.map((partner) => ({ code: partner.code, count: partner.projects.length }));
});

const mapOptions = (lang: Lang) => ({
  href: (code: string) => localUrl(lang, partnerPath(code)),
  title: lang === 'el' ? 'Χάρτης των χωρών-εταίρων' : 'Map of the partner countries',
  label: (code: string, count: number) => `${countryName(code, lang)}: ${count} ${lang === 'el' ? 'προγράμματα' : 'projects'}`,
});

/** The absolute rings of SVG path data as this module writes it: `m x y dx dy … z`, repeated. */
function rings(d: string): [number, number][][] {
  const result: [number, number][][] = [];
  let start: [number, number] = [0, 0];
  for (const ring of d.split('z').filter(Boolean)) {
    assert.match(ring, /^m/);
    const numbers = ring.slice(1).match(/-?\d+/g)!.map(Number);
    let [x, y] = start;
    const points: [number, number][] = [];
    for (let i = 0; i < numbers.length; i += 2) {
      x += numbers[i]!;
      y += numbers[i + 1]!;
      points.push([x, y]);
    }
    start = points[0]!;
    result.push(points);
  }
  return result;
}

/** Even-odd point in polygon, over every ring of a path. */
function inside(d: string, [px, py]: [number, number]): boolean {
  let odd = false;
  for (const ring of rings(d)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

describe('the map of Europe', () => {
  test('links every partner country of the bundled archive to its page, named with its count', () => {
    for (const lang of ['el', 'en'] as const) {
      const svg = parse(europeMap(partners, mapOptions(lang)));
      const links = svg.querySelectorAll('a');
      assert.equal(links.length, 16);
      for (const partner of partners) {
        const link = links.find((a) => a.getAttribute('href') === localUrl(lang, partnerPath(partner.code)));
        assert.ok(link, `${partner.code} has a link`);
        assert.equal(link.querySelector('title')?.text, mapOptions(lang).label(partner.code, partner.count));
        assert.ok(link.querySelector('path, circle'), `${partner.code} is drawn`);
      }
      const latvia = links.find((a) => a.getAttribute('href') === localUrl(lang, '/countries/lv/'))!;
      assert.equal(latvia.querySelector('title')?.text, lang === 'el' ? 'Λετονία: 2 προγράμματα' : 'Latvia: 2 projects');
    }
  });

  test('shades partners by their number of projects, in four steps up to the busiest', () => {
    const svg = parse(europeMap(partners, mapOptions('en')));
    const level = (code: string) => svg.querySelector(`a[href="/en/countries/${code}/"]`)?.getAttribute('class');
    // Greece and Romania have 8 projects, Poland and Turkey 7: the darkest shade (7–8).
    for (const code of ['gr', 'ro', 'pl', 'tr']) assert.equal(level(code), 'map-level-4', code);
    assert.equal(level('es'), 'map-level-2'); // 4
    assert.equal(level('gb'), 'map-level-2'); // 3
    for (const code of ['lv', 'it', 'ge', 'pt', 'be', 'ua']) assert.equal(level(code), 'map-level-1', code); // 1–2
  });

  test('lists the partner links in the order given, as the table beside it does', () => {
    const svg = parse(europeMap(partners, mapOptions('el')));
    assert.deepEqual(
      svg.querySelectorAll('a').map((a) => a.getAttribute('href')),
      partners.map((partner) => localUrl('el', partnerPath(partner.code))),
    );
  });

  test('draws the other countries in grey, without links', () => {
    const svg = parse(europeMap(partners, mapOptions('en')));
    const others = svg.querySelectorAll('g.map-land > path');
    assert.ok(others.length >= 35, `${others.length} other countries`);
    assert.equal(svg.querySelectorAll('g.map-land a').length, 0);
    assert.equal(svg.querySelector('a[href="/en/countries/de/"]'), null);
    // With no partners, every country is grey.
    assert.equal(parse(europeMap([], mapOptions('en'))).querySelectorAll('a').length, 0);
  });

  test('is an accessible group named by its title', () => {
    const svg = parse(europeMap(partners, mapOptions('el'))).querySelector('svg')!;
    assert.equal(svg.getAttribute('role'), 'group');
    const title = svg.querySelector(`title#${svg.getAttribute('aria-labelledby')}`);
    assert.equal(title?.text, 'Χάρτης των χωρών-εταίρων');
    assert.match(svg.getAttribute('viewBox')!, /^0 0 640 \d+$/);
  });

  test('stays under 15 KB for the bundled archive, in both languages', () => {
    for (const lang of ['el', 'en'] as const) {
      const bytes = Buffer.byteLength(europeMap(partners, mapOptions(lang)));
      assert.ok(bytes < 15 * 1024, `${lang}: ${bytes} bytes`);
    }
  });

  test('loads nothing from anywhere: no URL, script, image or style', () => {
    const svg = europeMap(partners, mapOptions('el'));
    assert.doesNotMatch(svg, /http|\/\/|url\(|<script|<image|<use|<foreignObject|style=|xlink/i);
  });

  test('is the same on every call, from geometry projected once', () => {
    assert.equal(projectedMap(), projectedMap());
    assert.equal(europeMap(partners, mapOptions('en')), europeMap(partners, mapOptions('en')));
  });

  test('escapes labels and links', () => {
    const svg = europeMap([{ code: 'lv', count: 1 }], { href: () => '/a?b&c"', title: 'A <b> & "c"', label: () => '<Latvia> & "1"' });
    assert.match(svg, /href="\/a\?b&amp;c&quot;"/);
    assert.match(svg, /<title>&lt;Latvia&gt; &amp; &quot;1&quot;<\/title>/);
    assert.match(svg, /A &lt;b&gt; &amp; &quot;c&quot;/);
  });

  test('draws Crimea as part of Ukraine and Cyprus whole, and keeps Kosovo', () => {
    const { shapes, project } = projectedMap();
    const simferopol = project([34.1, 44.95])!;
    assert.ok(inside(shapes.get('UA')!.d, simferopol));
    assert.ok(!inside(shapes.get('RU')!.d, simferopol));
    const northNicosia = project([33.36, 35.25])!; // north of the Green Line
    assert.ok(inside(shapes.get('CY')!.d, northNicosia));
    assert.ok(inside(shapes.get('XK')!.d, project([21.16, 42.66])!)); // Pristina
    assert.ok(inside(shapes.get('GR')!.d, project([23.73, 37.98])!)); // Athens
  });

  test('gives Europe from Iceland to Georgia, and Cyprus; Kazakhstan is cut at the edge', () => {
    const { shapes } = projectedMap();
    for (const code of ['IS', 'PT', 'GB', 'NO', 'FI', 'GR', 'CY', 'TR', 'GE', 'UA', 'MT', 'LU', 'XK', 'MK']) {
      assert.ok(shapes.has(code), code);
    }
    assert.ok(!shapes.has('US'));
    assert.ok(!shapes.has('AX'), 'Åland is drawn with Finland');
  });

  test('marks a partner too small to see with a dot, and leaves out one it cannot show', () => {
    const svg = parse(
      europeMap(
        [
          { code: 'MT', count: 2 },
          { code: 'US', count: 1 },
          { code: 'FR', count: 1 },
        ],
        mapOptions('en'),
      ),
    );
    assert.ok(svg.querySelector('a[href="/en/countries/mt/"] circle'));
    assert.equal(svg.querySelector('a[href="/en/countries/fr/"] circle'), null);
    assert.equal(svg.querySelector('a[href="/en/countries/us/"]'), null);
  });

  test('cuts the counts into equal steps, each number its own shade up to four', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => mapLevel(n, 8)),
      [1, 1, 2, 2, 3, 3, 4, 4],
    );
    assert.deepEqual(
      [1, 2, 3].map((n) => mapLevel(n, 3)),
      [1, 2, 3],
    );
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((n) => mapLevel(n, 5)),
      [1, 2, 3, 4, 4],
    );
    assert.deepEqual(mapLevelRanges(8), [
      { level: 1, from: 1, to: 2 },
      { level: 2, from: 3, to: 4 },
      { level: 3, from: 5, to: 6 },
      { level: 4, from: 7, to: 8 },
    ]);
    assert.deepEqual(mapLevelRanges(1), [{ level: 1, from: 1, to: 1 }]);
    // Every count falls in the range of its own shade.
    for (let max = 1; max <= 30; max++) {
      const ranges = mapLevelRanges(max);
      for (let n = 1; n <= max; n++) {
        const range = ranges[mapLevel(n, max) - 1]!;
        assert.ok(range.from <= n && n <= range.to, `${n} of ${max}`);
      }
    }
  });

  test('has a legend with the numbers of each shade', () => {
    const legend = parse(europeMapLegend(partners, 'el', { title: 'Προγράμματα:' }));
    assert.deepEqual(
      legend.querySelectorAll('.map-key').map((key) => [key.getAttribute('class'), key.text]),
      [
        ['map-key map-level-0', '0'],
        ['map-key map-level-1', '1–2'],
        ['map-key map-level-2', '3–4'],
        ['map-key map-level-3', '5–6'],
        ['map-key map-level-4', '7–8'],
      ],
    );
    assert.equal(europeMapLegend([], 'el', { title: 'x' }), '');
  });
});

describe('bar charts', () => {
  const rows = [
    { label: '2014–2015', value: 4, href: '/en/2014-2015/' },
    { label: '2015–2016', value: 2 },
    { label: '<empty>', value: 0 },
  ];

  test('write every label and value as text, in a list named by the heading above it', () => {
    const list = parse(barChart(rows, { labelledBy: 'per-year', lang: 'en' })).querySelector('ul')!;
    assert.equal(list.getAttribute('role'), 'list');
    assert.equal(list.getAttribute('aria-labelledby'), 'per-year');
    const items = list.querySelectorAll('li');
    assert.deepEqual(
      items.map((item) => [item.firstChild!.text, item.querySelector('.bar-value')!.text]),
      [
        ['2014–2015', '4'],
        ['2015–2016', '2'],
        ['<empty>', '0'],
      ],
    );
    assert.equal(items[0]!.querySelector('a')?.getAttribute('href'), '/en/2014-2015/');
    assert.equal(items[1]!.querySelector('a'), null);
    // The bars are for the eye only: the numbers are the text beside them.
    for (const svg of list.querySelectorAll('svg')) assert.equal(svg.getAttribute('aria-hidden'), 'true');
  });

  test('can be named by a title instead', () => {
    const list = parse(barChart(rows, { title: 'Projects per school year', lang: 'en' })).querySelector('ul')!;
    assert.equal(list.getAttribute('aria-label'), 'Projects per school year');
  });

  test('scale the bars to the largest value, in percentages that fit any width', () => {
    const chart = parse(barChart(rows, { title: 't', lang: 'en' }));
    assert.deepEqual(
      chart.querySelectorAll('rect').map((rect) => rect.getAttribute('width')),
      ['100%', '50%', '0%'],
    );
    assert.equal(chart.querySelector('svg')!.getAttribute('viewBox'), undefined);
  });

  test('format numbers for the language and escape text', () => {
    const markup = barChart([{ label: 'A & B', value: 1234, href: '/a?b&c' }], { title: '"t"', lang: 'el' });
    assert.match(markup, />1\.234</);
    assert.match(markup, />A &amp; B</);
    assert.match(markup, /href="\/a\?b&amp;c"/);
    assert.match(markup, /aria-label="&quot;t&quot;"/);
    assert.doesNotMatch(markup, /http|style=/);
  });
});

describe('statistics of the bundled archive', () => {
  test('projects per school year, oldest first', () => {
    assert.deepEqual(
      projectsPerYear(archive).map(({ label, value }) => [label, value]),
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
      partnersPerYear(archive).map(({ label, value }) => [label, value]),
      [
        ['2012–2013', 2],
        ['2013–2014', 6],
        ['2014–2015', 12],
        ['2015–2016', 14],
      ],
    );
  });

  test('link each year to its page in the language asked for', () => {
    assert.equal(projectsPerYear(archive).at(-1)!.href, undefined);
    assert.equal(projectsPerYear(archive, 'el').at(-1)!.href, '/2015-2016/');
    assert.equal(partnersPerYear(archive, 'en')[0]!.href, '/en/2012-2013/');
  });
});
