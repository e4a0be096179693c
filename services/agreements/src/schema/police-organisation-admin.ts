import { badInput, forbidden, ImportFileError } from '@samverkan/schema';
import { builder, type Context } from '../builder';
import type { Tx } from '../db';
import { importPoliceOrganisation, type OrganisationImportSummary } from '../organisation/import';
import {
  createLocalPoliceArea,
  createPoliceDistrict,
  recordLocalPoliceAreaSuccession,
  setPoliceUnitMunicipalities,
  updateLocalPoliceArea,
  updatePoliceDistrict,
} from '../organisation/write';
import { LocalPoliceArea } from './geography';
import { PoliceDistrict } from './police-organisation';

/*
 * The administrators' changes to the police organisation: a CSV import and the single changes.
 * The Mutation type admits every party; these fields admit administrators only.
 */

const adminOnly = {
  // The Mutation type's own scope (the parties) does not apply: administrators are no party.
  skipTypeScopes: true,
  authScopes: { admin: true },
  unauthorizedError: () => forbidden('Only an administrator may change the police organisation.'),
} as const;

const RefusedOrganisationRow = builder.objectRef<OrganisationImportSummary['refused'][number]>('RefusedOrganisationRow').implement({
  description: 'Avvisad rad: a row of an organisation file that was not imported, and why.',
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'Rad: the line of the file (the header is line 1).' }),
    column: t.exposeString('column', { nullable: true, description: 'Kolumn: the column at fault, where one is.' }),
    reason: t.exposeString('reason', { description: 'Skäl.' }),
  }),
});

const OrganisationImportSummaryRef = builder.objectRef<OrganisationImportSummary>('OrganisationImportSummary').implement({
  description: 'Import av polisorganisationen: what importing one file did, or in a dry run would do.',
  fields: (t) => ({
    fileName: t.exposeString('fileName', { description: 'Filnamn.' }),
    dryRun: t.exposeBoolean('dryRun', { description: 'Provkörning: true when nothing was written.' }),
    rows: t.exposeInt('rows', { description: 'Rader in the file, without the header.' }),
    inserted: t.exposeInt('inserted', { description: 'Tillagda: rows that added a record.' }),
    updated: t.exposeInt('updated', { description: 'Ändrade: rows that changed a record or added a source to it.' }),
    unchanged: t.exposeInt('unchanged', { description: 'Oförändrade: rows already stored as given.' }),
    refused: t.field({ type: [RefusedOrganisationRow], description: 'Avvisade rader, by line.', resolve: (s) => s.refused }),
    revision: t.exposeInt('revision', { description: 'Revision of the organisation after the import.' }),
  }),
});

const period = (t: PothosInput) => ({
  validFrom: t.field({ type: 'Date', description: 'Gäller från: null where no source states it (open).' }),
  validTo: t.field({ type: 'Date', description: 'Gäller till (the last day): null where no source states it (open).' }),
});
type PothosInput = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

const PoliceDistrictInput = builder.inputType('PoliceDistrictInput', {
  description: 'Polisområde: its name and period.',
  fields: (t) => ({ name: t.string({ required: true, description: 'Namn, e.g. "Polisområde Södra Skåne".' }), ...period(t) }),
});

const LocalPoliceAreaInput = builder.inputType('LocalPoliceAreaInput', {
  description: 'Lokalpolisområde: its name, its polisområde or (where none is known) its region, and its period.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Namn, e.g. "Lokalpolisområde Trelleborg".' }),
    policeDistrict: t.id({ description: 'Polisområde (id); the area then lies in its region.' }),
    policeRegion: t.id({ description: 'Polisregion (code), where no polisområde is given.' }),
    nameStated: t.boolean({ description: 'Namnet belagt: false where no source names the area. Default true on creation, unchanged on update.' }),
    ...period(t),
  }),
});

const PoliceUnitKindRef = builder.enumType('PoliceUnitRefKind', {
  description: 'Slag av enhet that kommuner are linked to.',
  values: { LPO: { description: 'Lokalpolisområde.' }, DISTRICT: { description: 'Polisområde.' } },
});

const PoliceUnitRef = builder.inputType('PoliceUnitRef', {
  description: 'Polisenhet: a lokalpolisområde or polisområde by kind and id.',
  fields: (t) => ({
    kind: t.field({ type: PoliceUnitKindRef, required: true, description: 'Slag.' }),
    id: t.id({ required: true, description: 'Id.' }),
  }),
});

const UnitLinkInput = builder.inputType('UnitLinkInput', {
  description: 'Kommun för en enhet: a kommun the unit covers, for a period.',
  fields: (t) => ({
    municipalityCode: t.field({ type: 'MunicipalityCode', required: true, description: 'Kommunkod.' }),
    part: t.boolean({ description: 'Del: the unit covers only part of the kommun. Default false.' }),
    ...period(t),
  }),
});

/** Runs a write in its own transaction, then reads the unit it names back in the same one. */
function writeThenRead<T>(context: Context, write: (tx: Tx) => Promise<string>, read: (tx: Tx, id: string) => Promise<T>): Promise<T> {
  return context.db.$transaction(async (tx) => read(tx, await write(tx)));
}

