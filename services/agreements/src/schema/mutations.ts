import { approveAgreement, createAgreementDraft, supersedeAgreement, updateAgreementDraft, withdrawAgreement } from '../agreements/write';
import {
  approveCitizenPromise,
  createCitizenPromiseDraft,
  supersedeCitizenPromise,
  updateCitizenPromiseDraft,
  withdrawCitizenPromise,
} from '../promises/write';
import { builder } from '../builder';
import { PartyEnum } from './agreements';

/*
 * Writing agreements. Every write checks who is asking (a user of the kommun or police of a signing
 * lokalpolisområde), runs in one transaction, and names a version so that no change is lost.
 */

const SignatoryInput = builder.inputType('SignatoryInput', {
  description: 'Undertecknare: a person who signs for one party.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Namn.' }),
    title: t.string({ required: true, description: 'Titel, e.g. kommunstyrelsens ordförande.' }),
    party: t.field({ type: PartyEnum, required: true, description: 'Part.' }),
  }),
});

const AgreementFocusAreaInput = builder.inputType('AgreementFocusAreaInput', {
  description: 'Fokusområde i överenskommelsen: the agreement\'s own title and text, mapped to a catalogue code.',
  fields: (t) => ({
    code: t.id({ required: true, description: 'Catalogue code, e.g. ELDERLY (see `focusAreas`).' }),
    title: t.string({ required: true, description: 'Rubrik as the agreement writes it.' }),
    description: t.string({ description: 'Beskrivning: the agreement\'s text for the area.' }),
  }),
});

const SourceDocumentInput = builder.inputType('SourceDocumentInput', {
  description: 'Källa: a public document the facts come from.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'Titel.' }),
    publishedOn: t.field({ type: 'Date', description: 'Datum, if the document gives one.' }),
    url: t.string({ description: 'Adress (http or https).' }),
    note: t.string({ description: 'Anmärkning.' }),
  }),
});

