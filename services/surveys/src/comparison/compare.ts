import { counties, findLocalPoliceArea, findMunicipality, isCountyCode, isPoliceRegionCode, localPoliceAreas, policeRegions } from '@samverkan/geo';
import { badInput, UNIT_RANGES } from '@samverkan/schema';
import type { PrismaClient } from '../db';
import type { AreaLevel, Indicator, Prisma, ResultOrigin, SurveyInstrument, SurveyResult } from '../generated/prisma/client';
import { COUNTRY_CODE } from '../results/areas';

/*
 * Comparisons of one indicator across areas, and trends over years. A comparison only ever combines
 * results of one instrument (and so one unit): asking across instruments is refused with the
 * instruments found, and the caller picks one.
 */

/** Which areas to compare: one polisregion, one län, or named kommuner (none: the whole country). */
export interface ComparisonScope {
  policeRegion?: string | null;
  county?: string | null;
  municipalities?: readonly string[] | null;
}

/** What to compare. */
export interface ComparisonRequest {
  indicatorCode: string;
  instrumentCode?: string | null;
  /** The level of the areas ranked (kommuner, lokalpolisområden or delområden). */
  level: AreaLevel;
  scope: ComparisonScope;
  /** Published values, demo values, or both (then a published value wins over a demo value for the same area). */
  origins: readonly ResultOrigin[];
}

/** The area a row is for, named. */
export interface AreaLabel {
  level: AreaLevel;
  code: string;
  name: string;
  subAreaName: string | null;
  municipalityCode: string | null;
  policeRegionCode: string | null;
}

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
}

/** Names an area from the shared geography. */
export function labelOf(result: Pick<SurveyResult, 'areaLevel' | 'areaCode' | 'subAreaName' | 'municipalityCode' | 'policeRegionCode'>): AreaLabel {
  const base = {
    level: result.areaLevel,
    code: result.areaCode,
    subAreaName: result.subAreaName || null,
    municipalityCode: result.municipalityCode,
    policeRegionCode: result.policeRegionCode,
  };
  switch (result.areaLevel) {
    case 'COUNTRY':
      return { ...base, name: 'Sverige' };
    case 'POLICE_REGION':
      return { ...base, name: `Polisregion ${policeRegions.find((r) => r.code === result.areaCode)?.name ?? result.areaCode}` };
    case 'LOCAL_POLICE_AREA':
      return { ...base, name: findLocalPoliceArea(result.areaCode)?.name ?? result.areaCode };
    case 'MUNICIPALITY':
      return { ...base, name: findMunicipality(result.areaCode)?.name ?? result.areaCode };
    case 'SUB_AREA':
      return { ...base, name: `${result.subAreaName} (${findMunicipality(result.areaCode)?.name ?? result.areaCode})` };
  }
}

const RANKED_LEVELS: readonly AreaLevel[] = ['MUNICIPALITY', 'LOCAL_POLICE_AREA', 'SUB_AREA'];

/** The filter of a scope at a level, checked; refuses two scopes at once and unknown codes. */
function scopeWhere(level: AreaLevel, scope: ComparisonScope): Prisma.SurveyResultWhereInput {
  const given = [scope.policeRegion != null, scope.county != null, scope.municipalities != null].filter(Boolean).length;
  if (given > 1) throw badInput('Give one of policeRegion, county or municipalities, not several.', { argument: 'policeRegion' });
  if (!RANKED_LEVELS.includes(level)) throw badInput(`Areas of level ${level} are not ranked: compare MUNICIPALITY, LOCAL_POLICE_AREA or SUB_AREA.`, { argument: 'level' });
  if (scope.policeRegion != null) {
    if (!isPoliceRegionCode(scope.policeRegion)) throw badInput(`"${scope.policeRegion}" is not a polisregion code: use ${policeRegions.map((r) => r.code).join(', ')}.`, { argument: 'policeRegion' });
    return { policeRegionCode: scope.policeRegion };
  }
  if (scope.county != null) {
    if (!isCountyCode(scope.county)) throw badInput(`"${scope.county}" is not a län code: use SCB's two digits, ${counties[0]!.code}–${counties.at(-1)!.code}.`, { argument: 'county' });
    if (level !== 'LOCAL_POLICE_AREA') return { countyCode: scope.county };
    const ids = localPoliceAreas.filter((lpo) => lpo.municipalityCodes.some((code) => findMunicipality(code)?.countyCode === scope.county)).map((lpo) => lpo.id);
    return { areaCode: { in: ids } };
  }
  if (scope.municipalities != null) {
    const unknown = scope.municipalities.filter((code) => !findMunicipality(code));
    if (unknown.length) throw badInput(`Not kommun codes: ${unknown.join(', ')}.`, { argument: 'municipalities' });
    if (level !== 'LOCAL_POLICE_AREA') return { municipalityCode: { in: [...scope.municipalities] } };
    const ids = localPoliceAreas.filter((lpo) => lpo.municipalityCodes.some((code) => scope.municipalities!.includes(code))).map((lpo) => lpo.id);
    return { areaCode: { in: ids } };
  }
  return {};
}

