import { policeRegionArgument, todayInSweden } from '@samverkan/schema';
import { builder } from '../builder';
import { kommunerCoveredBy } from '../organisation/coverage';
import { periodWhere } from '../organisation/rules';
import { currentRevision, loadOrganisation } from '../organisation/state';
import { LocalPoliceArea, ON_DAY } from './geography';

/*
 * The police organisation below the regions: polisområden, the lokalpolisområden' periods, their
 * reorganisations and sources, and the copy of it the other subgraphs keep.
 */

builder.prismaObject('OrganisationSource', {
  description: 'Källa: a source a police unit\'s facts rest on.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Titel: the source\'s title.' }),
    publishedOn: t.field({ type: 'Date', nullable: true, description: 'Publicerad: the day it was published, if known.', resolve: (s) => s.publishedOn }),
    url: t.exposeString('url', { nullable: true, description: 'Adress (URL), if it is online.' }),
    note: t.exposeString('note', { nullable: true, description: 'Anmärkning: what the source says of the unit, or what it leaves out.' }),
    attestsOn: t.field({ type: 'Date', nullable: true, description: 'Belagd: the day the source shows the unit existing, if it gives one.', resolve: (s) => s.attestsOn }),
  }),
});

const sourcesField = { description: 'Källor: the sources the unit\'s facts rest on.', query: { orderBy: [{ publishedOn: 'asc' as const }, { title: 'asc' as const }] } };

export const PoliceDistrict = builder.prismaObject('PoliceDistrict', {
  description: 'Polisområde: a part of a polisregion, made of lokalpolisområden. Only those a source names are registered.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id: a stable identifier, e.g. "syd-sodra-skane".' }),
    name: t.exposeString('name', { description: 'Namn: e.g. "Polisområde Södra Skåne".' }),
    version: t.exposeInt('version', { description: 'Version: raised by every change; give it back when you update the polisområde.' }),
    policeRegion: t.relation('policeRegion', { description: 'Polisregion: the region the polisområde belongs to.' }),
    validFrom: t.field({ type: 'Date', nullable: true, description: 'Gäller från: null where no source states it (open).', resolve: (d) => d.validFrom }),
    validTo: t.field({ type: 'Date', nullable: true, description: 'Gäller till (its last day): null where no source states it (open).', resolve: (d) => d.validTo }),
    localPoliceAreas: t.relation('localPoliceAreas', {
      description: 'Lokalpolisområden: the areas of the polisområde on a day (today in Sweden by default), by id.',
      args: { on: t.arg({ type: 'Date', description: ON_DAY }) },
      query: (args) => ({ where: periodWhere(args.on ?? todayInSweden()), orderBy: { id: 'asc' as const } }),
    }),
    municipalities: t.prismaField({
      type: ['Municipality'],
      description: 'Kommuner: those the polisområde covers on a day (its own and its lokalpolisområden\'s), by code.',
      args: { on: t.arg({ type: 'Date', description: ON_DAY }) },
      resolve: async (query, district, args, context) => {
        const codes = await kommunerCoveredBy(context.db, { kind: 'DISTRICT', id: district.id }, args.on ?? todayInSweden());
        return context.db.municipality.findMany({ ...query, where: { code: { in: codes } }, orderBy: { code: 'asc' } });
      },
    }),
    sources: t.relation('sources', sourcesField),
  }),
});

builder.asEntity(PoliceDistrict, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, context) => context.db.policeDistrict.findUnique({ where: { id } }),
});

builder.prismaObject('LocalPoliceAreaSuccession', {
  description: 'Omorganisation: a lokalpolisområde that continues (split, merged or renamed) as another from a day.',
  fields: (t) => ({
    on: t.field({ type: 'Date', description: 'Från: the first day of the successor.', resolve: (s) => s.on }),
    predecessor: t.relation('predecessor', { description: 'Föregångare: the area before the change.' }),
    successor: t.relation('successor', { description: 'Efterträdare: the area after the change.' }),
  }),
});

builder.prismaObjectFields(LocalPoliceArea, (t) => ({
  version: t.exposeInt('version', { description: 'Version: raised by every change; give it back when you update the area.' }),
  policeDistrict: t.relation('policeDistrict', { nullable: true, description: 'Polisområde: the polisområde the area belongs to, where a source names it.' }),
  validFrom: t.field({ type: 'Date', nullable: true, description: 'Gäller från: null where no source states it (open).', resolve: (a) => a.validFrom }),
  validTo: t.field({ type: 'Date', nullable: true, description: 'Gäller till (its last day): null where no source states it (open).', resolve: (a) => a.validTo }),
  nameStated: t.exposeBoolean('nameStated', { description: 'Namnet belagt: false where no source names the area and the name is the hub\'s (e.g. the area whose chief signs for Burlöv).' }),
  sources: t.relation('sources', sourcesField),
  predecessors: t.relation('predecessors', { description: 'Föregångare: the areas this one continues, with the day.', query: { orderBy: { predecessorId: 'asc' } } }),
  successors: t.relation('successors', { description: 'Efterträdare: the areas that continue this one, with the day.', query: { orderBy: { successorId: 'asc' } } }),
}));

