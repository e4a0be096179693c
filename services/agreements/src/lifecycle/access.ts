import {
  coveredBy,
  EMPTY_ORGANISATION,
  findMunicipality,
  type OrganisationSnapshot,
  type PoliceUnitRef,
  successorsOf,
  unitInRegion,
  unitName,
} from '@samverkan/geo';
import { type Actor, forbidden, mayReadRecord, type PartyActor, type PoliceActor, policeUnitOf, type Snapshot, todayInSweden, visibleWhere } from '@samverkan/schema';
import type { OrganisationCopy } from '@samverkan/server';
import type { Tx } from '../db';
import type { Party, Prisma } from '../generated/prisma/client';
import { periodWhere } from '../organisation/rules';
import { currentRevision, loadOrganisation } from '../organisation/state';

/**
 * Who sees and changes agreements and medborgarlöften. Signed and withdrawn records are public.
 * Drafts are seen by the kommun's users, police of the record's police party (a lokalpolisområde, a
 * polisområde or a polisregion) or of a unit covering the kommun today, analysts of the kommun's
 * polisregion, and administrators. Only the two parties write: the kommun's users and police of the
 * record's police party (each approves its own side); analysts and administrators do not.
 *
 * Police of a whole region cover only the kommuner of the region that no lokalpolisområde covers,
 * so they never act over a lokalpolisområde. A police token naming a unit the organisation does not
 * have, or one outside the token's region, gives no rights beyond an anonymous caller's.
 */

/** Who asks: the actor, and the organisation its rights are read from (the request's copy; none, and police rights are none). */
export interface Asker {
  actor: Actor;
  accessOrganisation?: OrganisationSnapshot;
}

/** The police party of a record: its lokalpolisområden, or its polisområde, or its polisregion. */
export interface PartyRecord {
  municipalityCode: string;
  localPoliceAreaIds: readonly string[];
  policeDistrictId?: string | null;
  policeRegionCode?: string | null;
}

/** The organisation as this subgraph's own rows have it, with its reorganisations (one read of each table). */
export async function organisationOf(tx: Tx): Promise<OrganisationSnapshot> {
  const state = await loadOrganisation(tx);
  return {
    revision: await currentRevision(tx),
    districts: [...state.districts.values()],
    localPoliceAreas: [...state.areas.values()],
    links: [...state.links.values()].map(({ unitId, ...link }) => ({ ...link, unit: unitId })),
    successions: [...state.successions.values()],
  };
}

/** The organisation for this subgraph's requests: read again only when its revision has moved. */
export function ownOrganisation(db: Tx): OrganisationCopy {
  let kept: OrganisationSnapshot | null = null;
  return {
    current: async () => {
      const revision = await currentRevision(db);
      if (kept?.revision !== revision) kept = await organisationOf(db);
      return kept;
    },
  };
}

/** The police unit an actor speaks for, or null when the organisation does not have it in the actor's region. */
export function policeUnitIn(organisation: OrganisationSnapshot, actor: PoliceActor): PoliceUnitRef | null {
  const unit = policeUnitOf(actor);
  return unitInRegion(organisation, unit, actor.policeRegionCode) ? unit : null;
}

/** The police unit of the asker, if the asker is police of a known unit. */
function askerUnit(asker: Asker): { unit: PoliceUnitRef; organisation: OrganisationSnapshot } | null {
  if (asker.actor.role !== 'police') return null;
  const organisation = asker.accessOrganisation ?? EMPTY_ORGANISATION;
  const unit = policeUnitIn(organisation, asker.actor);
  return unit && { unit, organisation };
}

const today = () => todayInSweden();

