import { formatIsoDate, isoDateToUtc } from '@samverkan/schema';
import type { Prisma } from '../generated/prisma/client';
import { openEndYears } from './settings';

/*
 * The status rule, once in JS (`statusOn`) and once as a database filter (`statusWhere`): a record
 * is never in force before a known start, never in force without one, and with no stated end for at
 * most N years after its start (SAMVERKAN_OPEN_END_YEARS), unless superseded sooner.
 */

/** An agreement's (or medborgarlöfte's) status on a given day, derived from what is stored. */
export type LifecycleStatus = 'DRAFT' | 'COMMISSIONED' | 'UPCOMING' | 'ACTIVE' | 'EXPIRED' | 'SUPERSEDED' | 'WITHDRAWN' | 'UNDATED';

/** Which stored date a record's start is: its stated validity, its signing, its decision, or none. */
export type StartBasis = 'VALID_FROM' | 'SIGNED_ON' | 'DECIDED_ON' | 'UNKNOWN';

/** The dates a start is read from (named alike on agreements and medborgarlöften). */
export interface StartFacts {
  validFrom: Date | null;
  signedOn?: Date | null;
  decidedOn?: Date | null;
}

/** What the status is derived from. */
export interface StatusFacts extends StartFacts {
  state: 'DRAFT' | 'COMMISSIONED' | 'SIGNED' | 'WITHDRAWN';
  validTo: Date | null;
  supersededOn?: Date | null;
}

/** A record's start: validFrom ?? signedOn ?? decidedOn (a decision counts where nothing else is stated). */
export function startOf(facts: StartFacts): { on: Date | null; basis: StartBasis } {
  if (facts.validFrom) return { on: facts.validFrom, basis: 'VALID_FROM' };
  if (facts.signedOn) return { on: facts.signedOn, basis: 'SIGNED_ON' };
  if (facts.decidedOn) return { on: facts.decidedOn, basis: 'DECIDED_ON' };
  return { on: null, basis: 'UNKNOWN' };
}

const DAY_MS = 86_400_000;

/** `day` (YYYY-MM-DD) plus `days` days. */
export function addDays(day: string, days: number): string {
  return formatIsoDate(new Date(isoDateToUtc(day).getTime() + days * DAY_MS));
}