const AgreementInput = builder.inputType('AgreementInput', {
  description: 'Utkast till samverkansöverenskommelse: everything a draft holds. Fokusområden, styrdokument and signatories keep the order given.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'Titel (at most 300 characters).' }),
    municipalityCode: t.field({ type: 'MunicipalityCode', required: true, description: 'Kommun.' }),
    localPoliceAreaIds: t.idList({ required: true, description: 'Lokalpolisområden that sign; each must cover the kommun.' }),
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

builder.mutationFields((t) => ({
  createAgreementDraft: t.prismaField({
    type: 'Agreement',
    description: 'Skriv utkast: writes a new draft agreement. Either party may.',
    args: { input: t.arg({ type: AgreementInput, required: true, description: 'The draft.' }) },
    resolve: async (query, _root, args, context) => {
      const created = await createAgreementDraft(context.db, context, args.input);
      return context.db.agreement.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  updateAgreementDraft: t.prismaField({
    type: 'Agreement',
    description: 'Ändra utkast: replaces a draft\'s content. Earlier approvals no longer hold.',
    args: {
      id: t.arg.id({ required: true, description: 'The agreement.' }),
      version: t.arg.int({ required: true, description: 'The version you read; a newer one is a conflict.' }),
      input: t.arg({ type: AgreementInput, required: true, description: 'The whole new content.' }),
    },
    resolve: async (query, _root, args, context) => {
      await updateAgreementDraft(context.db, context, String(args.id), args.version, args.input);
      return context.db.agreement.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
    },
  }),
  approveAgreement: t.prismaField({
    type: 'Agreement',
    description: 'Godkänn: the asking party approves a draft. With both the kommun\'s and the police\'s approval it is signed.',
    args: {
      id: t.arg.id({ required: true, description: 'The agreement.' }),
      version: t.arg.int({ description: 'The version you read, if you want the approval refused when it has changed.' }),
      signedOn: t.arg({ type: 'Date', description: 'The signing day, when this approval completes it; today by default.' }),
    },
    resolve: async (query, _root, args, context) => {
      await approveAgreement(context.db, context, String(args.id), args.version ?? null, args.signedOn ?? null);
      return context.db.agreement.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
    },
  }),
  withdrawAgreement: t.prismaField({
    type: 'Agreement',
    description: 'Återkalla: a party withdraws an agreement.',
    args: {
      id: t.arg.id({ required: true, description: 'The agreement.' }),
      version: t.arg.int({ description: 'The version you read.' }),
      on: t.arg({ type: 'Date', description: 'From this day; today by default.' }),
    },
    resolve: async (query, _root, args, context) => {
      await withdrawAgreement(context.db, context, String(args.id), args.version ?? null, args.on ?? null);
      return context.db.agreement.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
    },
  }),
  supersedeAgreement: t.prismaField({
    type: 'Agreement',
    description: 'Ersätt: links a later agreement of the same kommun as the one that takes over from this one (previous/next).',
    args: {
      id: t.arg.id({ required: true, description: 'The agreement being superseded.' }),
      by: t.arg.id({ required: true, description: 'The agreement that takes over.' }),
      version: t.arg.int({ description: 'The version you read of the superseded agreement.' }),
    },
    resolve: async (query, _root, args, context) => {
      await supersedeAgreement(context.db, context, String(args.id), String(args.by), args.version ?? null);
      return context.db.agreement.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
    },
  }),
}));

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
    localPoliceAreaId: t.id({ required: true, description: 'Lokalpolisområde; it must cover the kommun.' }),
    agreementId: t.id({ description: 'The agreement of the same kommun it belongs to, if any.' }),
    validFrom: t.field({ type: 'Date', description: 'Gäller från.' }),
    validTo: t.field({ type: 'Date', description: 'Gäller till; not before `validFrom`.' }),
    focusAreaCodes: t.idList({ description: 'Fokusområden (catalogue codes).' }),
    promises: t.field({ type: [PromiseItemInput], required: true, description: 'Löften, at least one.' }),
    signatories: t.field({ type: [SignatoryInput], description: 'Undertecknare, in order.' }),
    sources: t.field({ type: [SourceDocumentInput], description: 'Källor.' }),
  }),
});

builder.mutationFields((t) => ({
  createCitizenPromiseDraft: t.prismaField({
    type: 'CitizenPromise',
    description: 'Skriv utkast: writes a new draft medborgarlöfte. Either party may.',
    args: { input: t.arg({ type: CitizenPromiseInput, required: true, description: 'The draft.' }) },
    resolve: async (query, _root, args, context) => {
      const created = await createCitizenPromiseDraft(context.db, context, args.input);
      return context.db.citizenPromise.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  updateCitizenPromiseDraft: t.prismaField({
    type: 'CitizenPromise',
    description: 'Ändra utkast: replaces a draft medborgarlöfte\'s content. Earlier approvals no longer hold.',
    args: {
      id: t.arg.id({ required: true, description: 'The medborgarlöfte.' }),
      version: t.arg.int({ required: true, description: 'The version you read.' }),
      input: t.arg({ type: CitizenPromiseInput, required: true, description: 'The whole new content.' }),
    },
    resolve: async (query, _root, args, context) => {
      await updateCitizenPromiseDraft(context.db, context, String(args.id), args.version, args.input);
      return context.db.citizenPromise.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
    },
  }),
  approveCitizenPromise: t.prismaField({
    type: 'CitizenPromise',
    description: 'Godkänn: the asking party approves a draft medborgarlöfte; with both approvals it is signed.',
    args: {
      id: t.arg.id({ required: true, description: 'The medborgarlöfte.' }),
      version: t.arg.int({ description: 'The version you read.' }),
      signedOn: t.arg({ type: 'Date', description: 'The signing day, when this approval completes it; today by default.' }),
    },
    resolve: async (query, _root, args, context) => {
      await approveCitizenPromise(context.db, context, String(args.id), args.version ?? null, args.signedOn ?? null);
      return context.db.citizenPromise.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
    },
  }),
  withdrawCitizenPromise: t.prismaField({
    type: 'CitizenPromise',
    description: 'Återkalla: a party withdraws a medborgarlöfte.',
    args: {
      id: t.arg.id({ required: true, description: 'The medborgarlöfte.' }),
      version: t.arg.int({ description: 'The version you read.' }),
      on: t.arg({ type: 'Date', description: 'From this day; today by default.' }),
    },
    resolve: async (query, _root, args, context) => {
      await withdrawCitizenPromise(context.db, context, String(args.id), args.version ?? null, args.on ?? null);
      return context.db.citizenPromise.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
    },
  }),
  supersedeCitizenPromise: t.prismaField({
    type: 'CitizenPromise',
    description: 'Ersätt: links a later medborgarlöfte of the same kommun as the one that takes over (previous/next).',
    args: {
      id: t.arg.id({ required: true, description: 'The medborgarlöfte being superseded.' }),
      by: t.arg.id({ required: true, description: 'The medborgarlöfte that takes over.' }),
      version: t.arg.int({ description: 'The version you read of the superseded one.' }),
    },
    resolve: async (query, _root, args, context) => {
      await supersedeCitizenPromise(context.db, context, String(args.id), String(args.by), args.version ?? null);
      return context.db.citizenPromise.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
    },
  }),
}));
