import { filteredGroupLoader, groupLoader, historyField } from '@samverkan/schema';
import { builder, type Context } from '../builder';
import { type AreaLabel, labelOf, type Standing, standingsOf } from '../comparison/compare';
import type { ResultOrigin } from '../generated/prisma/client';
import { AreaLevelEnum, ResultOriginEnum } from './enums';
import { Indicator, instrumentByCode, SurveyInstrument } from './catalogue';

/* Results, the areas they are for, and the kommuner's and lokalpolisområden's results. */

/** Kommun, owned by the agreements subgraph; this subgraph adds its survey results. */
export const MunicipalityRef = builder.externalRef('Municipality', builder.selection<{ code: string }>('code'));
/** Lokalpolisområde, owned by the agreements subgraph. */
export const LocalPoliceAreaRef = builder.externalRef('LocalPoliceArea', builder.selection<{ id: string }>('id'));

export const SurveyArea = builder.objectRef<AreaLabel>('SurveyArea').implement({
  description: 'Område: the area a result is for: the country, a polisregion, a lokalpolisområde, a kommun or a delområde.',
  fields: (t) => ({
    level: t.field({ type: AreaLevelEnum, description: 'Nivå.', resolve: (a) => a.level }),
    code: t.exposeString('code', { description: 'Kod: SE, a polisregion code, a lokalpolisområde id, or the kommun code (also of a delområde).' }),
    name: t.exposeString('name', { description: 'Namn, e.g. "Lund", "Lokalpolisområde Trelleborg", "Klostergården (Lund)".' }),
    subAreaName: t.exposeString('subAreaName', { nullable: true, description: 'Delområdets namn, for a delområde.' }),
    municipality: t.field({
      type: MunicipalityRef,
      nullable: true,
      description: 'Kommun: the kommun, for a kommun or a delområde.',
      resolve: (a) => (a.municipalityCode ? { code: a.municipalityCode } : null),
    }),
    localPoliceArea: t.field({
      type: LocalPoliceAreaRef,
      nullable: true,
      description: 'Lokalpolisområde, for a result at that level.',
      resolve: (a) => (a.level === 'LOCAL_POLICE_AREA' ? { id: a.code } : null),
    }),
    policeRegionCode: t.exposeString('policeRegionCode', { nullable: true, description: 'Polisregion the area lies in (null for the country).' }),
  }),
});

const ConfidenceInterval = builder.objectRef<{ low: number; high: number }>('ConfidenceInterval').implement({
  description: 'Konfidensintervall: the range the true value lies in with the survey\'s stated confidence.',
  fields: (t) => ({
    low: t.exposeFloat('low', { description: 'Nedre gräns.' }),
    high: t.exposeFloat('high', { description: 'Övre gräns.' }),
  }),
});

/** The audit trail of results, for every result of a request in one SQL statement. */
const resultHistory = groupLoader(
  (keys: readonly string[], context: Context) =>
    context.db.auditEntry.findMany({ where: { entityType: 'SurveyResult', entityKey: { in: [...keys] } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
  (row) => row.entityKey,
);

export const SurveyResult = builder.prismaObject('SurveyResult', {
  description: 'Resultat: one indicator\'s value for one area in one trygghetsmätning.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id: the result\'s stable identifier.' }),
    survey: t.relation('survey', { description: 'Trygghetsmätning: the round the value comes from (its instrument and year).' }),
    year: t.exposeInt('year', { description: 'År: the survey year.' }),
    instrumentCode: t.exposeString('instrumentCode', { description: 'Mätinstrumentets kod, e.g. POLISEN_SYD.' }),
    indicator: t.relation('indicator', { description: 'Indikator.' }),
    area: t.field({ type: SurveyArea, description: 'Område.', resolve: (r) => labelOf(r) }),
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
    history: t.field(historyField((result: { id: string }, context: Context) => resultHistory(context).load(result.id))),
  }),
});

/** The arguments of a list of one area's results. */
export const resultListArgs = builder.args((t) => ({
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

function filterOf(level: ResultFilter['level'], args: { indicator?: string | number | null; from?: number | null; to?: number | null; origins?: ResultOrigin[] | null }): ResultFilter {
  return { level, indicator: args.indicator != null ? String(args.indicator) : null, from: args.from ?? null, to: args.to ?? null, origins: args.origins ?? ['PUBLISHED'] };
}

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
    surveyResults: t.field({
      type: [SurveyResult],
      nullable: true,
      description: 'Resultat: the kommun\'s trygghetsmätning results (kommun level), by year; filtered by indicator and years. A series over years for one indicator is its trend.',
      args: resultListArgs,
      resolve: (municipality, args, context) => resultsOfArea(context).load(municipality.code, filterOf('MUNICIPALITY', args)),
    }),
  }),
});

LocalPoliceAreaRef.implement({
  externalFields: (t) => ({ id: t.id({ description: 'Id of the lokalpolisområde, e.g. "trelleborg".' }) }),
  fields: (t) => ({
    surveyResults: t.field({
      type: [SurveyResult],
      nullable: true,
      description: 'Resultat: the lokalpolisområde\'s trygghetsmätning results, by year; filtered by indicator and years.',
      args: resultListArgs,
      resolve: (area, args, context) => resultsOfArea(context).load(area.id, filterOf('LOCAL_POLICE_AREA', args)),
    }),
  }),
});

builder.queryFields((t) => ({
  surveyResult: t.prismaField({
    type: 'SurveyResult',
    nullable: true,
    description: 'Resultat: one survey result by id, or null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The result\'s id.' }) },
    resolve: (query, _root, args, context) => context.db.surveyResult.findUnique({ ...query, where: { id: String(args.id) } }),
  }),
}));
