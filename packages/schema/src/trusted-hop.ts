import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ANONYMOUS, type Actor, actorFromJson } from './actor';

/**
 * The trusted hop from a router (our gateway, or Hive Gateway with our plugin) to a subgraph: the
 * router forwards the actor it verified, signed with an HMAC under the shared secret over the
 * actor, the time, the subgraph the request is meant for, and a digest of the request itself (its
 * query and variables). A subgraph believes only a valid, fresh signature made for it and for the
 * request it received: headers captured from one request cannot be replayed for another operation,
 * other variables or another subgraph, and not after the window.
 */

/** Header with the actor, as base64url JSON. */
export const ACTOR_HEADER = 'x-samverkan-actor';
/** Header with the time of signing, milliseconds since the epoch. */
export const ACTOR_TIMESTAMP_HEADER = 'x-samverkan-actor-timestamp';
/** Header with the HMAC-SHA256 (hex) of the signed text (see {@link signedText}) under the shared secret. */
export const ACTOR_SIGNATURE_HEADER = 'x-samverkan-actor-signature';

/**
 * The shared secret used in development (and tests) when `SAMVERKAN_HOP_SECRET` is not set.
 * Production refuses to start with it.
 */
export const DEVELOPMENT_HOP_SECRET = 'samverkan-development-hop-secret';

/** How old (or how far ahead, for clocks that differ a little) a signature may be before a subgraph refuses it. @default 15000 */
export const DEFAULT_HOP_MAX_AGE_MS = 15_000;

/** The request a hop is signed for: the subgraph it goes to, and the GraphQL request it carries. */
export interface HopRequest {
  /** The subgraph's name in the registry, e.g. "agreements". */
  subgraph: string;
  /** The GraphQL document sent. */
  query: string;
  /** Its variables, if any. */
  variables?: Record<string, unknown> | null;
}

/** JSON with object keys sorted, so that the same value always gives the same text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : stableJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The SHA-256 of a GraphQL request's query and variables (empty variables count as none), base64url. */
export function requestDigest(query: string, variables?: Record<string, unknown> | null): string {
  const withVariables = variables && Object.keys(variables).length > 0 ? { query, variables } : { query };
  return createHash('sha256').update(stableJson(withVariables)).digest('base64url');
}

/** The text a hop's signature covers: version, time, subgraph, request digest and actor. */
function signedText(timestamp: string, payload: string, request: HopRequest): string {
  return ['samverkan-hop-v2', timestamp, request.subgraph, requestDigest(request.query, request.variables), payload].join('\n');
}

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

/** The headers that carry `actor` to the subgraph of `request`, for that request only. */
export function signActorHeaders(actor: Actor, secret: string, request: HopRequest, now: number = Date.now()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify(actor)).toString('base64url');
  const timestamp = String(now);
  return { [ACTOR_HEADER]: payload, [ACTOR_TIMESTAMP_HEADER]: timestamp, [ACTOR_SIGNATURE_HEADER]: hmac(secret, signedText(timestamp, payload, request)) };
}

/** What a subgraph makes of the actor headers of a request. */
export interface HopResult {
  actor: Actor;
  /** Why the headers were not believed, when they were present but not valid. */
  rejected?: string;
  /** True when the headers were valid: the request came over the trusted hop (from the gateway, or a subgraph holding the secret), whoever its actor. */
  signed?: true;
}

/**
 * Reads the actor from the headers of `request` as this subgraph received it; missing, forged,
 * stale, malformed headers, or headers signed for another request or subgraph, mean anonymous.
 */
export function verifyActorHeaders(
  headers: Record<string, string | string[] | undefined>,
  secret: string,
  request: HopRequest,
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
  const expected = Buffer.from(hmac(secret, signedText(timestamp, payload, request)), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { actor: ANONYMOUS, rejected: 'bad actor signature' };
  const age = now - Number(timestamp);
  if (!Number.isFinite(age) || age > maxAgeMs || age < -maxAgeMs) return { actor: ANONYMOUS, rejected: 'stale actor signature' };
  try {
    return { actor: actorFromJson(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))), signed: true };
  } catch (error) {
    return { actor: ANONYMOUS, rejected: `malformed actor: ${(error as Error).message}` };
  }
}
