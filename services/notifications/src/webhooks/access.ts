import { type Actor, badInput, forbidden } from '@samverkan/schema';

/*
 * Who may subscribe, and to what. An administrator: any kommuner, or all (no filter). A kommun user:
 * their own kommun only, named in the filter (another kommun is FORBIDDEN). Nobody else. A
 * subscription is seen and changed by its owner (the same user) and by administrators; to anyone
 * else it does not exist.
 */

/** The record types a subscription may name, each with the event types it brings. */
export const RECORD_TYPES = ['Agreement', 'CitizenPromise', 'Action', 'ActionPlan', 'SituationReport', 'SurveyResult'] as const;

/** The owner's fields of a subscription as stored. */
export interface Owned {
  ownerRole: string;
  ownerSubject: string;
}

/** Whether the actor may see and change a subscription. */
export function mayManage(actor: Actor, subscription: Owned): boolean {
  if (actor.role === 'admin') return true;
  return actor.role !== 'anonymous' && subscription.ownerRole === actor.role && subscription.ownerSubject === actor.subject;
}

/** The subscriptions an actor sees, as a Prisma filter. */
export function managedWhere(actor: Actor): { ownerRole?: string; ownerSubject?: string } | { id: { in: [] } } {
  if (actor.role === 'admin') return {};
  if (actor.role === 'anonymous') return { id: { in: [] } };
  return { ownerRole: actor.role, ownerSubject: actor.subject };
}

/** The kommun filter a writer may give: checked against who they are (FORBIDDEN) and made unique. */
export function checkedMunicipalities(actor: Actor, codes: readonly string[] | null | undefined): string[] {
  const unique = [...new Set(codes ?? [])];
  if (actor.role === 'admin') return unique;
  if (actor.role !== 'kommun') throw forbidden('Webhooks are registered by administrators and by kommun users for their own kommun.');
  if (!unique.length) throw badInput(`A kommun user's subscription names its kommun: municipalityCodes: ["${actor.municipalityCode}"].`, { field: 'municipalityCodes' });
  const others = unique.filter((code) => code !== actor.municipalityCode);
  if (others.length) throw forbidden(`A kommun user subscribes to their own kommun (${actor.municipalityCode}) only, not ${others.join(', ')}.`, { field: 'municipalityCodes' });
  return unique;
}

/** The record-type filter, checked. */
export function checkedRecordTypes(types: readonly string[] | null | undefined): string[] {
  const unique = [...new Set(types ?? [])];
  const unknown = unique.filter((type) => !(RECORD_TYPES as readonly string[]).includes(type));
  if (unknown.length) throw badInput(`Unknown record types: ${unknown.join(', ')}; known: ${RECORD_TYPES.join(', ')}.`, { field: 'recordTypes' });
  return unique;
}

/** Days ahead for expiring agreements: 0 (none) to 3650. */
export function checkedExpiringWithin(days: number | null | undefined, fallback: number): number {
  const value = days ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > 3650) throw badInput(`expiringWithinDays must be a whole number 0–3650 (0: none), got ${value}.`, { field: 'expiringWithinDays' });
  return value;
}
