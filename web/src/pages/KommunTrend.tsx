/** The kommun's trygghetsmätning over the years, as a line against its region's kommuner (median). */
import { useState } from 'preact/hooks';
import { DemoBadge, DemoNote } from '../components/Demo';
import { PlotFigure } from '../components/PlotFigure';
import { EMPTY_WORDS, formatValue } from '../format';
import type { KommunQuery } from '../generated/gql/graphql';
import { surveyYears, useSession } from '../session';
import { useQuery } from '../useQuery';
import { KommunTrendDocument, RegionTrendDocument } from './kommun-queries';

type Findings = NonNullable<KommunQuery['municipality']>['surveyFindings'];

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Props {
  code: string;
  region: string;
  regionName: string;
  findings: Findings;
}

export function Trend({ code, region, regionName, findings }: Props) {
  const session = useSession();
  const years = surveyYears(session.data);
  const [indicator, setIndicator] = useState('PROBLEM_INDEX');
  const [demo, setDemo] = useState(false);
  const from = years[years.length - 1] ?? 2016;
  const to = years[0] ?? 2025;
  const origins = demo ? ['PUBLISHED' as const, 'DEMO' as const] : ['PUBLISHED' as const];
  const kommun = useQuery(KommunTrendDocument, { indicator, code, from, to, origins });
  const instrument = kommun.data?.kommun.instrument?.code;
  const regionTrend = useQuery(RegionTrendDocument, { indicator, instrument: instrument ?? '', region, from, to, origins }, !instrument);
  const trend = kommun.data?.kommun;
  const points = trend?.series[0]?.points ?? [];
  const regionPoints: { year: number; value: number }[] = [];
  for (let year = from; year <= to; year++) {
    const value = median((regionTrend.data?.region.series ?? []).flatMap((s) => s.points.filter((p) => p.year === year).map((p) => p.value)));
    if (value !== null) regionPoints.push({ year, value });
  }
  const unit = trend?.indicator.unit;
  const anyDemo = points.some((p) => p.demo);
  const lines = [...points.map((p) => ({ year: p.year, value: p.value, series: 'Kommunen' })), ...regionPoints.map((p) => ({ ...p, series: `Median i polisregion ${regionName}` }))];
  return (
    <section aria-labelledby="trend">
      <h2 id="trend" tabIndex={-1}>
        Trygghetsmätning över åren
      </h2>
      <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label="Val för trenden">
        <div class="field">
          <label for="trend-indikator">Indikator</label>
          <select id="trend-indikator" value={indicator} onChange={(e) => setIndicator(e.currentTarget.value)}>
            {session.data.indicators.map((i) => (
              <option value={i.code}>{i.name}</option>
            ))}
          </select>
        </div>
        <div class="field checkbox">
          <input id="trend-demo" type="checkbox" checked={demo} onChange={(e) => setDemo(e.currentTarget.checked)} />
          <label for="trend-demo">Visa demovärden</label>
        </div>
      </form>
      {kommun.error && <p class="error" role="alert">{kommun.error}</p>}
      {trend?.empty && (
        <p data-trend-empty={trend.empty.reason}>
          Ingen trend: {EMPTY_WORDS[trend.empty.reason] ?? trend.empty.reason}
          {trend.empty.yearsWithPublishedResults.length ? ` (publicerade år: ${trend.empty.yearsWithPublishedResults.join(', ')})` : ''}.
          {trend.empty.reason === 'ONLY_DEMO_VALUES' && ' Kryssa i ”Visa demovärden” för att se påhittade exempelvärden.'}
        </p>
      )}
      {anyDemo && <DemoNote />}
      {points.length > 0 && (
        <>
          <PlotFigure
            label={`Linjediagram: ${trend?.indicator.name} i kommunen ${from}–${to} mot medianen i polisregion ${regionName}.`}
            deps={[points, regionTrend.data]}
            make={(Plot) =>
              Plot.plot({
                width: 560,
                height: 280,
                x: { label: 'År', tickFormat: 'd', ticks: points.map((p) => p.year) },
                y: { label: trend?.indicator.name ?? '', grid: true },
                color: { legend: true, domain: ['Kommunen', `Median i polisregion ${regionName}`], range: ['#2b6a99', '#b30000'] },
                marks: [Plot.line(lines, { x: 'year', y: 'value', stroke: 'series', marker: 'circle' })],
              })
            }
          />
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Trendens värden">
            <table data-table="trend">
              <caption>
                {trend?.indicator.name}, {trend?.instrument?.name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">År</th>
                  <th scope="col" class="num">Kommunen</th>
                  <th scope="col" class="num">Antal svarande</th>
                  <th scope="col" class="num">Median i regionen</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr>
                    <th scope="row">{p.year}</th>
                    <td class="num">
                      {formatValue(p.value, unit)} {p.demo && <DemoBadge />}
                    </td>
                    <td class="num">{p.respondents ?? '–'}</td>
                    <td class="num">{formatValue(regionPoints.find((r) => r.year === p.year)?.value, unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {findings.length > 0 && (
        <>
          <h3>Iakttagelser i källorna</h3>
          <ul>
            {findings.map((f) => (
              <li>
                {f.survey.year} ({f.survey.instrument.name}): ”{f.text}” — <cite>{f.sourceTitle}{f.sourcePublishedOn ? ` (${f.sourcePublishedOn})` : ''}</cite>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
