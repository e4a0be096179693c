import { fileNameOf, swedishToday } from './file-name';
import type { Column, Row, TableDefinition, TableParams } from './types';

/** The part of a `compliance` answer the board reads. */
interface ComplianceAnswer {
  compliance: {
    compliant: boolean;
    hasCurrentSituationReport: boolean;
    situationReportDecidedOn: string | null;
    situationReportJoint: boolean | null;
    actionPlanDecidedOn: string | null;
    ongoingActions: number;
    overdueActions: number;
    municipality: {
      code: string;
      name: string;
      county: { code: string; name: string };
      policeRegion: { code: string; name: string };
      activeAgreement: { id: string; title: string; validFrom: string | null; validTo: string | null } | null;
    } | null;
  }[];
}

const yesNo = (value: boolean | null): string | null => (value === null ? null : value ? 'Ja' : 'Nej');

/** Why a kommun does not meet the law on the day, in Swedish; empty when it does. */
export function complianceReasons(entry: ComplianceAnswer['compliance'][number]): string[] {
  const reasons: string[] = [];
  if (!entry.situationReportDecidedOn) reasons.push('ingen lägesbild');
  else if (!entry.hasCurrentSituationReport) reasons.push(`lägesbilden (${entry.situationReportDecidedOn}) är äldre än två år`);
  if (entry.situationReportDecidedOn && !entry.actionPlanDecidedOn) reasons.push('ingen åtgärdsplan beslutad efter lägesbilden');
  return reasons;
}

const columns: readonly Column[] = [
  { key: 'code', header: 'Kommunkod', kind: 'text' },
  { key: 'name', header: 'Kommun', kind: 'text' },
  { key: 'county', header: 'Län', kind: 'text' },
  { key: 'policeRegion', header: 'Polisregion', kind: 'text' },
  { key: 'day', header: 'Dag', kind: 'date' },
  { key: 'verdict', header: 'Uppfyller lagen (2023:196)', kind: 'text' },
  { key: 'reasons', header: 'Skäl', kind: 'text' },
  { key: 'hasCurrentSituationReport', header: 'Aktuell lägesbild', kind: 'text' },
  { key: 'situationReportDecidedOn', header: 'Lägesbild beslutad', kind: 'date' },
  { key: 'situationReportJoint', header: 'Gemensam lägesbild med polisen', kind: 'text' },
  { key: 'actionPlanDecidedOn', header: 'Åtgärdsplan beslutad', kind: 'date' },
  { key: 'hasActiveAgreement', header: 'Gällande samverkansöverenskommelse', kind: 'text' },
  { key: 'agreement', header: 'Överenskommelse', kind: 'text' },
  { key: 'agreementValidTo', header: 'Överenskommelsen gäller till', kind: 'date' },
  { key: 'ongoingActions', header: 'Pågående åtgärder', kind: 'integer' },
  { key: 'overdueActions', header: 'Försenade åtgärder', kind: 'integer' },
];

/** Efterlevnad: each kommun's standing against Lag (2023:196) on a day, with its active agreement. */
export const complianceTable: TableDefinition = {
  name: 'efterlevnad',
  title: 'Efterlevnad av lagen om kommuners ansvar för brottsförebyggande arbete',
  description: 'Efterlevnad: per kommun on a day, whether it has a current lägesbild, an åtgärdsplan decided from it and an active samverkansöverenskommelse, the law\'s verdict and its reasons.',
  parameters: [
    { name: 'on', type: 'date', required: false, description: 'Dag: YYYY-MM-DD; today in Sweden by default.' },
    { name: 'policeRegion', type: 'policeRegion', required: false, description: 'Polisregion: only its kommuner, e.g. SYD.' },
    { name: 'county', type: 'county', required: false, description: 'Län: only its kommuner, SCB code, e.g. 12.' },
  ],
  operationName: 'Efterlevnad',
  document: /* GraphQL */ `query Efterlevnad($on: Date, $policeRegion: ID, $county: ID) {
  compliance(on: $on, policeRegion: $policeRegion, county: $county) {
    compliant
    hasCurrentSituationReport
    situationReportDecidedOn
    situationReportJoint
    actionPlanDecidedOn
    ongoingActions
    overdueActions
    municipality {
      code
      name
      county { code name }
      policeRegion { code name }
      activeAgreement(on: $on) { id title validFrom validTo }
    }
  }
}`,
  variables: (params: TableParams) => ({ on: params.on ?? null, policeRegion: params.policeRegion ?? null, county: params.county ?? null }),
  columns,
  rows(data: unknown, params: TableParams): Row[] {
    const entries = (data as ComplianceAnswer | null)?.compliance ?? [];
    const day = typeof params.on === 'string' ? params.on : swedishToday();
    return entries
      .filter((entry) => entry.municipality !== null)
      .map((entry) => {
        const municipality = entry.municipality!;
        const agreement = municipality.activeAgreement;
        return {
          code: municipality.code,
          name: municipality.name,
          county: municipality.county.name,
          policeRegion: municipality.policeRegion.name,
          day,
          verdict: yesNo(entry.compliant),
          reasons: complianceReasons(entry).join('; ') || null,
          hasCurrentSituationReport: yesNo(entry.hasCurrentSituationReport),
          situationReportDecidedOn: entry.situationReportDecidedOn,
          situationReportJoint: yesNo(entry.situationReportJoint),
          actionPlanDecidedOn: entry.actionPlanDecidedOn,
          hasActiveAgreement: yesNo(agreement !== null),
          agreement: agreement?.title ?? null,
          agreementValidTo: agreement?.validTo ?? null,
          ongoingActions: entry.ongoingActions,
          overdueActions: entry.overdueActions,
        };
      })
      .sort((a, b) => a.code.localeCompare(b.code));
  },
  fileName: (params: TableParams, format = 'csv') =>
    fileNameOf(['efterlevnad', params.policeRegion, params.county !== undefined && `lan-${params.county}`, !params.policeRegion && !params.county && 'riket', typeof params.on === 'string' ? params.on : swedishToday()], format),
};
