/** ISO calendar dates (`YYYY-MM-DD`), the hub's `Date` scalar. */
import { shownValue } from './errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Thrown for a string that is not a real calendar date; the message says what is wrong. */
export class InvalidDateError extends Error {
  override name = 'InvalidDateError';
}

/**
 * Checks that `value` is a real calendar date written `YYYY-MM-DD` and returns it unchanged.
 * Rejects other shapes ("2023-2-3", "2023-02-03T00:00") and impossible dates ("2023-02-30").
 */
export function parseIsoDate(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidDateError(`a date must be a string written YYYY-MM-DD, got ${typeof value}`);
  const match = ISO_DATE.exec(value);
  if (!match) throw new InvalidDateError(`${shownValue(value)} is not a date written YYYY-MM-DD (e.g. 2024-02-14)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) throw new InvalidDateError(`"${value}" is not a date: month ${match[2]} does not exist`);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    throw new InvalidDateError(`"${value}" is not a date: ${year}-${match[2]} has ${daysInMonth} days`);
  }
  return value;
}

/** Writes a date as `YYYY-MM-DD`; a `Date` is read in UTC (as PostgreSQL `date` columns arrive). */
export function formatIsoDate(value: string | Date): string {
  if (typeof value === 'string') return parseIsoDate(value);
  if (Number.isNaN(value.getTime())) throw new InvalidDateError('an invalid Date cannot be written as YYYY-MM-DD');
  return value.toISOString().slice(0, 10);
}

/** The `Date` at UTC midnight of an ISO date, as Prisma expects for a `@db.Date` column. */
export function isoDateToUtc(value: string): Date {
  return new Date(`${parseIsoDate(value)}T00:00:00.000Z`);
}

/** Today's date in Sweden (Europe/Stockholm), `YYYY-MM-DD`. */
export function todayInSweden(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
