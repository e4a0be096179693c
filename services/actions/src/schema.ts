import { isCountyCode, isPoliceRegionCode } from '@samverkan/geo';
import { badInput, filteredGroupLoader, groupLoader, historyField, isoDateToUtc, recordLoader, SUBGRAPH_SCHEMA_OPTIONS, todayInSweden } from '@samverkan/schema';
import { visibleActionsWhere } from './access';
import { builder, type Context } from './builder';
import { complianceOn, municipalitiesInScope } from './compliance';
import type { ActionStatus, Prisma } from './generated/prisma/client';
import { ActionOriginEnum, ActionStatusEnum, OutcomeEnum, ResponsibleKindEnum, TrendEnum, VisibilityEnum } from './enums';
import './mutations';
import { diffRevisions, type PlanItem } from './revisions';

/*
 * Lägesbilder, åtgärdsplaner, åtgärder and uppföljningar; the law's check (compliance). This
 * subgraph refers to kommuner, agreements, medborgarlöften and fokusområden by key only.
 */

/** Entities of the agreements subgraph, by key. */
export const MunicipalityRef = builder.externalRef('Municipality', builder.selection<{ code: string }>('code'));
export const AgreementRef = builder.externalRef('Agreement', builder.selection<{ id: string }>('id'));
export const CitizenPromiseRef = builder.externalRef('CitizenPromise', builder.selection<{ id: string }>('id'));
export const FocusAreaRef = builder.externalRef('FocusArea', builder.selection<{ code: string }>('code'));

const date = (description: string) => ({ type: 'Date' as const, nullable: true as const, description });

export const ActionResponsible = builder.prismaObject('ActionResponsible', {
  description: 'Ansvarig: a party responsible for an åtgärd.',
  fields: (t) => ({
    kind: t.field({ type: ResponsibleKindEnum, description: 'Typ.', resolve: (r) => r.kind }),
    name: t.exposeString('name', { description: 'Namn, e.g. "Kommunkontoret, Lunds kommun".' }),
    lead: t.exposeBoolean('lead', { description: 'Huvudansvarig: true for the one who leads.' }),
  }),
});

export const ActionStatusChange = builder.prismaObject('ActionStatusChange', {
  description: 'Statusändring: one change in an åtgärd\'s status history.',
  fields: (t) => ({
    fromStatus: t.field({ type: ActionStatusEnum, nullable: true, description: 'Från.', resolve: (c) => c.fromStatus }),
    toStatus: t.field({ type: ActionStatusEnum, description: 'Till.', resolve: (c) => c.toStatus }),
    changedOn: t.field({ ...date('Datum.'), nullable: false, resolve: (c) => c.changedOn }),
    changedBy: t.exposeString('changedBy', { description: 'Av: the user who changed it.' }),
    note: t.exposeString('note', { nullable: true, description: 'Anmärkning.' }),
  }),
});

export const FollowUp = builder.prismaObject('FollowUp', {
  description: 'Uppföljning: a follow-up of an åtgärd and what it found.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    date: t.field({ ...date('Datum.'), nullable: false, resolve: (f) => f.date }),
    author: t.exposeString('author', { description: 'Författare.' }),
    text: t.exposeString('text', { description: 'Text.' }),
    outcome: t.field({ type: OutcomeEnum, description: 'Utfall.', resolve: (f) => f.outcome }),
    indicatorCodes: t.exposeStringList('indicatorCodes', { description: 'Indikatorer (trygghetsmätning) it refers to, by code.' }),
  }),
});

const SourceRef = builder.objectRef<{ title: string; publishedOn: string | null; url?: string | null }>('ActionSource').implement({
  description: 'Källa: a public document the record\'s facts come from.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Titel.' }),
    publishedOn: t.field({ ...date('Datum, if the document gives one.'), resolve: (s) => s.publishedOn }),
    url: t.string({ nullable: true, description: 'Adress, if known.', resolve: (s) => s.url ?? null }),
  }),
});

