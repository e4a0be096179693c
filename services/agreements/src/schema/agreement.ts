import { connectionArgs, historyConnectionField, historyField, historyLoader, todayInSweden } from '@samverkan/schema';
import { agreementWrites } from '../agreements/write';
import { mayReadLifecycleState, visibleAgreementsWhere } from '../lifecycle/access';
import { statusOn, statusWhere } from '../lifecycle/status';
import { builder, type Context } from '../builder';
import { AgreementFocusAreaInput } from './focus-area';
import { LocalPoliceArea, Municipality } from './geography';
import { LifecycleStatusEnum, lifecycleMutationFields, ON_DESCRIPTION, PartyEnum, SignatoryInput, SourceDocumentInput } from './lifecycle';
import { addPeriodFields } from './period';

/*
 * Samverkansöverenskommelser: the agreement, its approvals and the styrdokument it refers to, one
 * agreement by id, its mutations, and a kommun's and a lokalpolisområde's agreements. Lists of
 * agreements are in `agreement-list.ts`.
 */

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

builder.prismaObject('Approval', {
  description: 'Godkännande: one party\'s approval of a draft agreement.',
  fields: (t) => ({
    party: t.field({ type: PartyEnum, description: 'Part: the side that approved.', resolve: (a) => a.party }),
    approvedBy: t.exposeString('approvedBy', { description: 'Godkänd av: the approving user.' }),
    approvedAt: t.string({ description: 'Tidpunkt (ISO 8601).', resolve: (a) => a.approvedAt.toISOString() }),
  }),
});

const agreementHistory = historyLoader<Context>('Agreement');

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
      description:
        'Status on a day (today in Sweden by default): DRAFT, COMMISSIONED, UPCOMING, ACTIVE, EXPIRED, SUPERSEDED, WITHDRAWN or UNDATED. Never ACTIVE before its start (`startsOn`) or without one, nor, with no stated end, more than SAMVERKAN_OPEN_END_YEARS years after its start (`assumedValidTo`).',
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
    history: t.field({
      ...historyField((agreement: { id: string }, context: Context) => agreementHistory(context).load(agreement.id), (state, context) => mayReadLifecycleState(context, state)),
      deprecationReason: 'Use historyConnection: the same list a page at a time, with totalCount.',
    }),
    historyConnection: t.field({
      ...historyConnectionField((agreement: { id: string }, context: Context) => agreementHistory(context).load(agreement.id), (state, context) => mayReadLifecycleState(context, state)),
      args: connectionArgs(builder),
    }),
    citizenPromises: t.relation('promises', { description: 'Medborgarlöften made under the agreement.' }),
    firstInSweden: t.boolean({
      description: 'Först i landet: true when the kommun claims it as the first such agreement in Sweden (the kommun\'s claim, quoted in `firstInSwedenClaim`; the hub does not verify it).',
      resolve: (a) => a.firstInSwedenClaim !== null,
    }),
    firstInSwedenClaim: t.exposeString('firstInSwedenClaim', { nullable: true, description: 'Anspråk: the claim to be first in Sweden, quoted from the source.' }),
    firstInSwedenClaimedBy: t.exposeString('firstInSwedenClaimedBy', { nullable: true, description: 'Anspråk av: who made the claim, as the source names them.' }),
  }),
});

addPeriodFields(Agreement, 'agreement');

builder.asEntity(Agreement, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, context) => context.db.agreement.findFirst({ where: { id, ...visibleAgreementsWhere(context.actor) } }),
});

