import { complianceTable } from './compliance';
import { POLICE_REGION_CODES } from './codes';
import { fileNameOf, swedishToday } from './file-name';
import type { Column, Row, TableDefinition, TableParams } from './types';

/** The part of a `compliance` answer the summary reads (the same document as {@link complianceTable}). */
interface ComplianceAnswer {
  compliance: {
    municipality: { county: { code: string; name: string }; policeRegion: { code: string; name: string } } | null;
  }[];
}

const columns: readonly Column[] = [
  { key: 'areaCode', header: 'Kod', kind: 'text' },
  { key: 'name', header: 'Område', kind: 'text' },
  { key: 'day', header: 'Dag', kind: 'date' },
  { key: 'municipalities', header: 'Kommuner', kind: 'integer' },
  { key: 'compliant', header: 'Uppfyller lagen', kind: 'integer' },
  { key: 'withoutCurrentSituationReport', header: 'Saknar aktuell lägesbild', kind: 'integer' },
  { key: 'withoutActionPlan', header: 'Saknar åtgärdsplan', kind: 'integer' },
  { key: 'withoutActiveAgreement', header: 'Saknar gällande överenskommelse', kind: 'integer' },
];

/**
 * Efterlevnad per område: the compliance board's counts, per polisregion (in Polisen's order), or
 * per län within one polisregion; the same GraphQL document as the per-kommun table, so the counts
 * are those of its rows.
 */
export const complianceSummaryTable: TableDefinition = {
  name: 'efterlevnad-per-omrade',
  title: 'Efterlevnad per område',
  description:
    'Efterlevnad per område: on a day, how many kommuner of each polisregion (or of each län of one polisregion) meet Lag (2023:196), and how many lack a current lägesbild, an åtgärdsplan decided from it or an active samverkansöverenskommelse.',
  parameters: complianceTable.parameters,
  operationName: complianceTable.operationName,
  document: complianceTable.document,
  variables: complianceTable.variables,
  columns,
  rows(data: unknown, params: TableParams): Row[] {
    const perKommun = complianceTable.rows(data, params);
    const entries = (data as ComplianceAnswer | null)?.compliance.filter((entry) => entry.municipality !== null) ?? [];
    // Per län within a region (or a län) asked for, else per region.
    const byCounty = Boolean(params.policeRegion || params.county);
    const areaOf = new Map<string, { code: string; name: string }>();
    for (const entry of entries) {
      const municipality = entry.municipality!;
      const area = byCounty ? municipality.county : municipality.policeRegion;
      areaOf.set(area.name, area);
    }
    const groups = new Map<string, Row>();
    for (const row of perKommun) {
      const area = areaOf.get(String(byCounty ? row.county : row.policeRegion));
      if (!area) continue;
      const group = groups.get(area.code) ?? {
        areaCode: area.code,
        name: area.name,
        day: row.day ?? null,
        municipalities: 0,
        compliant: 0,
        withoutCurrentSituationReport: 0,
        withoutActionPlan: 0,
        withoutActiveAgreement: 0,
      };
      const add = (key: string, when: boolean) => {
        if (when) group[key] = Number(group[key]) + 1;
      };
      add('municipalities', true);
      add('compliant', row.verdict === 'Ja');
      add('withoutCurrentSituationReport', row.hasCurrentSituationReport !== 'Ja');
      add('withoutActionPlan', row.hasCurrentSituationReport !== 'Ja' || !row.actionPlanDecidedOn);
      add('withoutActiveAgreement', row.hasActiveAgreement !== 'Ja');
      groups.set(area.code, group);
    }
    const order = (code: string) => (byCounty ? Number(code) : POLICE_REGION_CODES.indexOf(code));
    return [...groups.values()].sort((a, b) => order(String(a.areaCode)) - order(String(b.areaCode)));
  },
  fileName: (params: TableParams, format = 'csv') =>
    fileNameOf(
      ['efterlevnad-per-omrade', params.policeRegion, params.county !== undefined && `lan-${params.county}`, !params.policeRegion && !params.county && 'riket', typeof params.on === 'string' ? params.on : swedishToday()],
      format,
    ),
};
