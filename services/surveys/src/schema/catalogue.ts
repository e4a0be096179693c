import { isPoliceRegionCode } from '@samverkan/geo';
import { badInput, recordLoader, UNIT_RANGES } from '@samverkan/schema';
import { builder, type Context } from '../builder';
import { IndicatorCategoryEnum, IndicatorDirectionEnum, IndicatorUnitEnum, SurveyModeEnum } from './enums';

/* The catalogue: indicators, instruments and their yearly rounds (trygghetsmätningar). */

const UnitRange = builder.objectRef<{ min: number; max: number }>('UnitRange').implement({
  description: 'Skala: the lowest and highest value a unit allows.',
  fields: (t) => ({
    min: t.exposeFloat('min', { description: 'Lägsta värde.' }),
    max: t.exposeFloat('max', { description: 'Högsta värde.' }),
  }),
});

export const Indicator = builder.prismaObject('Indicator', {
  description: 'Indikator: a question or index of the trygghetsmätningar, with a stable code.',
  fields: (t) => ({
    code: t.exposeID('code', { description: 'Kod: stable, e.g. PROBLEM_INDEX or UNSAFE_OUTDOORS.' }),
    name: t.exposeString('name', { description: 'Namn (Swedish), as in the published tables.' }),
    description: t.exposeString('description', { description: 'Beskrivning: what is asked or measured.' }),
    unit: t.field({ type: IndicatorUnitEnum, description: 'Enhet: index 0–6 or per cent.', resolve: (i) => i.unit }),
    range: t.field({ type: UnitRange, description: 'Skala: the values the unit allows.', resolve: (i) => UNIT_RANGES[i.unit] }),
    direction: t.field({ type: IndicatorDirectionEnum, description: 'Riktning: whether higher is worse or better.', resolve: (i) => i.direction }),
    category: t.field({ type: IndicatorCategoryEnum, description: 'Kategori.', resolve: (i) => i.category }),
  }),
});

const indicatorByCode = recordLoader((codes: readonly string[], context: Context) => context.db.indicator.findMany({ where: { code: { in: [...codes] } } }), (row) => row.code);

builder.asEntity(Indicator, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: ({ code }, context) => indicatorByCode(context).load(code),
});

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

export const SafetySurvey = builder.prismaObject('SafetySurvey', {
  description: 'Trygghetsmätning: one yearly round of an instrument.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id: the instrument\'s code and the year, e.g. "POLISEN_SYD-2025".' }),
    year: t.exposeInt('year', { description: 'År.' }),
    instrument: t.relation('instrument', { description: 'Mätinstrument.' }),
    sentOn: t.field({ type: 'Date', nullable: true, description: 'Utskick: the day the survey was sent, when known.', resolve: (s) => s.sentOn }),
    closesOn: t.field({ type: 'Date', nullable: true, description: 'Sista svarsdag, when known.', resolve: (s) => s.closesOn }),
    fieldingNote: t.exposeString('fieldingNote', { nullable: true, description: 'Fältperiod in the source\'s words, when it gives no dates (e.g. "utskick i mitten av augusti").' }),
    modes: t.field({ type: [SurveyModeEnum], description: 'Svarssätt: post, web.', resolve: (s) => s.modes }),
    languages: t.exposeStringList('languages', { description: 'Språk, when the source names them.' }),
    languageCount: t.exposeInt('languageCount', { nullable: true, description: 'Antal språk, when the source gives the number only.' }),
    ageFrom: t.exposeInt('ageFrom', { nullable: true, description: 'Lägsta ålder i urvalet.' }),
    ageTo: t.exposeInt('ageTo', { nullable: true, description: 'Högsta ålder i urvalet.' }),
    sampleSize: t.exposeInt('sampleSize', { nullable: true, description: 'Urval: how many were sent the survey.' }),
    responses: t.exposeInt('responses', { nullable: true, description: 'Svar: how many answered.' }),
    responseRate: t.float({
      nullable: true,
      description: 'Svarsfrekvens in per cent: responses / sample size, when both are known.',
      resolve: (s) => (s.responses !== null && s.sampleSize ? Math.round((1000 * s.responses) / s.sampleSize) / 10 : null),
    }),
    source: t.exposeString('source', { nullable: true, description: 'Källa.' }),
  }),
});

builder.asEntity(SafetySurvey, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, context) => context.db.safetySurvey.findUnique({ where: { id } }),
});

builder.queryFields((t) => ({
  indicators: t.prismaField({
    type: ['Indicator'],
    description: 'Indikatorer: the catalogue, in its order.',
    resolve: (query, _root, _args, context) => context.db.indicator.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
  indicator: t.prismaField({
    type: 'Indicator',
    nullable: true,
    description: 'Indikator by code, or null.',
    args: { code: t.arg.id({ required: true, description: 'Kod, e.g. PROBLEM_INDEX.' }) },
    resolve: (query, _root, args, context) => context.db.indicator.findUnique({ ...query, where: { code: String(args.code) } }),
  }),
  surveyInstruments: t.prismaField({
    type: ['SurveyInstrument'],
    description: 'Mätinstrument: real ones first; made-up demo instruments only with `includeDemo`.',
    args: { includeDemo: t.arg.boolean({ defaultValue: false, description: 'Also the made-up instruments of the demo data.' }) },
    resolve: (query, _root, args, context) =>
      context.db.surveyInstrument.findMany({ ...query, where: args.includeDemo ? {} : { demo: false }, orderBy: [{ position: 'asc' }, { code: 'asc' }] }),
  }),
  safetySurveys: t.prismaField({
    type: ['SafetySurvey'],
    description: 'Trygghetsmätningar: the yearly rounds, by instrument and year, filtered as asked.',
    args: {
      instrument: t.arg.id({ description: 'Only this instrument\'s rounds.' }),
      year: t.arg.int({ description: 'Only this year\'s rounds.' }),
      policeRegion: t.arg.id({ description: 'Only rounds of instruments this polisregion runs.' }),
      includeDemo: t.arg.boolean({ defaultValue: false, description: 'Also the rounds of made-up demo instruments.' }),
    },
    resolve: (query, _root, args, context) => {
      if (args.policeRegion != null && !isPoliceRegionCode(String(args.policeRegion))) {
        throw badInput(`"${args.policeRegion}" is not a polisregion code.`, { argument: 'policeRegion' });
      }
      return context.db.safetySurvey.findMany({
        ...query,
        where: {
          ...(args.instrument != null ? { instrumentCode: String(args.instrument) } : {}),
          ...(args.year != null ? { year: args.year } : {}),
          instrument: {
            ...(args.policeRegion != null ? { policeRegionCode: String(args.policeRegion) } : {}),
            ...(args.includeDemo ? {} : { demo: false }),
          },
        },
        orderBy: [{ instrumentCode: 'asc' }, { year: 'asc' }],
      });
    },
  }),
  safetySurvey: t.prismaField({
    type: 'SafetySurvey',
    nullable: true,
    description: 'Trygghetsmätning by id (e.g. "POLISEN_SYD-2025"), or null.',
    args: { id: t.arg.id({ required: true, description: 'Id.' }) },
    resolve: (query, _root, args, context) => context.db.safetySurvey.findUnique({ ...query, where: { id: String(args.id) } }),
  }),
}));
