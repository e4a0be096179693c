import { connectionArgs, historyConnectionField, historyField, historyLoader, READABLE_BY_ALL, recordLoader } from '@samverkan/schema';
import { visibleActionsWhere } from '../actions/access';
import { builder, type Context } from '../builder';
import { diffRevisions, type PlanItem } from '../plans/revisions';
import { createActionPlan, reviseActionPlan } from '../plans/write';
import { dateField } from './date-field';
import { MunicipalityRef } from './references';
import { SituationReport } from './situation-report';

/* Åtgärdsplan: the type, its revisions and what each changed, and writing and revising one. */

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

/** A revision's items: a JSON column that only the plan's writes fill, with checked items. */
const itemsOf = (revision: { items: unknown } | null) => (revision?.items ?? []) as PlanItem[];

export const ActionPlanRevision = builder.prismaObject('ActionPlanRevision', {
  description: 'Revidering: one revision of an åtgärdsplan, with what changed since the one before.',
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'Nummer, from 1.' }),
    decidedOn: t.field({ ...dateField('Beslutad.'), resolve: (r) => r.decidedOn }),
    note: t.exposeString('note', { nullable: true, description: 'Anmärkning.' }),
    items: t.field({ type: [PlanItemRef], description: 'The plan\'s items at this revision.', resolve: (r) => itemsOf(r) }),
    changes: t.field({
      type: RevisionChangesRef,
      description: 'What this revision added, changed and removed compared with the previous one (all added for the first).',
      resolve: async (revision, _args, context) => {
        const previous = revision.number > 1 ? await revisionByKey(context).load(revisionKey(revision.actionPlanId, revision.number - 1)) : null;
        return diffRevisions(itemsOf(previous), itemsOf(revision));
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

const planHistory = historyLoader<Context>('ActionPlan');

export const ActionPlan = builder.prismaObject('ActionPlan', {
  description: 'Åtgärdsplan: the actions a kommun decides from its lägesbild. A living document: every revision is kept.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    title: t.exposeString('title', { description: 'Titel.' }),
    municipality: t.field({ type: MunicipalityRef, nullable: true, description: 'Kommun.', resolve: (p) => ({ code: p.municipalityCode }) }),
    decidedOn: t.field({ ...dateField('Beslutad.'), resolve: (p) => p.decidedOn }),
    decidedBy: t.exposeString('decidedBy', { nullable: true, description: 'Beslutad av.' }),
    periodFrom: t.field({ ...dateField('Period från.'), resolve: (p) => p.periodFrom }),
    periodTo: t.field({ ...dateField('Period till.'), resolve: (p) => p.periodTo }),
    basedOn: t.field({
      type: [SituationReport],
      description: 'Lägesbilder the plan is based on.',
      select: { basedOn: { select: { situationReport: true } } },
      resolve: (p) => p.basedOn.map((link) => link.situationReport),
    }),
    revisions: t.relation('revisions', { description: 'Revideringar, oldest first.', query: { orderBy: { number: 'asc' } }, deprecationReason: 'Use revisionsConnection: the same list a page at a time, with totalCount.' }),
    actions: t.relation('actions', { description: 'Åtgärder in the plan.', query: (_args, context) => ({ where: visibleActionsWhere(context) }), deprecationReason: 'Use actionsConnection: the same list a page at a time, with totalCount.' }),
    version: t.exposeInt('version', { description: 'Version.' }),
    history: t.field({ ...historyField((plan: { id: string }, context: Context) => planHistory(context).load(plan.id), READABLE_BY_ALL), deprecationReason: 'Use historyConnection: the same list a page at a time, with totalCount.' }),
    historyConnection: t.field({ ...historyConnectionField((plan: { id: string }, context: Context) => planHistory(context).load(plan.id), READABLE_BY_ALL), args: connectionArgs(builder) }),
  }),
});

const PlanItemInput = builder.inputType('ActionPlanItemInput', {
  description: 'Punkt i åtgärdsplanen. Keep an item\'s key across revisions so that they can be compared.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Nyckel.' }),
    title: t.string({ required: true, description: 'Titel.' }),
    responsible: t.string({ description: 'Ansvarig.' }),
    focusAreaCode: t.id({ description: 'Fokusområde (catalogue code).' }),
  }),
});

const ActionPlanInput = builder.inputType('ActionPlanInput', {
  description: 'Ny åtgärdsplan, with its first revision.',
  fields: (t) => ({
    municipalityCode: t.field({ type: 'MunicipalityCode', required: true, description: 'Kommun.' }),
    title: t.string({ required: true, description: 'Titel.' }),
    decidedOn: t.field({ type: 'Date', required: true, description: 'Beslutad.' }),
    decidedBy: t.string({ description: 'Beslutad av.' }),
    periodFrom: t.field({ type: 'Date', description: 'Period från.' }),
    periodTo: t.field({ type: 'Date', description: 'Period till.' }),
    situationReportIds: t.idList({ required: true, description: 'Lägesbilder of the same kommun it is based on, decided on or before it.' }),
    items: t.field({ type: [PlanItemInput], required: true, description: 'Punkter.' }),
  }),
});

builder.mutationFields((t) => ({
  createActionPlan: t.prismaField({
    type: 'ActionPlan',
    description: 'Ny åtgärdsplan, based on lägesbilder of the same kommun; its items become revision 1.',
    args: { input: t.arg({ type: ActionPlanInput, required: true, description: 'The plan.' }) },
    resolve: (query, _root, { input }, context) => createActionPlan(context, input, (tx, id) => tx.actionPlan.findUniqueOrThrow({ ...query, where: { id } })),
  }),
  reviseActionPlan: t.prismaField({
    type: 'ActionPlan',
    description: 'Revidera: records a new revision of an åtgärdsplan (the whole list of items); earlier revisions are kept.',
    args: {
      id: t.arg.id({ required: true, description: 'The plan.' }),
      version: t.arg.int({ required: true, description: 'The version you read.' }),
      decidedOn: t.arg({ type: 'Date', required: true, description: 'When the revision was decided.' }),
      note: t.arg.string({ description: 'Anmärkning.' }),
      items: t.arg({ type: [PlanItemInput], required: true, description: 'All items of the revised plan.' }),
    },
    resolve: (query, _root, args, context) => reviseActionPlan(context, args, (tx, id) => tx.actionPlan.findUniqueOrThrow({ ...query, where: { id } })),
  }),
}));