async function findIndicatorOrFail(db: PrismaClient, code: string): Promise<Indicator> {
  const indicator = await db.indicator.findUnique({ where: { code } });
  if (indicator) return indicator;
  const known = await db.indicator.findMany({ orderBy: { position: 'asc' }, select: { code: true } });
  throw badInput(`"${code}" is not an indicator: use ${known.map((k) => k.code).join(', ')}.`, { argument: 'indicator' });
}

/** The instrument asked for (checked against the indicator's unit), or null to take the one the results have. */
async function chosenInstrument(db: PrismaClient, code: string | null | undefined, indicator: Indicator): Promise<SurveyInstrument | null> {
  if (code == null) return null;
  const instrument = await db.surveyInstrument.findUnique({ where: { code } });
  if (!instrument) throw badInput(`"${code}" is not a survey instrument.`, { argument: 'instrument' });
  if (!instrument.units.includes(indicator.unit)) {
    throw badInput(
      `${instrument.name} reports ${instrument.units.map((u) => UNIT_RANGES[u].label).join(' and ')}; ${indicator.code} is ${UNIT_RANGES[indicator.unit].label}. Results in different units are never compared.`,
      { argument: 'instrument' },
    );
  }
  return instrument;
}

/** Refuses results of several instruments, naming them; returns the one instrument's code. */
function singleInstrument(results: readonly SurveyResult[], indicator: Indicator): string | null {
  const counts = new Map<string, number>();
  for (const result of results) counts.set(result.instrumentCode, (counts.get(result.instrumentCode) ?? 0) + 1);
  if (counts.size > 1) {
    const found = [...counts].map(([code, n]) => `${code} (${n} areas)`).join(', ');
    throw badInput(
      `The areas asked for have ${indicator.code} results from ${counts.size} instruments: ${found}. Results of different instruments are never ranked together; choose one with \`instrument\`.`,
      { argument: 'instrument' },
    );
  }
  return counts.keys().next().value ?? null;
}

/** One result per area: where both a published and a demo value exist (both asked for), the published one. */
function onePerArea(results: readonly SurveyResult[]): SurveyResult[] {
  const byArea = new Map<string, SurveyResult>();
  for (const result of results) {
    const key = `${result.areaLevel}|${result.areaCode}|${result.subAreaName}|${result.year}`;
    const kept = byArea.get(key);
    if (!kept || (kept.origin === 'DEMO' && result.origin === 'PUBLISHED')) byArea.set(key, result);
  }
  return [...byArea.values()];
}

const areaKey = (r: Pick<SurveyResult, 'areaLevel' | 'areaCode' | 'subAreaName'>) => `${r.areaLevel}|${r.areaCode}|${r.subAreaName}`;
/** Differences rounded to the data's precision, so 1.78 − 1.63 reads 0.15, not 0.15000000000000002. */
const difference = (a: number, b: number | null) => (b === null ? null : Math.round((a - b) * 10_000) / 10_000);

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Ranks values, best first (lowest first when higher is worse): equal values share a rank, the
 * next rank skips (1, 2, 2, 4). The percentile is the share of the other areas doing worse (0–100).
 */
export function rankValues(values: readonly number[], higherIsBetter: boolean): { rank: number; percentile: number }[] {
  // Counted by binary search in the sorted values: n log n, so the whole country ranks at once.
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  /** How many values are below `value` (or, with `orEqual`, not above it). */
  const countBelow = (value: number, orEqual: boolean) => {
    let [low, high] = [0, n];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]! < value || (orEqual && sorted[middle] === value)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return values.map((value) => {
    const [below, above] = [countBelow(value, false), n - countBelow(value, true)];
    const [ahead, behind] = higherIsBetter ? [above, below] : [below, above];
    return { rank: ahead + 1, percentile: n > 1 ? Math.round((1000 * behind) / (n - 1)) / 10 : 100 };
  });
}

