import { badInput, groupLoader, historyField, isoDateToUtc, todayInSweden } from '@samverkan/schema';
import { visibleAgreementsWhere, visiblePromisesWhere } from '../agreements/access';
import { type LifecycleStatus, statusOn, statusWhere } from '../agreements/status';
import { builder, type Context } from '../builder';
import type { Prisma } from '../generated/prisma/client';
import { LocalPoliceArea, Municipality } from './geography';

/*
 * Samverkansöverenskommelser, fokusområden, styrdokument and medborgarlöften: the types and the
 * queries. Mutations are in `mutations.ts`.
 */

export const LifecycleStatusEnum = builder.enumType('AgreementStatus', {
  description: 'Status: where an agreement or a medborgarlöfte stands on a given day.',
  values: {
    DRAFT: { description: 'Utkast: not yet approved by both the kommun and the police.' },
    UPCOMING: { description: 'Kommande: signed, its validity has not started.' },
    ACTIVE: { description: 'Gällande: signed and in force.' },
    EXPIRED: { description: 'Utgången: its validity has ended.' },
    SUPERSEDED: { description: 'Ersatt: a later agreement has taken over.' },
    WITHDRAWN: { description: 'Återkallad: withdrawn by a party.' },
  } as const,
});

export const PartyEnum = builder.enumType('Party', {
  description: 'Part: which side of the cooperation.',
  values: {
    MUNICIPALITY: { description: 'Kommunen.' },
    POLICE: { description: 'Polisen (the lokalpolisområde).' },
  } as const,
});

const ON_DESCRIPTION = 'The day to judge the status on (YYYY-MM-DD); today in Sweden when left out.';

export const FocusArea = builder.prismaObject('FocusArea', {
  description: 'Fokusområde: a prioritised area in the national catalogue, e.g. brott mot äldre.',
  fields: (t) => ({
    code: t.exposeID('code', { description: 'Kod: a stable code, e.g. ELDERLY.' }),
    name: t.exposeString('name', { description: 'Namn: the area\'s Swedish name.' }),
    description: t.exposeString('description', { description: 'Beskrivning: what the area covers.' }),
  }),
});

builder.asEntity(FocusArea, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: ({ code }, context) => context.db.focusArea.findUnique({ where: { code } }),
});

export const AgreementFocusArea = builder.prismaObject('AgreementFocusArea', {
  description: 'Fokusområde i överenskommelsen: one of an agreement\'s areas, in its own words, mapped to the catalogue.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Ordning: the area\'s place in the agreement, from 1.' }),
    title: t.exposeString('title', { description: 'Rubrik: the area\'s title as the agreement writes it.' }),
    description: t.exposeString('description', { nullable: true, description: 'Beskrivning: the agreement\'s text for the area, if it has one.' }),
    focusArea: t.relation('focusArea', { description: 'Fokusområde: the catalogue area it maps to.' }),
  }),
});

export const Signatory = builder.prismaObject('Signatory', {
  description: 'Undertecknare: a person who signs for one party.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Namn.' }),
    title: t.exposeString('title', { description: 'Titel: e.g. kommunstyrelsens ordförande, lokalpolisområdeschef.' }),
    party: t.field({ type: PartyEnum, description: 'Part: the side the person signs for.', resolve: (s) => s.party }),
  }),
});

export const SteeringDocument = builder.prismaObject('SteeringDocument', {
  description: 'Styrdokument: a kommun\'s own plan or programme that an agreement refers to.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    title: t.exposeString('title', { description: 'Titel.' }),
    kind: t.exposeString('kind', { nullable: true, description: 'Typ: e.g. handlingsplan, plan, samverkansdokument.' }),
    periodStartYear: t.exposeInt('periodStartYear', { nullable: true, description: 'Period från (år), if stated.' }),
    periodEndYear: t.exposeInt('periodEndYear', { nullable: true, description: 'Period till (år), if stated.' }),
    adoptedOn: t.field({ type: 'Date', nullable: true, description: 'Antagen: the day it was adopted, if stated.', resolve: (d) => d.adoptedOn }),
    adoptedBy: t.exposeString('adoptedBy', { nullable: true, description: 'Antagen av: the body that adopted it, if stated.' }),
  }),
});

