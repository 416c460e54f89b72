/** The map of Europe, with the geodata it is drawn from and its legend. */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { loadArchive } from '../../../../src/content/load.ts';
import type { Archive } from '../../../../src/content/model.ts';
import { countryName } from '../../../../src/content/normalise/countries.ts';
import type { Lang } from '../../../../src/i18n/languages.ts';
import { projectedMap } from '../../../../src/site/charts/europe-geodata.ts';
import { europeMap, mapLevel, mapLevelRanges, type MapPartner } from '../../../../src/site/charts/europe-map.ts';
import { europeMapLegend } from '../../../../src/site/charts/map-legend.ts';
import { localUrl, partnerPath } from '../../../../src/site/urls.ts';

let archive: Archive;
let partners: MapPartner[];
before(async () => {
  const { archive: loaded, problems } = await loadArchive(fileURLToPath(new URL('../../../../content', import.meta.url)));
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
