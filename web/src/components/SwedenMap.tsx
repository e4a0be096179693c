/**
 * Kartan: the 290 kommuner as SVG paths (d3-geo, a transverse Mercator projection fitted to the
 * shown kommuner), each with `data-code` and the fill its measure gives. Hover or keyboard focus
 * shows the name and value; Enter or a click opens the kommun page. The root carries
 * `data-ready="true"` once every path is drawn and coloured.
 */
import { geoPath, type GeoStream, geoTransverseMercator } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Shade } from '../measures';
import { href } from '../route';

export interface KommunProperties {
  id: string;
  kom_namn: string;
  lan_code: string;
}
export type KommunFeature = Feature<Geometry, KommunProperties>;

let geography: Promise<KommunFeature[]> | undefined;
/** The boundaries (loaded once, from this hub: /geo/municipalities.geojson). */
export function loadGeography(): Promise<KommunFeature[]> {
  geography ??= fetch('/geo/municipalities.geojson')
    .then((response) => {
      if (!response.ok) throw new Error(`Kartan kunde inte läsas (${response.status}).`);
      return response.json() as Promise<FeatureCollection<Geometry, KommunProperties>>;
    })
    .then((collection) => collection.features.map(rewind));
  return geography;
}

/**
 * The file winds its rings the GeoJSON way (RFC 7946: outer rings counter-clockwise); d3-geo, on
 * the sphere, reads that as everything but the kommun. A polygon whose outer ring runs
 * counter-clockwise (a positive area in longitude and latitude: a kommun is small enough for the
 * plane) is turned round, its holes with it.
 */
function rewind(feature: KommunFeature): KommunFeature {
  const turn = (rings: Position[][]): Position[][] => (planarArea(rings[0] ?? []) > 0 ? rings.map((ring) => [...ring].reverse()) : rings);
  const geometry = feature.geometry;
  if (geometry.type === 'Polygon') return { ...feature, geometry: { ...geometry, coordinates: turn(geometry.coordinates) } };
  if (geometry.type === 'MultiPolygon') return { ...feature, geometry: { ...geometry, coordinates: geometry.coordinates.map(turn) } };
  return feature;
}

/** Twice the signed area of a ring in the plane (shoelace): positive when it runs counter-clockwise. */
function planarArea(ring: Position[]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return area;
}

/** The performance mark set the first time the map is drawn and coloured. */
export const READY_MARK = 'samverkan:karta-klar';

/**
 * Passes on the projected points of each line at least `min` pixels apart, always its last point
 * (rings stay closed).
 */
function thinned(output: GeoStream, min: number): GeoStream {
  let px = 0;
  let py = 0;
  let last: [number, number] | null = null;
  let first = true;
  return {
    point(x, y) {
      if (first || (x - px) ** 2 + (y - py) ** 2 >= min * min) {
        output.point(x, y);
        px = x;
        py = y;
        first = false;
        last = null;
      } else last = [x, y];
    },
    lineStart() {
      first = true;
      last = null;
      output.lineStart();
    },
    lineEnd() {
      if (last) output.point(last[0], last[1]);
      output.lineEnd();
    },
    polygonStart: () => output.polygonStart(),
    polygonEnd: () => output.polygonEnd(),
    sphere: () => output.sphere?.(),
  };
}

const WIDTH = 520;
const HEIGHT = 900;

interface Props {
  features: KommunFeature[];
  /** The län shown (all when empty). */
  counties: string[];
  /** Fill and text per kommun code; undefined while the answer is on its way. */
  shades: Map<string, Shade> | undefined;
  label: string;
}

export function SwedenMap({ features, counties, shades, label }: Props) {
  const [hover, setHover] = useState<{ code: string; x: number; y: number } | null>(null);
  const shown = useMemo(() => (counties.length ? features.filter((f) => counties.includes(f.properties.lan_code)) : features), [features, counties.join(',')]);
  const { paths, height, centroid } = useMemo(() => {
    // As wide as the frame; as tall as the shown kommuner need, at most HEIGHT (Sweden is tall, a län
    // may be wide). One pass over the coordinates for the bounds, one for the paths.
    const collection = { type: 'FeatureCollection' as const, features: shown };
    const projection = geoTransverseMercator().rotate([-15, 0]).scale(1).translate([0, 0]);
    const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(collection);
    const scale = Math.min((WIDTH - 16) / (x1 - x0), (HEIGHT - 16) / (y1 - y0));
    const height = Math.ceil((y1 - y0) * scale) + 16;
    projection.scale(scale).translate([(WIDTH - (x1 - x0) * scale) / 2 - x0 * scale, 8 - y0 * scale]);
    // A tenth of a pixel, and points at least 0.6 px apart: finer than the screen shows; shorter
    // path data (about a quarter less at the national view) draws sooner.
    const path = geoPath({ stream: (output) => projection.stream(thinned(output, 0.6)) }).digits(1);
    return {
      height,
      paths: shown.map((feature) => ({ code: feature.properties.id, name: feature.properties.kom_namn, d: path(feature) ?? '', feature })),
      /** Where a kommun's tip goes (computed on hover or focus only). */
      centroid: (feature: KommunFeature) => geoPath(projection).centroid(feature),
    };
  }, [shown]);
  const point = (p: { code: string; feature: KommunFeature }) => {
    const [x, y] = centroid(p.feature);
    setHover({ code: p.code, x, y });
  };
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // Ready after the browser has painted the coloured paths.
    if (!shades) return setReady(false);
    const frame = requestAnimationFrame(() => {
      setReady(true);
      // The benchmark reads the time from navigation start to here (bench/src/workspace.ts).
      if (!performance.getEntriesByName(READY_MARK).length) performance.mark(READY_MARK, { detail: { kommuner: paths.length } });
    });
    return () => cancelAnimationFrame(frame);
  }, [shades, paths]);
  const hovered = hover ? paths.find((p) => p.code === hover.code) : undefined;
  const hoveredShade = hover ? shades?.get(hover.code) : undefined;
  return (
    <div class="map" data-ready={ready && shades ? 'true' : 'false'} data-count={paths.length}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label={label} onMouseLeave={() => setHover(null)}>
        {paths.map((p) => {
          const shade = shades?.get(p.code);
          const text = `${p.name}: ${shade?.text ?? 'hämtas'}`;
          return (
            <path
              key={p.code}
              d={p.d}
              data-code={p.code}
              fill={shade?.fill ?? '#eeeeee'}
              tabIndex={0}
              role="link"
              aria-label={text}
              onMouseEnter={() => point(p)}
              onFocus={() => point(p)}
              onBlur={() => setHover(null)}
              onClick={() => (location.hash = href(`kommun/${p.code}`))}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  location.hash = href(`kommun/${p.code}`);
                }
              }}
            >
              <title>{text}</title>
            </path>
          );
        })}
      </svg>
      {hovered && (
        <div class="map-tip" role="status" style={{ left: `${(hover!.x / WIDTH) * 100}%`, top: `${(hover!.y / height) * 100}%` }}>
          <strong>{hovered.name}</strong>
          <span>{hoveredShade?.text ?? 'hämtas'}</span>
          {hoveredShade?.demo && <span class="badge demo">DEMO</span>}
        </div>
      )}
    </div>
  );
}
