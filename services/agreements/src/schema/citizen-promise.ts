import { type Actor, badInput, connectionArgs, historyConnectionField, historyField, historyLoader, todayInSweden } from '@samverkan/schema';
import { citizenPromiseWrites } from '../citizen-promises/write';
import { mayReadLifecycleState, visiblePromisesWhere } from '../lifecycle/access';
import { type LifecycleStatus, statusOn, statusWhere } from '../lifecycle/status';
import { builder, type Context } from '../builder';
import type { Prisma } from '../generated/prisma/client';
import { FocusArea } from './focus-area';
import { Municipality } from './geography';
import { LifecycleStatusEnum, lifecycleMutationFields, ON_DESCRIPTION, PartyEnum, SignatoryInput, SourceDocumentInput } from './lifecycle';
import { addPeriodFields } from './period';

/*
 * Medborgarlöften: the promise, its items and approvals, the queries, its mutations, and a kommun's
 * medborgarlöften.
 */

builder.prismaObject('PromiseApproval', {
  description: 'Godkännande: one party\'s approval of a draft medborgarlöfte.',
  fields: (t) => ({
    party: t.field({ type: PartyEnum, description: 'Part: the side that approved.', resolve: (a) => a.party }),
    approvedBy: t.exposeString('approvedBy', { description: 'Godkänd av: the approving user.' }),
    approvedAt: t.string({ description: 'Tidpunkt (ISO 8601).', resolve: (a) => a.approvedAt.toISOString() }),
  }),
});

builder.prismaObject('PromiseItem', {
  description: 'Löfte: one promise in a medborgarlöfte.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Ordning, from 1.' }),
    text: t.exposeString('text', { description: 'Text: what is promised.' }),
    targetCount: t.exposeInt('targetCount', { nullable: true, description: 'Mål (antal): a counted target, where the promise gives one.' }),
  }),
});

const promiseHistory = historyLoader<Context>('CitizenPromise');

export const CitizenPromise = builder.prismaObject('CitizenPromise', {
  description: 'Medborgarlöfte: the police\'s and the kommun\'s public promises to residents for a period.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    title: t.exposeString('title', { description: 'Titel.' }),
    municipality: t.relation('municipality', { description: 'Kommun.' }),
    localPoliceArea: t.relation('localPoliceArea', { nullable: true, description: 'Lokalpolisområde.' }),
    agreement: t.relation('agreement', { nullable: true, description: 'Samverkansöverenskommelse: the agreement it belongs to, if any.' }),
    validFrom: t.field({ type: 'Date', nullable: true, description: 'Gäller från.', resolve: (p) => p.validFrom }),
    validTo: t.field({ type: 'Date', nullable: true, description: 'Gäller till.', resolve: (p) => p.validTo }),
    status: t.field({
      type: LifecycleStatusEnum,
      description: 'Status on a day (today in Sweden by default), by the same rule as an agreement\'s: never ACTIVE before its start or without one; a commissioned one (COMMISSIONED) never.',
      args: { on: t.arg({ type: 'Date', description: ON_DESCRIPTION }) },
      resolve: (promise, args) => statusOn(promise, args.on ?? todayInSweden()),
    }),
    focusAreas: t.field({
      type: [FocusArea],
      description: 'Fokusområden the promise addresses.',
      select: { focusAreas: { select: { focusArea: true }, orderBy: { focusAreaCode: 'asc' } } },
      resolve: (promise) => promise.focusAreas.map((link) => link.focusArea),
    }),
    signedOn: t.field({ type: 'Date', nullable: true, description: 'Undertecknad: the day both parties had approved it, if known.', resolve: (p) => p.signedOn }),
    approvals: t.relation('approvals', { description: 'Godkännanden: the parties that have approved it.', query: { orderBy: { party: 'asc' } } }),
    previous: t.relation('previous', { nullable: true, description: 'Föregående: the medborgarlöfte this one took over from.' }),
    next: t.relation('next', { nullable: true, description: 'Efterföljande: the medborgarlöfte that took over from this one.' }),
    promises: t.relation('promises', { description: 'Löften, in order.', query: { orderBy: { position: 'asc' } } }),
    signatories: t.relation('signatories', { description: 'Undertecknare.', query: { orderBy: { position: 'asc' } } }),
    sources: t.relation('sources', { description: 'Källor.', query: { orderBy: { id: 'asc' } } }),
    version: t.exposeInt('version', { description: 'Version: give it back when updating.' }),
    history: t.field({
      ...historyField((promise: { id: string }, context: Context) => promiseHistory(context).load(promise.id), (state, context) => mayReadLifecycleState(context, state)),
      deprecationReason: 'Use historyConnection: the same list a page at a time, with totalCount.',
    }),
    historyConnection: t.field({
      ...historyConnectionField((promise: { id: string }, context: Context) => promiseHistory(context).load(promise.id), (state, context) => mayReadLifecycleState(context, state)),
      args: connectionArgs(builder),
    }),
  }),
});