/** The audit trail of records of one type, for every record of a request in one SQL statement. */
function historyLoader(entityType: 'Action' | 'ActionPlan' | 'SituationReport') {
  return groupLoader(
    (keys: readonly string[], context: Context) =>
      context.db.auditEntry.findMany({ where: { entityType, entityKey: { in: [...keys] } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    (row) => row.entityKey,
  );
}
const actionHistory = historyLoader('Action');
const planHistory = historyLoader('ActionPlan');
const reportHistory = historyLoader('SituationReport');

export const Action = builder.prismaObject('Action', {
  description: 'Åtgärd: a measure that a kommun and/or the police carry out against crime or for safety.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id: the åtgärd\'s stable identifier.' }),
    title: t.exposeString('title', { description: 'Titel: what is done, in a few words (Swedish).' }),
    description: t.exposeString('description', { nullable: true, description: 'Beskrivning.' }),
    status: t.field({ type: ActionStatusEnum, description: 'Status: planerad, pågående, genomförd or avbruten.', resolve: (action) => action.status }),
    startsOn: t.field({ ...date('Startdatum: when the åtgärd starts, if known.'), resolve: (action) => action.startsOn }),
    endsOn: t.field({ ...date('Slutdatum: when the åtgärd ends, if known.'), resolve: (action) => action.endsOn }),
    municipality: t.field({ type: MunicipalityRef, nullable: true, description: 'Kommun: the kommun the åtgärd belongs to.', resolve: (action) => ({ code: action.municipalityCode }) }),
    focusArea: t.field({
      type: FocusAreaRef,
      nullable: true,
      description: 'Fokusområde the åtgärd addresses.',
      resolve: (action) => (action.focusAreaCode ? { code: action.focusAreaCode } : null),
    }),
    origin: t.field({ type: ActionOriginEnum, nullable: true, description: 'Ursprung, if stated.', resolve: (action) => action.origin }),
    originKey: t.exposeString('originKey', { nullable: true, description: 'The originating record\'s key, if known.' }),
    agreement: t.field({
      type: AgreementRef,
      nullable: true,
      description: 'Samverkansöverenskommelse the åtgärd comes from (origin AGREEMENT).',
      resolve: (action) => (action.origin === 'AGREEMENT' && action.originKey ? { id: action.originKey } : null),
    }),
    actionPlan: t.relation('actionPlan', { nullable: true, description: 'Åtgärdsplan the åtgärd belongs to.' }),
    place: t.exposeString('place', { nullable: true, description: 'Plats: the area or site.' }),
    latitude: t.exposeFloat('latitude', { nullable: true, description: 'Latitud (WGS 84), if given.' }),
    longitude: t.exposeFloat('longitude', { nullable: true, description: 'Longitud (WGS 84), if given.' }),
    method: t.exposeString('method', { nullable: true, description: 'Metod, e.g. ordningsvakter, kamerabevakning, trygghetsvandring, kontaktpolis i skolan.' }),
    visibility: t.field({ type: VisibilityEnum, description: 'Synlighet.', resolve: (action) => action.visibility }),
    responsible: t.relation('responsible', { description: 'Ansvariga, the lead first.', query: { orderBy: [{ lead: 'desc' }, { position: 'asc' }] } }),
    statusHistory: t.relation('statusHistory', { description: 'Statushistorik, in the order the changes were recorded.', query: { orderBy: { createdAt: 'asc' } } }),
    followUps: t.relation('followUps', { description: 'Uppföljningar, oldest first.', query: { orderBy: { date: 'asc' } } }),
    sources: t.field({ type: [SourceRef], description: 'Källor.', resolve: (action) => (action.sources ?? []) as never }),
    version: t.exposeInt('version', { description: 'Version: give it back when changing the åtgärd.' }),
    history: t.field(historyField((action: { id: string }, context: Context) => actionHistory(context).load(action.id))),
  }),
});

export const SituationFinding = builder.prismaObject('SituationFinding', {
  description: 'Iakttagelse: one finding of a lägesbild.',
  fields: (t) => ({
    problem: t.exposeString('problem', { description: 'Problem.' }),
    area: t.exposeString('area', { nullable: true, description: 'Område: where.' }),
    focusArea: t.field({ type: FocusAreaRef, nullable: true, description: 'Fokusområde.', resolve: (f) => (f.focusAreaCode ? { code: f.focusAreaCode } : null) }),
    trend: t.field({ type: TrendEnum, description: 'Trend.', resolve: (f) => f.trend }),
  }),
});