/** `day` plus `years` years (negative: minus), 29 February becoming 28 February, as PostgreSQL's `date + interval` does. */
export function addYearsClamped(day: string, years: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const lastOfMonth = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(date, lastOfMonth)).padStart(2, '0')}`;
}

/** The last day in force of a record that starts on `start` and states no end: N years on, less a day. */
export function openEndOf(start: string, years: number): string {
  return addDays(addYearsClamped(start, years), -1);
}

/** The last day a record counts as in force by its dates: its stated end, or the assumed one of an open end; null without a start or end. */
export function endOf(facts: StatusFacts, years: number = openEndYears()): string | null {
  if (facts.validTo) return formatIsoDate(facts.validTo);
  const start = startOf(facts).on;
  return start ? openEndOf(formatIsoDate(start), years) : null;
}

/**
 * The status on `on` (YYYY-MM-DD), with open ends counted as `years` years:
 * 1. a draft, commissioned or withdrawn record is that;
 * 2. a signed one is SUPERSEDED from the day a successor took over;
 * 3. with no known start, EXPIRED after a stated end and UNDATED otherwise (never in force);
 * 4. UPCOMING before its start; 5. EXPIRED after its end (stated, or the assumed end of an open one);
 * 6. ACTIVE otherwise.
 */
export function statusOn(facts: StatusFacts, on: string, years: number = openEndYears()): LifecycleStatus {
  if (facts.state !== 'SIGNED') return facts.state;
  if (facts.supersededOn && formatIsoDate(facts.supersededOn) <= on) return 'SUPERSEDED';
  const start = startOf(facts).on;
  if (!start) return facts.validTo && formatIsoDate(facts.validTo) < on ? 'EXPIRED' : 'UNDATED';
  if (on < formatIsoDate(start)) return 'UPCOMING';
  if (on > endOf(facts, years)!) return 'EXPIRED';
  return 'ACTIVE';
}

/**
 * The first start with which a record of no stated end is still in force on `on`: the least `s`
 * with `openEndOf(s, years) >= on`. Computed here so that the SQL compares columns with a constant.
 * `addYearsClamped` never decreases as its day increases, so stepping by days finds it exactly.
 */
export function earliestOpenStart(on: string, years: number): string {
  const inForce = (start: string) => openEndOf(start, years) >= on;
  let start = addYearsClamped(on, -years);
  while (inForce(addDays(start, -1))) start = addDays(start, -1);
  while (!inForce(start)) start = addDays(start, 1);
  return start;
}

type Where = Prisma.AgreementWhereInput;
type Comparison = 'lt' | 'lte' | 'gt' | 'gte';

/** The record's start compared with `day`: the first stated of validFrom, signedOn, decidedOn decides. */
function startIs(comparison: Comparison, day: Date): Where {
  return {
    OR: [
      { validFrom: { [comparison]: day } },
      { validFrom: null, signedOn: { [comparison]: day } },
      { validFrom: null, signedOn: null, decidedOn: { [comparison]: day } },
    ],
  };
}

const START_UNKNOWN: Where = { validFrom: null, signedOn: null, decidedOn: null };

/**
 * The same rule as {@link statusOn}, as a Prisma filter on agreements (medborgarlöften have the same
 * columns), so that lists filter in SQL and compose with the visibility filters.
 */
export function statusWhere(status: LifecycleStatus, on: string, years: number = openEndYears()): Where {
  const day = isoDateToUtc(on);
  const openSince = isoDateToUtc(earliestOpenStart(on, years));
  const signed = (...conditions: Where[]): Where => ({ state: 'SIGNED', AND: [{ OR: [{ supersededOn: null }, { supersededOn: { gt: day } }] }, ...conditions] });
  switch (status) {
    case 'DRAFT':
    case 'COMMISSIONED':
    case 'WITHDRAWN':
      return { state: status };
    case 'SUPERSEDED':
      return { state: 'SIGNED', supersededOn: { lte: day } };
    case 'UNDATED':
      return signed(START_UNKNOWN, { OR: [{ validTo: null }, { validTo: { gte: day } }] });
    case 'UPCOMING':
      return signed(startIs('gt', day));
    case 'EXPIRED':
      return signed({
        OR: [
          { AND: [START_UNKNOWN, { validTo: { lt: day } }] },
          { AND: [startIs('lte', day), { OR: [{ validTo: { lt: day } }, { AND: [{ validTo: null }, startIs('lt', openSince)] }] }] },
        ],
      });
    case 'ACTIVE':
      return signed(startIs('lte', day), { OR: [{ validTo: { gte: day } }, { AND: [{ validTo: null }, startIs('gte', openSince)] }] });
  }
}

/** Signed records with no stated end whose assumed end (see {@link openEndOf}) is on or before `until`. */
export function assumedEndBy(until: string, years: number = openEndYears()): Where {
  return { AND: [{ validTo: null }, startIs('lt', isoDateToUtc(earliestOpenStart(addDays(until, 1), years)))] };
}

/** What the API shows of a record's period: its start and how it is known, and whether its end is stated. */
export function periodFacts(facts: StatusFacts, years: number = openEndYears()) {
  const start = startOf(facts);
  return {
    startsOn: start.on,
    startBasis: start.basis,
    validFromKnown: facts.validFrom !== null,
    validToKnown: facts.validTo !== null,
    assumedValidTo: facts.validTo === null && start.on ? isoDateToUtc(openEndOf(formatIsoDate(start.on), years)) : null,
  };
}

/** A period with open ends (null), as stored. */
export interface Period {
  validFrom: Date | null;
  validTo: Date | null;
}

/** Whether two periods share a day; an unknown start or end is open. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const startsBeforeEnd = (x: Period, y: Period) => !x.validFrom || !y.validTo || x.validFrom <= y.validTo;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

/**
 * The period a signed agreement is in force: from its start (see {@link startOf}) to its end, the
 * assumed end of an open one, or the day before a successor took over, whichever is first.
 */
export function effectivePeriod(agreement: Period & StartFacts & { supersededOn: Date | null }, years: number = openEndYears()): Period {
  const start = startOf(agreement).on;
  const end = endOf({ ...agreement, state: 'SIGNED' }, years);
  const dayBefore = agreement.supersededOn ? addDays(formatIsoDate(agreement.supersededOn), -1) : null;
  const last = end && dayBefore ? (end < dayBefore ? end : dayBefore) : (end ?? dayBefore);
  return { validFrom: start, validTo: last ? isoDateToUtc(last) : null };
}

/** Writes a period for a message, e.g. "2024-01-01 – 2027-12-31" or "unknown start – 2026-12-31". */
export function describePeriod(period: Period): string {
  return `${period.validFrom ? formatIsoDate(period.validFrom) : 'unknown start'} – ${period.validTo ? formatIsoDate(period.validTo) : 'unknown end'}`;
}
