import { findLocalPoliceArea, findMunicipality } from '@samverkan/geo';
import { type Actor, forbidden, mayReadRecord, type PartyActor, type Snapshot, visibleWhere } from '@samverkan/schema';
import type { Party, Prisma } from '../generated/prisma/client';

/**
 * Who sees and changes agreements and medborgarlöften. Signed and withdrawn records are public.
 * Drafts are seen by the kommun's users, police of a signing lokalpolisområde or of one covering the
 * kommun, analysts of the kommun's polisregion, and administrators. Only the two parties write: the
 * kommun's users and police of a signing lokalpolisområde (each approves its own side); analysts
 * and administrators do not.
 */
export function visibleAgreementsWhere(actor: Actor): Prisma.AgreementWhereInput {
  return visibleWhere<Prisma.AgreementWhereInput>(actor, PUBLISHED, (party) =>
    party.role === 'police'
      ? { OR: [{ localPoliceAreas: { some: { localPoliceAreaId: party.localPoliceAreaId } } }, ofKommunCoveredBy(party.localPoliceAreaId)] }
      : ofOwnKommunOrRegion(party),
  );
}

/** The same rule for medborgarlöften. */
export function visiblePromisesWhere(actor: Actor): Prisma.CitizenPromiseWhereInput {
  return visibleWhere<Prisma.CitizenPromiseWhereInput>(actor, PUBLISHED, (party) =>
    party.role === 'police' ? { OR: [{ localPoliceAreaId: party.localPoliceAreaId }, ofKommunCoveredBy(party.localPoliceAreaId)] } : ofOwnKommunOrRegion(party),
  );
}

/** A condition that both kinds of record take alike (their kommun and state columns are the same). */
type EitherWhere = Prisma.AgreementWhereInput & Prisma.CitizenPromiseWhereInput;

const PUBLISHED: EitherWhere = { state: { not: 'DRAFT' } };

/** Records of a kommun that the lokalpolisområde covers. */
function ofKommunCoveredBy(localPoliceAreaId: string): EitherWhere {
  return { municipality: { localPoliceAreas: { some: { localPoliceAreaId } } } };
}

/** A kommun user's records are their kommun's; an analyst's, those of kommuner in their polisregion. */
function ofOwnKommunOrRegion(party: Exclude<PartyActor, { role: 'police' }>): EitherWhere {
  return party.role === 'kommun' ? { municipalityCode: party.municipalityCode } : { municipality: { county: { policeRegionCode: party.policeRegionCode } } };
}

/**
 * The same rule on one record: published (not a draft), or a draft of the actor's kommun, of a
 * kommun their lokalpolisområde signs for or covers, or of a kommun in their polisregion.
 */
export function mayReadLifecycleRecord(actor: Actor, record: { state: unknown; municipalityCode: string; localPoliceAreaIds: readonly string[] }): boolean {
  return mayReadRecord(actor, record.state !== 'DRAFT', (party) => {
    switch (party.role) {
      case 'kommun':
        return party.municipalityCode === record.municipalityCode;
      case 'police':
        return record.localPoliceAreaIds.includes(party.localPoliceAreaId) || (findLocalPoliceArea(party.localPoliceAreaId)?.municipalityCodes ?? []).includes(record.municipalityCode);
      case 'analyst':
        return findMunicipality(record.municipalityCode)?.policeRegionCode === party.policeRegionCode;
    }
  });
}

/**
 * The rule on a record's audited fields as they stood at an entry of its history (an agreement
 * names its lokalpolisområden, a medborgarlöfte its one).
 */
export function mayReadLifecycleState(actor: Actor, state: Snapshot): boolean {
  const areas = Array.isArray(state.localPoliceAreaIds) ? state.localPoliceAreaIds.map(String) : state.localPoliceAreaId != null ? [String(state.localPoliceAreaId)] : [];
  return mayReadLifecycleRecord(actor, { state: state.state, municipalityCode: String(state.municipalityCode), localPoliceAreaIds: areas });
}

/** The side the actor speaks for on a record of this kommun and these lokalpolisområden, if any. */
export function partyOf(actor: Actor, municipalityCode: string, localPoliceAreaIds: readonly string[]): Party | null {
  if (actor.role === 'kommun' && actor.municipalityCode === municipalityCode) return 'MUNICIPALITY';
  if (actor.role === 'police' && localPoliceAreaIds.includes(actor.localPoliceAreaId)) return 'POLICE';
  return null;
}

/** The actor's side, or a FORBIDDEN error that says who may write. */
export function requireParty(actor: Actor, municipalityCode: string, localPoliceAreaIds: readonly string[], what: string): Party {
  const party = partyOf(actor, municipalityCode, localPoliceAreaIds);
  if (party) return party;
  const who = actor.role === 'anonymous' ? 'Sign in: only' : 'Only';
  throw forbidden(
    `${who} a user of kommun ${municipalityCode} or police of lokalpolisområde ${localPoliceAreaIds.join(' or ') || '(none named)'} may ${what}.`,
    { municipalityCode, localPoliceAreaIds },
  );
}