/**
 * Compares an indicator across the areas of a scope in one year: value, rank, percentile, the
 * median, the region's and the country's value, and change against the previous year and a base
 * year. Costs the same few SQL statements for 5 or 290 areas.
 */
export async function compareIndicator(db: PrismaClient, request: ComparisonRequest & { year: number; baseYear?: number | null }): Promise<Comparison> {
  const where = scopeWhere(request.level, request.scope);
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
  const empty = { indicator, instrument, year: request.year, baseYear, level: request.level, origins, median: null, countryValue: null, rows: [] };
  if (!instrumentCode || !results.length) return empty;

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
        area: labelOf(result),
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
  const where = scopeWhere(request.level, request.scope);
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
    const entry = series.get(key) ?? { area: labelOf(result), points: [] };
    entry.points.push(result);
    series.set(key, entry);
  }
  return { indicator, instrument, from: request.from, to: request.to, level: request.level, series: [...series.values()] };
}

/** A kommun's place among the kommuner that answered the same instrument, for one indicator and year. */
export interface Standing {
  municipalityCode: string;
  indicator: Indicator;
  instrumentCode: string;
  year: number;
  result: SurveyResult;
  value: number;
  rank: number;
  /** How many kommuner it is ranked among (those with a value of the same instrument). */
  rankOf: number;
  percentile: number;
  groupMedian: number | null;
  changeFromPreviousYear: number | null;
  changeFromBaseYear: number | null;
}

/**
 * The standing of each of `codes` on an indicator in a year, ranked among all kommuner with a
 * value of the same instrument (so the whole country can be asked at once: each kommun is ranked
 * within its own survey). Three SQL statements for 1 or 290 kommuner.
 */
export async function standingsOf(
  db: PrismaClient,
  codes: readonly string[],
  request: { indicatorCode: string; year: number; baseYear: number | null; origins: readonly ResultOrigin[] },
): Promise<Standing[]> {
  const indicator = await findIndicatorOrFail(db, request.indicatorCode);
  const origins = [...request.origins];
  const everyKommun = onePerArea(
    await db.surveyResult.findMany({ where: { indicatorCode: indicator.code, year: request.year, areaLevel: 'MUNICIPALITY', origin: { in: origins } } }),
  );
  const asked = new Set(codes);
  const years = [request.year - 1, ...(request.baseYear !== null ? [request.baseYear] : [])];
  const earlier = onePerArea(
    await db.surveyResult.findMany({
      where: { indicatorCode: indicator.code, year: { in: years }, areaLevel: 'MUNICIPALITY', areaCode: { in: [...codes] }, origin: { in: origins } },
    }),
  );
  const earlierKey = (areaCode: string, year: number, instrumentCode: string) => `${areaCode}|${year}|${instrumentCode}`;
  const earlierValues = new Map(earlier.map((e) => [earlierKey(e.areaCode, e.year, e.instrumentCode), e.value]));
  const earlierValue = (result: SurveyResult, year: number) => earlierValues.get(earlierKey(result.areaCode, year, result.instrumentCode)) ?? null;
  const byInstrument = new Map<string, SurveyResult[]>();
  for (const result of everyKommun) {
    const group = byInstrument.get(result.instrumentCode);
    if (group) group.push(result);
    else byInstrument.set(result.instrumentCode, [result]);
  }
  const standings: Standing[] = [];
  for (const [instrumentCode, group] of byInstrument) {
    const ranks = rankValues(group.map((r) => r.value), indicator.direction === 'HIGHER_IS_BETTER');
    const groupMedian = median(group.map((r) => r.value));
    group.forEach((result, index) => {
      if (!asked.has(result.areaCode)) return;
      const previous = earlierValue(result, request.year - 1);
      const base = request.baseYear !== null ? earlierValue(result, request.baseYear) : null;
      standings.push({
        municipalityCode: result.areaCode,
        indicator,
        instrumentCode,
        year: request.year,
        result,
        value: result.value,
        ...ranks[index]!,
        rankOf: group.length,
        groupMedian,
        changeFromPreviousYear: difference(result.value, previous),
        changeFromBaseYear: difference(result.value, base),
      });
    });
  }
  return standings;
}
