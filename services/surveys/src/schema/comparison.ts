import { EMPTY_ORGANISATION } from '@samverkan/geo';
import { badInput } from '@samverkan/schema';
import { organisationForReads } from '@samverkan/server';
import { builder, type Context } from '../builder';
import { type Comparison, type ComparisonRequest, type ComparisonRow, compareIndicator, indicatorTrend, type Trend, type TrendSeries } from '../comparison/compare';
import { explainEmptyAnswer } from '../comparison/emptiness';
import { type ComparisonScope, comparisonCsv, comparisonXlsx, type ExportFile } from '../comparison/export';
import type { AreaLevel, ResultOrigin } from '../generated/prisma/client';
import { EmptyAnswerRef } from './empty-answer';
import { Indicator } from './indicator';
import { SurveyInstrument } from './survey-instrument';
import { AreaLevelEnum, MunicipalityRef, municipalityOf, SurveyArea } from './survey-area';
import { ResultOriginEnum, SurveyResult } from './survey-result';

/* Comparisons across areas, trends over years, and their export. */

const ExportFormatEnum = builder.enumType('ExportFormat', {
  description: 'Filformat of an export.',
  values: {
    CSV: { description: 'CSV för svensk Excel: semicolons between fields, decimal comma, UTF-8 with a byte-order mark, CRLF.' },
    XLSX: { description: 'Excel workbook.' },
  } as const,
});

const ComparisonRowRef = builder.objectRef<ComparisonRow>('IndicatorComparisonRow').implement({
  description: 'Rad: one area\'s place in a comparison.',
  fields: (t) => ({
    area: t.field({ type: SurveyArea, description: 'Område.', resolve: (row) => row.area }),
    municipality: t.field({
      type: MunicipalityRef,
      nullable: true,
      description: 'Kommun, for kommuner and delområden: join the agreements subgraph\'s facts (e.g. the active agreement) through it.',
      resolve: (row) => municipalityOf(row.area),
    }),
    result: t.field({ type: SurveyResult, description: 'Resultat: the value with its n, interval and origin.', resolve: (row) => row.result }),
    value: t.exposeFloat('value', { description: 'Värde.' }),
    rank: t.exposeInt('rank', { description: 'Rang: 1 is best (lowest where higher is worse); equal values share a rank (1, 2, 2, 4).' }),
    percentile: t.exposeFloat('percentile', { description: 'Percentil: the share (0–100) of the other compared areas whose value is worse.' }),
    previousValue: t.exposeFloat('previousValue', { nullable: true, description: 'Föregående år: the value a year earlier (same instrument), if any.' }),
    changeFromPreviousYear: t.exposeFloat('changeFromPreviousYear', { nullable: true, description: 'Förändring mot föregående år: value minus the previous year\'s.' }),
    baseValue: t.exposeFloat('baseValue', { nullable: true, description: 'Värde basåret, when a base year is asked for and has a value.' }),
    changeFromBaseYear: t.exposeFloat('changeFromBaseYear', { nullable: true, description: 'Förändring mot basåret: value minus the base year\'s.' }),
    policeRegionValue: t.exposeFloat('policeRegionValue', { nullable: true, description: 'Polisregionens värde: the area\'s region\'s value (same instrument and year), where published.' }),
  }),
});

const ExportFileRef = builder.objectRef<ExportFile>('ExportFile').implement({
  description: 'Exportfil: a file, e.g. a comparison as CSV or Excel, to save as it is.',
  fields: (t) => ({
    fileName: t.exposeString('fileName', { description: 'Filnamn.' }),
    mediaType: t.exposeString('mediaType', { description: 'Medietyp, e.g. text/csv; charset=utf-8.' }),
    base64: t.string({ description: 'Innehåll: the file\'s bytes, base64-encoded.', resolve: (file) => file.content.toString('base64') }),
    text: t.string({
      nullable: true,
      description: 'Innehåll as text, for a text format (CSV); null for a binary one (XLSX).',
      resolve: (file) => (file.mediaType.startsWith('text/') ? file.content.toString('utf8').replace(/^\ufeff/, '') : null),
    }),
    downloadPath: t.exposeString('downloadPath', {
      nullable: true,
      description:
        'Nedladdning: the gateway\'s path that serves the same table as a real file (GET it with the same bearer token, e.g. with curl), e.g. /downloads/rangordning.csv?indicator=PROBLEM_INDEX&year=2025&policeRegion=SYD; null for a comparison that table does not hold (another level than kommun, a list of kommuner, demo values alone).',
    }),
  }),
});