addPeriodFields(CitizenPromise, 'medborgarlöfte');

builder.asEntity(CitizenPromise, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, context) => context.db.citizenPromise.findFirst({ where: { id, ...visiblePromisesWhere(context.actor) } }),
});

/** Filter of `citizenPromises` and `citizenPromisesConnection`. */
export const CitizenPromiseFilter = builder.inputType('CitizenPromiseFilter', {
  description: 'Urval: which medborgarlöften to list. All given conditions must hold.',
  fields: (t) => ({
    municipality: t.field({ type: 'MunicipalityCode', description: 'Kommun.' }),
    localPoliceArea: t.id({ description: 'Lokalpolisområde.' }),
    policeRegion: t.id({ description: 'Polisregion (e.g. SYD).' }),
    focusArea: t.id({ description: 'Fokusområde (catalogue code).' }),
    agreement: t.id({ description: 'Only those under this agreement.' }),
    status: t.field({ type: LifecycleStatusEnum, description: 'Status on `on`.' }),
    on: t.field({ type: 'Date', description: 'The day `status` is judged on; today in Sweden when left out.' }),
  }),
});

/** The filter's value, as the API gives it. */
export interface CitizenPromiseFilterValue {
  municipality?: string | null;
  localPoliceArea?: string | number | null;
  policeRegion?: string | number | null;
  focusArea?: string | number | null;
  agreement?: string | number | null;
  status?: LifecycleStatus | null;
  on?: string | null;
}

/** The medborgarlöften a list shows: those the actor may read that match the filter. */
export function promiseListWhere(actor: Actor, filter: CitizenPromiseFilterValue | null | undefined): Prisma.CitizenPromiseWhereInput {
  const value = filter ?? {};
  if (value.on && !value.status) throw badInput('`on` is the day `status` is judged on: give a status too.', { field: 'on' });
  return {
    AND: [
      visiblePromisesWhere(actor),
      value.municipality ? { municipalityCode: value.municipality } : {},
      value.localPoliceArea != null ? { localPoliceAreaId: String(value.localPoliceArea) } : {},
      value.policeRegion != null ? { municipality: { county: { policeRegionCode: String(value.policeRegion) } } } : {},
      value.focusArea != null ? { focusAreas: { some: { focusAreaCode: String(value.focusArea) } } } : {},
      value.agreement != null ? { agreementId: String(value.agreement) } : {},
      // The promise table has the same lifecycle columns as agreements.
      value.status ? (statusWhere(value.status, value.on ?? todayInSweden()) as Prisma.CitizenPromiseWhereInput) : {},
    ],
  };
}

const PromiseItemInput = builder.inputType('PromiseItemInput', {
  description: 'Löfte: one promise, with a counted target where it gives one.',
  fields: (t) => ({
    text: t.string({ required: true, description: 'What is promised (at most 2000 characters).' }),
    targetCount: t.int({ description: 'Mål (antal), e.g. 1 for "at least one inspection a year".' }),
  }),
});

