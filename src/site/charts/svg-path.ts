import type { GeoContext } from 'd3-geo';

/**
 * A d3-geo path context that writes compact SVG path data: whole units,
 * relative moves (`m` followed by implicit relative lines), no repeated
 * points, and no rings smaller than it is given.
 */
export class RelativePath implements GeoContext {
  d = '';

  /** Rings smaller than this, in square units, are left out. */
  constructor(private readonly minRingArea: number) {}

  /** The start of the last ring written: `z` returns there, and the next `m` is relative to it. */
  private start: [number, number] | undefined;
  private ring: [number, number][] = [];

  moveTo(x: number, y: number): void {
    this.flush();
    this.ring = [[Math.round(x), Math.round(y)]];
  }

  lineTo(x: number, y: number): void {
    const point: [number, number] = [Math.round(x), Math.round(y)];
    const last = this.ring[this.ring.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) this.ring.push(point);
  }

  closePath(): void {
    this.flush();
  }

  beginPath(): void {}

  arc(): void {
    // Only called for points, which a country never is.
  }

  private flush(): void {
    const ring = this.ring;
    this.ring = [];
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
    if (!first || ring.length < 3) return;
    if (Math.abs(ringArea(ring)) < this.minRingArea) return;
    const numbers: number[] = [];
    let [x, y] = this.start ?? [0, 0];
    for (const [px, py] of ring) {
      numbers.push(px - x, py - y);
      x = px;
      y = py;
    }
    // A first `m` is absolute, and the pairs after any `m` are relative lines.
    this.d += `m${joinNumbers(numbers)}z`;
    this.start = first;
  }
}

function ringArea(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  }
  return sum / 2;
}

/** `[12, -3, 4]` → `12-3 4`: a minus sign separates numbers as well as a space does. */
function joinNumbers(numbers: number[]): string {
  let out = '';
  for (const n of numbers) out += out === '' || n < 0 ? String(n) : ` ${n}`;
  return out;
}
