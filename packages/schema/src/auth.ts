import type { Actor } from './actor';
import type { SubgraphContext } from './context';

/**
 * The scopes that fields and types may require (Pothos scope-auth), the same in every subgraph.
 * They describe the actor; the rules per record (which kommun, which area) are each service's.
 */
export interface AuthScopes {
  /** Any actor with a valid token. */
  authenticated: boolean;
  /** An administrator. */
  admin: boolean;
  /** One of the parties that write records: a kommun user or police (not an analyst or administrator). */
  party: boolean;
}

/** Computes the scopes of the request's actor. */
export function authScopesFor(context: SubgraphContext) {
  const { actor } = context;
  return {
    authenticated: actor.role !== 'anonymous',
    admin: actor.role === 'admin',
    party: actor.role === 'kommun' || actor.role === 'police',
  };
}

/** A signed-in actor that is one of the parties (not an administrator). */
export type PartyActor = Extract<Actor, { role: 'kommun' | 'police' | 'analyst' }>;

/**
 * The visibility rule every subgraph follows, as a database filter: administrators see everything,
 * anonymous callers the `published` records, and the parties the published records plus those that
 * `ownRecords` selects for them.
 */
export function visibleWhere<Where extends object>(actor: Actor, published: Where, ownRecords: (actor: PartyActor) => Where): Where {
  if (actor.role === 'admin') return {} as Where; // no condition: every record
  if (actor.role === 'anonymous') return published;
  // Prisma's where inputs all take `OR`; the generic cannot know that.
  return { OR: [published, ownRecords(actor)] } as Where;
}