/** The copy of the organisation the other subgraphs keep (plain values, dates as YYYY-MM-DD). */
type PublishedOrganisation = Awaited<ReturnType<typeof publishedOrganisation>>;

async function publishedOrganisation(db: Parameters<typeof loadOrganisation>[0]) {
  const state = await loadOrganisation(db);
  return { revision: await currentRevision(db), districts: [...state.districts.values()], localPoliceAreas: [...state.areas.values()], links: [...state.links.values()] };
}

const PoliceUnitKind = builder.enumType('PoliceUnitKind', {
  description: 'Slag av polisenhet below the region.',
  values: {
    LPO: { description: 'Lokalpolisområde.' },
    DISTRICT: { description: 'Polisområde.' },
  },
});

/** This subgraph's Pothos types, for a helper that adds fields to several object types. */
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** A period as the copy writes it: ISO dates, null for an open end. */
function publishedPeriod<Shape extends { validFrom: string | null; validTo: string | null }>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>) {
  return {
    validFrom: t.string({ nullable: true, description: 'Gäller från (YYYY-MM-DD), null when open.', resolve: (row) => row.validFrom }),
    validTo: t.string({ nullable: true, description: 'Gäller till (YYYY-MM-DD, its last day), null when open.', resolve: (row) => row.validTo }),
  };
}

const PublishedDistrict = builder.objectRef<PublishedOrganisation['districts'][number]>('PublishedPoliceDistrict').implement({
  description: 'Polisområde i kopian: a polisområde as the published copy holds it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    name: t.exposeString('name', { description: 'Namn.' }),
    policeRegionCode: t.exposeString('policeRegionCode', { description: 'Polisregion (kod).' }),
    ...publishedPeriod(t),
  }),
});

const PublishedArea = builder.objectRef<PublishedOrganisation['localPoliceAreas'][number]>('PublishedLocalPoliceArea').implement({
  description: 'Lokalpolisområde i kopian: an area as the published copy holds it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    name: t.exposeString('name', { description: 'Namn.' }),
    policeRegionCode: t.exposeString('policeRegionCode', { description: 'Polisregion (kod).' }),
    policeDistrictId: t.exposeString('policeDistrictId', { nullable: true, description: 'Polisområde (id), where a source names it.' }),
    ...publishedPeriod(t),
  }),
});

const PublishedLink = builder.objectRef<PublishedOrganisation['links'][number]>('PublishedUnitMunicipality').implement({
  description: 'Kommun för en enhet i kopian: a kommun a unit covers, for a period.',
  fields: (t) => ({
    unit: t.exposeID('unitId', { description: 'Enhet: the lokalpolisområde\'s or polisområde\'s id.' }),
    unitKind: t.field({ type: PoliceUnitKind, description: 'Slag: which kind of unit `unit` is.', resolve: (l) => l.unitKind }),
    municipalityCode: t.exposeString('municipalityCode', { description: 'Kommunkod.' }),
    part: t.exposeBoolean('part', { description: 'Del: the unit covers only part of the kommun.' }),
    ...publishedPeriod(t),
  }),
});

const PoliceOrganisation = builder.objectRef<PublishedOrganisation>('PoliceOrganisation').implement({
  description: 'Polisorganisationen (kopia): the whole registered organisation below the regions, for other subgraphs to keep; compare `revision` before reading it again.',
  fields: (t) => ({
    revision: t.exposeInt('revision', { description: 'Revision: raised by every change to the organisation.' }),
    districts: t.field({ type: [PublishedDistrict], description: 'Polisområden.', resolve: (o) => o.districts }),
    localPoliceAreas: t.field({ type: [PublishedArea], description: 'Lokalpolisområden.', resolve: (o) => o.localPoliceAreas }),
    links: t.field({ type: [PublishedLink], description: 'Kommuner per enhet, with periods.', resolve: (o) => o.links }),
  }),
});

builder.queryFields((t) => ({
  policeDistricts: t.prismaField({
    type: ['PoliceDistrict'],
    description: 'Polisområden: the registered polisområden by id, or those of one region.',
    args: { policeRegion: t.arg.id({ description: 'Polisregion: only those of this region (e.g. SYD).' }) },
    resolve: (query, _root, args, context) => {
      const policeRegion = policeRegionArgument(args.policeRegion);
      return context.db.policeDistrict.findMany({ ...query, where: policeRegion ? { policeRegionCode: policeRegion } : {}, orderBy: { id: 'asc' } });
    },
  }),
  policeOrganisation: t.field({
    type: PoliceOrganisation,
    description: 'Polisorganisationen: the published copy of the registered organisation (polisområden, lokalpolisområden and their kommuner, with periods).',
    resolve: (_root, _args, context) => publishedOrganisation(context.db),
  }),
  policeOrganisationRevision: t.int({
    description: 'Revision of the police organisation: compare it with a kept copy\'s before fetching `policeOrganisation` again.',
    resolve: (_root, _args, context) => currentRevision(context.db),
  }),
}));
