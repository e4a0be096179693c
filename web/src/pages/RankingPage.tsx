/** #/rangordning: the kommuner ranked on one indicator in one year, as a table and a bar chart. */
import { rankingTable, type Row } from '@samverkan/tables';
import { Controls, readSettings } from '../components/Controls';
import { DemoNote } from '../components/Demo';
import { PlotFigure } from '../components/PlotFigure';
import { TableView, useTable } from '../components/TableView';
import { EMPTY_WORDS, formatValue, UNIT_WORDS } from '../format';
import { graphql } from '../generated/gql';
import { useQuery } from '../useQuery';
import { href, type Route, updateParams } from '../route';
import { surveyYears, useSession } from '../session';

/** Why the ranking has no rows (the table's own document does not ask). */
const RankingEmptyDocument = graphql(`
  query RankingEmpty($indicator: ID!, $year: Int!, $policeRegion: ID, $county: ID, $instrument: ID, $origins: [ResultOrigin!]) {
    indicatorComparison(indicator: $indicator, year: $year, policeRegion: $policeRegion, county: $county, instrument: $instrument, origins: $origins) {
      empty {
        reason
        yearsWithPublishedResults
      }
    }
  }
`);

interface Comparison {
  indicatorComparison: {
    indicator: { name: string; unit: string };
    instrument: { code: string; name: string; demo: boolean } | null;
    median: number | null;
    countryValue: number | null;
  };
}

export function RankingPage({ route }: { route: Route }) {
  const session = useSession();
  const settings = readSettings(route.params, surveyYears(session.data));
  const raw = {
    indicator: settings.indicator,
    year: settings.year,
    policeRegion: settings.region,
    county: settings.county,
    baseYear: settings.baseYear,
    instrument: settings.instrument,
    includeDemo: settings.demo || undefined,
  };
  const state = useTable(rankingTable, raw);
  const comparison = (state.data as Comparison | undefined)?.indicatorComparison;
  const unit = comparison?.indicator.unit;
  const rows = state.rows ?? [];
  const anyDemo = rows.some((row) => row.demo);
  const noRows = Boolean(state.rows && state.rows.length === 0 && !state.loading);
  const why = useQuery(
    RankingEmptyDocument,
    { indicator: settings.indicator, year: settings.year, policeRegion: settings.region ?? null, county: settings.county ?? null, instrument: settings.instrument ?? null, origins: settings.demo ? ['PUBLISHED', 'DEMO'] : ['PUBLISHED'] },
    !noRows,
  ).data?.indicatorComparison.empty;
  const instruments = session.data.surveyInstruments.filter((i) => settings.demo || !i.demo);
  const scope = settings.county
    ? session.data.policeRegions.flatMap((r) => r.counties).find((c) => c.code === settings.county)?.name
    : settings.region
      ? `polisregion ${session.data.policeRegions.find((r) => r.code === settings.region)?.name}`
      : 'hela landet';
  return (
    <section aria-labelledby="rubrik">
      <h1 id="rubrik">Rangordning</h1>
      <Controls settings={{ ...settings, measure: 'indikator' }} show={{ baseYear: true, scope: true }} />
      <div class="field inline">
        <label for="val-instrument">Mätinstrument</label>
        <select id="val-instrument" value={settings.instrument ?? ''} onChange={(e) => updateParams({ instrument: e.currentTarget.value })}>
          <option value="">Det enda som finns för urvalet</option>
          {instruments.map((i) => (
            <option value={i.code}>
              {i.name}
              {i.demo ? ' – påhittat demoinstrument' : ''}
            </option>
          ))}
        </select>
      </div>
      {state.error?.includes('never ranked together') && (
        <p class="hint">Olika mätinstrument rangordnas aldrig tillsammans: välj en polisregion, ett län eller ett mätinstrument.</p>
      )}
      {comparison && (
        <dl class="facts">
          <div>
            <dt>Indikator</dt>
            <dd>
              {comparison.indicator.name} ({UNIT_WORDS[comparison.indicator.unit]}), {settings.year}
            </dd>
          </div>
          <div>
            <dt>Mätinstrument</dt>
            <dd>{comparison.instrument?.name ?? '–'}</dd>
          </div>
          <div>
            <dt>Median</dt>
            <dd>{formatValue(comparison.median, unit)}</dd>
          </div>
          <div>
            <dt>Rikets värde</dt>
            <dd>{comparison.countryValue === null ? 'publiceras inte av mätinstrumentet' : formatValue(comparison.countryValue, unit)}</dd>
          </div>
        </dl>
      )}
      {noRows && why && (
        <p class="hint" data-empty={why.reason}>
          Ingen rangordning: {EMPTY_WORDS[why.reason] ?? why.reason}
          {why.yearsWithPublishedResults.length ? ` (år med publicerade resultat: ${why.yearsWithPublishedResults.join(', ')})` : ''}.
          {why.reason === 'ONLY_DEMO_VALUES' && ' Kryssa i ”Visa demovärden” för att se påhittade exempelvärden.'}
        </p>
      )}
      {anyDemo && <DemoNote />}
      <div class="ranking-layout">
        <TableView
          table={rankingTable}
          state={state}
          raw={raw}
          columns={['rank', 'name', 'value', 'respondents', 'previousValue', 'changeFromPreviousYear', 'baseValue', 'changeFromBaseYear', 'median', 'policeRegionValue', 'countryValue', 'demo']}
          caption={`Rangordning: ${comparison?.indicator.name ?? settings.indicator}, ${scope}, ${settings.year}${settings.baseYear ? ` (basår ${settings.baseYear})` : ''}. Rang 1 är bäst.`}
          render={(key, row, text) => {
            if (key === 'name') return <a href={href(`kommun/${String(row.code)}`)}>{text}</a>;
            // A change with its sign (the file holds the plain number).
            if ((key === 'changeFromPreviousYear' || key === 'changeFromBaseYear') && typeof row[key] === 'number' && row[key] > 0) return `+${text}`;
            return undefined;
          }}
          empty="Inga kommuner har ett värde med dessa val (se förklaringen ovan)."
        />
        {rows.length > 0 && (
          <PlotFigure
            label={`Stapeldiagram: ${comparison?.indicator.name} per kommun i ${scope}, ${settings.year}, med median${rows[0]?.policeRegionValue !== null ? ' och polisregionens värde' : ''}.`}
            deps={[state.rows]}
            make={(Plot) => barChart(Plot, rows, comparison!)}
          />
        )}
      </div>
    </section>
  );
}

