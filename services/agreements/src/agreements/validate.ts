import { badInput, checkedPeriod, optionalDay, optionalText, optionalUrl, requiredText, TITLE_MAX } from '@samverkan/schema';
import type { Party, Prisma } from '../generated/prisma/client';

/** Input checks shared by agreements and medborgarlöften (the general ones are in `@samverkan/schema`). */

/** Signatories in order, each with a name and a title. */
export function checkedSignatories(signatories: readonly { name: string; title: string; party: Party }[] | null | undefined) {
  return (signatories ?? []).map((s, index) => ({
    name: requiredText(s.name, `signatories[${index}].name`, 200),
    title: requiredText(s.title, `signatories[${index}].title`, 200),
    party: s.party,
    position: index + 1,
  }));
}

/** Sources, each with a title and, if given, an http(s) address. */
export function checkedSources(sources: readonly { title: string; publishedOn?: string | null; url?: string | null; note?: string | null }[] | null | undefined) {
  return (sources ?? []).map((s, index) => ({
    title: requiredText(s.title, `sources[${index}].title`, TITLE_MAX),
    publishedOn: optionalDay(s.publishedOn),
    url: optionalUrl(s.url, `sources[${index}].url`),
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
  const { from, to } = checkedPeriod(validFrom, validTo);
  return { validFrom: from, validTo: to };
}
