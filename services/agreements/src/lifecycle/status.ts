import { formatIsoDate, isoDateToUtc } from '@samverkan/schema';
import type { Prisma } from '../generated/prisma/client';

/** An agreement's (or medborgarlöfte's) status on a given day, derived from what is stored. */
export type LifecycleStatus = 'DRAFT' | 'COMMISSIONED' | 'UPCOMING' | 'ACTIVE' | 'EXPIRED' | 'SUPERSEDED' | 'WITHDRAWN';

/** What the status is derived from. */
export interface StatusFacts {
  state: 'DRAFT' | 'COMMISSIONED' | 'SIGNED' | 'WITHDRAWN';
  validFrom: Date | null;
  validTo: Date | null;
  supersededOn?: Date | null;
}

/**
 * The status on `on` (YYYY-MM-DD): a draft, commissioned or withdrawn record is that; a signed one is SUPERSEDED
 * from the day a successor took over, UPCOMING before its validity starts, EXPIRED after it ends,
 * and ACTIVE otherwise. An unknown start or end is open: an old agreement with no stated end stays
 * ACTIVE until something supersedes it.
 */
export function statusOn(facts: StatusFacts, on: string): LifecycleStatus {
  if (facts.state !== 'SIGNED') return facts.state;
  if (facts.supersededOn && formatIsoDate(facts.supersededOn) <= on) return 'SUPERSEDED';
  if (facts.validFrom && on < formatIsoDate(facts.validFrom)) return 'UPCOMING';
  if (facts.validTo && on > formatIsoDate(facts.validTo)) return 'EXPIRED';
  return 'ACTIVE';
}

/** The same rule as {@link statusOn}, as a database filter, so lists filter in SQL. */
export function statusWhere(status: LifecycleStatus, on: string): Prisma.AgreementWhereInput {
  const day = isoDateToUtc(on);
  const notSuperseded: Prisma.AgreementWhereInput = { OR: [{ supersededOn: null }, { supersededOn: { gt: day } }] };
  switch (status) {
    case 'DRAFT':
    case 'COMMISSIONED':
    case 'WITHDRAWN':
      return { state: status };
    case 'SUPERSEDED':
      return { state: 'SIGNED', supersededOn: { lte: day } };
    case 'UPCOMING':
      return { state: 'SIGNED', AND: [notSuperseded, { validFrom: { gt: day } }] };
    case 'EXPIRED':
      return { state: 'SIGNED', AND: [notSuperseded, { validTo: { lt: day } }] };
    case 'ACTIVE':
      return {
        state: 'SIGNED',
        AND: [notSuperseded, { OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }],
      };
  }
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

/** The last day a signed agreement is in force: its end, or the day before a successor took over. */
export function effectivePeriod(agreement: Period & { supersededOn: Date | null }): Period {
  if (!agreement.supersededOn) return agreement;
  const dayBefore = new Date(agreement.supersededOn.getTime() - 86_400_000);
  return { validFrom: agreement.validFrom, validTo: agreement.validTo && agreement.validTo < dayBefore ? agreement.validTo : dayBefore };
}

/** Writes a period for a message, e.g. "2024-01-01 – 2027-12-31" or "unknown start – 2026-12-31". */
export function describePeriod(period: Period): string {
  return `${period.validFrom ? formatIsoDate(period.validFrom) : 'unknown start'} – ${period.validTo ? formatIsoDate(period.validTo) : 'unknown end'}`;
}
