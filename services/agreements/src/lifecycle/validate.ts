import { badInput, checkedPeriod, optionalDay, optionalText, optionalUrl, requiredText, TITLE_MAX } from '@samverkan/schema';
import type { Party, Prisma } from '../generated/prisma/client';

/** Input checks shared by agreements and medborgarlöften (the general ones are in `@samverkan/schema`). */

/** Signatories and sources as a draft's input gives them. */
export interface DocumentsInput {
  signatories?: readonly { name: string; title: string; party: Party }[] | null;
  sources?: readonly { title: string; publishedOn?: string | null; url?: string | null; note?: string | null }[] | null;
}

/** A draft's signatories and sources, checked, as rows to write. */
export type CheckedDocuments = ReturnType<typeof checkedDocuments>;

/** Checks a draft's signatories, then its sources. */
export function checkedDocuments(input: DocumentsInput) {
  return { signatories: checkedSignatories(input.signatories), sources: checkedSources(input.sources) };
}

/** Signatories in order, each with a name and a title. */
export function checkedSignatories(signatories: DocumentsInput['signatories']) {
  return (signatories ?? []).map((s, index) => ({
    name: requiredText(s.name, `signatories[${index}].name`, 200),
    title: requiredText(s.title, `signatories[${index}].title`, 200),
    party: s.party,
    position: index + 1,
  }));
}

/** Sources, each with a title and, if given, an http(s) address. */
export function checkedSources(sources: DocumentsInput['sources']) {
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

/** Each lokalpolisområde must exist and cover the kommun; `field` names the input that listed them. */
export async function checkAreasCover(tx: Prisma.TransactionClient, ids: readonly string[], municipalityCode: string, field: string): Promise<void> {
  const areas = await tx.localPoliceArea.findMany({ where: { id: { in: [...ids] } }, include: { municipalities: true } });
  for (const id of ids) {
    const area = areas.find((a) => a.id === id);
    if (!area) throw badInput(`No lokalpolisområde has the id "${id}".`, { field });
    if (!area.municipalities.some((m) => m.municipalityCode === municipalityCode)) {
      throw badInput(`${area.name} does not cover kommun ${municipalityCode}; name an area that does.`, { field });
    }
  }
}
