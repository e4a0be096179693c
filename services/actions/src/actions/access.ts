import { coveredBy, EMPTY_ORGANISATION, municipalities, type OrganisationSnapshot, unitInRegion } from '@samverkan/geo';
import { type Actor, ErrorCode, forbidden, hubError, mayReadRecord, type PartyActor, type PoliceActor, policeUnitOf, todayInSweden, visibleWhere } from '@samverkan/schema';
import type { Prisma } from '../generated/prisma/client';

/**
 * Who sees and writes åtgärder, lägesbilder and åtgärdsplaner. PUBLIC actions are public. PARTIES
 * actions are seen by the kommun's users, by police of a unit that covers the kommun, by analysts of
 * the kommun's polisregion, and by administrators. Writes: the kommun's users and police of a unit
 * covering it; analysts and administrators write nothing here.
 *
 * Which kommuner a police unit covers is read from this subgraph's copy of the police organisation
 * that the agreements subgraph publishes (`context.accessOrganisation`, loaded before the resolvers
 * run for police callers), by the rule of `@samverkan/geo`'s `coveredBy`: a lokalpolisområde its
 * kommuner, a polisområde its own and its areas', a whole polisregion those of its kommuner no
 * lokalpolisområde covers.
 */

/** Who asks: the actor, and the organisation police rights are read from (none: no police rights). */
export interface Asker {
  actor: Actor;
  accessOrganisation?: OrganisationSnapshot;
}

export function visibleActionsWhere(asker: Asker): Prisma.ActionWhereInput {
  return visibleWhere<Prisma.ActionWhereInput>(asker.actor, { visibility: 'PUBLIC' }, (party) => ({ municipalityCode: { in: codesSeenBy(asker, party) } }));
}

/**
 * The same rule for SQL of our own: `all` (administrators), or the kommuner whose PARTIES records
 * the actor sees besides PUBLIC ones (none for anonymous callers).
 */
export function partiesCodesSeen(asker: Asker): 'all' | string[] {
  const actor = asker.actor;
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'anonymous') return [];
  return codesSeenBy(asker, actor);
}

/**
 * The same rule on one åtgärd (or on its audited fields as they stood at an entry of its history):
 * PUBLIC, or of a kommun whose PARTIES records the actor sees.
 */
export function mayReadAction(asker: Asker, action: { visibility?: unknown; municipalityCode?: unknown }): boolean {
  return mayReadRecord(asker.actor, action.visibility === 'PUBLIC', (party) => codesSeenBy(asker, party).includes(String(action.municipalityCode)));
}

/** The kommuner whose PARTIES records a party sees: its own, those its police unit covers today, or those of its polisregion. */
function codesSeenBy(asker: Asker, party: PartyActor): string[] {
  switch (party.role) {
    case 'kommun':
      return [party.municipalityCode];
    case 'police':
      return codesCoveredBy(asker.accessOrganisation ?? EMPTY_ORGANISATION, party);
    case 'analyst':
      return municipalities.filter((m) => m.policeRegionCode === party.policeRegionCode).map((m) => m.code);
  }
}

/** The kommuner a police officer's unit covers today (none for a unit the organisation does not have in the officer's region). */
function codesCoveredBy(organisation: OrganisationSnapshot, actor: PoliceActor): string[] {
  const unit = policeUnitOf(actor);
  return unitInRegion(organisation, unit, actor.policeRegionCode) ? coveredBy(organisation, unit, todayInSweden()) : [];
}

/** Whether the actor may write the åtgärder of this kommun: its users, and police of a unit covering it. */
export function mayWriteActionsOf(asker: Asker, municipalityCode: string): boolean {
  const { actor } = asker;
  if (actor.role === 'kommun') return actor.municipalityCode === municipalityCode;
  if (actor.role === 'police') return codesCoveredBy(asker.accessOrganisation ?? EMPTY_ORGANISATION, actor).includes(municipalityCode);
  return false;
}

/**
 * Refuses (FORBIDDEN) an actor who may not write the records of this kommun: its åtgärder, and
 * equally its lägesbilder and åtgärdsplaner. Police are told SERVICE_UNAVAILABLE instead while this
 * subgraph has no copy of the organisation to read their coverage from.
 */
export function requireWriterOf(asker: Asker, municipalityCode: string): void {
  if (mayWriteActionsOf(asker, municipalityCode)) return;
  const { actor } = asker;
  if (actor.role === 'police' && (asker.accessOrganisation ?? EMPTY_ORGANISATION).revision === EMPTY_ORGANISATION.revision) {
    throw hubError(ErrorCode.ServiceUnavailable, 'Cannot tell which kommuner your police unit covers: the police organisation of the agreements subgraph is not available. Try again later.', {
      service: 'agreements',
    });
  }
  throw forbidden(`Only a user of kommun ${municipalityCode} or police of a lokalpolisområde covering it (or of the polisområde or polisregion that does) may write its åtgärder${actor.role === 'anonymous' ? ': sign in' : ''}.`, {
    municipalityCode,
  });
}
