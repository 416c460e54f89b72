/**
 * A map of Europe drawn at build time as inline SVG: every country a grey
 * shape, the school's partner countries shaded by their number of projects
 * and linked to their pages. No script, no tiles, nothing from another host.
 * The shapes come from europe-geodata.ts; the key to the shades is
 * map-legend.ts. The map stays near 11 KB.
 */
import { escapeHtml } from '../../present/html.ts';
import { projectedMap } from './europe-geodata.ts';

export interface MapPartner {
  /** ISO 3166-1 alpha-2, any case. */
  code: string;
  /** The number of projects with this country. */
  count: number;
}

export interface EuropeMapOptions {
  /** The country's page, e.g. `/en/countries/lv/`. */
  href(code: string): string;
  /** The map's accessible name, also its tooltip. */
  title: string;
  /** A partner's accessible name and tooltip, e.g. "Λετονία: 2 προγράμματα". */
  label(code: string, count: number): string;
  /** The `id` of the map's `<title>`, unique on the page; `europe-map-title` by default. */
  id?: string;
}

/** The number of shades partner countries are drawn in (CSS classes `map-level-1` to `map-level-4`). */
export const MAP_LEVELS = 4;

/** A partner smaller than this (square units) also gets a dot, so it can be seen and clicked. */
const DOT_BELOW_AREA = 25;
const DOT_RADIUS = 4;

/**
 * The shade (1 to MAP_LEVELS) of a partner with `count` projects, when the
 * busiest partner has `max`: the range 1..max cut into equal steps, so the
 * busiest partner always has the darkest shade, and with four projects or
 * fewer each number has a shade of its own.
 */
export function mapLevel(count: number, max: number): number {
  const steps = Math.min(MAP_LEVELS, max);
  return Math.max(1, Math.min(steps, Math.ceil((count * steps) / max)));
}

/** For a legend: the counts each shade stands for, e.g. [{level: 1, from: 1, to: 2}, …]. */
export function mapLevelRanges(max: number): { level: number; from: number; to: number }[] {
  const steps = Math.min(MAP_LEVELS, max);
  return Array.from({ length: steps }, (_, i) => ({
    level: i + 1,
    from: Math.floor((i * max) / steps) + 1,
    to: Math.floor(((i + 1) * max) / steps),
  }));
}

/**
 * The map as SVG markup, to print unescaped. Partner links come in the order
 * of `partners` (give them in the order of the table beside the map, so
 * keyboard and screen reader users meet them in the same order). A partner
 * the map cannot show (a country outside Europe) is left out of it, and is
 * still in that table.
 */
export function europeMap(partners: readonly MapPartner[], options: EuropeMapOptions): string {
  const { width, height, shapes } = projectedMap();
  const counts = new Map<string, number>();
  for (const partner of partners) {
    if (partner.count >= 1) counts.set(partner.code.toUpperCase(), partner.count);
  }
  const max = Math.max(0, ...counts.values());
  const titleId = escapeHtml(options.id ?? 'europe-map-title');

  let others = '';
  for (const [code, shape] of shapes) {
    if (!counts.has(code) && shape.d !== '') others += `<path d="${shape.d}"/>`;
  }
  let linked = '';
  for (const [code, count] of counts) {
    const shape = shapes.get(code);
    if (!shape) continue;
    const outline = shape.d === '' ? '' : `<path d="${shape.d}"/>`;
    const [cx, cy] = shape.centroid;
    const dot = shape.area < DOT_BELOW_AREA ? `<circle cx="${cx}" cy="${cy}" r="${DOT_RADIUS}"/>` : '';
    linked +=
      `<a href="${escapeHtml(options.href(code))}" class="map-level-${mapLevel(count, max)}">` +
      `<title>${escapeHtml(options.label(code, count))}</title>${outline}${dot}</a>`;
  }
  // role="group", not "img": an image's children are hidden from assistive
  // technology, and the partners are links that must keep their names.
  return (
    `<svg class="europe-map" viewBox="0 0 ${width} ${height}" role="group" aria-labelledby="${titleId}">` +
    `<title id="${titleId}">${escapeHtml(options.title)}</title>` +
    `<g class="map-land">${others}</g>${linked}</svg>`
  );
}
