/**
 * #/efterlevnad: which kommuner lack a current lägesbild, an åtgärdsplan or an active agreement on
 * a day; counted by polisregion (or by län within a region), with drill-down to the kommuner.
 */
import { complianceTable, type Row } from '@samverkan/tables';
import { Controls, readSettings } from '../components/Controls';
import { TableView, useTable } from '../components/TableView';
import { href, type Route } from '../route';
import { surveyYears, useSession } from '../session';

interface Group {
  key: string;
  name: string;
  link: string;
  total: number;
  compliant: number;
  noReport: number;
  noPlan: number;
  noAgreement: number;
}

export function CompliancePage({ route }: { route: Route }) {
  const session = useSession();
  const settings = { ...readSettings(route.params, surveyYears(session.data)), measure: 'efterlevnad' as const };
  const raw = { on: settings.on, policeRegion: settings.region, county: settings.county };
  const state = useTable(complianceTable, raw);
  const regions = session.data.policeRegions;
  const byCounty = Boolean(settings.region);
  const groups = new Map<string, Group>();
  for (const row of state.rows ?? []) {
    const name = String(byCounty ? row.county : row.policeRegion);
    const region = regions.find((r) => r.name === row.policeRegion);
    const county = region?.counties.find((c) => c.name === row.county);
    const link = byCounty ? href('efterlevnad', { region: settings.region, lan: county?.code, dag: route.params.get('dag') }) : href('efterlevnad', { region: region?.code, dag: route.params.get('dag') });
    const group = groups.get(name) ?? { key: name, name, link, total: 0, compliant: 0, noReport: 0, noPlan: 0, noAgreement: 0 };
    group.total += 1;
    if (row.verdict === 'Ja') group.compliant += 1;
    if (row.hasCurrentSituationReport !== 'Ja') group.noReport += 1;
    if (noPlan(row)) group.noPlan += 1;
    if (row.hasActiveAgreement !== 'Ja') group.noAgreement += 1;
    groups.set(name, group);
  }
  const ordered = byCounty ? [...groups.values()] : regions.flatMap((r) => (groups.has(r.name) ? [groups.get(r.name)!] : []));
  const scopeName = settings.county
    ? regions.flatMap((r) => r.counties).find((c) => c.code === settings.county)?.name
    : settings.region
      ? `polisregion ${regions.find((r) => r.code === settings.region)?.name}`
      : 'hela landet';
  return (
    <section aria-labelledby="rubrik">
      <h1 id="rubrik">Efterlevnad av lagen (2023:196)</h1>
      <p>
        Lagen om kommuners ansvar för brottsförebyggande arbete kräver en lägesbild som är högst två år gammal och en åtgärdsplan beslutad efter den. Tavlan visar
        vilka kommuner som saknar det, och vilka som saknar en gällande samverkansöverenskommelse med polisen.
      </p>
      <Controls settings={settings} show={{ scope: true }} />
      {ordered.length > 0 && !settings.county && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Antal per område">
          <table data-table="efterlevnad-summering">
            <caption>
              Antal kommuner per {byCounty ? 'län' : 'polisregion'} den {settings.on}. Välj ett område för dess kommuner.
            </caption>
            <thead>
              <tr>
                <th scope="col">{byCounty ? 'Län' : 'Polisregion'}</th>
                <th scope="col" class="num">Kommuner</th>
                <th scope="col" class="num">Uppfyller lagen</th>
                <th scope="col" class="num">Saknar aktuell lägesbild</th>
                <th scope="col" class="num">Saknar åtgärdsplan</th>
                <th scope="col" class="num">Saknar gällande överenskommelse</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((g) => (
                <tr>
                  <th scope="row">
                    <a href={g.link}>{g.name}</a>
                  </th>
                  <td class="num">{g.total}</td>
                  <td class="num">{g.compliant}</td>
                  <td class="num">{g.noReport}</td>
                  <td class="num">{g.noPlan}</td>
                  <td class="num">{g.noAgreement}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Kommunerna i {scopeName}</h2>
      <TableView
        table={complianceTable}
        state={state}
        raw={raw}
        columns={['code', 'name', 'county', 'verdict', 'reasons', 'situationReportDecidedOn', 'actionPlanDecidedOn', 'hasActiveAgreement', 'ongoingActions', 'overdueActions']}
        caption={`Efterlevnad i ${scopeName} den ${settings.on}`}
        render={(key, row, text) => (key === 'name' ? <a href={href(`kommun/${String(row.code)}`)}>{text}</a> : undefined)}
      />
    </section>
  );
}

/** No åtgärdsplan decided from a current lägesbild. */
function noPlan(row: Row): boolean {
  return row.hasCurrentSituationReport !== 'Ja' || !row.actionPlanDecidedOn;
}