function barChart(Plot: typeof import('@observablehq/plot'), rows: Row[], comparison: Comparison['indicatorComparison']) {
  const regionValue = rows.find((row) => row.policeRegionValue !== null)?.policeRegionValue as number | undefined;
  const marks = [
    Plot.barX(rows, { x: 'value', y: 'name', fill: (row: Row) => (row.demo ? '#8c6bb1' : '#2b6a99'), sort: { y: 'x' } }),
    Plot.ruleY([0]),
    ...(comparison.median !== null ? [Plot.ruleX([comparison.median], { stroke: '#111', strokeDasharray: '4,3' }), Plot.text([comparison.median], { x: (d: number) => d, frameAnchor: 'top', dy: -4, text: () => 'Median', textAnchor: 'start', dx: 3 })] : []),
    ...(regionValue !== undefined ? [Plot.ruleX([regionValue], { stroke: '#b30000' }), Plot.text([regionValue], { x: (d: number) => d, frameAnchor: 'bottom', dy: 4, text: () => 'Regionen', textAnchor: 'start', dx: 3, fill: '#b30000' })] : []),
    ...(comparison.countryValue !== null ? [Plot.ruleX([comparison.countryValue], { stroke: '#1a9850' })] : []),
  ];
  return Plot.plot({
    width: 420,
    height: Math.max(160, rows.length * 13 + 70),
    marginLeft: 110,
    marginRight: 20,
    x: { label: `${comparison.indicator.name} (${UNIT_WORDS[comparison.indicator.unit]})`, grid: true },
    y: { label: null },
    style: { fontSize: '12px' },
    marks,
  });
}
