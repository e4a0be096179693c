import { groupLoader, todayInSweden } from '@samverkan/schema';
import { actionsLinkedToAgreement } from '../actions/agreement-actions';
import { actionCountsOfMunicipality, type ActionFilter, actionsOfFocusArea, actionsOfMunicipality, actionsOfPromise } from '../actions/lists';
import { builder, type Context } from '../builder';
import type { Action as ActionRow, ActionStatus } from '../generated/prisma/client';
import { Action } from './action';
import { ActionCountRef } from './action-counts';
import { ActionPlan } from './action-plan';
import { complianceOfMunicipality, ComplianceRef } from './compliance';
import { ActionStatusEnum } from './enums';
import { AgreementLinkEnum, AgreementRef, CitizenPromiseRef, FocusAreaRef, MunicipalityRef } from './references';
import { SituationReport } from './situation-report';

/*
 * The fields this subgraph adds to the agreements subgraph's entities: a kommun's åtgärder,
 * lägesbilder, åtgärdsplaner, counts and compliance, and the åtgärder of an agreement, a
 * medborgarlöfte and a fokusområde; and an åtgärd's link to the agreement the sources place it with. Each is loaded for every entity of a request at once.
 */

/** The filter arguments every action list takes. */
const actionListArgs = builder.args((t) => ({
  activeOn: t.field({ type: 'Date', description: 'Only actions under way on this date (started, not ended).' }),
  status: t.field({ type: ActionStatusEnum, description: 'Only actions with this status.' }),
  focusArea: t.id({ description: 'Only actions for this fokusområde (code).' }),
  municipality: t.field({ type: 'MunicipalityCode', description: 'Only actions of this kommun.' }),
}));

/** The `actions(...)` field of an entity: its åtgärder, filtered, from `load` (a batch loader). */
function actionsField<Parent>(load: (parent: Parent, filter: ActionFilter, context: Context) => Promise<ActionRow[]>) {
  return {
    type: [Action] as [typeof Action],
    nullable: true as const,
    description: 'Åtgärder, by start; filter by a date they are under way, a status, a fokusområde or a kommun.',
    deprecationReason: 'Use actionsConnection: the same list a page at a time, with totalCount.',
    args: actionListArgs,
    resolve: (parent: Parent, args: { activeOn?: string | null; status?: ActionStatus | null; focusArea?: string | null; municipality?: string | null }, context: Context) =>
      load(parent, { activeOn: args.activeOn ?? null, status: args.status ?? null, focusArea: args.focusArea ?? null, municipality: args.municipality ?? null }, context),
  };
}

const byMunicipality = <Row extends { municipalityCode: string }>(find: (codes: string[], context: Context) => Promise<Row[]>) =>
  groupLoader((codes: readonly string[], context: Context) => find([...codes], context), (row: Row) => row.municipalityCode);
const newestFirst = { decidedOn: { sort: 'desc', nulls: 'last' } } as const;
const reportsOfMunicipality = byMunicipality((codes, context) => context.db.situationReport.findMany({ where: { municipalityCode: { in: codes } }, orderBy: newestFirst }));
const plansOfMunicipality = byMunicipality((codes, context) => context.db.actionPlan.findMany({ where: { municipalityCode: { in: codes } }, orderBy: newestFirst }));

MunicipalityRef.implement({
  externalFields: (t) => ({ code: t.id({ description: 'Kommunkod: SCB\'s four-digit code.' }) }),
  fields: (t) => ({
    actions: t.field(actionsField((m: { code: string }, filter, context) => actionsOfMunicipality(context).load(m.code, filter))),
    situationReports: t.field({
      type: [SituationReport],
      nullable: true,
      description: 'Lägesbilder of the kommun, newest first.',
      deprecationReason: 'Use situationReportsConnection: the same list a page at a time, with totalCount.',
      resolve: (m, _args, context) => reportsOfMunicipality(context).load(m.code),
    }),
    actionPlans: t.field({
      type: [ActionPlan],
      nullable: true,
      description: 'Åtgärdsplaner of the kommun, newest first.',
      deprecationReason: 'Use actionPlansConnection: the same list a page at a time, with totalCount.',
      resolve: (m, _args, context) => plansOfMunicipality(context).load(m.code),
    }),
    actionCounts: t.field({
      type: [ActionCountRef],
      nullable: true,
      description: 'Antal åtgärder per fokusområde and status (of those the caller may see); for every kommun of a request in one SQL statement.',
      resolve: (m, _args, context) => actionCountsOfMunicipality(context).load(m.code, null),
    }),
    compliance: t.field({
      type: ComplianceRef,
      nullable: true,
      description: 'Efterlevnad: the kommun\'s standing against Lag (2023:196) on a day (today by default).',
      args: { on: t.arg({ type: 'Date', description: 'The day (YYYY-MM-DD).' }) },
      resolve: async (m, args, context) => (await complianceOfMunicipality(context).load(m.code, args.on ?? todayInSweden()))[0]!,
    }),
  }),
});

AgreementRef.implement({
  externalFields: (t) => ({ id: t.id({ description: 'The agreement\'s id.' }) }),
  fields: (t) => ({
    actions: t.field({
      type: [Action],
      nullable: true,
      description:
        'Åtgärder of the agreement, by start: those that come from it (origin AGREEMENT) and those the sources place with it (`agreementLink`: decided at the same meeting, or presented in the same programme). Filter by a date they are under way, a status, a fokusområde, a kommun or the kind of link.',
      deprecationReason: 'Use actionsConnection: the same list a page at a time, with totalCount.',
      args: { ...actionListArgs, links: t.arg({ type: [AgreementLinkEnum], description: 'Only actions linked this way (an action that comes from the agreement counts as STATED); all when left out.' }) },
      resolve: async (a, args, context) => {
        const filter = { activeOn: args.activeOn ?? null, status: args.status ?? null, focusArea: args.focusArea ?? null, municipality: args.municipality ?? null, links: args.links ?? null };
        return (await actionsLinkedToAgreement(context).load(a.id, filter)).map((linked) => linked.action);
      },
    }),
  }),
});

builder.prismaObjectFields(Action, (t) => ({
  agreementLink: t.field({
    type: AgreementLinkEnum,
    nullable: true,
    description: 'Koppling: how the sources link the åtgärd to `linkedAgreement`; null when they place it with no agreement.',
    resolve: (action) => action.agreementLink,
  }),
  linkedAgreement: t.field({
    type: AgreementRef,
    nullable: true,
    description: 'Samverkansöverenskommelse the sources place the åtgärd with (see `agreementLink`), whether or not it comes from it (`agreement`).',
    resolve: (action) => (action.agreementId ? { id: action.agreementId } : null),
  }),
}));

CitizenPromiseRef.implement({
  externalFields: (t) => ({ id: t.id({ description: 'The medborgarlöfte\'s id.' }) }),
  fields: (t) => ({ actions: t.field(actionsField((p: { id: string }, filter, context) => actionsOfPromise(context).load(p.id, filter))) }),
});

FocusAreaRef.implement({
  externalFields: (t) => ({ code: t.id({ description: 'The fokusområde\'s code.' }) }),
  fields: (t) => ({ actions: t.field(actionsField((f: { code: string }, filter, context) => actionsOfFocusArea(context).load(f.code, filter))) }),
});
