import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { geoPath } from 'd3-geo';
import { RelativePath } from '../../../../src/site/charts/svg-path.ts';

/** The path data of rings drawn one after the other, each closed. */
function draw(rings: [number, number][][], minRingArea = 0): string {
  const path = new RelativePath(minRingArea);
  for (const ring of rings) {
    const [first, ...rest] = ring;
    path.moveTo(...first!);
    for (const point of rest) path.lineTo(...point);
    path.closePath();
  }
  return path.d;
}

const square = (x: number, y: number, size: number): [number, number][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
];

describe('path data', () => {
  test('a ring is a move, then lines relative to the point before, then z', () => {
    assert.equal(draw([square(10, 20, 5)]), 'm10 20 5 0 0 5-5 0z');
  });

  test("the next ring's move is relative to where the last ring started", () => {
    assert.equal(draw([square(10, 20, 5), square(30, 20, 5)]), 'm10 20 5 0 0 5-5 0zm20 0 5 0 0 5-5 0z');
  });

  test('points are whole units, and a point that rounds to the one before is left out', () => {
    assert.equal(
      draw([
        [
          [10.4, 19.6],
          [15.2, 20],
          [15.4, 20.3],
          [15, 25],
          [10, 25],
        ],
      ]),
      'm10 20 5 0 0 5-5 0z',
    );
  });

  test('a ring that ends where it started does not write its first point twice', () => {
    assert.equal(draw([[...square(0, 0, 10), [0, 0]]]), 'm0 0 10 0 0 10-10 0z');
  });

  test('rings smaller than the smallest area shown, and rings that round to a line or a point, are left out', () => {
    assert.equal(draw([square(0, 0, 2), square(10, 10, 5)], 10), 'm10 10 5 0 0 5-5 0z');
    assert.equal(
      draw([
        [
          [0, 0],
          [0.2, 0.3],
          [5, 0],
        ],
      ]),
      '',
    );
    assert.equal(draw([[[0, 0]]]), '');
  });
});

test("is the context d3's geoPath draws a country with", () => {
  const island = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [0, 0],
        [0, 8],
        [8, 8],
        [8, 0],
        [0, 0],
      ],
      [
        [2, 2],
        [6, 2],
        [6, 6],
        [2, 6],
        [2, 2],
      ],
    ],
  };
  const context = new RelativePath(1);
  geoPath(null, context)(island);
  // The lake inside is a ring of its own after the coast, its move relative to the coast's start.
  assert.equal(context.d, 'm0 0 0 8 8 0 0-8zm2 2 4 0 0 4-4 0z');
});
