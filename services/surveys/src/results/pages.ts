import { type Connection, Keyset, type PageArgs, policeRegionArgument } from '@samverkan/schema';
import type { Context } from '../db';
import type { AreaLevel, Prisma, ResultOrigin, SurveyResult } from '../generated/prisma/client';

/*
 * Pages of survey results: an area's (a kommun's, a lokalpolisområde's) and the whole hub's, by year,
 * indicator and instrument, then id. Results are read by everyone; demo values only when asked for.
 */

export const RESULT_PAGES = new Keyset<SurveyResult>('surveyResults', [
  { field: 'year', direction: 'asc' },
  { field: 'indicatorCode', direction: 'asc' },
  { field: 'instrumentCode', direction: 'asc' },
  { field: 'id', direction: 'asc' },
]);

/** The filter of a list of results; null or left out where not given. */
export interface ResultPageFilter {
  level?: AreaLevel | null;
  areaCode?: string | null;
  municipality?: string | null;
  policeRegion?: string | number | null;
  indicator?: string | number | null;
  instrument?: string | number | null;
  from?: number | null;
  to?: number | null;
  origins?: readonly ResultOrigin[] | null;
}

/** The `where` of a filter; published values only unless `origins` says otherwise. */
export function resultWhere(filter: ResultPageFilter): Prisma.SurveyResultWhereInput {
  const region = policeRegionArgument(filter.policeRegion, 'filter.policeRegion');
  return {
    origin: { in: [...(filter.origins ?? ['PUBLISHED'])] },
    ...(filter.level ? { areaLevel: filter.level } : {}),
    ...(filter.areaCode ? { areaCode: filter.areaCode } : {}),
    ...(filter.municipality ? { municipalityCode: filter.municipality } : {}),
    ...(region ? { policeRegionCode: region } : {}),
    ...(filter.indicator != null ? { indicatorCode: String(filter.indicator) } : {}),
    ...(filter.instrument != null ? { instrumentCode: String(filter.instrument) } : {}),
    ...(filter.from != null || filter.to != null ? { year: { ...(filter.from != null ? { gte: filter.from } : {}), ...(filter.to != null ? { lte: filter.to } : {}) } } : {}),
  };
}

/** One page of the results matching the filter. */
export function resultPage(context: Context, filter: ResultPageFilter, args: PageArgs): Promise<Connection<SurveyResult>> {
  const where = resultWhere(filter);
  return RESULT_PAGES.page(
    args,
    (page) => context.db.surveyResult.findMany({ where: { AND: [where, page.where as Prisma.SurveyResultWhereInput] }, orderBy: page.orderBy as Prisma.SurveyResultOrderByWithRelationInput[], take: page.take }),
    () => context.db.surveyResult.count({ where }),
  );
}
