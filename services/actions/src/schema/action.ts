import { connectionArgs, historyConnectionField, historyField, historyLoader } from '@samverkan/schema';
import { mayReadAction, visibleActionsWhere } from '../actions/access';
import { changeActionStatus, createAction, updateAction } from '../actions/write';
import { builder, type Context } from '../builder';
import { dateField } from './date-field';
import { ActionOriginEnum, ActionStatusEnum, ResponsibleKindEnum, VisibilityEnum } from './enums';
import { AgreementRef, focusAreaOf, FocusAreaRef, MunicipalityRef } from './references';

/* Åtgärd: the type, its parts, reading one, and writing it (follow-ups are in ./follow-up.ts). */

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
    changedOn: t.field({ ...dateField('Datum.'), nullable: false, resolve: (c) => c.changedOn }),
    changedBy: t.exposeString('changedBy', { description: 'Av: the user who changed it.' }),
    note: t.exposeString('note', { nullable: true, description: 'Anmärkning.' }),
  }),
});

const SourceRef = builder.objectRef<{ title: string; publishedOn: string | null; url?: string | null }>('ActionSource').implement({
  description: 'Källa: a public document the record\'s facts come from.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Titel.' }),
    publishedOn: t.field({ ...dateField('Datum, if the document gives one.'), resolve: (s) => s.publishedOn }),
    url: t.string({ nullable: true, description: 'Adress, if known.', resolve: (s) => s.url ?? null }),
  }),
});

const actionHistory = historyLoader<Context>('Action');

export const Action = builder.prismaObject('Action', {
  description: 'Åtgärd: a measure that a kommun and/or the police carry out against crime or for safety.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id: the åtgärd\'s stable identifier.' }),
    title: t.exposeString('title', { description: 'Titel: what is done, in a few words (Swedish).' }),
    description: t.exposeString('description', { nullable: true, description: 'Beskrivning.' }),
    status: t.field({ type: ActionStatusEnum, description: 'Status: planerad, pågående, genomförd or avbruten.', resolve: (action) => action.status }),
    startsOn: t.field({ ...dateField('Startdatum: when the åtgärd starts, if known.'), resolve: (action) => action.startsOn }),
    endsOn: t.field({ ...dateField('Slutdatum: when the åtgärd ends, if known.'), resolve: (action) => action.endsOn }),
    municipality: t.field({ type: MunicipalityRef, nullable: true, description: 'Kommun: the kommun the åtgärd belongs to.', resolve: (action) => ({ code: action.municipalityCode }) }),
    focusArea: t.field({ type: FocusAreaRef, nullable: true, description: 'Fokusområde the åtgärd addresses.', resolve: (action) => focusAreaOf(action.focusAreaCode) }),
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
    followUps: t.relation('followUps', { description: 'Uppföljningar, oldest first.', query: { orderBy: { date: 'asc' } }, deprecationReason: 'Use followUpsConnection: the same list a page at a time, with totalCount.' }),
    sources: t.field({ type: [SourceRef], description: 'Källor.', resolve: (action) => (action.sources ?? []) as never }),
    version: t.exposeInt('version', { description: 'Version: give it back when changing the åtgärd.' }),
    history: t.field({
      ...historyField((action: { id: string }, context: Context) => actionHistory(context).load(action.id), (state, context) => mayReadAction(context, state)),
      deprecationReason: 'Use historyConnection: the same list a page at a time, with totalCount.',
    }),
    historyConnection: t.field({
      ...historyConnectionField((action: { id: string }, context: Context) => actionHistory(context).load(action.id), (state, context) => mayReadAction(context, state)),
      args: connectionArgs(builder),
    }),
  }),
});

builder.queryField('action', (t) =>
  t.prismaField({
    type: 'Action',
    nullable: true,
    description: 'Åtgärd: one action by id, or null when there is none you may see.',
    args: { id: t.arg.id({ required: true, description: 'The åtgärd\'s id.' }) },
    resolve: (query, _root, args, context) => context.db.action.findFirst({ ...query, where: { id: args.id, ...visibleActionsWhere(context) } }),
  }),
);

const ResponsibleInput = builder.inputType('ActionResponsibleInput', {
  description: 'Ansvarig.',
  fields: (t) => ({
    kind: t.field({ type: ResponsibleKindEnum, required: true, description: 'Typ.' }),
    name: t.string({ required: true, description: 'Namn.' }),
    lead: t.boolean({ description: 'Huvudansvarig: exactly one responsible party leads.' }),
  }),
});

