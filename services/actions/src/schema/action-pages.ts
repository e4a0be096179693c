import { connectionArgs, defineConnection } from '@samverkan/schema';
import { actionPage, agreementActionsWhere, rootActionWhere } from '../actions/pages';
import { actionFilterWhere } from '../actions/lists';
import { builder } from '../builder';
import type { ActionStatus, Prisma } from '../generated/prisma/client';
import { Action } from './action';
import { ActionStatusEnum } from './enums';
import { AgreementLinkEnum, AgreementRef, CitizenPromiseRef, FocusAreaRef, MunicipalityRef } from './references';

/*
 * Pages of åtgärder: `Query.actions`, and `actionsConnection` beside the plain `actions` lists of a
 * kommun, an agreement, a medborgarlöfte and a fokusområde. Every page is ordered by start date
 * (those without one last), then id, and holds only what the caller may see.
 */

export const ActionConnection = defineConnection(builder, Action, { name: 'Action', nodes: 'åtgärder', order: 'by start date (those without one last), then id' });

const ActionListFilter = builder.inputType('ActionListFilter', {
  description: 'Urval av åtgärder: which actions to list. All given conditions must hold.',
  fields: (t) => ({
    municipality: t.field({ type: 'MunicipalityCode', description: 'Kommun: only this kommun\'s actions.' }),
    policeRegion: t.id({ description: 'Polisregion: only actions of kommuner in this region (e.g. SYD).' }),
    county: t.id({ description: 'Län: only actions of kommuner in this county (SCB\'s two digits, e.g. "12").' }),
    status: t.field({ type: ActionStatusEnum, description: 'Status: only actions with this status.' }),
    focusArea: t.id({ description: 'Fokusområde: only actions for this catalogue area (code).' }),
    activeOn: t.field({ type: 'Date', description: 'Only actions under way on this date (started, not ended; an unknown start or end counts as open).' }),
  }),
});

const pageArgs = connectionArgs(builder);

builder.queryField('actions', (t) =>
  t.field({
    type: ActionConnection,
    description: 'Åtgärder: a page of the actions matching the filter, of all kommuner, that you may see (public ones, and your own kommun\'s or area\'s shared ones).',
    args: { filter: t.arg({ type: ActionListFilter, description: 'Urval.' }), ...pageArgs },
    resolve: (_root, args, context) => actionPage(context, rootActionWhere(args.filter), args),
  }),
);

/** The filter arguments of an entity's `actionsConnection`, as its plain `actions` list takes them. */
const filterArgs = builder.args((t) => ({
  activeOn: t.field({ type: 'Date', description: 'Only actions under way on this date (started, not ended).' }),
  status: t.field({ type: ActionStatusEnum, description: 'Only actions with this status.' }),
  focusArea: t.id({ description: 'Only actions for this fokusområde (code).' }),
  municipality: t.field({ type: 'MunicipalityCode', description: 'Only actions of this kommun.' }),
}));

interface FilterArgs {
  activeOn?: string | null;
  status?: ActionStatus | null;
  focusArea?: string | number | null;
  municipality?: string | null;
}

const filterWhere = (args: FilterArgs): Prisma.ActionWhereInput =>
  actionFilterWhere({ activeOn: args.activeOn ?? null, status: args.status ?? null, focusArea: args.focusArea == null ? null : String(args.focusArea), municipality: args.municipality ?? null });

const CONNECTION_DESCRIPTION = 'Åtgärder, a page at a time, by start date then id; filter by a date they are under way, a status, a fokusområde or a kommun.';

builder.objectFields(MunicipalityRef, (t) => ({
  actionsConnection: t.field({
    type: ActionConnection,
    description: `${CONNECTION_DESCRIPTION} The kommun's actions that you may see.`,
    args: { ...filterArgs, ...pageArgs },
    resolve: (m, args, context) => actionPage(context, { AND: [{ municipalityCode: m.code }, filterWhere(args)] }, args),
  }),
}));

builder.objectFields(AgreementRef, (t) => ({
  actionsConnection: t.field({
    type: ActionConnection,
    description: `${CONNECTION_DESCRIPTION} Those that come from the agreement and those the sources place with it (as \`actions\`), or only those linked as \`links\` says.`,
    args: { ...filterArgs, links: t.arg({ type: [AgreementLinkEnum], description: 'Only actions linked this way (an action that comes from the agreement counts as STATED); all when left out.' }), ...pageArgs },
    resolve: (a, args, context) => actionPage(context, { AND: [agreementActionsWhere(a.id, args.links ?? null), filterWhere(args)] }, args),
  }),
}));

builder.objectFields(CitizenPromiseRef, (t) => ({
  actionsConnection: t.field({
    type: ActionConnection,
    description: `${CONNECTION_DESCRIPTION} Those that come from the medborgarlöfte.`,
    args: { ...filterArgs, ...pageArgs },
    resolve: (p, args, context) => actionPage(context, { AND: [{ origin: 'CITIZEN_PROMISE', originKey: p.id }, filterWhere(args)] }, args),
  }),
}));

builder.objectFields(FocusAreaRef, (t) => ({
  actionsConnection: t.field({
    type: ActionConnection,
    description: `${CONNECTION_DESCRIPTION} Those for the fokusområde.`,
    args: { ...filterArgs, ...pageArgs },
    resolve: (f, args, context) => actionPage(context, { AND: [{ focusAreaCode: f.code }, filterWhere(args)] }, args),
  }),
}));
