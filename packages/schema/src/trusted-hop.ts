import { createHmac, timingSafeEqual } from 'node:crypto';
import { ANONYMOUS, type Actor, actorFromJson } from './actor';

/**
 * The trusted hop from gateway to subgraph: the gateway forwards the actor it verified, signed with
 * an HMAC over the actor and a timestamp; a subgraph believes only a valid, fresh signature.
 */

/** Header with the actor, as base64url JSON. */
export const ACTOR_HEADER = 'x-samverkan-actor';
/** Header with the time of signing, milliseconds since the epoch. */
export const ACTOR_TIMESTAMP_HEADER = 'x-samverkan-actor-timestamp';
/** Header with the HMAC-SHA256 (hex) of `timestamp.actor` under the shared secret. */
export const ACTOR_SIGNATURE_HEADER = 'x-samverkan-actor-signature';

/**
 * The shared secret used in development (and tests) when `SAMVERKAN_HOP_SECRET` is not set.
 * Production refuses to start with it.
 */
export const DEVELOPMENT_HOP_SECRET = 'samverkan-development-hop-secret';

/** How old a signature may be before a subgraph refuses it. @default 60000 */
export const DEFAULT_HOP_MAX_AGE_MS = 60_000;

function hmac(secret: string, timestamp: string, payload: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
}

/** The headers that carry `actor` from the gateway to a subgraph. */
export function signActorHeaders(actor: Actor, secret: string, now: number = Date.now()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify(actor)).toString('base64url');
  const timestamp = String(now);
  return { [ACTOR_HEADER]: payload, [ACTOR_TIMESTAMP_HEADER]: timestamp, [ACTOR_SIGNATURE_HEADER]: hmac(secret, timestamp, payload) };
}

/** What a subgraph makes of the actor headers of a request. */
export interface HopResult {
  actor: Actor;
  /** Why the headers were not believed, when they were present but not valid. */
  rejected?: string;
}

/** Reads the actor from request headers; missing, forged, stale or malformed headers mean anonymous. */
export function verifyActorHeaders(
  headers: Record<string, string | string[] | undefined>,
  secret: string,
  now: number = Date.now(),
  maxAgeMs: number = DEFAULT_HOP_MAX_AGE_MS,
): HopResult {
  const one = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const payload = one(ACTOR_HEADER);
  const timestamp = one(ACTOR_TIMESTAMP_HEADER);
  const signature = one(ACTOR_SIGNATURE_HEADER);
  if (!payload && !timestamp && !signature) return { actor: ANONYMOUS };
  if (!payload || !timestamp || !signature) return { actor: ANONYMOUS, rejected: 'incomplete actor headers' };
  const expected = Buffer.from(hmac(secret, timestamp, payload), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { actor: ANONYMOUS, rejected: 'bad actor signature' };
  const age = now - Number(timestamp);
  if (!Number.isFinite(age) || age > maxAgeMs || age < -maxAgeMs) return { actor: ANONYMOUS, rejected: 'stale actor signature' };
  try {
    return { actor: actorFromJson(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))) };
  } catch (error) {
    return { actor: ANONYMOUS, rejected: `malformed actor: ${(error as Error).message}` };
  }
}