export const SituationReport = builder.prismaObject('SituationReport', {
  description: 'Lägesbild: the picture of crime in a kommun and its causes, at least every other year (Lag 2023:196).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    title: t.exposeString('title', { description: 'Titel.' }),
    municipality: t.field({ type: MunicipalityRef, nullable: true, description: 'Kommun.', resolve: (r) => ({ code: r.municipalityCode }) }),
    localPoliceAreaIds: t.exposeStringList('localPoliceAreaIds', { description: 'Lokalpolisområden that took part, by id.' }),
    periodFrom: t.field({ ...date('Period från.'), resolve: (r) => r.periodFrom }),
    periodTo: t.field({ ...date('Period till.'), resolve: (r) => r.periodTo }),
    decidedOn: t.field({ ...date('Beslutad.'), resolve: (r) => r.decidedOn }),
    decidedBy: t.exposeString('decidedBy', { nullable: true, description: 'Beslutad av.' }),
    joint: t.exposeBoolean('joint', { description: 'Gemensam: made jointly with the police.' }),
    summary: t.exposeString('summary', { nullable: true, description: 'Sammanfattning.' }),
    findings: t.relation('findings', { description: 'Iakttagelser, in order.', query: { orderBy: { position: 'asc' } } }),
    dataSources: t.exposeStringList('dataSources', { description: 'Underlag: the data it draws on.' }),
    history: t.field(historyField((report: { id: string }, context: Context) => reportHistory(context).load(report.id))),
  }),
});

const revisionKey = (actionPlanId: string, number: number) => `${actionPlanId}#${number}`;

/** The revisions that the listed revisions are compared with, in one SQL statement. */
const revisionByKey = recordLoader(
  (keys: readonly string[], context: Context) =>
    context.db.actionPlanRevision.findMany({
      where: {
        OR: keys.map((key) => {
          const [actionPlanId, number] = key.split('#');
          return { actionPlanId: actionPlanId!, number: Number(number) };
        }),
      },
    }),
  (row) => revisionKey(row.actionPlanId, row.number),
);

export const ActionPlanRevision = builder.prismaObject('ActionPlanRevision', {
  description: 'Revidering: one revision of an åtgärdsplan, with what changed since the one before.',
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'Nummer, from 1.' }),
    decidedOn: t.field({ ...date('Beslutad.'), resolve: (r) => r.decidedOn }),
    note: t.exposeString('note', { nullable: true, description: 'Anmärkning.' }),
    items: t.field({ type: [PlanItemRef], description: 'The plan\'s items at this revision.', resolve: (r) => r.items as unknown as PlanItem[] }),
    changes: t.field({
      type: RevisionChangesRef,
      description: 'What this revision added, changed and removed compared with the previous one (all added for the first).',
      resolve: async (revision, _args, context) => {
        const previous = revision.number > 1 ? await revisionByKey(context).load(revisionKey(revision.actionPlanId, revision.number - 1)) : null;
        return diffRevisions((previous?.items ?? []) as unknown as PlanItem[], revision.items as unknown as PlanItem[]);
      },
    }),
  }),
});

const PlanItemRef = builder.objectRef<PlanItem>('ActionPlanItem').implement({
  description: 'Punkt i åtgärdsplanen.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Nyckel: stays the same across revisions.' }),
    title: t.exposeString('title', { description: 'Titel.' }),
    responsible: t.string({ nullable: true, description: 'Ansvarig.', resolve: (i) => i.responsible ?? null }),
    focusAreaCode: t.string({ nullable: true, description: 'Fokusområde (code).', resolve: (i) => i.focusAreaCode ?? null }),
  }),
});

const ItemChangeRef = builder.objectRef<{ key: string; before: PlanItem; after: PlanItem; fields: string[] }>('ActionPlanItemChange').implement({
  description: 'Ändrad punkt: an item whose content changed.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Nyckel.' }),
    fields: t.exposeStringList('fields', { description: 'Which fields changed.' }),
    before: t.field({ type: PlanItemRef, description: 'Före.', resolve: (c) => c.before }),
    after: t.field({ type: PlanItemRef, description: 'Efter.', resolve: (c) => c.after }),
  }),
});

const RevisionChangesRef = builder.objectRef<ReturnType<typeof diffRevisions>>('ActionPlanRevisionChanges').implement({
  description: 'Skillnad mot föregående revidering.',
  fields: (t) => ({
    added: t.field({ type: [PlanItemRef], description: 'Tillagda punkter.', resolve: (d) => d.added }),
    changed: t.field({ type: [ItemChangeRef], description: 'Ändrade punkter.', resolve: (d) => d.changed }),
    removed: t.field({ type: [PlanItemRef], description: 'Borttagna punkter.', resolve: (d) => d.removed }),
  }),
});

