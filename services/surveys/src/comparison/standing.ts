import type { PrismaClient } from '../db';
import type { Indicator, ResultOrigin, SurveyResult } from '../generated/prisma/client';
import { difference, median, rankValues } from './rank';
import { findIndicatorOrFail, onePerArea } from './selection';

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
      // Only what the comparison needs: fewer objects per answer (#17).
      select: { areaLevel: true, areaCode: true, subAreaName: true, year: true, origin: true, instrumentCode: true, value: true },
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
