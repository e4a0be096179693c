import type { ActorRole } from './actor';
import type { SubgraphContext } from './context';

/**
 * The scopes that fields and types may require (Pothos scope-auth), the same in every subgraph.
 * A later issue adds the rules per record; here the scopes describe the actor.
 */
export interface AuthScopes {
  /** Any actor with a valid token. */
  authenticated: boolean;
  /** An administrator. */
  admin: boolean;
  /** An actor of the given role. */
  role: ActorRole;
  /** A kommun user of the kommun with this code, or police / analysts whose area covers it (checked per service). */
  municipality: string;
}

/** Computes the scopes of the request's actor. */
export function authScopesFor(context: SubgraphContext) {
  const { actor } = context;
  return {
    authenticated: actor.role !== 'anonymous',
    admin: actor.role === 'admin',
    role: (role: ActorRole) => actor.role === role,
    municipality: (code: string) => actor.role === 'admin' || (actor.role === 'kommun' && actor.municipalityCode === code),
  };
}
