/**
 * The countries of Europe as the map draws them: Natural Earth's 1:50m
 * countries (the `world-atlas` package, TopoJSON), read, simplified and
 * projected once per process. Simplification works on TopoJSON's shared arcs,
 * so neighbours keep a common border without gaps; coordinates are rounded to
 * whole units of a 640-unit-wide viewBox and written as relative moves
 * (svg-path.ts).
 *
 * Countries are matched by ISO 3166-1 numeric code (world-atlas's ids), which
 * Intl turns into the alpha-2 codes the archive uses: CLDR aliases every
 * numeric country code to its alpha-2 one, so no table is kept here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoAzimuthalEqualArea, geoContains, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPoint, MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon, Position } from 'geojson';
import { feature, mergeArcs, transform } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import { RelativePath } from './svg-path.ts';

/** The viewBox: 640 units wide, about one pixel each where the page shows it (68ch); its height set by the area shown. */
const WIDTH = 640;
/** Projected units per point kept: a coastline point closer than this to the line through its neighbours goes. */
const TOLERANCE = 2.5;
/** Islands and holes smaller than this (square units; a unit is about 7 km) are left out. */
const MIN_RING_AREA = 6;
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
    const writer = new RelativePath(MIN_RING_AREA);
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
