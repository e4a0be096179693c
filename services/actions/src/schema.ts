import { filteredGroupLoader, isoDateToUtc, SUBGRAPH_SCHEMA_OPTIONS } from '@samverkan/schema';
import { builder, type Context } from './builder';
import type { ActionStatus } from './generated/prisma/client';

/*
 * Åtgärder (actions). This first cut holds what the foundation needs to prove the federated join:
 * an action's title, status and dates, and `Municipality.actions`. Lägesbild, åtgärdsplan and
 * uppföljning follow in the actions issue.
 */

export const ActionStatusEnum = builder.enumType('ActionStatus', {
  description: 'Status: where an åtgärd stands.',
  values: {
    PLANNED: { description: 'Planerad: decided, not started.' },
    ONGOING: { description: 'Pågående: under way.' },
    DONE: { description: 'Genomförd: carried out.' },
    CANCELLED: { description: 'Avbruten: stopped before it was carried out.' },
  } as const,
});

/** Kommun, owned by the agreements subgraph; this subgraph adds its actions. */
export const MunicipalityRef = builder.externalRef('Municipality', builder.selection<{ code: string }>('code'));

export const Action = builder.prismaObject('Action', {
  description: 'Åtgärd: a measure that a kommun and/or the police carry out against crime or for safety.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id: the åtgärd\'s stable identifier.' }),
    title: t.exposeString('title', { description: 'Titel: what is done, in a few words (Swedish).' }),
    status: t.field({
      type: ActionStatusEnum,
      description: 'Status: planerad, pågående, genomförd or avbruten.',
      resolve: (action) => action.status,
    }),
    startsOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Startdatum: when the åtgärd starts, if known.',
      resolve: (action) => action.startsOn,
    }),
    endsOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Slutdatum: when the åtgärd ends, if known.',
      resolve: (action) => action.endsOn,
    }),
    municipality: t.field({
      type: MunicipalityRef,
      description: 'Kommun: the kommun the åtgärd belongs to.',
      resolve: (action) => ({ code: action.municipalityCode }),
    }),
  }),
});

/** A kommun's actions, for every kommun of one `_entities` call in one SQL statement per date filter. */
const actionsOfMunicipality = filteredGroupLoader(
  (codes: readonly string[], activeOn: string | null, context: Context) => {
    const day = activeOn ? isoDateToUtc(activeOn) : null;
    return context.db.action.findMany({
      where: {
        municipalityCode: { in: [...codes] },
        ...(day ? { AND: [{ OR: [{ startsOn: null }, { startsOn: { lte: day } }] }, { OR: [{ endsOn: null }, { endsOn: { gte: day } }] }] } : {}),
      },
      orderBy: [{ startsOn: 'asc' }, { title: 'asc' }],
    });
  },
  (row) => row.municipalityCode,
);

MunicipalityRef.implement({
  externalFields: (t) => ({ code: t.id({ description: 'Kommunkod: SCB\'s four-digit code.' }) }),
  fields: (t) => ({
    actions: t.field({
      type: [Action],
      description: 'Åtgärder: the kommun\'s actions, by start date; with `activeOn`, only those under way on that date.',
      args: { activeOn: t.arg({ type: 'Date', description: 'Only actions that have started and not ended on this date (YYYY-MM-DD).' }) },
      resolve: (municipality, args, context) => actionsOfMunicipality(context).load(municipality.code, args.activeOn ?? null),
    }),
  }),
});

builder.queryType({
  fields: (t) => ({
    action: t.prismaField({
      type: 'Action',
      nullable: true,
      description: 'Åtgärd: one action by id, or null when there is none.',
      args: { id: t.arg.id({ required: true, description: 'The åtgärd\'s id.' }) },
      resolve: (query, _root, args, context) => context.db.action.findUnique({ ...query, where: { id: String(args.id) } }),
    }),
  }),
});

/** Statuses, for the seed and tests. */
export type { ActionStatus };

/** This subgraph's schema, with its federation directives. */
export const schema = builder.toSubGraphSchema(SUBGRAPH_SCHEMA_OPTIONS);