export const ActionPlan = builder.prismaObject('ActionPlan', {
  description: 'Åtgärdsplan: the actions a kommun decides from its lägesbild. A living document: every revision is kept.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    title: t.exposeString('title', { description: 'Titel.' }),
    municipality: t.field({ type: MunicipalityRef, nullable: true, description: 'Kommun.', resolve: (p) => ({ code: p.municipalityCode }) }),
    decidedOn: t.field({ ...date('Beslutad.'), resolve: (p) => p.decidedOn }),
    decidedBy: t.exposeString('decidedBy', { nullable: true, description: 'Beslutad av.' }),
    periodFrom: t.field({ ...date('Period från.'), resolve: (p) => p.periodFrom }),
    periodTo: t.field({ ...date('Period till.'), resolve: (p) => p.periodTo }),
    basedOn: t.field({
      type: [SituationReport],
      description: 'Lägesbilder the plan is based on.',
      select: { basedOn: { select: { situationReport: true } } },
      resolve: (p) => p.basedOn.map((link) => link.situationReport),
    }),
    revisions: t.relation('revisions', { description: 'Revideringar, oldest first.', query: { orderBy: { number: 'asc' } } }),
    actions: t.relation('actions', { description: 'Åtgärder in the plan.', query: (_args, context) => ({ where: visibleActionsWhere(context.actor) }) }),
    version: t.exposeInt('version', { description: 'Version.' }),
    history: t.field(historyField((plan: { id: string }, context: Context) => planHistory(context).load(plan.id))),
  }),
});

/** Filters of the action lists. */
interface ActionFilter {
  activeOn: string | null;
  status: ActionStatus | null;
  focusArea: string | null;
  municipality: string | null;
}

function actionFilterWhere(filter: ActionFilter): Prisma.ActionWhereInput {
  const day = filter.activeOn ? isoDateToUtc(filter.activeOn) : null;
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.focusArea ? { focusAreaCode: filter.focusArea } : {}),
    ...(filter.municipality ? { municipalityCode: filter.municipality } : {}),
    ...(day ? { AND: [{ OR: [{ startsOn: null }, { startsOn: { lte: day } }] }, { OR: [{ endsOn: null }, { endsOn: { gte: day } }] }] } : {}),
  };
}

const ACTION_ORDER: Prisma.ActionOrderByWithRelationInput[] = [{ startsOn: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }];

/** Lists of actions keyed by kommun, by origin record, or by focus area: one SQL statement per filter for all keys. */
function actionsBy(keyField: 'municipalityCode' | 'originKey' | 'focusAreaCode', fixed: Prisma.ActionWhereInput = {}) {
  return filteredGroupLoader(
    (keys: readonly string[], filter: ActionFilter, context: Context) =>
      context.db.action.findMany({
        where: { AND: [{ [keyField]: { in: [...keys] } }, fixed, visibleActionsWhere(context.actor), actionFilterWhere(filter)] },
        orderBy: ACTION_ORDER,
      }),
    (row) => row[keyField] ?? '',
  );
}
const actionsOfMunicipality = actionsBy('municipalityCode');
const actionsOfAgreement = actionsBy('originKey', { origin: 'AGREEMENT' });
const actionsOfPromise = actionsBy('originKey', { origin: 'CITIZEN_PROMISE' });
const actionsOfFocusArea = actionsBy('focusAreaCode');
const reportsOfMunicipality = filteredGroupLoader(
  (codes: readonly string[], _filter: null, context: Context) =>
    context.db.situationReport.findMany({ where: { municipalityCode: { in: [...codes] } }, orderBy: { decidedOn: { sort: 'desc', nulls: 'last' } } }),
  (row) => row.municipalityCode,
);
const plansOfMunicipality = filteredGroupLoader(
  (codes: readonly string[], _filter: null, context: Context) =>
    context.db.actionPlan.findMany({ where: { municipalityCode: { in: [...codes] } }, orderBy: { decidedOn: { sort: 'desc', nulls: 'last' } } }),
  (row) => row.municipalityCode,
);