const ComparisonRef = builder.objectRef<Comparison & { asked?: ComparisonScope }>('IndicatorComparison').implement({
  description: 'Jämförelse: one indicator across areas in one year, of one instrument, ranked best first.',
  fields: (t) => ({
    indicator: t.field({ type: Indicator, description: 'Indikator.', resolve: (c) => c.indicator }),
    instrument: t.field({ type: SurveyInstrument, nullable: true, description: 'Mätinstrument the values come from (null when no area has a value).', resolve: (c) => c.instrument }),
    year: t.exposeInt('year', { description: 'År.' }),
    baseYear: t.exposeInt('baseYear', { nullable: true, description: 'Basår, when asked for.' }),
    level: t.field({ type: AreaLevelEnum, description: 'Områdesnivå of the compared areas.', resolve: (c) => c.level }),
    origins: t.field({ type: [ResultOriginEnum], description: 'Ursprung of the values: published, demo, or both as asked.', resolve: (c) => [...c.origins] }),
    median: t.exposeFloat('median', { nullable: true, description: 'Median of the compared areas\' values.' }),
    countryValue: t.exposeFloat('countryValue', { nullable: true, description: 'Rikets värde: the country\'s value of the same instrument, where it publishes one.' }),
    rows: t.field({ type: [ComparisonRowRef], description: 'Rader: one per area with a value, best first.', resolve: (c) => c.rows }),
    empty: t.field({
      type: EmptyAnswerRef,
      nullable: true,
      description: 'Tomt svar: why there are no rows (no published results that year, only demo values, no instrument, no areas at the level); null when there are rows.',
      resolve: (c, _args, context) => (c.emptiness ? explainEmptyAnswer(context.db, c.emptiness) : null),
    }),
    export: t.field({
      type: ExportFileRef,
      description: 'Export: the comparison as a file (CSV for Swedish Excel, or an Excel workbook), its bytes in base64; `downloadPath` names the gateway\'s real file download of the same table.',
      args: { format: t.arg({ type: ExportFormatEnum, required: true, description: 'Filformat.' }) },
      resolve: (c, args) => (args.format === 'CSV' ? comparisonCsv(c, c.asked) : comparisonXlsx(c, c.asked)),
    }),
  }),
});

const TrendSeriesRef = builder.objectRef<TrendSeries>('TrendSeries').implement({
  description: 'Serie: one area\'s values year by year.',
  fields: (t) => ({
    area: t.field({ type: SurveyArea, description: 'Område.', resolve: (s) => s.area }),
    municipality: t.field({
      type: MunicipalityRef,
      nullable: true,
      description: 'Kommun, for kommuner and delområden.',
      resolve: (s) => municipalityOf(s.area),
    }),
    points: t.field({ type: [SurveyResult], description: 'Värden, oldest first.', resolve: (s) => s.points }),
  }),
});

const TrendRef = builder.objectRef<Trend>('IndicatorTrend').implement({
  description: 'Trend: one indicator year by year for each area of a scope, of one instrument.',
  fields: (t) => ({
    indicator: t.field({ type: Indicator, description: 'Indikator.', resolve: (trend) => trend.indicator }),
    instrument: t.field({ type: SurveyInstrument, nullable: true, description: 'Mätinstrument (null when no area has a value).', resolve: (trend) => trend.instrument }),
    from: t.exposeInt('from', { description: 'Från år.' }),
    to: t.exposeInt('to', { description: 'Till år.' }),
    level: t.field({ type: AreaLevelEnum, description: 'Områdesnivå.', resolve: (trend) => trend.level }),
    series: t.field({ type: [TrendSeriesRef], description: 'Serier: one per area.', resolve: (trend) => trend.series }),
    empty: t.field({
      type: EmptyAnswerRef,
      nullable: true,
      description: 'Tomt svar: why there are no series (no published results in those years, only demo values, no instrument, no areas at the level); null when there are series.',
      resolve: (trend, _args, context) => (trend.emptiness ? explainEmptyAnswer(context.db, trend.emptiness) : null),
    }),
  }),
});

