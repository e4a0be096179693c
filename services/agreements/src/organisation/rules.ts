import { findMunicipality, isPoliceRegionCode } from '@samverkan/geo';
import { InvalidDateError, isoDateToUtc, parseIsoDate } from '@samverkan/schema';

/*
 * The rules every change to the police organisation follows, whether it comes from an imported file
 * or a mutation: ids, periods, and a kommun that lies in its unit's region.
 */

/** A period of a unit or of a unit's kommun: ISO dates, null where no source states the end (open). */
export interface Period {
  validFrom: string | null;
  validTo: string | null;
}

/** A police unit below the region that can cover kommuner. */
export type UnitKind = 'LPO' | 'DISTRICT';

const UNIT_ID = /^[a-z0-9-]{2,60}$/;

/** Why `id` cannot be a polisområde's or lokalpolisområde's id, or null when it can. */
export function unitIdProblem(id: string): string | null {
  return UNIT_ID.test(id) ? null : `"${id}" is not an id: 2–60 of a–z, 0–9 and "-"`;
}

/** Why `code` is not a polisregion's code, or null. */
export function regionProblem(code: string): string | null {
  return isPoliceRegionCode(code) ? null : `no polisregion has the code "${code}"`;
}

/** A date written YYYY-MM-DD, or null for empty text; a string says why it is not one. */
export function optionalDate(text: string | null | undefined): { date: string | null } | string {
  if (!text) return { date: null };
  try {
    return { date: parseIsoDate(text) };
  } catch (error) {
    if (error instanceof InvalidDateError) return error.message;
    throw error;
  }
}

/** Why the period runs backwards, or null. An end is the period's last day. */
export function periodProblem(period: Period): string | null {
  return period.validFrom && period.validTo && period.validTo < period.validFrom ? `the period ends (${period.validTo}) before it starts (${period.validFrom})` : null;
}

/** Whether `on` (YYYY-MM-DD) lies in the period; an open end contains every day on that side. */
export function periodContains(period: Period, on: string): boolean {
  return (period.validFrom === null || period.validFrom <= on) && (period.validTo === null || on <= period.validTo);
}

/** Whether two periods share a day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return (a.validFrom === null || b.validTo === null || a.validFrom <= b.validTo) && (b.validFrom === null || a.validTo === null || b.validFrom <= a.validTo);
}

/** Why kommun `code` cannot be linked to a unit of region `regionCode`, or null. */
export function municipalityProblem(code: string, regionCode: string): string | null {
  const municipality = findMunicipality(code);
  if (!municipality) return `no kommun has the code "${code}"`;
  if (municipality.policeRegionCode !== regionCode) return `kommun ${code} (${municipality.name}) lies in polisregion ${municipality.policeRegionCode}, not in ${regionCode}`;
  return null;
}

/** An ISO date as Prisma writes a `@db.Date` column. */
export function dayOf(value: string | null): Date | null {
  return value ? isoDateToUtc(value) : null;
}

/** A period as Prisma writes `@db.Date` columns. */
export function periodData(period: Period): { validFrom: Date | null; validTo: Date | null } {
  return { validFrom: dayOf(period.validFrom), validTo: dayOf(period.validTo) };
}

/** A stored date column as ISO text. */
export function isoOf(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** A stored period as ISO text. */
export function periodOf(row: { validFrom: Date | null; validTo: Date | null }): Period {
  return { validFrom: isoOf(row.validFrom), validTo: isoOf(row.validTo) };
}

/** The Prisma condition "the period contains `on`" on a row's `validFrom`/`validTo`. */
export function periodWhere(on: string) {
  const day = isoDateToUtc(on);
  return { AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }] };
}

/** Whether adding the succession `from → to` to `edges` (predecessor → successors) would close a cycle. */
export function closesCycle(edges: ReadonlyMap<string, readonly string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [to];
  while (stack.length) {
    const at = stack.pop()!;
    if (at === from) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(edges.get(at) ?? []));
  }
  return false;
}
