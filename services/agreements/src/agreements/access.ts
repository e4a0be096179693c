import { type Actor, forbidden } from '@samverkan/schema';
import type { Party, Prisma } from '../generated/prisma/client';

/**
 * Who sees and changes agreements and medborgarlöften (the first rules; the access issue completes
 * them). Signed and withdrawn records are public. Drafts are seen by the parties: the kommun's users,
 * police of a signing lokalpolisområde, analysts of the region, and administrators.
 */
export function visibleAgreementsWhere(actor: Actor): Prisma.AgreementWhereInput {
  const published: Prisma.AgreementWhereInput = { state: { not: 'DRAFT' } };
  switch (actor.role) {
    case 'admin':
      return {};
    case 'kommun':
      return { OR: [published, { municipalityCode: actor.municipalityCode }] };
    case 'police':
      return { OR: [published, { localPoliceAreas: { some: { localPoliceAreaId: actor.localPoliceAreaId } } }] };
    case 'analyst':
      return { OR: [published, { municipality: { county: { policeRegionCode: actor.policeRegionCode } } }] };
    case 'anonymous':
      return published;
  }
}

/** The same rule for medborgarlöften. */
export function visiblePromisesWhere(actor: Actor): Prisma.CitizenPromiseWhereInput {
  const published: Prisma.CitizenPromiseWhereInput = { state: { not: 'DRAFT' } };
  switch (actor.role) {
    case 'admin':
      return {};
    case 'kommun':
      return { OR: [published, { municipalityCode: actor.municipalityCode }] };
    case 'police':
      return { OR: [published, { localPoliceAreaId: actor.localPoliceAreaId }] };
    case 'analyst':
      return { OR: [published, { municipality: { county: { policeRegionCode: actor.policeRegionCode } } }] };
    case 'anonymous':
      return published;
  }
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
