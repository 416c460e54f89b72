/**
 * A map of Europe drawn at build time as inline SVG: every country a grey
 * shape, the school's partner countries shaded by their number of projects
 * and linked to their pages. No script, no tiles, nothing from another host.
 *
 * The shapes are Natural Earth's 1:50m countries (the `world-atlas` package,
 * TopoJSON), read, simplified and projected once per process: simplification
 * works on TopoJSON's shared arcs, so neighbours keep a common border without
 * gaps, and coordinates are rounded to whole units of a 640-unit-wide
 * viewBox and written as relative moves, which keeps the map near 11 KB.
 *
 * Countries are matched by ISO 3166-1 numeric code (world-atlas's ids), which
 * Intl turns into the alpha-2 codes the archive uses: CLDR aliases every
 * numeric country code to its alpha-2 one, so no table is kept here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoAzimuthalEqualArea, geoContains, geoPath, type GeoContext, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPoint, MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon, Position } from 'geojson';
import { feature, mergeArcs, transform } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import { escapeHtml } from '../../present/html.ts';
import { formatNumber } from '../../present/intl.ts';
import type { Lang } from '../../i18n/languages.ts';

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

/** The viewBox: 640 units wide, about one pixel each where the page shows it (68ch); its height set by the area shown. */
const WIDTH = 640;
/** Projected units per point kept: a coastline point closer than this to the line through its neighbours goes. */
const TOLERANCE = 2.5;
/** Islands and holes smaller than this (square units; a unit is about 7 km) are left out. */
const MIN_RING_AREA = 6;
/** A partner smaller than this (square units) also gets a dot, so it can be seen and clicked. */
const DOT_BELOW_AREA = 25;
const DOT_RADIUS = 4;

/**
 * The area shown, as [longitude, latitude] points the viewport must contain:
 * Iceland's west coast, Portugal's south-west, Crete's south, Cyprus's east,
 * Georgia's east and the North Cape. Countries beyond it are cut at its edges.
 */
const EXTENT_POINTS: MultiPoint = {
  type: 'MultiPoint',
  coordinates: [
    [-24.6, 65.5],
    [-9.6, 36.9],
    [24.5, 34.8],
    [34.7, 35.2],
    [46.8, 41.5],
    [25.8, 71.3],
  ],
};

/**
 * Shapes that world-atlas has without an ISO numeric id, by their name there:
 * Kosovo has the code the archive (and the EU) uses for it; the north of
 * Cyprus is drawn as part of the Republic of Cyprus, as the UN and the EU see it.
 */
const UNNUMBERED: Readonly<Record<string, string>> = { Kosovo: 'XK', 'N. Cyprus': 'CY' };

/** Natural Earth draws the Åland Islands on their own; they are part of Finland, and shaded with it. */
const PART_OF: Readonly<Record<string, string>> = { AX: 'FI' };

/**
 * Crimea is one polygon of Russia's shape in Natural Earth, which draws the
 * line of control; it is moved to Ukraine, as the UN General Assembly
 * (resolution 68/262) and the EU recognise it. Found by a point inside it (Simferopol).
 */
const CRIMEA_POINT: [number, number] = [34.1, 44.95];

export interface ProjectedMap {
  width: number;
  height: number;
  /** Each country's path data, by alpha-2 code. */
  shapes: ReadonlyMap<string, CountryShape>;
  /** [longitude, latitude] to map units, unrounded. */
  project(point: [number, number]): [number, number] | null;
}

