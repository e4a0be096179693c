import {
  coveredBy,
  findLocalPoliceArea,
  findMunicipality,
  findPoliceDistrict,
  isPoliceRegionCode,
  type OrganisationSnapshot,
  type PoliceUnitRef,
  policeRegions,
  unitsCovering,
} from '@samverkan/geo';
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

/** The police party as a draft's input names it: lokalpolisområden, or one polisområde, or one polisregion. */
export interface PolicePartyInput {
  localPoliceAreaIds?: readonly (string | number)[] | null;
  policeDistrict?: string | number | null;
  policeRegion?: string | number | null;
}

/** A draft's police party, checked: exactly one of the three is set. */
export interface PoliceParty {
  localPoliceAreaIds: string[];
  policeDistrictId: string | null;
  policeRegionCode: string | null;
}

/** The input's police party, one kind of unit only; `areasField` names the input's list of lokalpolisområden. */
export function policePartyOf(input: PolicePartyInput, areasField: string): PoliceParty {
  const localPoliceAreaIds = [...new Set((input.localPoliceAreaIds ?? []).map(String))];
  const policeDistrictId = input.policeDistrict == null ? null : String(input.policeDistrict);
  const policeRegionCode = input.policeRegion == null ? null : String(input.policeRegion);
  const named = [localPoliceAreaIds.length > 0, policeDistrictId !== null, policeRegionCode !== null].filter(Boolean).length;
  if (named === 0) {
    throw badInput(`Name the police party: at least one lokalpolisområde in \`${areasField}\`, or a \`policeDistrict\`, or a \`policeRegion\` where no lokalpolisområde covers the kommun.`, { field: areasField });
  }
  if (named > 1) throw badInput(`Name one kind of police party: \`${areasField}\`, \`policeDistrict\` or \`policeRegion\`, not several.`, { field: areasField });
  return { localPoliceAreaIds, policeDistrictId, policeRegionCode };
}

/** A polisområde or polisregion party in an audited snapshot, only where there is one (records of lokalpolisområden read as before). */
export function unitColumns(row: { policeDistrictId: string | null; policeRegionCode: string | null }) {
  return { ...(row.policeDistrictId ? { policeDistrictId: row.policeDistrictId } : {}), ...(row.policeRegionCode ? { policeRegionCode: row.policeRegionCode } : {}) };
}

/** The units that cover a kommun on a day, in words and as the input would name them. */
function coveringText(organisation: OrganisationSnapshot, municipalityCode: string, on: string, areasField: string): string {
  const covering = unitsCovering(organisation, municipalityCode, on);
  const units = [
    ...covering.localPoliceAreas.map((area) => `${area.name} (${areasField}: ["${area.id}"])`),
    ...covering.districts.map((district) => `${district.name} (policeDistrict: "${district.id}")`),
    ...(covering.regionCovers ? [`polisregion ${covering.policeRegionCode} (policeRegion: "${covering.policeRegionCode}"), as no lokalpolisområde is registered for it`] : []),
  ];
  return `on ${on} kommun ${municipalityCode} is covered by ${units.join(', ')}`;
}

/**
 * The police party must cover the kommun on `on` (the record's start, or today for an undated draft):
 * each lokalpolisområde by its kommuner that day; a polisområde by its own or its areas'; a
 * polisregion only when it contains the kommun and no lokalpolisområde covers it that day. A refusal
 * names the units that do. Checked when a draft is written, never again: a later reorganisation does
 * not undo a record.
 */
export function checkPoliceParty(organisation: OrganisationSnapshot, party: PoliceParty, municipalityCode: string, on: string, areasField: string): void {
  const covers = (unit: PoliceUnitRef) => coveredBy(organisation, unit, on).includes(municipalityCode);
  const refuse = (what: string, field: string) => badInput(`${what}; ${coveringText(organisation, municipalityCode, on, areasField)}.`, { field });
  for (const id of party.localPoliceAreaIds) {
    const area = findLocalPoliceArea(organisation, id);
    if (!area) throw badInput(`No lokalpolisområde has the id "${id}".`, { field: areasField });
    if (!covers({ kind: 'LPO', id })) throw refuse(`${area.name} does not cover kommun ${municipalityCode} on ${on}`, areasField);
  }
  if (party.policeDistrictId !== null) {
    const district = findPoliceDistrict(organisation, party.policeDistrictId);
    if (!district) throw badInput(`No polisområde has the id "${party.policeDistrictId}".`, { field: 'policeDistrict' });
    if (!covers({ kind: 'DISTRICT', id: district.id })) throw refuse(`${district.name} does not cover kommun ${municipalityCode} on ${on}`, 'policeDistrict');
  }
  if (party.policeRegionCode !== null) {
    const code = party.policeRegionCode;
    if (!isPoliceRegionCode(code)) throw badInput(`"${code}" is not a polisregion code (${policeRegions.map((r) => r.code).join(', ')}).`, { field: 'policeRegion' });
    const municipality = findMunicipality(municipalityCode);
    if (municipality && municipality.policeRegionCode !== code) throw refuse(`Kommun ${municipalityCode} (${municipality.name}) lies in polisregion ${municipality.policeRegionCode}, not in ${code}`, 'policeRegion');
    if (!covers({ kind: 'REGION', id: code })) {
      throw refuse(`Polisregion ${code} signs only for kommuner no lokalpolisområde covers`, 'policeRegion');
    }
  }
}
