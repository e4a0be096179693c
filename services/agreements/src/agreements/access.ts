import { type Actor, forbidden, visibleWhere } from '@samverkan/schema';
import type { Party, Prisma } from '../generated/prisma/client';

/**
 * Who sees and changes agreements and medborgarlöften. Signed and withdrawn records are public.
 * Drafts are seen by the kommun's users, police of a signing lokalpolisområde or of one covering the
 * kommun, analysts of the kommun's polisregion, and administrators. Only the two parties write: the
 * kommun's users and police of a signing lokalpolisområde (each approves its own side); analysts
 * and administrators do not.
 */
export function visibleAgreementsWhere(actor: Actor): Prisma.AgreementWhereInput {
  return visibleWhere<Prisma.AgreementWhereInput>(actor, { state: { not: 'DRAFT' } }, (party) => {
    switch (party.role) {
      case 'kommun':
        return { municipalityCode: party.municipalityCode };
      case 'police':
        return {
          OR: [
            { localPoliceAreas: { some: { localPoliceAreaId: party.localPoliceAreaId } } },
            { municipality: { localPoliceAreas: { some: { localPoliceAreaId: party.localPoliceAreaId } } } },
          ],
        };
      case 'analyst':
        return { municipality: { county: { policeRegionCode: party.policeRegionCode } } };
    }
  });
}

/** The same rule for medborgarlöften. */
export function visiblePromisesWhere(actor: Actor): Prisma.CitizenPromiseWhereInput {
  return visibleWhere<Prisma.CitizenPromiseWhereInput>(actor, { state: { not: 'DRAFT' } }, (party) => {
    switch (party.role) {
      case 'kommun':
        return { municipalityCode: party.municipalityCode };
      case 'police':
        return {
          OR: [{ localPoliceAreaId: party.localPoliceAreaId }, { municipality: { localPoliceAreas: { some: { localPoliceAreaId: party.localPoliceAreaId } } } }],
        };
      case 'analyst':
        return { municipality: { county: { policeRegionCode: party.policeRegionCode } } };
    }
  });
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
