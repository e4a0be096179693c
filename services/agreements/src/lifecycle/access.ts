import { type Actor, forbidden, type PartyActor, visibleWhere } from '@samverkan/schema';
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