const AgreementInput = builder.inputType('AgreementInput', {
  description: 'Utkast till samverkansöverenskommelse: everything a draft holds. Fokusområden, styrdokument and signatories keep the order given.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'Titel (at most 300 characters).' }),
    municipalityCode: t.field({ type: 'MunicipalityCode', required: true, description: 'Kommun.' }),
    localPoliceAreaIds: t.idList({ description: 'Lokalpolisområden that sign; each must cover the kommun on the agreement\'s start (`validFrom`, else today). Name these, or `policeDistrict`, or `policeRegion`.' }),
    policeDistrict: t.id({ description: 'Polisområde that signs, where it covers the kommun on the start; instead of `localPoliceAreaIds`.' }),
    policeRegion: t.id({ description: 'Polisregion that signs (e.g. NORD), only for a kommun no lokalpolisområde covers on the start; instead of `localPoliceAreaIds`.' }),
    validFrom: t.field({ type: 'Date', description: 'Gäller från; leave out when not known.' }),
    validTo: t.field({ type: 'Date', description: 'Gäller till; leave out when not known. Not before `validFrom`.' }),
    purpose: t.string({ description: 'Syfte.' }),
    goals: t.string({ description: 'Mål.' }),
    followUp: t.string({ description: 'Uppföljning.' }),
    signatories: t.field({ type: [SignatoryInput], description: 'Undertecknare, in order.' }),
    focusAreas: t.field({ type: [AgreementFocusAreaInput], description: 'Fokusområden, in order.' }),
    steeringDocumentIds: t.idList({ description: 'Styrdokument of the same kommun, in order.' }),
    sources: t.field({ type: [SourceDocumentInput], description: 'Källor.' }),
  }),
});

builder.queryField('agreement', (t) =>
  t.prismaField({
    type: 'Agreement',
    nullable: true,
    description: 'Samverkansöverenskommelse: one agreement by id; null when there is none you may see.',
    args: { id: t.arg.id({ required: true, description: 'The agreement\'s id.' }) },
    resolve: (query, _root, args, context) =>
      context.db.agreement.findFirst({ ...query, where: { id: String(args.id), ...visibleAgreementsWhere(context.actor) } }),
  }),
);

lifecycleMutationFields({
  type: 'Agreement',
  noun: 'agreement',
  input: AgreementInput,
  writes: agreementWrites,
  readBack: (db, query, id) => db.agreement.findUniqueOrThrow({ ...query, where: { id } }),
  descriptions: {
    create: 'Skriv utkast: writes a new draft agreement. Either party may.',
    update: 'Ändra utkast: replaces a draft\'s content. Earlier approvals no longer hold.',
    updateVersion: 'The version you read; a newer one is a conflict.',
    approve: 'Godkänn: the asking party approves a draft. With both the kommun\'s and the police\'s approval it is signed.',
    approveVersion: 'The version you read and approve: if the draft has changed since, the approval is refused (CONFLICT) and you read it again.',
    withdraw: 'Återkalla: a party withdraws an agreement.',
    supersede: 'Ersätt: links a later agreement of the same kommun as the one that takes over from this one (previous/next).',
    supersedeVersion: 'The version you read of the superseded agreement.',
  },
});

builder.prismaObjectFields(Municipality, (t) => ({
  agreements: t.relation('agreements', {
    description: 'Samverkansöverenskommelser of the kommun, newest first.',
    query: (_args, context) => ({ where: visibleAgreementsWhere(context.actor), orderBy: [{ validFrom: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }] }),
  }),
  activeAgreement: t.field({
    type: Agreement,
    nullable: true,
    description: 'Gällande överenskommelse: the agreement in force on `on` (today in Sweden by default, status ACTIVE), the latest starting first; or null.',
    args: { on: t.arg({ type: 'Date', description: 'The day (YYYY-MM-DD).' }) },
    select: (args) => ({
      agreements: {
        where: statusWhere('ACTIVE', args.on ?? todayInSweden()),
        orderBy: [{ validFrom: { sort: 'desc', nulls: 'last' } }, { signedOn: { sort: 'desc', nulls: 'last' } }, { decidedOn: { sort: 'desc', nulls: 'last' } }],
        take: 1,
      },
    }),
    resolve: (municipality) => municipality.agreements[0] ?? null,
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