/** Whether police of `unit` are the police party of the record: its unit, a successor of its lokalpolisområde, or the area that took over a region's kommun. */
function isPoliceParty(organisation: OrganisationSnapshot, unit: PoliceUnitRef, record: PartyRecord): boolean {
  switch (unit.kind) {
    case 'LPO':
      return (
        record.localPoliceAreaIds.some((id) => id === unit.id || successorsOf(organisation, id).includes(unit.id)) ||
        (!!record.policeRegionCode && coveredBy(organisation, unit, today()).includes(record.municipalityCode))
      );
    case 'DISTRICT':
      return record.policeDistrictId === unit.id;
    case 'REGION':
      return record.policeRegionCode === unit.id && coveredBy(organisation, unit, today()).includes(record.municipalityCode);
  }
}

const PUBLISHED = { state: { not: 'DRAFT' } } as const;

/** Drafts of the kommuner a police unit covers today, as a condition on the record's kommun (the rule of `coveredBy`, in SQL). */
function kommunCoveredBy(actor: PoliceActor, unit: PoliceUnitRef): Prisma.MunicipalityWhereInput {
  const now = periodWhere(today());
  const inRegion = { policeRegionCode: actor.policeRegionCode };
  switch (unit.kind) {
    case 'LPO':
      return { localPoliceAreas: { some: { ...now, localPoliceAreaId: unit.id, localPoliceArea: { ...now, ...inRegion } } } };
    case 'DISTRICT':
      return {
        OR: [
          { policeDistricts: { some: { ...now, policeDistrictId: unit.id, policeDistrict: { ...now, ...inRegion } } } },
          { localPoliceAreas: { some: { ...now, localPoliceArea: { ...now, policeDistrictId: unit.id, policeDistrict: { ...now, ...inRegion } } } } },
        ],
      };
    case 'REGION':
      return { county: inRegion, localPoliceAreas: { none: { ...now, localPoliceArea: now } } };
  }
}

/** The actor's lokalpolisområde, or one it continues (in the actor's region). */
function areaOrPredecessorOf(actor: PoliceActor, id: string): Prisma.LocalPoliceAreaWhereInput {
  return { policeRegionCode: actor.policeRegionCode, OR: [{ id }, { successors: { some: { successorId: id } } }] };
}

/** A police actor's records: those naming its unit (or a predecessor of its area), and drafts of the kommuner it covers. */
function policeRecordsWhere(actor: PoliceActor, naming: (unit: PoliceUnitRef) => Prisma.AgreementWhereInput & Prisma.CitizenPromiseWhereInput) {
  const unit = policeUnitOf(actor);
  return { OR: [naming(unit), { municipality: kommunCoveredBy(actor, unit) }] };
}

/** A kommun user's records are their kommun's; an analyst's, those of kommuner in their polisregion. */
function ofOwnKommunOrRegion(party: Exclude<PartyActor, { role: 'police' }>) {
  return party.role === 'kommun' ? { municipalityCode: party.municipalityCode } : { municipality: { county: { policeRegionCode: party.policeRegionCode } } };
}

export function visibleAgreementsWhere(actor: Actor): Prisma.AgreementWhereInput {
  return visibleWhere<Prisma.AgreementWhereInput>(actor, PUBLISHED, (party) =>
    party.role === 'police'
      ? policeRecordsWhere(party, (unit) =>
          unit.kind === 'LPO'
            ? { localPoliceAreas: { some: { localPoliceArea: areaOrPredecessorOf(party, unit.id) } } }
            : unit.kind === 'DISTRICT'
              ? { policeDistrictId: unit.id, policeDistrict: { policeRegionCode: party.policeRegionCode } }
              : { policeRegionCode: unit.id },
        )
      : ofOwnKommunOrRegion(party),
  );
}

/** The same rule for medborgarlöften. */
export function visiblePromisesWhere(actor: Actor): Prisma.CitizenPromiseWhereInput {
  return visibleWhere<Prisma.CitizenPromiseWhereInput>(actor, PUBLISHED, (party) =>
    party.role === 'police'
      ? policeRecordsWhere(party, (unit) =>
          unit.kind === 'LPO'
            ? { localPoliceArea: areaOrPredecessorOf(party, unit.id) }
            : unit.kind === 'DISTRICT'
              ? { policeDistrictId: unit.id, policeDistrict: { policeRegionCode: party.policeRegionCode } }
              : { policeRegionCode: unit.id },
        )
      : ofOwnKommunOrRegion(party),
  );
}

