import { badInput, policeRegionArgument, todayInSweden } from '@samverkan/schema';
import { builder } from '../builder';
import { type RegionCoverage as Coverage, uncoveredOn, unitsCovering } from '../organisation/coverage';
import { LocalPoliceArea, ON_DAY, PoliceRegion } from './geography';
import { PoliceDistrict } from './police-organisation';

/* Which police units cover a kommun, and which kommuner no lokalpolisområde covers: on a day. */

const RegionCoverage = builder.objectRef<Coverage>('RegionCoverage').implement({
  description: 'Täckning: how many of a region\'s kommuner a registered lokalpolisområde covers on a day, and which it does not.',
  fields: (t) => ({
    policeRegion: t.prismaField({
      type: 'PoliceRegion',
      description: 'Polisregion.',
      resolve: (query, coverage, _args, context) => context.db.policeRegion.findUniqueOrThrow({ ...query, where: { code: coverage.policeRegionCode } }),
    }),
    municipalities: t.exposeInt('municipalities', { description: 'Kommuner: how many the region has.' }),
    covered: t.exposeInt('covered', { description: 'Täckta: how many a registered lokalpolisområde covers (wholly or in part).' }),
    uncovered: t.prismaField({
      type: ['Municipality'],
      description: 'Utan lokalpolisområde: the kommuner no registered lokalpolisområde covers, by code; the region (or a polisområde) is their police.',
      resolve: (query, coverage, _args, context) => context.db.municipality.findMany({ ...query, where: { code: { in: coverage.uncovered } }, orderBy: { code: 'asc' } }),
    }),
  }),
});

type Covering = Awaited<ReturnType<typeof unitsCovering>>;

const PoliceUnitsCovering = builder.objectRef<Covering>('PoliceUnitsCovering').implement({
  description: 'Polisenheter för en kommun: the units that cover a kommun on a day, from the most local.',
  fields: (t) => ({
    localPoliceAreas: t.field({ type: [LocalPoliceArea], description: 'Lokalpolisområden that cover the kommun (none where none is registered).', resolve: (c) => c.localPoliceAreas }),
    policeDistricts: t.field({ type: [PoliceDistrict], description: 'Polisområden that cover it, themselves or through their lokalpolisområden.', resolve: (c) => c.policeDistricts }),
    policeRegion: t.prismaField({
      type: PoliceRegion,
      description: 'Polisregion: the region the kommun lies in.',
      resolve: (query, c, _args, context) => context.db.policeRegion.findUniqueOrThrow({ ...query, where: { code: c.policeRegionCode! } }),
    }),
  }),
});

builder.queryFields((t) => ({
  coverage: t.field({
    type: [RegionCoverage],
    description: 'Täckning: per polisregion, in Polisen\'s order, the kommuner no registered lokalpolisområde covers on a day.',
    args: {
      on: t.arg({ type: 'Date', description: ON_DAY }),
      policeRegion: t.arg.id({ description: 'Polisregion: only this region (e.g. STOCKHOLM).' }),
    },
    resolve: (_root, args, context) => uncoveredOn(context.db, args.on ?? todayInSweden(), policeRegionArgument(args.policeRegion)),
  }),
  policeUnitsCovering: t.field({
    type: PoliceUnitsCovering,
    description: 'Polisenheter för en kommun: the lokalpolisområden, polisområden and region that cover it on a day.',
    args: {
      municipality: t.arg({ type: 'MunicipalityCode', required: true, description: 'Kommunkod, e.g. "1287".' }),
      on: t.arg({ type: 'Date', description: ON_DAY }),
    },
    resolve: async (_root, args, context) => {
      const covering = await unitsCovering(context.db, args.municipality, args.on ?? todayInSweden());
      if (!covering.policeRegionCode) throw badInput(`No kommun has the code ${args.municipality}.`, { argument: 'municipality' });
      return covering;
    },
  }),
}));

