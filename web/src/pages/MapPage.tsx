/** #/karta: the kommuner coloured by the chosen measure, zoomable to a polisregion or län. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Controls, readSettings, scopeCounties } from '../components/Controls';
import { DemoNote } from '../components/Demo';
import { type KommunFeature, loadGeography, SwedenMap } from '../components/SwedenMap';
import { colourAgreements, colourCompliance, colourIndicator, type Colouring, MapAgreementsDocument, MapComplianceDocument, MapIndicatorDocument } from '../measures';
import { href, type Route, updateParams } from '../route';
import { surveyYears, useSession } from '../session';
import { useQuery } from '../useQuery';

export function MapPage({ route }: { route: Route }) {
  const session = useSession();
  const settings = readSettings(route.params, surveyYears(session.data));
  const [features, setFeatures] = useState<KommunFeature[] | null>(null);
  const [geoError, setGeoError] = useState<string | null>(null);
  useEffect(() => {
    loadGeography().then(setFeatures, (error: Error) => setGeoError(error.message));
  }, []);
  const origins = settings.demo ? ['PUBLISHED' as const, 'DEMO' as const] : ['PUBLISHED' as const];
  const indicator = useQuery(MapIndicatorDocument, { indicator: settings.indicator, year: settings.year, origins }, settings.measure !== 'indikator');
  const agreements = useQuery(MapAgreementsDocument, { on: settings.on }, settings.measure !== 'overenskommelse');
  const compliance = useQuery(MapComplianceDocument, { on: settings.on }, settings.measure !== 'efterlevnad');
  const colouring: Colouring | undefined = useMemo(() => {
    if (settings.measure === 'indikator') return indicator.data && colourIndicator(indicator.data, settings.instrument);
    if (settings.measure === 'overenskommelse') return agreements.data && colourAgreements(agreements.data);
    return compliance.data && colourCompliance(compliance.data);
  }, [settings.measure, settings.instrument, indicator.data, agreements.data, compliance.data]);
  const loading = indicator.loading || agreements.loading || compliance.loading;
  const error = indicator.error ?? agreements.error ?? compliance.error ?? geoError;
  const counties = scopeCounties(settings, session.data.policeRegions);
  const shown = colouring && !loading ? colouring : undefined;
  return (
    <section aria-labelledby="rubrik">
      <h1 id="rubrik">Karta</h1>
      <Controls settings={settings} show={{ measure: true, scope: true }} />
      {colouring?.instruments && colouring.instruments.length > 1 && (
        <div class="field inline">
          <label for="val-instrument">Skala (mätinstrument)</label>
          <select id="val-instrument" value={colouring.instrument} onChange={(e) => updateParams({ instrument: e.currentTarget.value })}>
            {colouring.instruments.map((i) => (
              <option value={i.code}>
                {i.name} ({i.count} kommuner){i.demo ? ' – påhittat demoinstrument' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      <div class="map-layout">
        <div class="map-frame" aria-busy={loading}>
          {features ? <SwedenMap features={features} counties={counties} shades={shown?.shades} label={`Karta: ${colouring?.title ?? 'kommuner'}`} /> : <p>Kartan laddas …</p>}
          <p class="credit">
            Kommungränser: Valmyndigheten via okfse/sweden-geojson (fri återanvändning); koder och namn: sjbrg/swedish-geodata (CC0). Se{' '}
            <a href="/geo/README.md">geo/README.md</a>.
          </p>
        </div>
        <aside class="legend" aria-label="Teckenförklaring">
          <h2>{colouring?.title ?? 'Teckenförklaring'}</h2>
          {colouring?.unit && <p>Enhet: {colouring.unit}</p>}
          {colouring?.demo && <DemoNote />}
          {colouring?.note && <p>{colouring.note}</p>}
          <ul>
            {colouring?.legend.map((entry) => (
              <li>
                <span class="swatch" style={{ background: entry.fill }} aria-hidden="true" />
                {entry.label} <span class="count">({entry.count})</span>
              </li>
            ))}
          </ul>
          {settings.measure === 'indikator' && !settings.demo && colouring && colouring.legend.every((e) => e.label.startsWith('Grå')) && (
            <p>Inga publicerade värden finns för valet. Kryssa i ”Visa demovärden” för att se påhittade exempelvärden (markerade DEMO).</p>
          )}
          <p>
            Klicka på en kommun (eller välj den med Tab och tryck Enter) för kommunsidan.{' '}
            {settings.measure === 'indikator' && <a href={href('rangordning', Object.fromEntries(route.params.entries()))}>Visa som rangordning</a>}
          </p>
        </aside>
      </div>
    </section>
  );
}