/**
 * The same rule on one record: published (not a draft), or a draft of the actor's kommun, one whose
 * police party the actor is, one of a kommun the actor's police unit covers today, or one of a kommun
 * in the analyst's polisregion.
 */
export function mayReadLifecycleRecord(asker: Asker, record: PartyRecord & { state: unknown }): boolean {
  return mayReadRecord(asker.actor, record.state !== 'DRAFT', (party) => {
    switch (party.role) {
      case 'kommun':
        return party.municipalityCode === record.municipalityCode;
      case 'police': {
        const police = askerUnit(asker);
        return !!police && (isPoliceParty(police.organisation, police.unit, record) || coveredBy(police.organisation, police.unit, today()).includes(record.municipalityCode));
      }
      case 'analyst':
        return findMunicipality(record.municipalityCode)?.policeRegionCode === party.policeRegionCode;
    }
  });
}

const optionalText = (value: unknown) => (value == null ? null : String(value));

/**
 * The rule on a record's audited fields as they stood at an entry of its history (an agreement
 * names its lokalpolisområden, a medborgarlöfte its one; either may name a polisområde or region).
 */
export function mayReadLifecycleState(asker: Asker, state: Snapshot): boolean {
  const areas = Array.isArray(state.localPoliceAreaIds) ? state.localPoliceAreaIds.map(String) : state.localPoliceAreaId != null ? [String(state.localPoliceAreaId)] : [];
  return mayReadLifecycleRecord(asker, {
    state: state.state,
    municipalityCode: String(state.municipalityCode),
    localPoliceAreaIds: areas,
    policeDistrictId: optionalText(state.policeDistrictId),
    policeRegionCode: optionalText(state.policeRegionCode),
  });
}

/** The side the asker speaks for on a record, if any. */
export function partyOf(asker: Asker, record: PartyRecord): Party | null {
  if (asker.actor.role === 'kommun' && asker.actor.municipalityCode === record.municipalityCode) return 'MUNICIPALITY';
  const police = askerUnit(asker);
  if (police && isPoliceParty(police.organisation, police.unit, record)) return 'POLICE';
  return null;
}

/** The record's police party in words, for messages. */
export function policePartyText(organisation: OrganisationSnapshot, record: PartyRecord): string {
  if (record.localPoliceAreaIds.length) return record.localPoliceAreaIds.map((id) => unitName(organisation, { kind: 'LPO', id })).join(' or ');
  if (record.policeDistrictId) return unitName(organisation, { kind: 'DISTRICT', id: record.policeDistrictId });
  if (record.policeRegionCode) return unitName(organisation, { kind: 'REGION', id: record.policeRegionCode });
  return '(no police unit named)';
}

/** The asker's side, or a FORBIDDEN error that says who may write. */
export function requireParty(asker: Asker, record: PartyRecord, what: string): Party {
  const party = partyOf(asker, record);
  if (party) return party;
  const who = asker.actor.role === 'anonymous' ? 'Sign in: only' : 'Only';
  const police = policePartyText(asker.accessOrganisation ?? EMPTY_ORGANISATION, record);
  throw forbidden(`${who} a user of kommun ${record.municipalityCode} or police of ${police} may ${what}.`, {
    municipalityCode: record.municipalityCode,
    localPoliceAreaIds: record.localPoliceAreaIds,
    ...(record.policeDistrictId ? { policeDistrictId: record.policeDistrictId } : {}),
    ...(record.policeRegionCode ? { policeRegionCode: record.policeRegionCode } : {}),
  });
}