export interface CountryShape {
  /** Empty for a country too small to draw (Malta, Andorra…). */
  d: string;
  /** Area inside the viewport, in square units: of the simplified shape, or of the whole one when simplification left nothing. */
  area: number;
  /** Where a dot goes for a country too small to see. */
  centroid: [number, number];
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type Shape = Polygon | MultiPolygon;

let projected: ProjectedMap | undefined;

/** Reads, fixes, simplifies and projects the countries: once per process. Exported for tests. */
export function projectedMap(): ProjectedMap {
  if (projected) return projected;
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as CountriesTopology;

  const projection = geoAzimuthalEqualArea().rotate([-10, -52]); // as the EU's ETRS89-LAEA
  projection.fitWidth(WIDTH, EXTENT_POINTS);
  const [[, top], [, bottom]] = geoPath(projection).bounds(EXTENT_POINTS);
  const shift = projection.translate();
  projection.translate([shift[0], shift[1] - top]);
  const height = Math.ceil(bottom - top);
  projection.clipExtent([
    [0, 0],
    [WIDTH, height],
  ]);

  const exact = decodeArcs(topology);
  const simplified = simplifyArcs(exact, projection);
  const path = geoPath(projection);
  const shapes = new Map<string, CountryShape>();
  // Arc indices are the same in both topologies, so one geometry serves both.
  for (const [code, geometry] of countryGeometries(exact)) {
    // Measured on the simplified shape; one that simplification wiped out
    // (Malta, Andorra…) is measured whole, to place its dot.
    const simple = withoutCollapsedRings(shapeFeature(simplified, geometry));
    const shape = simple.geometry.coordinates.length > 0 ? simple : shapeFeature(exact, geometry);
    const area = path.area(shape); // of the part inside the viewport
    if (area === 0) continue;
    const writer = new RelativePath();
    geoPath(projection, writer)(simple);
    const [x, y] = path.centroid(shape);
    shapes.set(code, { d: writer.d, area, centroid: [Math.round(x), Math.round(y)] });
  }
  projected = { width: WIDTH, height, shapes, project: (point) => projection(point) };
  return projected;
}

function shapeFeature(topology: CountriesTopology, geometry: Shape): Feature<GeoPolygon | GeoMultiPolygon> {
  return geometry.type === 'Polygon' ? feature(topology, geometry) : feature(topology, geometry);
}

/** The topology with absolute [longitude, latitude] arcs, so they can be simplified. */
function decodeArcs(topology: CountriesTopology): CountriesTopology {
  const toLonLat = transform(topology.transform ?? null);
  const arcs = topology.arcs.map((arc) => arc.map((point, i) => toLonLat(point, i > 0) as [number, number]));
  return { type: 'Topology', objects: topology.objects, arcs };
}

/**
 * Douglas–Peucker on each arc, measured in projected units. An arc's two ends
 * always stay, and both neighbours share the same simplified arc, so borders
 * still meet exactly.
 */
function simplifyArcs(topology: CountriesTopology, projection: GeoProjection): CountriesTopology {
  const arcs = topology.arcs.map((arc) => {
    if (arc.length <= 2) return arc;
    const xy = arc.map((point) => projection(point as [number, number]) ?? [NaN, NaN]);
    const keep = new Uint8Array(arc.length);
    keep[0] = keep[arc.length - 1] = 1;
    const stack: [number, number][] = [[0, arc.length - 1]];
    while (stack.length > 0) {
      const [first, last] = stack.pop()!;
      let farthest = -1;
      let distance = TOLERANCE;
      for (let i = first + 1; i < last; i++) {
        const d = distanceToSegment(xy[i]!, xy[first]!, xy[last]!);
        // Points that do not project (the far side of the globe) are never drawn here.
        if (!(d <= distance)) {
          if (Number.isNaN(d)) continue;
          distance = d;
          farthest = i;
        }
      }
      if (farthest < 0) continue;
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
    return arc.filter((_, i) => keep[i] === 1);
  });
  return { ...topology, arcs };
}

/**
 * Simplification can shrink a small island to a line, or turn its ring
 * around; d3-geo reads a ring by its winding on the sphere, so a turned ring
 * would be the whole globe except the island. Such polygons are dropped,
 * as are holes of fewer than three points.
 */
function withoutCollapsedRings(geo: Feature<GeoPolygon | GeoMultiPolygon>): Feature<GeoMultiPolygon> {
  const polygons = geo.geometry.type === 'Polygon' ? [geo.geometry.coordinates] : geo.geometry.coordinates;
  const kept: Position[][][] = [];
  for (const [outer, ...holes] of polygons) {
    if (!outer || distinctPoints(outer) < 3) continue;
    const polygon = [outer, ...holes.filter((hole) => distinctPoints(hole) >= 3)];
    // More than a hemisphere: turned inside out.
    if (geoArea({ type: 'Polygon', coordinates: polygon }) > 2 * Math.PI) continue;
    kept.push(polygon);
  }
  return { ...geo, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

function distinctPoints(ring: Position[]): number {
  return new Set(ring.map((point) => `${point[0]},${point[1]}`)).size;
}

function distanceToSegment(p: number[], a: number[], b: number[]): number {
  const [px, py] = p as [number, number];
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  // A ring drawn as one arc starts and ends at the same point.
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Each country's geometry by alpha-2 code, with the two changes described
 * above (north Cyprus joined to Cyprus, Crimea to Ukraine). Shapes that are
 * neither numbered nor named in UNNUMBERED (Somaliland…) are left out.
 */
function countryGeometries(topology: CountriesTopology): Map<string, Shape> {
  const byCode = new Map<string, Shape[]>();
  for (const geometry of topology.objects.countries.geometries) {
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    const own = geometry.id === undefined ? UNNUMBERED[geometry.properties?.name ?? ''] : alpha2(String(geometry.id));
    if (own === undefined) continue;
    const code = PART_OF[own] ?? own;
    byCode.set(code, [...(byCode.get(code) ?? []), geometry]);
  }

  const russia = byCode.get('RU')?.[0];
  const ukraine = byCode.get('UA');
  if (russia?.type === 'MultiPolygon' && ukraine) {
    const crimea = russia.arcs.findIndex((polygon) => geoContains(feature(topology, { type: 'Polygon', arcs: polygon }), CRIMEA_POINT));
    if (crimea >= 0) {
      ukraine.push({ type: 'Polygon', arcs: russia.arcs[crimea]! });
      byCode.set('RU', [{ ...russia, arcs: russia.arcs.filter((_, i) => i !== crimea) }]);
    }
  }

  // Several shapes for one code are merged, so no border is drawn between them.
  return new Map([...byCode].map(([code, parts]) => [code, parts.length === 1 ? parts[0]! : mergeArcs(topology, parts)]));
}

/** '428' → 'LV': CLDR's territory aliases map ISO numeric codes to alpha-2 ones. */
function alpha2(numeric: string): string | undefined {
  const region = Intl.getCanonicalLocales(`und-${numeric.padStart(3, '0')}`)[0]!.slice(4);
  return /^[A-Z]{2}$/.test(region) ? region : undefined;
}

/**
 * A d3-geo path context that writes compact SVG path data: whole units,
 * relative moves (`m` followed by implicit relative lines), no repeated
 * points, and no rings smaller than MIN_RING_AREA.
 */
class RelativePath implements GeoContext {
  d = '';
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
    if (Math.abs(ringArea(ring)) < MIN_RING_AREA) return;
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

/**
 * The key to the shades, as HTML to print unescaped under the map: the
 * legend's title, then each shade's numbers ("0", "1–2", …), each number
 * preceded by a swatch the stylesheet colours (`.map-key.map-level-N::before`).
 * Empty when there are no partners.
 */
export function europeMapLegend(partners: readonly MapPartner[], lang: Lang, options: { title: string }): string {
  const max = Math.max(0, ...partners.map((partner) => partner.count));
  if (max < 1) return '';
  const number = (n: number) => formatNumber(n, lang);
  const keys = [
    { level: 0, text: number(0) },
    ...mapLevelRanges(max).map(({ level, from, to }) => ({ level, text: from === to ? number(from) : `${number(from)}–${number(to)}` })),
  ];
  return (
    `<p class="map-legend">${escapeHtml(options.title)} ` +
    keys.map(({ level, text }) => `<span class="map-key map-level-${level}">${text}</span>`).join(' ') +
    '</p>'
  );
}
