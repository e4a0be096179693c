import { isoDateToUtc } from '@samverkan/schema';
import { visibleAgreementsWhere, visiblePromisesWhere } from '../lifecycle/access';
import { builder, type Context } from '../builder';
import type { Prisma } from '../generated/prisma/client';
import { Agreement, SteeringDocument } from './agreement';
import { CitizenPromise } from './citizen-promise';
import { Municipality } from './geography';

/*
 * Milstolpar: dated steps of a kommun's work, planned or past, as a source states them; of an
 * agreement, a medborgarlöfte or a styrdokument. Whether a planned step was taken is not inferred.
 */

const MilestoneKindEnum = builder.enumType('MilestoneKind', {
  description: 'Typ av milstolpe.',
  values: {
    SITUATION_ANALYSIS: { description: 'Nulägesanalys / lägesbild.' },
    ACTION_PLAN: { description: 'Åtgärdsplan.' },
    COMMISSIONED: { description: 'Uppdrag: a decision that something is to be produced.' },
    CONSULTATION: { description: 'Remiss: sent to others for their views.' },
    DECISION: { description: 'Beslut.' },
    OTHER: { description: 'Annat.' },
  } as const,
});

const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'Precision: how exact a date is as the source gives it.',
  values: {
    DAY: { description: 'Dag: the source gives the day.' },
    MONTH: { description: 'Månad: the source gives the month; the date is its last day.' },
    YEAR: { description: 'År: the source gives the year; the date is its last day.' },
  } as const,
});

builder.prismaObject('Milestone', {
  description: 'Milstolpe: a dated step, planned or past, as a source states it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    municipality: t.relation('municipality', { description: 'Kommun.' }),
    kind: t.field({ type: MilestoneKindEnum, description: 'Typ.', resolve: (m) => m.kind }),
    title: t.exposeString('title', { description: 'Titel: what the step is.' }),
    planned: t.exposeBoolean('planned', { description: 'Planerad: true for a step the source announces for later (it does not say it was taken); false for one that happened.' }),
    on: t.field({ type: 'Date', description: 'Datum: the day; with MONTH or YEAR precision the last day of that month or year (for a planned step: at the latest).', resolve: (m) => m.on }),
    precision: t.field({ type: DatePrecisionEnum, description: 'Precision of `on`.', resolve: (m) => m.precision }),
    body: t.exposeString('body', { nullable: true, description: 'Instans: who decides or carries it out, where the source says.' }),
    sourceTitle: t.exposeString('sourceTitle', { description: 'Källa: the title of the document that states it.' }),
    sourcePublishedOn: t.field({ type: 'Date', nullable: true, description: 'Källans datum, if it gives one.', resolve: (m) => m.sourcePublishedOn }),
    note: t.exposeString('note', { nullable: true, description: 'Anmärkning: the source\'s words and how the record reads them.' }),
    agreement: t.relation('agreement', { nullable: true, description: 'Samverkansöverenskommelse it is a step of, if any.' }),
    citizenPromise: t.relation('citizenPromise', { nullable: true, description: 'Medborgarlöfte it is a step of, if any.' }),
    steeringDocument: t.relation('steeringDocument', { nullable: true, description: 'Styrdokument it is a step of, if any.' }),
  }),
});

/** Milestones the caller may see: those of no record, or of an agreement or medborgarlöfte the caller may read. */
function visibleMilestonesWhere(context: Context): Prisma.MilestoneWhereInput {
  return {
    AND: [
      { OR: [{ agreementId: null }, { agreement: visibleAgreementsWhere(context.actor) }] },
      { OR: [{ citizenPromiseId: null }, { citizenPromise: visiblePromisesWhere(context.actor) }] },
    ],
  };
}

const BY_DAY = [{ on: 'asc' as const }, { title: 'asc' as const }];
const MILESTONES_DESCRIPTION = 'Milstolpar, by date.';

builder.prismaObjectField(Agreement, 'milestones', (t) => t.relation('milestones', { description: MILESTONES_DESCRIPTION, query: { orderBy: BY_DAY } }));
builder.prismaObjectField(CitizenPromise, 'milestones', (t) => t.relation('milestones', { description: MILESTONES_DESCRIPTION, query: { orderBy: BY_DAY } }));
builder.prismaObjectField(SteeringDocument, 'milestones', (t) =>
  t.relation('milestones', { description: MILESTONES_DESCRIPTION, query: (_args, context) => ({ where: visibleMilestonesWhere(context), orderBy: BY_DAY }) }),
);

builder.prismaObjectFields(Municipality, (t) => ({
  milestones: t.relation('milestones', {
    description: 'Milstolpar of the kommun\'s work (its agreements\', medborgarlöftens and styrdokuments), by date.',
    args: {
      from: t.arg({ type: 'Date', description: 'Only from this day (inclusive).' }),
      to: t.arg({ type: 'Date', description: 'Only to this day (inclusive).' }),
      kind: t.arg({ type: MilestoneKindEnum, description: 'Only this kind.' }),
    },
    query: (args, context) => ({
      where: {
        AND: [
          visibleMilestonesWhere(context),
          args.from ? { on: { gte: isoDateToUtc(args.from) } } : {},
          args.to ? { on: { lte: isoDateToUtc(args.to) } } : {},
          args.kind ? { kind: args.kind } : {},
        ],
      },
      orderBy: BY_DAY,
    }),
  }),
  steeringDocuments: t.field({
    type: [SteeringDocument],
    description: 'Styrdokument: the kommun\'s own plans and programmes the hub knows, by title.',
    resolve: (m, _args, context) => context.db.steeringDocument.findMany({ where: { municipalityCode: m.code }, orderBy: [{ title: 'asc' }, { id: 'asc' }] }),
  }),
}));