const CitizenPromiseInput = builder.inputType('CitizenPromiseInput', {
  description: 'Utkast till medborgarlöfte: everything a draft holds. Promises keep the order given.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'Titel.' }),
    municipalityCode: t.field({ type: 'MunicipalityCode', required: true, description: 'Kommun.' }),
    localPoliceAreaId: t.id({ description: 'Lokalpolisområde that promises; it must cover the kommun on the start (`validFrom`, else today). Name this, or `policeDistrict`, or `policeRegion`.' }),
    policeDistrict: t.id({ description: 'Polisområde that promises, where it covers the kommun on the start; instead of `localPoliceAreaId`.' }),
    policeRegion: t.id({ description: 'Polisregion that promises (e.g. STOCKHOLM), only for a kommun no lokalpolisområde covers on the start; instead of `localPoliceAreaId`.' }),
    agreementId: t.id({ description: 'The agreement of the same kommun it belongs to, if any.' }),
    validFrom: t.field({ type: 'Date', description: 'Gäller från.' }),
    validTo: t.field({ type: 'Date', description: 'Gäller till; not before `validFrom`.' }),
    focusAreaCodes: t.idList({ description: 'Fokusområden (catalogue codes).' }),
    promises: t.field({ type: [PromiseItemInput], required: true, description: 'Löften, at least one.' }),
    signatories: t.field({ type: [SignatoryInput], description: 'Undertecknare, in order.' }),
    sources: t.field({ type: [SourceDocumentInput], description: 'Källor.' }),
  }),
});

builder.queryFields((t) => ({
  citizenPromises: t.prismaField({
    type: ['CitizenPromise'],
    description: 'Medborgarlöften matching the filter, by kommun and newest first.',
    deprecationReason: 'Use citizenPromisesConnection: the same list a page at a time, with totalCount.',
    args: { filter: t.arg({ type: CitizenPromiseFilter, description: 'Urval.' }) },
    resolve: (query, _root, args, context) =>
      context.db.citizenPromise.findMany({
        ...query,
        where: promiseListWhere(context.actor, args.filter),
        orderBy: [{ municipalityCode: 'asc' }, { validFrom: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
      }),
  }),
  citizenPromise: t.prismaField({
    type: 'CitizenPromise',
    nullable: true,
    description: 'Medborgarlöfte: one by id; null when there is none you may see.',
    args: { id: t.arg.id({ required: true, description: 'Its id.' }) },
    resolve: (query, _root, args, context) =>
      context.db.citizenPromise.findFirst({ ...query, where: { id: String(args.id), ...visiblePromisesWhere(context.actor) } }),
  }),
}));

lifecycleMutationFields({
  type: 'CitizenPromise',
  noun: 'medborgarlöfte',
  input: CitizenPromiseInput,
  writes: citizenPromiseWrites,
  readBack: (db, query, id) => db.citizenPromise.findUniqueOrThrow({ ...query, where: { id } }),
  descriptions: {
    create: 'Skriv utkast: writes a new draft medborgarlöfte. Either party may.',
    update: 'Ändra utkast: replaces a draft medborgarlöfte\'s content. Earlier approvals no longer hold.',
    updateVersion: 'The version you read.',
    approve: 'Godkänn: the asking party approves a draft medborgarlöfte; with both approvals it is signed.',
    approveVersion: 'The version you read and approve: if the draft has changed since, the approval is refused (CONFLICT) and you read it again.',
    withdraw: 'Återkalla: a party withdraws a medborgarlöfte.',
    supersede: 'Ersätt: links a later medborgarlöfte of the same kommun as the one that takes over (previous/next).',
    supersedeVersion: 'The version you read of the superseded one.',
  },
});

builder.prismaObjectField(Municipality, 'citizenPromises', (t) =>
  t.relation('citizenPromises', {
    description: 'Medborgarlöften of the kommun.',
    query: (_args, context) => ({ where: visiblePromisesWhere(context.actor), orderBy: [{ validFrom: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }] }),
  }),
);
