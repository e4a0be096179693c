import { type Actor, forbidden, mayReadRecord, type PartyActor, visibleWhere } from '@samverkan/schema';
import { findLocalPoliceArea, municipalities } from '@samverkan/geo';
import type { Prisma } from '../generated/prisma/client';

/**
 * Who sees and writes åtgärder, lägesbilder and åtgärdsplaner. PUBLIC actions are public. PARTIES
 * actions are seen by the kommun's users, by police of a lokalpolisområde that covers the kommun,
 * by analysts of the kommun's polisregion, and by administrators. Writes: the kommun's users and
 * police of a lokalpolisområde that covers it; analysts and administrators write nothing here.
 * Which kommuner a lokalpolisområde covers comes from the shared geography (packages/geo).
 */
export function visibleActionsWhere(actor: Actor): Prisma.ActionWhereInput {
  return visibleWhere<Prisma.ActionWhereInput>(actor, { visibility: 'PUBLIC' }, (party) => ({ municipalityCode: { in: codesSeenBy(party) } }));
}

/**
 * The same rule on one åtgärd (or on its audited fields as they stood at an entry of its history):
 * PUBLIC, or of a kommun whose PARTIES records the actor sees.
 */
export function mayReadAction(actor: Actor, action: { visibility?: unknown; municipalityCode?: unknown }): boolean {
  return mayReadRecord(actor, action.visibility === 'PUBLIC', (party) => codesSeenBy(party).includes(String(action.municipalityCode)));
}

/** The kommuner whose PARTIES records a party sees: its own, those its lokalpolisområde covers, or those of its polisregion. */
function codesSeenBy(party: PartyActor): string[] {
  switch (party.role) {
    case 'kommun':
      return [party.municipalityCode];
    case 'police':
      return codesCoveredBy(party.localPoliceAreaId);
    case 'analyst':
      return codesOfRegion(party.policeRegionCode);
  }
}

function codesOfRegion(region: string): string[] {
  return municipalities.filter((m) => m.policeRegionCode === region).map((m) => m.code);
}

/** The kommuner a lokalpolisområde covers (none for an area the hub does not know). */
function codesCoveredBy(localPoliceAreaId: string): string[] {
  return [...(findLocalPoliceArea(localPoliceAreaId)?.municipalityCodes ?? [])];
}

/** Whether the actor may write the åtgärder of this kommun: its users, and police of an area covering it. */
export function mayWriteActionsOf(actor: Actor, municipalityCode: string): boolean {
  if (actor.role === 'kommun') return actor.municipalityCode === municipalityCode;
  if (actor.role === 'police') return codesCoveredBy(actor.localPoliceAreaId).includes(municipalityCode);
  return false;
}

/**
 * Refuses (FORBIDDEN) an actor who may not write the records of this kommun: its åtgärder, and
 * equally its lägesbilder and åtgärdsplaner.
 */
export function requireWriterOf(actor: Actor, municipalityCode: string): void {
  if (mayWriteActionsOf(actor, municipalityCode)) return;
  throw forbidden(`Only a user of kommun ${municipalityCode} or police of a lokalpolisområde covering it may write its åtgärder${actor.role === 'anonymous' ? ': sign in' : ''}.`, {
    municipalityCode,
  });
}
