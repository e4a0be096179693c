import { connectionArgs, filteredGroupLoader, historyConnectionField, historyField, historyLoader, READABLE_BY_ALL } from '@samverkan/schema';
import { EMPTY_ORGANISATION } from '@samverkan/geo';
import { organisationForReads } from '@samverkan/server';
import { builder, type Context } from '../builder';
import type { ResultOrigin } from '../generated/prisma/client';
import { labelOf } from '../results/areas';
import { SurveyArea } from './survey-area';

/* Resultat: one indicator's value for one area in one round, and the lists of one area's results. */

export const ResultOriginEnum = builder.enumType('ResultOrigin', {
  description: 'Ursprung: whether a value was published, or made up as demo data.',
  values: {
    PUBLISHED: { description: 'Publicerat: published by the survey\'s owner (imported or from the sources).' },
    DEMO: { description: 'DEMO: made up by the demo data generator; plausible, not real.' },
  } as const,
});

const ConfidenceInterval = builder.objectRef<{ low: number; high: number }>('ConfidenceInterval').implement({
  description: 'Konfidensintervall: the range the true value lies in with the survey\'s stated confidence.',
  fields: (t) => ({
    low: t.exposeFloat('low', { description: 'Nedre gräns.' }),
    high: t.exposeFloat('high', { description: 'Övre gräns.' }),
  }),
});

const resultHistory = historyLoader<Context>('SurveyResult');

export const SurveyResult = builder.prismaObject('SurveyResult', {
  description: 'Resultat: one indicator\'s value for one area in one trygghetsmätning.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id: the result\'s stable identifier.' }),
    survey: t.relation('survey', { description: 'Trygghetsmätning: the round the value comes from (its instrument and year).' }),
    year: t.exposeInt('year', { description: 'År: the survey year.' }),
    instrumentCode: t.exposeString('instrumentCode', { description: 'Mätinstrumentets kod, e.g. POLISEN_SYD.' }),
    indicator: t.relation('indicator', { description: 'Indikator.' }),
    area: t.field({
      type: SurveyArea,
      description: 'Område.',
      // Only a lokalpolisområde's name comes from the police organisation.
      resolve: async (r, _args, context) => labelOf(r, r.areaLevel === 'LOCAL_POLICE_AREA' ? await organisationForReads(context) : EMPTY_ORGANISATION),
    }),
    value: t.exposeFloat('value', { description: 'Värde, in the indicator\'s unit (index 0–6 or per cent).' }),
    respondents: t.exposeInt('respondents', { nullable: true, description: 'Antal svarande (n) behind the value, when known.' }),
    confidenceInterval: t.field({
      type: ConfidenceInterval,
      nullable: true,
      description: 'Konfidensintervall, when published.',
      resolve: (r) => (r.ciLow !== null && r.ciHigh !== null ? { low: r.ciLow, high: r.ciHigh } : null),
    }),
    origin: t.field({ type: ResultOriginEnum, description: 'Ursprung: PUBLISHED, or DEMO for made-up demo values.', resolve: (r) => r.origin }),
    demo: t.boolean({ description: 'DEMO: true when the value is made-up demo data.', resolve: (r) => r.origin === 'DEMO' }),
    history: t.field({ ...historyField((result: { id: string }, context: Context) => resultHistory(context).load(result.id), READABLE_BY_ALL), deprecationReason: 'Use historyConnection: the same list a page at a time, with totalCount.' }),
    historyConnection: t.field({ ...historyConnectionField((result: { id: string }, context: Context) => resultHistory(context).load(result.id), READABLE_BY_ALL), args: connectionArgs(builder) }),
  }),
});

builder.queryField('surveyResult', (t) =>
  t.prismaField({
    type: 'SurveyResult',
    nullable: true,
    description: 'Resultat: one survey result by id, or null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The result\'s id.' }) },
    resolve: (query, _root, args, context) => context.db.surveyResult.findUnique({ ...query, where: { id: String(args.id) } }),
  }),
);

/** The arguments of a list of one area's results. */
const resultListArgs = builder.args((t) => ({
  indicator: t.id({ description: 'Only this indicator\'s results (code).' }),
  from: t.int({ description: 'From this year (inclusive).' }),
  to: t.int({ description: 'To this year (inclusive).' }),
  origins: t.field({
    type: [ResultOriginEnum],
    defaultValue: ['PUBLISHED'],
    description: 'Which values: published ones (the default), demo ones, or both. Real and demo values are never mixed unless asked for.',
  }),
}));

interface ResultFilter {
  level: 'MUNICIPALITY' | 'LOCAL_POLICE_AREA';
  indicator: string | null;
  from: number | null;
  to: number | null;
  origins: ResultOrigin[];
}

/** One area's results, for every area of one `_entities` call in one SQL statement per filter. */
const resultsOfArea = filteredGroupLoader(
  (codes: readonly string[], filter: ResultFilter, context: Context) =>
    context.db.surveyResult.findMany({
      where: {
        areaLevel: filter.level,
        areaCode: { in: [...codes] },
        origin: { in: filter.origins },
        ...(filter.indicator !== null ? { indicatorCode: filter.indicator } : {}),
        ...(filter.from !== null || filter.to !== null ? { year: { ...(filter.from !== null ? { gte: filter.from } : {}), ...(filter.to !== null ? { lte: filter.to } : {}) } } : {}),
      },
      orderBy: [{ year: 'asc' }, { indicatorCode: 'asc' }, { instrumentCode: 'asc' }, { origin: 'asc' }],
    }),
  (row) => row.areaCode,
);

/**
 * The `surveyResults` field a kommun or a lokalpolisområde gets: its results at its own level, by
 * year, filtered by indicator, years and origin.
 */
export function areaResultsField<Area>(level: ResultFilter['level'], codeOf: (area: Area) => string, description: string) {
  return {
    type: [SurveyResult] as [typeof SurveyResult],
    nullable: true as const,
    description,
    deprecationReason: 'Use surveyResultsConnection: the same list a page at a time, with totalCount.',
    args: resultListArgs,
    resolve: (area: Area, args: { indicator?: string | number | null; from?: number | null; to?: number | null; origins?: ResultOrigin[] | null }, context: Context) =>
      resultsOfArea(context).load(codeOf(area), {
        level,
        indicator: args.indicator != null ? String(args.indicator) : null,
        from: args.from ?? null,
        to: args.to ?? null,
        origins: args.origins ?? ['PUBLISHED'],
      }),
  };
}