const ActionInput = builder.inputType('ActionInput', {
  description: 'Ny åtgärd.',
  fields: (t) => ({
    municipalityCode: t.field({ type: 'MunicipalityCode', required: true, description: 'Kommun.' }),
    title: t.string({ required: true, description: 'Titel (at most 300 characters).' }),
    description: t.string({ description: 'Beskrivning.' }),
    focusAreaCode: t.id({ description: 'Fokusområde (catalogue code).' }),
    origin: t.field({ type: ActionOriginEnum, description: 'Ursprung.' }),
    originKey: t.string({ description: 'The originating record\'s key (an agreement\'s or medborgarlöfte\'s id, a plan\'s id, a styrdokument\'s title).' }),
    actionPlanId: t.id({ description: 'The åtgärdsplan of the same kommun it belongs to.' }),
    place: t.string({ description: 'Plats.' }),
    latitude: t.float({ description: 'Latitud (WGS 84), -90–90.' }),
    longitude: t.float({ description: 'Longitud (WGS 84), -180–180.' }),
    method: t.string({ description: 'Metod, e.g. trygghetsvandring.' }),
    visibility: t.field({ type: VisibilityEnum, description: 'Synlighet; PUBLIC by default.' }),
    startsOn: t.field({ type: 'Date', description: 'Startdatum.' }),
    endsOn: t.field({ type: 'Date', description: 'Slutdatum; not before the start.' }),
    responsible: t.field({ type: [ResponsibleInput], required: true, description: 'Ansvariga: at least one, exactly one of them the lead.' }),
  }),
});

const ActionChangesInput = builder.inputType('ActionChangesInput', {
  description: 'Ändringar av en åtgärd: the fields to change. A field left out stays as it is; null clears an optional field. Status changes go through changeActionStatus.',
  fields: (t) => ({
    title: t.string({ description: 'Titel (at most 300 characters).' }),
    description: t.string({ description: 'Beskrivning.' }),
    focusAreaCode: t.id({ description: 'Fokusområde (catalogue code).' }),
    place: t.string({ description: 'Plats.' }),
    latitude: t.float({ description: 'Latitud (WGS 84), -90–90; give it with the longitude.' }),
    longitude: t.float({ description: 'Longitud (WGS 84), -180–180; give it with the latitude.' }),
    method: t.string({ description: 'Metod.' }),
    visibility: t.field({ type: VisibilityEnum, description: 'Synlighet.' }),
    startsOn: t.field({ type: 'Date', description: 'Startdatum.' }),
    endsOn: t.field({ type: 'Date', description: 'Slutdatum; not before the start.' }),
    responsible: t.field({ type: [ResponsibleInput], description: 'Ansvariga (all of them): at least one, exactly one the lead.' }),
  }),
});

builder.mutationFields((t) => ({
  createAction: t.prismaField({
    type: 'Action',
    description: 'Ny åtgärd: writes an action of a kommun (its users, or police of a lokalpolisområde covering it).',
    args: { input: t.arg({ type: ActionInput, required: true, description: 'The åtgärd.' }) },
    resolve: (query, _root, { input }, context) => createAction(context, input, (tx, id) => tx.action.findUniqueOrThrow({ ...query, where: { id } })),
  }),
  updateAction: t.prismaField({
    type: 'Action',
    description: 'Ändra en åtgärd at the version you read: the fields given change, the rest stay. A stale version is refused with the current one.',
    args: {
      id: t.arg.id({ required: true, description: 'The åtgärd.' }),
      version: t.arg.int({ required: true, description: 'The version you read.' }),
      changes: t.arg({ type: ActionChangesInput, required: true, description: 'What to change.' }),
    },
    resolve: (query, _root, args, context) => updateAction(context, args, (tx, id) => tx.action.findUniqueOrThrow({ ...query, where: { id } })),
  }),
  changeActionStatus: t.prismaField({
    type: 'Action',
    description: 'Ändra status: PLANNED → ONGOING or CANCELLED; ONGOING → DONE or CANCELLED. Recorded in the status history.',
    args: {
      id: t.arg.id({ required: true, description: 'The åtgärd.' }),
      version: t.arg.int({ required: true, description: 'The version you read.' }),
      status: t.arg({ type: ActionStatusEnum, required: true, description: 'The new status.' }),
      on: t.arg({ type: 'Date', description: 'The day of the change; today by default.' }),
      note: t.arg.string({ description: 'Anmärkning.' }),
    },
    resolve: (query, _root, args, context) => changeActionStatus(context, args, (tx, id) => tx.action.findUniqueOrThrow({ ...query, where: { id } })),
  }),
}));
