import { policeRegions } from '@samverkan/geo';
import { badInput, municipalityCodesMatching, policeRegionArgument, recordLoader, todayInSweden } from '@samverkan/schema';
import { periodContains, periodOf, periodWhere } from '../organisation/rules';
import { builder, type Context } from '../builder';

/*
 * Geography: polisregioner, län, kommuner and lokalpolisområden. This subgraph owns them; the others
 * extend `Municipality` and `LocalPoliceArea` by key.
 */

/** The description of the `on` argument of the organisation's fields. */
export const ON_DAY = 'Dag: the day the organisation is read for (YYYY-MM-DD); today in Sweden by default.';

/** Polisen's order of its regions, north to south. */
const REGION_ORDER = policeRegions.map((region) => region.code);

export const PoliceRegion = builder.prismaObject('PoliceRegion', {
  description: 'Polisregion: one of the Swedish Police Authority\'s seven regions.',
  fields: (t) => ({
    code: t.exposeID('code', { description: 'Regionkod: NORD, MITT, STOCKHOLM, OST, VAST, SYD or BERGSLAGEN.' }),
    name: t.exposeString('name', { description: 'Namn: the region\'s name as Polisen writes it, e.g. "Syd".' }),
    counties: t.relation('counties', {
      description: 'Län: the counties in the region, by code.',
      query: { orderBy: { code: 'asc' } },
    }),
    municipalities: t.prismaField({
      type: ['Municipality'],
      description: 'Kommuner: the municipalities in the region (through its län), by code.',
      resolve: (query, region, _args, context) =>
        context.db.municipality.findMany({ ...query, where: { county: { policeRegionCode: region.code } }, orderBy: { code: 'asc' } }),
    }),
    localPoliceAreas: t.relation('localPoliceAreas', {
      description: 'Lokalpolisområden: the local police areas in the region, by name.',
      query: { orderBy: { name: 'asc' } },
    }),
  }),
});

export const County = builder.prismaObject('County', {
  description: 'Län: a Swedish county, with its SCB code.',
  fields: (t) => ({
    code: t.exposeID('code', { description: 'Länskod: SCB\'s two-digit code, e.g. "12" (Skåne län).' }),
    name: t.exposeString('name', { description: 'Namn: the full name, e.g. "Skåne län".' }),
    shortName: t.exposeString('shortName', { description: 'Kortnamn: the short name, e.g. "Skåne".' }),
    policeRegion: t.relation('policeRegion', { description: 'Polisregion: the police region the län belongs to.' }),
    municipalities: t.relation('municipalities', {
      description: 'Kommuner: the municipalities in the län, by code.',
      query: { orderBy: { code: 'asc' } },
    }),
  }),
});

export const Municipality = builder.prismaObject('Municipality', {
  description: 'Kommun: one of Sweden\'s 290 municipalities, with its SCB code. Other subgraphs add its agreements\' work, actions and survey results.',
  fields: (t) => ({
    code: t.exposeID('code', { description: 'Kommunkod: SCB\'s four-digit code, e.g. "1281" (Lund).' }),
    name: t.exposeString('name', { description: 'Namn: the kommun\'s name, e.g. "Lund".' }),
    county: t.relation('county', { description: 'Län: the county the kommun lies in.' }),
    policeRegion: t.field({
      type: PoliceRegion,
      description: 'Polisregion: the police region, through the kommun\'s län.',
      select: { county: { select: { policeRegion: true } } },
      resolve: (municipality) => municipality.county.policeRegion,
    }),
  }),
});

export const LocalPoliceArea = builder.prismaObject('LocalPoliceArea', {
  description: 'Lokalpolisområde (LPO): a local police area, which signs agreements with the kommuner it covers.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id: a stable identifier, e.g. "lund".' }),
    name: t.exposeString('name', { description: 'Namn: e.g. "Lokalpolisområde Lund".' }),
    policeRegion: t.relation('policeRegion', { description: 'Polisregion: the police region the area belongs to.' }),
    municipalities: t.field({
      type: [Municipality],
      description: 'Kommuner: the municipalities the area covers on a day (today in Sweden by default), by code: none on a day outside the area\'s own period.',
      args: { on: t.arg({ type: 'Date', description: ON_DAY }) },
      select: (args) => ({
        validFrom: true,
        validTo: true,
        municipalities: { where: periodWhere(args.on ?? todayInSweden()), select: { municipality: true }, orderBy: { municipalityCode: 'asc' } },
      }),
      resolve: (area, args) => (periodContains(periodOf(area), args.on ?? todayInSweden()) ? area.municipalities.map((link) => link.municipality) : []),
    }),
  }),
});