const ACTIONS_DESCRIPTION = 'Åtgärder, by start; filter by a date they are under way, a status, a fokusområde or a kommun.';
const FILTER_DESCRIPTIONS = {
  municipality: 'Only actions of this kommun.',
  activeOn: 'Only actions under way on this date (started, not ended).',
  status: 'Only actions with this status.',
  focusArea: 'Only actions for this fokusområde (code).',
};
/** The filter arguments every action list takes. */
const actionListArgs = builder.args((t) => ({
  activeOn: t.field({ type: 'Date', description: FILTER_DESCRIPTIONS.activeOn }),
  status: t.field({ type: ActionStatusEnum, description: FILTER_DESCRIPTIONS.status }),
  focusArea: t.id({ description: FILTER_DESCRIPTIONS.focusArea }),
  municipality: t.field({ type: 'MunicipalityCode', description: FILTER_DESCRIPTIONS.municipality }),
}));
const toFilter = (args: { activeOn?: string | null; status?: ActionStatus | null; focusArea?: string | number | null; municipality?: string | null }): ActionFilter => ({
  activeOn: args.activeOn ?? null,
  status: args.status ?? null,
  focusArea: args.focusArea == null ? null : String(args.focusArea),
  municipality: args.municipality ?? null,
});

/** One kommun's actions counted per fokusområde and status. */
interface ActionCount {
  municipalityCode: string;
  focusAreaCode: string | null;
  planned: number;
  ongoing: number;
  done: number;
  cancelled: number;
}

/** Fokusområde codes in order, actions without one last. */
const byFocusArea = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** The counts of every kommun asked for in one request: one GROUP BY over the actions the actor may see. */
const actionCountsOfMunicipality = filteredGroupLoader(
  async (codes: readonly string[], _filter: null, context: Context): Promise<ActionCount[]> => {
    const groups = await context.db.action.groupBy({
      by: ['municipalityCode', 'focusAreaCode', 'status'],
      where: { AND: [{ municipalityCode: { in: [...codes] } }, visibleActionsWhere(context.actor)] },
      _count: { _all: true },
    });
    // Sorted here, not in SQL: the database would sort thousands of groups by its text collation.
    groups.sort((a, b) => byFocusArea(a.focusAreaCode, b.focusAreaCode));
    const counts = new Map<string, ActionCount>();
    for (const group of groups) {
      const key = `${group.municipalityCode}|${group.focusAreaCode ?? ''}`;
      const count = counts.get(key) ?? { municipalityCode: group.municipalityCode, focusAreaCode: group.focusAreaCode, planned: 0, ongoing: 0, done: 0, cancelled: 0 };
      const n = (group._count as { _all: number })._all;
      if (group.status === 'PLANNED') count.planned += n;
      else if (group.status === 'ONGOING') count.ongoing += n;
      else if (group.status === 'DONE') count.done += n;
      else count.cancelled += n;
      counts.set(key, count);
    }
    return [...counts.values()];
  },
  (row) => row.municipalityCode,
);

const ActionCountRef = builder.objectRef<ActionCount>('ActionCount').implement({
  description: 'Antal åtgärder of a kommun for one fokusområde (or none), by status.',
  fields: (t) => ({
    focusArea: t.field({ type: FocusAreaRef, nullable: true, description: 'Fokusområde; null for actions without one.', resolve: (c) => (c.focusAreaCode ? { code: c.focusAreaCode } : null) }),
    planned: t.exposeInt('planned', { description: 'Planerade.' }),
    ongoing: t.exposeInt('ongoing', { description: 'Pågående.' }),
    done: t.exposeInt('done', { description: 'Genomförda.' }),
    cancelled: t.exposeInt('cancelled', { description: 'Avbrutna.' }),
  }),
});

/** Compliance of every kommun asked for in one request, on the same day: one batch. */
const complianceOfMunicipality = filteredGroupLoader(
  (codes: readonly string[], on: string, context: Context) => complianceOn(context.db, on, codes),
  (row) => row.municipalityCode,
);

const ComplianceRef = builder.objectRef<Awaited<ReturnType<typeof complianceOn>>[number]>('Compliance').implement({
  description: 'Efterlevnad: a kommun\'s standing against Lag (2023:196) on a day.',
  fields: (t) => ({
    municipality: t.field({ type: MunicipalityRef, nullable: true, description: 'Kommun.', resolve: (row) => ({ code: row.municipalityCode }) }),
    compliant: t.exposeBoolean('compliant', { description: 'Uppfyller lagen: a lägesbild at most two years old and an åtgärdsplan decided on or after it.' }),
    hasCurrentSituationReport: t.exposeBoolean('hasCurrentSituationReport', { description: 'Aktuell lägesbild: decided at most two years before the day.' }),
    situationReportDecidedOn: t.field({ ...date('The newest lägesbild\'s decision day, if any.'), resolve: (row) => row.situationReport?.decidedOn ?? null }),
    situationReportJoint: t.boolean({ nullable: true, description: 'Whether that lägesbild was made jointly with the police.', resolve: (row) => row.situationReport?.joint ?? null }),
    actionPlanDecidedOn: t.field({ ...date('Decision day of the åtgärdsplan decided from that lägesbild, if any.'), resolve: (row) => row.actionPlan?.decidedOn ?? null }),
    ongoingActions: t.exposeInt('ongoingActions', { description: 'Pågående åtgärder.' }),
    overdueActions: t.exposeInt('overdueActions', { description: 'Försenade åtgärder: past their end date and neither done nor cancelled.' }),
  }),
});