export const SourceDocument = builder.prismaObject('SourceDocument', {
  description: 'Källa: a public document that a record\'s facts come from.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Titel.' }),
    publishedOn: t.field({ type: 'Date', nullable: true, description: 'Datum: as the document gives it, if it does.', resolve: (d) => d.publishedOn }),
    url: t.exposeString('url', { nullable: true, description: 'Adress (URL), if known.' }),
    note: t.exposeString('note', { nullable: true, description: 'Anmärkning: how the record reads the document.' }),
  }),
});

export const Approval = builder.prismaObject('Approval', {
  description: 'Godkännande: one party\'s approval of a draft agreement.',
  fields: (t) => ({
    party: t.field({ type: PartyEnum, description: 'Part: the side that approved.', resolve: (a) => a.party }),
    approvedBy: t.exposeString('approvedBy', { description: 'Godkänd av: the approving user.' }),
    approvedAt: t.string({ description: 'Tidpunkt (ISO 8601).', resolve: (a) => a.approvedAt.toISOString() }),
  }),
});

/** The audit trail of records of one type, for every record of a request in one SQL statement. */
function historyLoader(entityType: 'Agreement' | 'CitizenPromise') {
  return groupLoader(
    (keys: readonly string[], context: Context) =>
      context.db.auditEntry.findMany({ where: { entityType, entityKey: { in: [...keys] } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    (row) => row.entityKey,
  );
}
const agreementHistory = historyLoader('Agreement');
const promiseHistory = historyLoader('CitizenPromise');

export const Agreement = builder.prismaObject('Agreement', {
  description: 'Samverkansöverenskommelse: the agreement between a kommun and its lokalpolisområde(n) on joint work against crime.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    title: t.exposeString('title', { description: 'Titel.' }),
    municipality: t.relation('municipality', { description: 'Kommun: the kommun that signs.' }),
    localPoliceAreas: t.field({
      type: [LocalPoliceArea],
      description: 'Lokalpolisområden: the local police area(s) that sign.',
      select: { localPoliceAreas: { select: { localPoliceArea: true }, orderBy: { localPoliceAreaId: 'asc' } } },
      resolve: (agreement) => agreement.localPoliceAreas.map((link) => link.localPoliceArea),
    }),
    validFrom: t.field({ type: 'Date', nullable: true, description: 'Gäller från: null when the sources do not say.', resolve: (a) => a.validFrom }),
    validTo: t.field({ type: 'Date', nullable: true, description: 'Gäller till: null when the sources do not say.', resolve: (a) => a.validTo }),
    signedOn: t.field({ type: 'Date', nullable: true, description: 'Undertecknad: the day both parties had signed, if known.', resolve: (a) => a.signedOn }),
    approvedBy: t.exposeString('approvedBy', { nullable: true, description: 'Beslutad av: a body that approved it (e.g. KSAU), if the sources name one.' }),
    status: t.field({
      type: LifecycleStatusEnum,
      description: 'Status on a day (today in Sweden by default): DRAFT, UPCOMING, ACTIVE, EXPIRED, SUPERSEDED or WITHDRAWN.',
      args: { on: t.arg({ type: 'Date', description: ON_DESCRIPTION }) },
      resolve: (agreement, args) => statusOn(agreement, args.on ?? todayInSweden()),
    }),
    purpose: t.exposeString('purpose', { nullable: true, description: 'Syfte.' }),
    goals: t.exposeString('goals', { nullable: true, description: 'Mål.' }),
    followUp: t.exposeString('followUp', { nullable: true, description: 'Uppföljning: how the work is followed up.' }),
    signatories: t.relation('signatories', { description: 'Undertecknare: who signs, the kommun first.', query: { orderBy: { position: 'asc' } } }),
    focusAreas: t.relation('focusAreas', { description: 'Fokusområden, in the agreement\'s order.', query: { orderBy: { position: 'asc' } } }),
    steeringDocuments: t.field({
      type: [SteeringDocument],
      description: 'Styrdokument: the kommun\'s own documents the agreement refers to, in its order.',
      select: { steeringDocuments: { select: { steeringDocument: true }, orderBy: { position: 'asc' } } },
      resolve: (agreement) => agreement.steeringDocuments.map((link) => link.steeringDocument),
    }),
    sources: t.relation('sources', { description: 'Källor: the documents its facts come from.', query: { orderBy: { id: 'asc' } } }),
    approvals: t.relation('approvals', { description: 'Godkännanden: the parties that have approved it.', query: { orderBy: { party: 'asc' } } }),
    previous: t.relation('previous', { nullable: true, description: 'Föregående: the agreement of the same kommun this one took over from.' }),
    next: t.relation('next', { nullable: true, description: 'Efterföljande: the agreement that took over from this one.' }),
    version: t.exposeInt('version', { description: 'Version: give it back when updating, so that no one\'s change is lost.' }),
    history: t.field(historyField((agreement: { id: string }, context: Context) => agreementHistory(context).load(agreement.id))),
    citizenPromises: t.relation('promises', { description: 'Medborgarlöften made under the agreement.' }),
  }),
});

builder.asEntity(Agreement, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, context) => context.db.agreement.findFirst({ where: { id, ...visibleAgreementsWhere(context.actor) } }),
});