// Added after both types exist: the two refer to each other.
builder.prismaObjectField(Municipality, 'localPoliceAreas', (t) =>
  t.field({
    type: [LocalPoliceArea],
    description: 'Lokalpolisområden: the local police areas that cover the kommun on a day, today in Sweden by default (a kommun may have several; an area may cover several kommuner).',
    args: { on: t.arg({ type: 'Date', description: ON_DAY }) },
    select: (args) => {
      const on = args.on ?? todayInSweden();
      return { localPoliceAreas: { where: { ...periodWhere(on), localPoliceArea: periodWhere(on) }, select: { localPoliceArea: true }, orderBy: { localPoliceAreaId: 'asc' } } };
    },
    resolve: (municipality) => municipality.localPoliceAreas.map((link) => link.localPoliceArea),
  }),
);

/** One SQL statement for all the kommuner that one `_entities` call asks for. */
const municipalityByCode = recordLoader((codes: readonly string[], context: Context) =>
  context.db.municipality.findMany({ where: { code: { in: [...codes] } } }),
  (row) => row.code,
);
const localPoliceAreaById = recordLoader((ids: readonly string[], context: Context) =>
  context.db.localPoliceArea.findMany({ where: { id: { in: [...ids] } } }),
  (row) => row.id,
);

builder.asEntity(Municipality, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: ({ code }, context) => municipalityByCode(context).load(code),
});

builder.asEntity(LocalPoliceArea, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, context) => localPoliceAreaById(context).load(id),
});

builder.queryFields((t) => ({
  policeRegions: t.prismaField({
    type: ['PoliceRegion'],
    description: 'Polisregioner: the seven police regions, in Polisen\'s order from north to south.',
    resolve: async (query, _root, _args, context) => {
      const regions = await context.db.policeRegion.findMany({ ...query });
      return regions.sort((a, b) => REGION_ORDER.indexOf(a.code) - REGION_ORDER.indexOf(b.code));
    },
  }),
  counties: t.prismaField({
    type: ['County'],
    description: 'Län: the 21 counties, by code.',
    resolve: (query, _root, _args, context) => context.db.county.findMany({ ...query, orderBy: { code: 'asc' } }),
  }),
  municipalities: t.prismaField({
    type: ['Municipality'],
    description: 'Kommuner: all 290 municipalities by code, or those of one police region, one län and/or a list of codes.',
    args: {
      policeRegion: t.arg.id({ description: 'Polisregion: only kommuner in this region (e.g. SYD).' }),
      county: t.arg.id({ description: 'Län: only kommuner in this county (e.g. "12").' }),
      codes: t.arg({ type: ['MunicipalityCode'], description: 'Kommunkoder: only these kommuner.' }),
    },
    resolve: (query, _root, args, context) => {
      // The arguments narrow each other down: a region, a län and codes together give the kommuner in all three.
      const codes = municipalityCodesMatching({ policeRegion: args.policeRegion, county: args.county, municipalities: args.codes });
      return context.db.municipality.findMany({
        ...query,
        where: { code: { in: codes } },
        orderBy: { code: 'asc' },
      });
    },
  }),
  municipality: t.prismaField({
    type: 'Municipality',
    nullable: true,
    description: 'Kommun: one municipality by its SCB code. An unknown or malformed code is an error that says so.',
    args: { code: t.arg.id({ required: true, description: 'Kommunkod: four digits, e.g. "1281" for Lund.' }) },
    resolve: async (query, _root, args, context) => {
      const code = String(args.code);
      if (!/^\d{4}$/.test(code)) {
        throw badInput(`"${code}" is not a kommun code: SCB's four digits, e.g. "1281" for Lund.`, { argument: 'code' });
      }
      const municipality = await context.db.municipality.findUnique({ ...query, where: { code } });
      if (!municipality) throw badInput(`No kommun has the code ${code}.`, { argument: 'code' });
      return municipality;
    },
  }),
  localPoliceAreas: t.prismaField({
    type: ['LocalPoliceArea'],
    description: 'Lokalpolisområden: all local police areas by name, or those of one police region.',
    args: { policeRegion: t.arg.id({ description: 'Polisregion: only areas in this region (e.g. SYD).' }) },
    resolve: (query, _root, args, context) => {
      const policeRegion = policeRegionArgument(args.policeRegion);
      return context.db.localPoliceArea.findMany({
        ...query,
        where: policeRegion ? { policeRegionCode: policeRegion } : {},
        orderBy: { name: 'asc' },
      });
    },
  }),
}));