MunicipalityRef.implement({
  externalFields: (t) => ({ code: t.id({ description: 'Kommunkod: SCB\'s four-digit code.' }) }),
  fields: (t) => ({
    actions: t.field({
      type: [Action],
      nullable: true,
      description: ACTIONS_DESCRIPTION,
      args: actionListArgs,
      resolve: (parent, args, context) => actionsOfMunicipality(context).load(parent.code, toFilter(args)),
    }),
    situationReports: t.field({
      type: [SituationReport],
      nullable: true,
      description: 'Lägesbilder of the kommun, newest first.',
      resolve: (m, _args, context) => reportsOfMunicipality(context).load(m.code, null),
    }),
    actionPlans: t.field({
      type: [ActionPlan],
      nullable: true,
      description: 'Åtgärdsplaner of the kommun, newest first.',
      resolve: (m, _args, context) => plansOfMunicipality(context).load(m.code, null),
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
      description: ACTIONS_DESCRIPTION,
      args: actionListArgs,
      resolve: (parent, args, context) => actionsOfAgreement(context).load(parent.id, toFilter(args)),
    }),
  }),
});
CitizenPromiseRef.implement({
  externalFields: (t) => ({ id: t.id({ description: 'The medborgarlöfte\'s id.' }) }),
  fields: (t) => ({
    actions: t.field({
      type: [Action],
      nullable: true,
      description: ACTIONS_DESCRIPTION,
      args: actionListArgs,
      resolve: (parent, args, context) => actionsOfPromise(context).load(parent.id, toFilter(args)),
    }),
  }),
});
FocusAreaRef.implement({
  externalFields: (t) => ({ code: t.id({ description: 'The fokusområde\'s code.' }) }),
  fields: (t) => ({
    actions: t.field({
      type: [Action],
      nullable: true,
      description: ACTIONS_DESCRIPTION,
      args: actionListArgs,
      resolve: (parent, args, context) => actionsOfFocusArea(context).load(parent.code, toFilter(args)),
    }),
  }),
});

builder.queryFields((t) => ({
    action: t.prismaField({
      type: 'Action',
      nullable: true,
      description: 'Åtgärd: one action by id, or null when there is none you may see.',
      args: { id: t.arg.id({ required: true, description: 'The åtgärd\'s id.' }) },
      resolve: (query, _root, args, context) => context.db.action.findFirst({ ...query, where: { id: String(args.id), ...visibleActionsWhere(context.actor) } }),
    }),
    compliance: t.field({
      type: [ComplianceRef],
      description: 'Efterlevnad av Lag (2023:196) on a day, for the kommuner of a region and/or län, given kommuner, or all 290; by kommun code. One request, a fixed number of SQL statements.',
      args: {
        on: t.arg({ type: 'Date', description: 'The day; today in Sweden by default.' }),
        policeRegion: t.arg.id({ description: 'Polisregion (e.g. SYD).' }),
        county: t.arg.id({ description: 'Län (e.g. "12").' }),
        municipalities: t.arg({ type: ['MunicipalityCode'], description: 'Only these kommuner.' }),
      },
      resolve: (_root, args, context) => {
        const policeRegion = args.policeRegion == null ? null : String(args.policeRegion);
        const county = args.county == null ? null : String(args.county);
        if (policeRegion && !isPoliceRegionCode(policeRegion)) throw badInput(`"${policeRegion}" is not a polisregion code: use NORD, MITT, STOCKHOLM, OST, VAST, SYD or BERGSLAGEN.`, { argument: 'policeRegion' });
        if (county && !isCountyCode(county)) throw badInput(`"${county}" is not a län code: use SCB's two digits, e.g. "12".`, { argument: 'county' });
        return complianceOn(context.db, args.on ?? todayInSweden(), municipalitiesInScope({ policeRegion, county, codes: args.municipalities ?? null }));
      },
    }),
}));

/** This subgraph's schema, with its federation directives. */
export const schema = builder.toSubGraphSchema(SUBGRAPH_SCHEMA_OPTIONS);
