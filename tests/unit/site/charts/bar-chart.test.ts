import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { barChart } from '../../../../src/site/charts/bar-chart.ts';

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
