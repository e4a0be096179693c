import type { OrganisationSnapshot } from '@samverkan/geo';
import { type AreaScope, areaScopeArgument, type AreaScopeArguments, badInput } from '@samverkan/schema';
import type { PrismaClient } from '../db';
import type { AreaLevel, Indicator, Prisma, ResultOrigin, SurveyInstrument, SurveyResult } from '../generated/prisma/client';
import { type AreaLabel, COUNTRY_CODE, labelOf } from '../results/areas';
import type { EmptyQuestion } from './emptiness';
import { difference, median, rankValues } from './rank';
import { areaKey, chosenInstrument, findIndicatorOrFail, localPoliceAreasIn, onePerArea, scopeWhere, singleInstrument } from './selection';

/*
 * Comparisons of one indicator across areas, and trends over years, of one instrument (and so one
 * unit) at a time.
 */

/** What to compare. */
export interface ComparisonRequest {
  indicatorCode: string;
  instrumentCode?: string | null;
  /** The level of the areas ranked (kommuner, lokalpolisområden or delområden). */
  level: AreaLevel;
  /** Which areas: one polisregion, one län, or named kommuner (none: the whole country). */
  scope: AreaScopeArguments;
  /** Published values, demo values, or both (then a published value wins over a demo value for the same area). */
  origins: readonly ResultOrigin[];
  /** The police organisation the lokalpolisområden come from (the copy agreements publishes). */
  organisation: OrganisationSnapshot;
}

/** The last day of a year: the day a year's lokalpolisområden are read on. */
const yearEnd = (year: number) => `${year}-12-31`;

/** One area's place in a comparison. */
export interface ComparisonRow {
  area: AreaLabel;
  result: SurveyResult;
  value: number;
  rank: number;
  percentile: number;
  previousValue: number | null;
  changeFromPreviousYear: number | null;
  baseValue: number | null;
  changeFromBaseYear: number | null;
  policeRegionValue: number | null;
}

/** A comparison of one indicator in one year. */
export interface Comparison {
  indicator: Indicator;
  instrument: SurveyInstrument | null;
  year: number;
  baseYear: number | null;
  level: AreaLevel;
  origins: readonly ResultOrigin[];
  /** The median of the compared areas' values. */
  median: number | null;
  /** The country's value of the same instrument, where it publishes one. */
  countryValue: number | null;
  rows: ComparisonRow[];
  /** What to explain when there are no rows (`explainEmptyAnswer`, asked only by a client that wants to know why); null when there are rows. */
  emptiness: EmptyQuestion | null;
}

/** One area's values over the years. */
export interface TrendSeries {
  area: AreaLabel;
  points: SurveyResult[];
}

/** A trend of one indicator for many areas. */
export interface Trend {
  indicator: Indicator;
  instrument: SurveyInstrument | null;
  from: number;
  to: number;
  level: AreaLevel;
  series: TrendSeries[];
  /** What to explain when there are no series; null when there are some. */
  emptiness: EmptyQuestion | null;
}

/** The question behind an empty comparison or trend, for `explainEmptyAnswer`. */
function emptinessOf(
  request: ComparisonRequest,
  where: Prisma.SurveyResultWhereInput,
  indicator: Indicator,
  instrument: SurveyInstrument | null,
  from: number,
  to: number,
): EmptyQuestion {
  const scope: AreaScope = areaScopeArgument(request.scope);
  const areasAtLevel = request.level === 'LOCAL_POLICE_AREA' ? localPoliceAreasIn(scope, request.organisation, yearEnd(to)) : null;
  return { indicator, instrument, level: request.level, scope, where, from, to, origins: request.origins, areasAtLevel };
}

/**
 * Compares an indicator across the areas of a scope in one year: value, rank, percentile, the
 * median, the region's and the country's value, and change against the previous year and a base
 * year. Costs the same few SQL statements for 5 or 290 areas.
 */