export const PromiseApproval = builder.prismaObject('PromiseApproval', {
  description: 'Godkännande: one party\'s approval of a draft medborgarlöfte.',
  fields: (t) => ({
    party: t.field({ type: PartyEnum, description: 'Part: the side that approved.', resolve: (a) => a.party }),
    approvedBy: t.exposeString('approvedBy', { description: 'Godkänd av: the approving user.' }),
    approvedAt: t.string({ description: 'Tidpunkt (ISO 8601).', resolve: (a) => a.approvedAt.toISOString() }),
  }),
});

export const PromiseItem = builder.prismaObject('PromiseItem', {
  description: 'Löfte: one promise in a medborgarlöfte.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Ordning, from 1.' }),
    text: t.exposeString('text', { description: 'Text: what is promised.' }),
    targetCount: t.exposeInt('targetCount', { nullable: true, description: 'Mål (antal): a counted target, where the promise gives one.' }),
  }),
});

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
      description: 'Status on a day (today in Sweden by default).',
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
    history: t.field(historyField((promise: { id: string }, context: Context) => promiseHistory(context).load(promise.id))),
  }),
});

builder.asEntity(CitizenPromise, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, context) => context.db.citizenPromise.findFirst({ where: { id, ...visiblePromisesWhere(context.actor) } }),
});

/** Filter of `agreements`. */
export const AgreementFilter = builder.inputType('AgreementFilter', {
  description: 'Urval: which agreements to list. All given conditions must hold.',
  fields: (t) => ({
    municipality: t.field({ type: 'MunicipalityCode', description: 'Kommun: only this kommun\'s agreements.' }),
    localPoliceArea: t.id({ description: 'Lokalpolisområde: only agreements this area signs.' }),
    policeRegion: t.id({ description: 'Polisregion: only agreements of kommuner in this region (e.g. SYD).' }),
    county: t.id({ description: 'Län: only agreements of kommuner in this county (e.g. "12").' }),
    status: t.field({ type: LifecycleStatusEnum, description: 'Status: only agreements with this status on `on`.' }),
    on: t.field({ type: 'Date', description: 'The day `status` is judged on; today in Sweden when left out.' }),
    focusArea: t.id({ description: 'Fokusområde: only agreements with this catalogue area (e.g. ELDERLY).' }),
    search: t.string({ description: 'Fritext: words in the title, purpose, goals or a fokusområde\'s title or text (any case).' }),
  }),
});

/** Filter of `citizenPromises`. */
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

interface AgreementFilterValue {
  municipality?: string | null;
  localPoliceArea?: string | number | null;
  policeRegion?: string | number | null;
  county?: string | number | null;
  status?: LifecycleStatus | null;
  on?: string | null;
  focusArea?: string | number | null;
  search?: string | null;
}

function filterWhere(filter: AgreementFilterValue | null | undefined): Prisma.AgreementWhereInput {
  if (!filter) return {};
  const and: Prisma.AgreementWhereInput[] = [];
  if (filter.municipality) and.push({ municipalityCode: filter.municipality });
  if (filter.localPoliceArea != null) and.push({ localPoliceAreas: { some: { localPoliceAreaId: String(filter.localPoliceArea) } } });
  if (filter.policeRegion != null) and.push({ municipality: { county: { policeRegionCode: String(filter.policeRegion) } } });
  if (filter.county != null) and.push({ municipality: { countyCode: String(filter.county) } });
  if (filter.focusArea != null) and.push({ focusAreas: { some: { focusAreaCode: String(filter.focusArea) } } });
  if (filter.status) and.push(statusWhere(filter.status, filter.on ?? todayInSweden()));
  else if (filter.on) throw badInput('`on` is the day `status` is judged on: give a status too.', { field: 'on' });
  const search = filter.search?.trim();
  if (search) {
    if (search.length > 200) throw badInput('The search text is longer than 200 characters.', { field: 'search' });
    const contains = { contains: search, mode: 'insensitive' as const };
    and.push({
      OR: [{ title: contains }, { purpose: contains }, { goals: contains }, { focusAreas: { some: { OR: [{ title: contains }, { description: contains }] } } }],
    });
  }
  return and.length ? { AND: and } : {};
}

