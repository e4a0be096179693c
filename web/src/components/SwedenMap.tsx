/**
 * Kartan: the 290 kommuner as SVG paths (d3-geo, a transverse Mercator projection fitted to the
 * shown kommuner), each with `data-code` and the fill its measure gives. Hover or keyboard focus
 * shows the name and value; Enter or a click opens the kommun page. The root carries
 * `data-ready="true"` once every path is drawn and coloured.
 */
import { geoArea, geoPath, geoTransverseMercator } from 'd3-geo';
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
 * the sphere, reads that as everything but the kommun. A polygon covering more than a hemisphere is
 * turned round.
 */
function rewind(feature: KommunFeature): KommunFeature {
  const turn = (rings: Position[][]): Position[][] => (geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings);
  const geometry = feature.geometry;
  if (geometry.type === 'Polygon') return { ...feature, geometry: { ...geometry, coordinates: turn(geometry.coordinates) } };
  if (geometry.type === 'MultiPolygon') return { ...feature, geometry: { ...geometry, coordinates: geometry.coordinates.map(turn) } };
  return feature;
}

/** The performance mark set the first time the map is drawn and coloured. */
export const READY_MARK = 'samverkan:karta-klar';

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
  const paths = useMemo(() => {
    const projection = geoTransverseMercator().rotate([-15, 0]).fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], { type: 'FeatureCollection', features: shown });
    // A tenth of a pixel is finer than the screen shows; shorter path data draws sooner.
    const path = geoPath(projection).digits(1);
    return shown.map((feature) => ({ code: feature.properties.id, name: feature.properties.kom_namn, d: path(feature) ?? '', centroid: path.centroid(feature) }));
  }, [shown]);
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
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={label} onMouseLeave={() => setHover(null)}>
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
              onMouseEnter={() => setHover({ code: p.code, x: p.centroid[0], y: p.centroid[1] })}
              onFocus={() => setHover({ code: p.code, x: p.centroid[0], y: p.centroid[1] })}
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
        <div class="map-tip" role="status" style={{ left: `${(hover!.x / WIDTH) * 100}%`, top: `${(hover!.y / HEIGHT) * 100}%` }}>
          <strong>{hovered.name}</strong>
          <span>{hoveredShade?.text ?? 'hämtas'}</span>
          {hoveredShade?.demo && <span class="badge demo">DEMO</span>}
        </div>
      )}
    </div>
  );
}