export async function compareIndicator(db: PrismaClient, request: ComparisonRequest & { year: number; baseYear?: number | null }): Promise<Comparison> {
  const where = scopeWhere(request.level, request.scope, request.organisation, yearEnd(request.year));
  const indicator = await findIndicatorOrFail(db, request.indicatorCode);
  let instrument = await chosenInstrument(db, request.instrumentCode, indicator);
  const origins = [...request.origins];
  const results = onePerArea(
    await db.surveyResult.findMany({
      where: {
        ...where,
        indicatorCode: indicator.code,
        year: request.year,
        areaLevel: request.level,
        origin: { in: origins },
        ...(instrument ? { instrumentCode: instrument.code } : {}),
      },
      orderBy: [{ areaCode: 'asc' }, { subAreaName: 'asc' }],
    }),
  );
  const instrumentCode = instrument?.code ?? singleInstrument(results, indicator);
  const baseYear = request.baseYear ?? null;
  const empty = { indicator, instrument, year: request.year, baseYear, level: request.level, origins, median: null, countryValue: null, rows: [], emptiness: null };
  if (!instrumentCode || !results.length) return { ...empty, emptiness: emptinessOf(request, where, indicator, instrument, request.year, request.year) };

  const regions = [...new Set(results.map((r) => r.policeRegionCode).filter((code): code is string => code !== null))];
  const years = [request.year - 1, ...(baseYear !== null ? [baseYear] : [])];
  const [earlier, groups, found] = await Promise.all([
    db.surveyResult.findMany({
      where: { indicatorCode: indicator.code, instrumentCode, areaLevel: request.level, areaCode: { in: [...new Set(results.map((r) => r.areaCode))] }, year: { in: years }, origin: { in: origins } },
    }),
    db.surveyResult.findMany({
      where: {
        indicatorCode: indicator.code,
        instrumentCode,
        year: request.year,
        origin: { in: origins },
        OR: [{ areaLevel: 'POLICE_REGION', areaCode: { in: regions } }, { areaLevel: 'COUNTRY', areaCode: COUNTRY_CODE }],
      },
    }),
    instrument ? Promise.resolve(instrument) : db.surveyInstrument.findUnique({ where: { code: instrumentCode } }),
  ]);
  instrument = found;
  const valueIn = (year: number) => new Map(onePerArea(earlier.filter((r) => r.year === year)).map((r) => [areaKey(r), r.value]));
  const previous = valueIn(request.year - 1);
  const base = baseYear !== null ? valueIn(baseYear) : new Map<string, number>();
  const groupValues = onePerArea(groups);
  const regionValue = new Map(groupValues.filter((g) => g.areaLevel === 'POLICE_REGION').map((g) => [g.areaCode, g.value]));
  const countryValue = groupValues.find((g) => g.areaLevel === 'COUNTRY')?.value ?? null;

  const ranks = rankValues(results.map((r) => r.value), indicator.direction === 'HIGHER_IS_BETTER');
  const rows = results
    .map((result, index): ComparisonRow => {
      const previousValue = previous.get(areaKey(result)) ?? null;
      const baseValue = base.get(areaKey(result)) ?? null;
      return {
        area: labelOf(result, request.organisation),
        result,
        value: result.value,
        ...ranks[index]!,
        previousValue,
        changeFromPreviousYear: previousValue === null ? null : difference(result.value, previousValue),
        baseValue,
        changeFromBaseYear: baseValue === null ? null : difference(result.value, baseValue),
        policeRegionValue: result.policeRegionCode ? (regionValue.get(result.policeRegionCode) ?? null) : null,
      };
    })
    .sort((a, b) => a.rank - b.rank || a.area.name.localeCompare(b.area.name, 'sv'));
  return { ...empty, instrument, median: median(results.map((r) => r.value)), countryValue, rows };
}

/** An indicator's values year by year for each area of a scope: one series per area, one instrument. */
export async function indicatorTrend(db: PrismaClient, request: ComparisonRequest & { from: number; to: number }): Promise<Trend> {
  if (request.from > request.to) throw badInput(`\`from\` (${request.from}) is after \`to\` (${request.to}).`, { argument: 'from' });
  const where = scopeWhere(request.level, request.scope, request.organisation, yearEnd(request.to));
  const indicator = await findIndicatorOrFail(db, request.indicatorCode);
  let instrument = await chosenInstrument(db, request.instrumentCode, indicator);
  const results = onePerArea(
    await db.surveyResult.findMany({
      where: {
        ...where,
        indicatorCode: indicator.code,
        year: { gte: request.from, lte: request.to },
        areaLevel: request.level,
        origin: { in: [...request.origins] },
        ...(instrument ? { instrumentCode: instrument.code } : {}),
      },
      orderBy: [{ areaCode: 'asc' }, { subAreaName: 'asc' }, { year: 'asc' }],
    }),
  );
  const instrumentCode = instrument?.code ?? singleInstrument(results, indicator);
  if (!instrument && instrumentCode) instrument = await db.surveyInstrument.findUnique({ where: { code: instrumentCode } });
  const series = new Map<string, TrendSeries>();
  for (const result of results) {
    const key = areaKey(result);
    const entry = series.get(key) ?? { area: labelOf(result, request.organisation), points: [] };
    entry.points.push(result);
    series.set(key, entry);
  }
  const emptiness = series.size ? null : emptinessOf(request, where, indicator, instrument, request.from, request.to);
  return { indicator, instrument, from: request.from, to: request.to, level: request.level, series: [...series.values()], emptiness };
}