/** The arguments that pick the areas and values of a comparison or a trend. */
const scopeArgs = builder.args((t) => ({
  indicator: t.id({ required: true, description: 'Indikator (code), e.g. PROBLEM_INDEX.' }),
  instrument: t.id({ description: 'Mätinstrument (code). Needed only when the areas have results of several instruments, which are never ranked together.' }),
  level: t.field({ type: AreaLevelEnum, defaultValue: 'MUNICIPALITY', description: 'Områdesnivå of the compared areas: MUNICIPALITY (default), LOCAL_POLICE_AREA or SUB_AREA.' }),
  policeRegion: t.id({ description: 'Only the areas of this polisregion (e.g. SYD).' }),
  county: t.id({ description: 'Only the areas of this län (SCB code, e.g. 12).' }),
  municipalities: t.field({ type: ['MunicipalityCode'], description: 'Only these kommuner (or, at LPO level, the areas covering them).' }),
  origins: t.field({
    type: [ResultOriginEnum],
    defaultValue: ['PUBLISHED'],
    description: 'Which values: published ones (the default), DEMO ones, or both (a published value then wins over a demo value for the same area).',
  }),
}));

interface ScopeArgs {
  indicator: string | number;
  instrument?: string | number | null;
  level?: AreaLevel | null;
  policeRegion?: string | number | null;
  county?: string | number | null;
  municipalities?: string[] | null;
  origins?: ResultOrigin[] | null;
}

/** The request; the police organisation is asked for only when lokalpolisområden are compared. */
async function requestOf(args: ScopeArgs, context: Context): Promise<ComparisonRequest> {
  const level = args.level ?? 'MUNICIPALITY';
  const origins = args.origins ?? ['PUBLISHED'];
  if (!origins.length) throw badInput('`origins` is empty: ask for PUBLISHED, DEMO or both.', { argument: 'origins' });
  return {
    indicatorCode: String(args.indicator),
    instrumentCode: args.instrument != null ? String(args.instrument) : null,
    level,
    scope: {
      policeRegion: args.policeRegion != null ? String(args.policeRegion) : null,
      county: args.county != null ? String(args.county) : null,
      municipalities: args.municipalities ?? null,
    },
    origins: [...new Set(origins)],
    organisation: level === 'LOCAL_POLICE_AREA' ? await organisationForReads(context) : EMPTY_ORGANISATION,
  };
}

const YEAR_MIN = 1990;
function checkYear(year: number, argument: string): void {
  if (year < YEAR_MIN || year > 2100) throw badInput(`\`${argument}\` ${year} is not a survey year (${YEAR_MIN} or later).`, { argument });
}

builder.queryFields((t) => ({
  indicatorComparison: t.field({
    type: ComparisonRef,
    description:
      'Jämförelse: ranks the areas of a polisregion, a län or a list of kommuner on one indicator in one year: value, rank, percentile, median, the region\'s and the country\'s value, change against the previous year and a base year. Only results of one instrument are ranked together.',
    args: {
      ...scopeArgs,
      year: t.arg.int({ required: true, description: 'År.' }),
      baseYear: t.arg.int({ description: 'Basår: also give each area\'s change since this year.' }),
    },
    resolve: async (_root, args, context) => {
      checkYear(args.year, 'year');
      if (args.baseYear != null) checkYear(args.baseYear, 'baseYear');
      const request = await requestOf(args, context);
      const comparison = await compareIndicator(context.db, { ...request, year: args.year, baseYear: args.baseYear ?? null });
      return { ...comparison, asked: { scope: request.scope, instrumentCode: request.instrumentCode ?? null } };
    },
  }),
  indicatorTrend: t.field({
    type: TrendRef,
    description: 'Trend: one indicator year by year for each area of a polisregion, a län or a list of kommuner; one series per area, one instrument.',
    args: {
      ...scopeArgs,
      from: t.arg.int({ required: true, description: 'Från år (inclusive).' }),
      to: t.arg.int({ required: true, description: 'Till år (inclusive).' }),
    },
    resolve: async (_root, args, context) => {
      checkYear(args.from, 'from');
      checkYear(args.to, 'to');
      return indicatorTrend(context.db, { ...(await requestOf(args, context)), from: args.from, to: args.to });
    },
  }),
}));