interface AgreementEdgeShape {
  cursor: string;
  node: Prisma.AgreementGetPayload<object>;
}
interface AgreementConnectionShape {
  edges: AgreementEdgeShape[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const AgreementEdge = builder.objectRef<AgreementEdgeShape>('AgreementEdge').implement({
  description: 'One agreement in a page of results.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Markör: pass it as `after` to continue after this agreement.' }),
    node: t.field({ type: Agreement, description: 'The agreement.', resolve: (edge) => edge.node }),
  }),
});

const PageInfo = builder.objectRef<AgreementConnectionShape['pageInfo']>('AgreementPageInfo').implement({
  description: 'Sidinformation: whether there is more after this page.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'True when more agreements follow.' }),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'The last cursor of this page; pass it as `after` for the next.' }),
  }),
});

const AgreementConnection = builder.objectRef<AgreementConnectionShape>('AgreementConnection').implement({
  description: 'A page of agreements, by kommun code, newest first within a kommun.',
  fields: (t) => ({
    edges: t.field({ type: [AgreementEdge], description: 'The agreements of this page.', resolve: (c) => c.edges }),
    pageInfo: t.field({ type: PageInfo, description: 'Whether more follow.', resolve: (c) => c.pageInfo }),
    totalCount: t.exposeInt('totalCount', { description: 'How many agreements match the filter in all.' }),
  }),
});

const AGREEMENT_ORDER: Prisma.AgreementOrderByWithRelationInput[] = [
  { municipalityCode: 'asc' },
  { validFrom: { sort: 'desc', nulls: 'last' } },
  { id: 'asc' },
];

