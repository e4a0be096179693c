import type { Actor } from '@samverkan/schema';
import type { IncomingMessage } from 'node:http';
import type { RequestVersion } from './data-version';

/** The context of one gateway request. */
export interface GatewayContext {
  actor: Actor;
  /**
   * The data version this request may be answered from by the caches (see data-version.ts), asked
   * once the operation is known (a mutation's says: not from the caches). Unset until then.
   */
  dataVersion?: RequestVersion;
}

/**
 * The actor of a request, its bearer token verified once per request: both the rate limit (which
 * counts a signed-in client by its subject) and the request's context ask for it. A token that is
 * refused is refused with the same error to each.
 */
export function actorOfRequest(verifyToken: (authorization: string | undefined) => Promise<Actor>): (request: IncomingMessage) => Promise<Actor> {
  const verified = new WeakMap<IncomingMessage, Promise<Actor>>();
  return (request) => {
    let actor = verified.get(request);
    if (!actor) {
      actor = verifyToken(request.headers.authorization);
      verified.set(request, actor);
    }
    return actor;
  };
}
