import { filteredGroupLoader, isoDateToUtc } from '@samverkan/schema';
import type { Context } from '../db';
import type { ActionStatus, Prisma } from '../generated/prisma/client';
import { partiesCodesSeen, visibleActionsWhere } from './access';

/*
 * The lists of åtgärder other records show (a kommun's, an agreement's, a medborgarlöfte's, a
 * fokusområde's), and a kommun's counts: each for every record of a request in one SQL statement,
 * of the actions the caller may see.
 */

/** Filters of the action lists; null where not given. */
export interface ActionFilter {
  activeOn: string | null;
  status: ActionStatus | null;
  focusArea: string | null;
  municipality: string | null;
}

export function actionFilterWhere(filter: ActionFilter): Prisma.ActionWhereInput {
  const day = filter.activeOn ? isoDateToUtc(filter.activeOn) : null;
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.focusArea ? { focusAreaCode: filter.focusArea } : {}),
    ...(filter.municipality ? { municipalityCode: filter.municipality } : {}),
    ...(day ? { AND: [{ OR: [{ startsOn: null }, { startsOn: { lte: day } }] }, { OR: [{ endsOn: null }, { endsOn: { gte: day } }] }] } : {}),
  };
}

export const ACTION_ORDER: Prisma.ActionOrderByWithRelationInput[] = [{ startsOn: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }];

/** Lists of actions keyed by kommun, by origin record, or by focus area: one SQL statement per filter for all keys. */
function actionsBy(keyField: 'municipalityCode' | 'originKey' | 'focusAreaCode', fixed: Prisma.ActionWhereInput = {}) {
  return filteredGroupLoader(
    (keys: readonly string[], filter: ActionFilter, context: Context) =>
      context.db.action.findMany({
        where: { AND: [{ [keyField]: { in: [...keys] } }, fixed, visibleActionsWhere(context), actionFilterWhere(filter)] },
        orderBy: ACTION_ORDER,
      }),
    (row) => row[keyField] ?? '',
  );
}

export const actionsOfMunicipality = actionsBy('municipalityCode');
export const actionsOfAgreement = actionsBy('originKey', { origin: 'AGREEMENT' });
export const actionsOfPromise = actionsBy('originKey', { origin: 'CITIZEN_PROMISE' });
export const actionsOfFocusArea = actionsBy('focusAreaCode');

/** One kommun's actions counted per fokusområde and status. */
export interface ActionCount {
  municipalityCode: string;
  focusAreaCode: string | null;
  planned: number;
  ongoing: number;
  done: number;
  cancelled: number;
}

/** Fokusområde codes in order, actions without one last. */
const byFocusArea = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/**
 * The counts of every kommun asked for in one request: one statement over the actions the actor
 * may see, counted by the database, one row per kommun and fokusområde.
 */
export const actionCountsOfMunicipality = filteredGroupLoader(
  async (codes: readonly string[], _filter: null, context: Context): Promise<ActionCount[]> => {
    const seen = partiesCodesSeen(context);
    const counts = await context.db.$queryRaw<ActionCount[]>`
      SELECT "municipalityCode", "focusAreaCode",
        count(*) FILTER (WHERE status = 'PLANNED')::int AS planned, count(*) FILTER (WHERE status = 'ONGOING')::int AS ongoing,
        count(*) FILTER (WHERE status = 'DONE')::int AS done, count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled
      FROM "Action"
      WHERE "municipalityCode" = ANY(${[...codes]}::text[])
        AND (${seen === 'all'}::boolean OR visibility = 'PUBLIC' OR "municipalityCode" = ANY(${seen === 'all' ? [] : seen}::text[]))
      GROUP BY "municipalityCode", "focusAreaCode"`;
    // Sorted here, not in SQL: the database would sort thousands of groups by its text collation.
    return counts.sort((a, b) => byFocusArea(a.focusAreaCode, b.focusAreaCode));
  },
  (row) => row.municipalityCode,
);