const encodeCursor = (id: string) => Buffer.from(`agreement:${id}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('agreement:')) throw badInput('`after` is not a cursor from this list: pass an `endCursor` or `cursor` you were given.', { field: 'after' });
  return text.slice('agreement:'.length);
}

builder.queryFields((t) => ({
  focusAreas: t.prismaField({
    type: ['FocusArea'],
    description: 'Fokusområden: the national catalogue, in its order.',
    resolve: (query, _root, _args, context) => context.db.focusArea.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
  agreement: t.prismaField({
    type: 'Agreement',
    nullable: true,
    description: 'Samverkansöverenskommelse: one agreement by id; null when there is none you may see.',
    args: { id: t.arg.id({ required: true, description: 'The agreement\'s id.' }) },
    resolve: (query, _root, args, context) =>
      context.db.agreement.findFirst({ ...query, where: { id: String(args.id), ...visibleAgreementsWhere(context.actor) } }),
  }),
  agreements: t.field({
    type: AgreementConnection,
    description: 'Samverkansöverenskommelser: a page of agreements matching the filter.',
    args: {
      filter: t.arg({ type: AgreementFilter, description: 'Urval.' }),
      first: t.arg.int({ defaultValue: 20, description: 'How many to return, 1–200.' }),
      after: t.arg.string({ description: 'Continue after this cursor.' }),
    },
    resolve: async (_root, args, context) => {
      const first = args.first ?? 20;
      if (first < 1 || first > 200) throw badInput(`\`first\` must be between 1 and 200, got ${first}.`, { field: 'first' });
      const where: Prisma.AgreementWhereInput = { AND: [visibleAgreementsWhere(context.actor), filterWhere(args.filter as AgreementFilterValue)] };
      const afterId = args.after ? decodeCursor(args.after) : null;
      const [rows, totalCount] = await Promise.all([
        context.db.agreement.findMany({
          where,
          orderBy: AGREEMENT_ORDER,
          take: first + 1,
          ...(afterId ? { cursor: { id: afterId }, skip: 1 } : {}),
        }),
        context.db.agreement.count({ where }),
      ]);
      const page = rows.slice(0, first);
      return {
        edges: page.map((node) => ({ cursor: encodeCursor(node.id), node })),
        pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page[page.length - 1]!.id) : null },
        totalCount,
      };
    },
  }),
  expiringAgreements: t.prismaField({
    type: ['Agreement'],
    description: 'Utgående: agreements in force on `on` whose validity ends within `within` days, soonest first.',
    args: {
      within: t.arg.int({ required: true, description: 'Days ahead, 1–3650.' }),
      on: t.arg({ type: 'Date', description: 'The day to look ahead from; today in Sweden when left out.' }),
    },
    resolve: (query, _root, args, context) => {
      if (args.within < 1 || args.within > 3650) throw badInput(`\`within\` must be between 1 and 3650 days, got ${args.within}.`, { field: 'within' });
      const on = args.on ?? todayInSweden();
      const until = new Date(isoDateToUtc(on).getTime() + args.within * 86_400_000);
      return context.db.agreement.findMany({
        ...query,
        where: { AND: [visibleAgreementsWhere(context.actor), statusWhere('ACTIVE', on), { validTo: { not: null, lte: until } }] },
        orderBy: [{ validTo: 'asc' }, { municipalityCode: 'asc' }],
      });
    },
  }),
  citizenPromises: t.prismaField({
    type: ['CitizenPromise'],
    description: 'Medborgarlöften matching the filter, by kommun and newest first.',
    args: { filter: t.arg({ type: CitizenPromiseFilter, description: 'Urval.' }) },
    resolve: (query, _root, args, context) => {
      const filter = args.filter ?? {};
      if (filter.on && !filter.status) throw badInput('`on` is the day `status` is judged on: give a status too.', { field: 'on' });
      return context.db.citizenPromise.findMany({
        ...query,
        where: {
          AND: [
            visiblePromisesWhere(context.actor),
            filter.municipality ? { municipalityCode: filter.municipality } : {},
            filter.localPoliceArea != null ? { localPoliceAreaId: String(filter.localPoliceArea) } : {},
            filter.policeRegion != null ? { municipality: { county: { policeRegionCode: String(filter.policeRegion) } } } : {},
            filter.focusArea != null ? { focusAreas: { some: { focusAreaCode: String(filter.focusArea) } } } : {},
            filter.agreement != null ? { agreementId: String(filter.agreement) } : {},
            // The promise table has the same lifecycle columns as agreements.
            filter.status ? (statusWhere(filter.status, filter.on ?? todayInSweden()) as Prisma.CitizenPromiseWhereInput) : {},
          ],
        },
        orderBy: [{ municipalityCode: 'asc' }, { validFrom: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
      });
    },
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

builder.prismaObjectFields(Municipality, (t) => ({
  agreements: t.relation('agreements', {
    description: 'Samverkansöverenskommelser of the kommun, newest first.',
    query: (_args, context) => ({ where: visibleAgreementsWhere(context.actor), orderBy: [{ validFrom: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }] }),
  }),
  activeAgreement: t.field({
    type: Agreement,
    nullable: true,
    description: 'Gällande överenskommelse: the agreement in force on `on` (today in Sweden by default), or null.',
    args: { on: t.arg({ type: 'Date', description: 'The day (YYYY-MM-DD).' }) },
    select: (args) => ({ agreements: { where: statusWhere('ACTIVE', args.on ?? todayInSweden()), orderBy: { validFrom: { sort: 'desc', nulls: 'last' } }, take: 1 } }),
    resolve: (municipality) => municipality.agreements[0] ?? null,
  }),
  citizenPromises: t.relation('citizenPromises', {
    description: 'Medborgarlöften of the kommun.',
    query: (_args, context) => ({ where: visiblePromisesWhere(context.actor), orderBy: [{ validFrom: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }] }),
  }),
}));

builder.prismaObjectFields(LocalPoliceArea, (t) => ({
  agreements: t.field({
    type: [Agreement],
    description: 'Samverkansöverenskommelser the area signs, by kommun.',
    select: (_args, context) => ({
      agreements: {
        where: { agreement: visibleAgreementsWhere(context.actor) },
        select: { agreement: true },
        orderBy: { agreement: { municipalityCode: 'asc' } },
      },
    }),
    resolve: (area) => area.agreements.map((link) => link.agreement),
  }),
}));

