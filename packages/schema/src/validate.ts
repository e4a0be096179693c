import { isoDateToUtc } from './dates';
import { badInput } from './errors';

/**
 * Input checks every subgraph's mutations share. Each failure is a BAD_USER_INPUT error that names
 * the field and says what would be accepted.
 */

/** Titles: at most this many characters. */
export const TITLE_MAX = 300;
/** Longer texts: at most this many characters. */
export const TEXT_MAX = 20_000;

/** A required text, trimmed: not empty, at most `max` characters. */
export function requiredText(value: string, field: string, max: number = TEXT_MAX): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`\`${field}\` must not be empty.`, { field });
  if (trimmed.length > max) throw badInput(`\`${field}\` is ${trimmed.length} characters long; at most ${max} are allowed.`, { field });
  return trimmed;
}

/** An optional text: null when missing or blank, else as {@link requiredText}. */
export function optionalText(value: string | null | undefined, field: string, max: number = TEXT_MAX): string | null {
  if (value == null || value.trim() === '') return null;
  return requiredText(value, field, max);
}

/** An optional ISO date as the `Date` Prisma stores for a `@db.Date` column. */
export function optionalDay(value: string | null | undefined): Date | null {
  return value ? isoDateToUtc(value) : null;
}

/** A period that must run forwards; either end may be unknown. */
export function checkedPeriod(
  from: string | null | undefined,
  to: string | null | undefined,
  fields: { from: string; to: string } = { from: 'validFrom', to: 'validTo' },
): { from: Date | null; to: Date | null } {
  if (from && to && from > to) {
    throw badInput(`\`${fields.from}\` (${from}) is after \`${fields.to}\` (${to}): the period must run forwards.`, { field: fields.to });
  }
  return { from: optionalDay(from), to: optionalDay(to) };
}

/** An optional web address: http or https only. */
export function optionalUrl(value: string | null | undefined, field: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // not a URL at all: the same error
  }
  throw badInput(`\`${field}\` must be an http(s) address, got "${value}".`, { field });
}
