import { badInput, isoDateToUtc } from '@samverkan/schema';
import type { Party, Prisma } from '../generated/prisma/client';

/** Input checks shared by agreements and medborgarlöften: every failure names its field. */

export const TITLE_MAX = 300;
export const TEXT_MAX = 20_000;

export function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`\`${field}\` must not be empty.`, { field });
  if (trimmed.length > max) throw badInput(`\`${field}\` is ${trimmed.length} characters long; at most ${max} are allowed.`, { field });
  return trimmed;
}

export function optionalText(value: string | null | undefined, field: string, max = TEXT_MAX): string | null {
  if (value == null || value.trim() === '') return null;
  return text(value, field, max);
}

export function date(value: string | null | undefined): Date | null {
  return value ? isoDateToUtc(value) : null;
}

export function checkUrl(value: string | null | undefined, field: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // fall through to the error
  }
  throw badInput(`\`${field}\` must be an http(s) address, got "${value}".`, { field });
}

/** Signatories in order, each with a name and a title. */
export function checkedSignatories(signatories: readonly { name: string; title: string; party: Party }[] | null | undefined) {
  return (signatories ?? []).map((s, index) => ({
    name: text(s.name, `signatories[${index}].name`, 200),
    title: text(s.title, `signatories[${index}].title`, 200),
    party: s.party,
    position: index + 1,
  }));
}

/** Sources, each with a title and, if given, an http(s) address. */
export function checkedSources(sources: readonly { title: string; publishedOn?: string | null; url?: string | null; note?: string | null }[] | null | undefined) {
  return (sources ?? []).map((s, index) => ({
    title: text(s.title, `sources[${index}].title`, TITLE_MAX),
    publishedOn: date(s.publishedOn),
    url: checkUrl(s.url, `sources[${index}].url`),
    note: optionalText(s.note, `sources[${index}].note`, 2000),
  }));
}

/** Every code must be in the fokusområde catalogue. */
export async function checkFocusAreaCodes(tx: Prisma.TransactionClient, codes: readonly string[]): Promise<void> {
  const unique = [...new Set(codes)];
  const known = new Set((await tx.focusArea.findMany({ where: { code: { in: unique } } })).map((a) => a.code));
  const unknown = unique.find((code) => !known.has(code));
  if (unknown) throw badInput(`No fokusområde has the code "${unknown}"; see \`focusAreas\` for the catalogue.`, { field: 'focusAreas' });
}

/** Checks that a period runs forwards. */
export function checkPeriod(validFrom: string | null | undefined, validTo: string | null | undefined): { validFrom: Date | null; validTo: Date | null } {
  const from = date(validFrom);
  const to = date(validTo);
  if (from && to && from > to) {
    throw badInput(`\`validFrom\` (${validFrom}) is after \`validTo\` (${validTo}): the period must run forwards.`, { field: 'validTo' });
  }
  return { validFrom: from, validTo: to };
}
