import { recordLoader } from '@samverkan/schema';
import { builder, type Context } from '../builder';
import { IndicatorUnitEnum } from './indicator';

/* Mätinstrument: the surveys run year after year, each by one organiser. */

const PoliceRegionLabel = builder.objectRef<{ code: string }>('SurveyPoliceRegion').implement({
  description: 'Polisregion, as the surveys subgraph refers to it (by code).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Regionkod, e.g. SYD.' }),
  }),
});

export const SurveyInstrument = builder.prismaObject('SurveyInstrument', {
  description: 'Mätinstrument: a survey run year after year by one organiser (a polisregion, Brå). Results of different instruments are never ranked together.',
  fields: (t) => ({
    code: t.exposeID('code', { description: 'Kod, e.g. POLISEN_SYD.' }),
    name: t.exposeString('name', { description: 'Namn.' }),
    organiser: t.exposeString('organiser', { description: 'Huvudman: who runs it, e.g. "Polisregion Syd" or "Brå".' }),
    policeRegion: t.field({
      type: PoliceRegionLabel,
      nullable: true,
      description: 'Polisregion that runs it, when a region does.',
      resolve: (i) => (i.policeRegionCode ? { code: i.policeRegionCode } : null),
    }),
    firstYear: t.exposeInt('firstYear', { nullable: true, description: 'Sedan: the first year it was run, when known.' }),
    units: t.field({ type: [IndicatorUnitEnum], description: 'Enheter: the units its results come in.', resolve: (i) => i.units }),
    description: t.exposeString('description', { description: 'Beskrivning: method and what is reported.' }),
    demo: t.exposeBoolean('demo', { description: 'DEMO: true for a made-up instrument of the demo data.' }),
    source: t.exposeString('source', { nullable: true, description: 'Källa: where the facts come from.' }),
    surveys: t.relation('surveys', { description: 'Trygghetsmätningar: its yearly rounds, oldest first.', query: { orderBy: { year: 'asc' } } }),
  }),
});

/** Instruments by code, for every reference of a request in one SQL statement. */
export const instrumentByCode = recordLoader(
  (codes: readonly string[], context: Context) => context.db.surveyInstrument.findMany({ where: { code: { in: [...codes] } } }),
  (row) => row.code,
);

builder.asEntity(SurveyInstrument, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: ({ code }, context) => instrumentByCode(context).load(code),
});

builder.queryField('surveyInstruments', (t) =>
  t.prismaField({
    type: ['SurveyInstrument'],
    description: 'Mätinstrument: real ones first; made-up demo instruments only with `includeDemo`.',
    args: { includeDemo: t.arg.boolean({ defaultValue: false, description: 'Also the made-up instruments of the demo data.' }) },
    resolve: (query, _root, args, context) =>
      context.db.surveyInstrument.findMany({ ...query, where: args.includeDemo ? {} : { demo: false }, orderBy: [{ position: 'asc' }, { code: 'asc' }] }),
  }),
);
