import { filteredGroupLoader, municipalityCodesMatching, todayInSweden } from '@samverkan/schema';
import { builder, type Context } from '../builder';
import { complianceOn, type ComplianceRow } from '../compliance/compliance';
import { dateField } from './date-field';
import { MunicipalityRef } from './references';

/* Efterlevnad: kommuner's standing against Lag (2023:196), for an area and for one kommun. */

/** Compliance of every kommun asked for in one request, on the same day: one batch. */
export const complianceOfMunicipality = filteredGroupLoader(
  (codes: readonly string[], on: string, context: Context) => complianceOn(context.db, on, codes),
  (row) => row.municipalityCode,
);

export const ComplianceRef = builder.objectRef<ComplianceRow>('Compliance').implement({
  description: 'Efterlevnad: a kommun\'s standing against Lag (2023:196) on a day.',
  fields: (t) => ({
    municipality: t.field({ type: MunicipalityRef, nullable: true, description: 'Kommun.', resolve: (row) => ({ code: row.municipalityCode }) }),
    compliant: t.exposeBoolean('compliant', { description: 'Uppfyller lagen: a lägesbild at most two years old and an åtgärdsplan decided on or after it.' }),
    hasCurrentSituationReport: t.exposeBoolean('hasCurrentSituationReport', { description: 'Aktuell lägesbild: decided at most two years before the day.' }),
    situationReportDecidedOn: t.field({ ...dateField('The newest lägesbild\'s decision day, if any.'), resolve: (row) => row.situationReport?.decidedOn ?? null }),
    situationReportJoint: t.boolean({ nullable: true, description: 'Whether that lägesbild was made jointly with the police.', resolve: (row) => row.situationReport?.joint ?? null }),
    actionPlanDecidedOn: t.field({ ...dateField('Decision day of the åtgärdsplan decided from that lägesbild, if any.'), resolve: (row) => row.actionPlan?.decidedOn ?? null }),
    ongoingActions: t.exposeInt('ongoingActions', { description: 'Pågående åtgärder.' }),
    overdueActions: t.exposeInt('overdueActions', { description: 'Försenade åtgärder: past their end date and neither done nor cancelled.' }),
  }),
});

builder.queryField('compliance', (t) =>
  t.field({
    type: [ComplianceRef],
    description: 'Efterlevnad av Lag (2023:196) on a day, for the kommuner of a region and/or län, given kommuner, or all 290; by kommun code. One request, a fixed number of SQL statements.',
    args: {
      on: t.arg({ type: 'Date', description: 'The day; today in Sweden by default.' }),
      policeRegion: t.arg.id({ description: 'Polisregion (e.g. SYD).' }),
      county: t.arg.id({ description: 'Län (e.g. "12").' }),
      municipalities: t.arg({ type: ['MunicipalityCode'], description: 'Only these kommuner.' }),
    },
    // The arguments narrow each other down: a region, a län and a list of kommuner together select their intersection.
    resolve: (_root, args, context) => complianceOn(context.db, args.on ?? todayInSweden(), municipalityCodesMatching(args)),
  }),
);
