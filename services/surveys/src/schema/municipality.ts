import { filteredGroupLoader } from '@samverkan/schema';
import { builder, type Context } from '../builder';
import { explainEmptyStandings } from '../comparison/emptiness';
import { type Standing, standingsOf } from '../comparison/standing';
import type { ResultOrigin } from '../generated/prisma/client';
import { EmptyAnswerRef } from './empty-answer';
import { Indicator } from './indicator';
import { instrumentByCode, SurveyInstrument } from './survey-instrument';
import { MunicipalityRef } from './survey-area';
import { areaResultsField, ResultOriginEnum, SurveyResult } from './survey-result';

/* Kommun (the agreements subgraph's): its survey results and its standing among the kommuner. */

const StandingRef = builder.objectRef<Standing>('IndicatorStanding').implement({
  description: 'Placering: a kommun\'s value on an indicator in a year, ranked among the kommuner that answered the same instrument.',
  fields: (t) => ({
    indicator: t.field({ type: Indicator, description: 'Indikator.', resolve: (s) => s.indicator }),
    instrument: t.field({
      type: SurveyInstrument,
      description: 'Mätinstrument the kommun is ranked within.',
      resolve: async (s, _args, context) => (await instrumentByCode(context).load(s.instrumentCode))!,
    }),
    year: t.exposeInt('year', { description: 'År.' }),
    value: t.exposeFloat('value', { description: 'Värde.' }),
    rank: t.exposeInt('rank', { description: 'Rang: 1 is best; equal values share a rank.' }),
    rankOf: t.exposeInt('rankOf', { description: 'Av: how many kommuner it is ranked among (those with a value of the same instrument).' }),
    percentile: t.exposeFloat('percentile', { description: 'Percentil: the share (0–100) of the others whose value is worse.' }),
    groupMedian: t.exposeFloat('groupMedian', { nullable: true, description: 'Median of the kommuner it is ranked among.' }),
    changeFromPreviousYear: t.exposeFloat('changeFromPreviousYear', { nullable: true, description: 'Förändring mot föregående år (same instrument).' }),
    changeFromBaseYear: t.exposeFloat('changeFromBaseYear', { nullable: true, description: 'Förändring mot basåret, when asked for.' }),
    result: t.field({ type: SurveyResult, description: 'Resultat: the value with its n, interval and origin.', resolve: (s) => s.result }),
  }),
});

interface StandingFilter {
  indicator: string;
  year: number;
  baseYear: number | null;
  origins: ResultOrigin[];
}

/** The standings of every kommun of a request (same filter) in one batch of three SQL statements. */
const standingOfMunicipality = filteredGroupLoader(
  (codes: readonly string[], filter: StandingFilter, context: Context) =>
    standingsOf(context.db, codes, { indicatorCode: filter.indicator, year: filter.year, baseYear: filter.baseYear, origins: filter.origins }),
  (row) => row.municipalityCode,
);

/** Why the kommuner of a request (same filter) have no standing, in one batch of three SQL statements. */
const emptyStandingOfMunicipality = filteredGroupLoader(
  (codes: readonly string[], filter: Omit<StandingFilter, 'baseYear'>, context: Context) =>
    explainEmptyStandings(context.db, codes, { indicatorCode: filter.indicator, year: filter.year, origins: filter.origins }),
  (row) => row.municipalityCode,
);

MunicipalityRef.implement({
  externalFields: (t) => ({ code: t.id({ description: 'Kommunkod: SCB\'s four-digit code.' }) }),
  fields: (t) => ({
    surveyStanding: t.field({
      type: StandingRef,
      nullable: true,
      description:
        'Placering: the kommun\'s value on an indicator in a year, its rank among the kommuner of the same survey instrument, the median and the change; null without a value. For a whole region or the country in one request.',
      args: {
        indicator: t.arg.id({ required: true, description: 'Indikator (code).' }),
        year: t.arg.int({ required: true, description: 'År.' }),
        baseYear: t.arg.int({ description: 'Basår for the change.' }),
        origins: t.arg({ type: [ResultOriginEnum], defaultValue: ['PUBLISHED'], description: 'Published values (default), DEMO ones, or both.' }),
      },
      resolve: async (municipality, args, context) => {
        const filter = { indicator: String(args.indicator), year: args.year, baseYear: args.baseYear ?? null, origins: args.origins ?? ['PUBLISHED'] };
        return (await standingOfMunicipality(context).load(municipality.code, filter))[0] ?? null;
      },
    }),
    surveyStandingEmpty: t.field({
      type: EmptyAnswerRef,
      nullable: true,
      description:
        'Varför ingen placering: why surveyStanding with the same indicator, year and origins is null (no published results that year, only demo values, no instrument reports the indicator for the kommun); null when it has a value. Batched like surveyStanding: the same few SQL statements for 1 or 290 kommuner.',
      args: {
        indicator: t.arg.id({ required: true, description: 'Indikator (code).' }),
        year: t.arg.int({ required: true, description: 'År.' }),
        origins: t.arg({ type: [ResultOriginEnum], defaultValue: ['PUBLISHED'], description: 'Published values (default), DEMO ones, or both.' }),
      },
      resolve: async (municipality, args, context) => {
        const filter = { indicator: String(args.indicator), year: args.year, origins: args.origins ?? ['PUBLISHED'] };
        return (await emptyStandingOfMunicipality(context).load(municipality.code, filter))[0]?.empty ?? null;
      },
    }),
    surveyResults: t.field(
      areaResultsField(
        'MUNICIPALITY',
        (municipality: { code: string }) => municipality.code,
        'Resultat: the kommun\'s trygghetsmätning results (kommun level), by year; filtered by indicator and years. A series over years for one indicator is its trend.',
      ),
    ),
  }),
});
