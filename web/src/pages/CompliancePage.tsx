/**
 * #/efterlevnad: which kommuner lack a current lägesbild, an åtgärdsplan or an active agreement on
 * a day; counted by polisregion (or by län within a region), with drill-down to the kommuner.
 */
import { complianceSummaryTable, complianceTable } from '@samverkan/tables';
import { Controls, readSettings } from '../components/Controls';
import { type TableState, TableView, useTable } from '../components/TableView';
import { href, type Route } from '../route';
import { surveyYears, useSession } from '../session';

export function CompliancePage({ route }: { route: Route }) {
  const session = useSession();
  const settings = { ...readSettings(route.params, surveyYears(session.data)), measure: 'efterlevnad' as const };
  const raw = { on: settings.on, policeRegion: settings.region, county: settings.county };
  const state = useTable(complianceTable, raw);
  const regions = session.data.policeRegions;
  const byCounty = Boolean(settings.region);
  // The counts per område come from the same answer as the kommuner's rows (and the same table as its file).
  const summary: TableState = { ...state, rows: state.data && state.params ? complianceSummaryTable.rows(state.data, state.params) : undefined };
  const linkOf = (areaCode: string) =>
    byCounty ? href('efterlevnad', { region: settings.region, lan: areaCode, dag: route.params.get('dag') }) : href('efterlevnad', { region: areaCode, dag: route.params.get('dag') });
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
      {!settings.county && (
        <TableView
          table={complianceSummaryTable}
          state={summary}
          raw={raw}
          columns={['name', 'municipalities', 'compliant', 'withoutCurrentSituationReport', 'withoutActionPlan', 'withoutActiveAgreement']}
          caption={`Antal kommuner per ${byCounty ? 'län' : 'polisregion'} den ${settings.on}. Välj ett område för dess kommuner.`}
          render={(key, row, text) => (key === 'name' ? <a href={linkOf(String(row.areaCode))}>{text}</a> : undefined)}
        />
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