builder.mutationFields((t) => ({
  importPoliceOrganisation: t.field({
    ...adminOnly,
    type: OrganisationImportSummaryRef,
    description: 'Importera polisorganisationen (administrators): a CSV file as text, in the format of docs/police-organisation-import.md. Good rows are imported in one transaction, bad ones listed by line; importing the same file again changes nothing. Large files: `npm run police:import`.',
    args: {
      fileName: t.arg.string({ required: true, description: 'Filnamn, for the summary (e.g. "syd-2026.csv").' }),
      csv: t.arg.string({ required: true, description: 'The file\'s text (UTF-8).' }),
      dryRun: t.arg.boolean({ defaultValue: false, description: 'Provkörning: check and count, write nothing.' }),
    },
    resolve: async (_root, args, context) => {
      try {
        return await importPoliceOrganisation(context.db, { fileName: args.fileName, bytes: Buffer.from(args.csv, 'utf8'), dryRun: args.dryRun ?? false }, { writer: context });
      } catch (error) {
        if (error instanceof ImportFileError) throw badInput(`Nothing imported: ${error.message}`, { argument: 'csv' });
        throw error;
      }
    },
  }),
  createPoliceDistrict: t.prismaField({
    ...adminOnly,
    type: PoliceDistrict,
    description: 'Skapa polisområde (administrators).',
    args: {
      id: t.arg.id({ required: true, description: 'Id: 2–60 of a–z, 0–9 and "-", e.g. "syd-sodra-skane".' }),
      policeRegion: t.arg.id({ required: true, description: 'Polisregion (code).' }),
      input: t.arg({ type: PoliceDistrictInput, required: true, description: 'Namn och period.' }),
    },
    resolve: (query, _root, args, context) =>
      writeThenRead(context, (tx) => createPoliceDistrict(tx, context, { ...args.input, id: String(args.id), policeRegion: String(args.policeRegion) }), (tx, id) =>
        tx.policeDistrict.findUniqueOrThrow({ ...query, where: { id } })),
  }),
  updatePoliceDistrict: t.prismaField({
    ...adminOnly,
    type: PoliceDistrict,
    description: 'Ändra polisområde (administrators): its name and period. CONFLICT when the version has moved on.',
    args: {
      id: t.arg.id({ required: true, description: 'Id.' }),
      version: t.arg.int({ required: true, description: 'Version: the one you read.' }),
      input: t.arg({ type: PoliceDistrictInput, required: true, description: 'Namn och period.' }),
    },
    resolve: (query, _root, args, context) =>
      writeThenRead(context, (tx) => updatePoliceDistrict(tx, context, String(args.id), args.version, args.input), (tx, id) =>
        tx.policeDistrict.findUniqueOrThrow({ ...query, where: { id } })),
  }),
  createLocalPoliceArea: t.prismaField({
    ...adminOnly,
    type: LocalPoliceArea,
    description: 'Skapa lokalpolisområde (administrators).',
    args: {
      id: t.arg.id({ required: true, description: 'Id: 2–60 of a–z, 0–9 and "-", e.g. "trelleborg-vast".' }),
      input: t.arg({ type: LocalPoliceAreaInput, required: true, description: 'Namn, plats och period.' }),
    },
    resolve: (query, _root, args, context) =>
      writeThenRead(context, (tx) => createLocalPoliceArea(tx, context, { ...args.input, id: String(args.id) }), (tx, id) => tx.localPoliceArea.findUniqueOrThrow({ ...query, where: { id } })),
  }),
  updateLocalPoliceArea: t.prismaField({
    ...adminOnly,
    type: LocalPoliceArea,
    description: 'Ändra lokalpolisområde (administrators): its name, polisområde or region, and period. CONFLICT when the version has moved on.',
    args: {
      id: t.arg.id({ required: true, description: 'Id.' }),
      version: t.arg.int({ required: true, description: 'Version: the one you read.' }),
      input: t.arg({ type: LocalPoliceAreaInput, required: true, description: 'Namn, plats och period.' }),
    },
    resolve: (query, _root, args, context) =>
      writeThenRead(context, (tx) => updateLocalPoliceArea(tx, context, String(args.id), args.version, args.input), (tx, id) =>
        tx.localPoliceArea.findUniqueOrThrow({ ...query, where: { id } })),
  }),
  setPoliceUnitMunicipalities: t.boolean({
    ...adminOnly,
    description: 'Sätt en enhets kommuner (administrators): replaces the kommuner a lokalpolisområde or polisområde covers, each with its period. Answers true.',
    args: {
      unit: t.arg({ type: PoliceUnitRef, required: true, description: 'Enheten.' }),
      links: t.arg({ type: [UnitLinkInput], required: true, description: 'Kommunerna, one period per kommun.' }),
    },
    resolve: async (_root, args, context) => {
      await context.db.$transaction((tx) => setPoliceUnitMunicipalities(tx, context, { kind: args.unit.kind, id: String(args.unit.id) }, args.links));
      return true;
    },
  }),
  recordLocalPoliceAreaSuccession: t.prismaField({
    ...adminOnly,
    type: LocalPoliceArea,
    description: 'Registrera omorganisation (administrators): the area continues as the successors from a day (split, merge or rename). Answers the predecessor.',
    args: {
      predecessor: t.arg.id({ required: true, description: 'Föregångare (id).' }),
      successors: t.arg.idList({ required: true, description: 'Efterträdare (ids).' }),
      on: t.arg({ type: 'Date', required: true, description: 'Från: the first day of the successors.' }),
    },
    resolve: (query, _root, args, context) =>
      writeThenRead(context, (tx) => recordLocalPoliceAreaSuccession(tx, context, String(args.predecessor), args.successors.map(String), args.on), (tx, id) =>
        tx.localPoliceArea.findUniqueOrThrow({ ...query, where: { id } })),
  }),
}));
