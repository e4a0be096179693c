import { type Actor, visibleWhere } from '@samverkan/schema';
import { findMunicipality, municipalities } from '@samverkan/geo';
import type { Prisma } from './generated/prisma/client';

/**
 * Who sees which åtgärder (the first rules; the access issue completes them). PUBLIC actions are
 * public. PARTIES actions are seen by the kommun's users, by police and analysts of the kommun's
 * polisregion (this subgraph knows regions from the shared geography facts, not the lokalpolisområden
 * of the agreements subgraph), and by administrators.
 */
export function visibleActionsWhere(actor: Actor): Prisma.ActionWhereInput {
  return visibleWhere<Prisma.ActionWhereInput>(actor, { visibility: 'PUBLIC' }, (party) =>
    party.role === 'kommun' ? { municipalityCode: party.municipalityCode } : { municipalityCode: { in: codesOfRegion(party.policeRegionCode) } },
  );
}

function codesOfRegion(region: string): string[] {
  return municipalities.filter((m) => m.policeRegionCode === region).map((m) => m.code);
}

/** Whether the actor may write the åtgärder of this kommun: its users, and police of its region. */
export function mayWriteActionsOf(actor: Actor, municipalityCode: string): boolean {
  if (actor.role === 'kommun') return actor.municipalityCode === municipalityCode;
  if (actor.role === 'police') return findMunicipality(municipalityCode)?.policeRegionCode === actor.policeRegionCode;
  return false;
}
