import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { createHash } from 'node:crypto';
import { BoundedStore } from './bounded-store';
import type { GatewayContext } from './context';

/**
 * Answers shared between identical reads, so that many people asking the same thing cost one
 * execution:
 *
 * - **In flight.** A query that arrives while the very same query (same text, variables and
 *   operation, same caller) is being answered waits for that answer instead of asking the
 *   subgraphs again. Both were asked at the same time, so either answer is right for both. Only
 *   answers without errors are shared; a waiter whose answer had errors asks for itself.
 * - **Cached, for anonymous callers.** The same query asked without a token is answered from
 *   memory for `ttlMs`. Only public records reach anonymous callers, so one answer is right for
 *   every one of them. Answers with errors are never kept, nor answers to signed-in callers.
 *
 * Both are keyed by the request's data version (see data-version.ts): the subgraphs were asked,
 * after the request began, whether any audited write committed since; any write, through this
 * gateway or not, gives a new version, so a read never gets an answer (cached or in flight) that
 * is older than a write that finished before it began. A request without a version (a mutation, a
 * subgraph that did not say) is answered for itself. `ttlMs` bounds how long an answer is used,
 * for answers that depend on the clock (an agreement's status today).
 */
export interface ResponseCacheOptions {
  /** How long an answer to anonymous callers is used, in ms; 0 turns the cache off. @default 60000 (`SAMVERKAN_RESPONSE_CACHE_MS`) */
  ttlMs?: number;
  /** Whether identical reads in flight share one answer. @default true (`SAMVERKAN_SHARE_IN_FLIGHT`, `0` turns it off) */
  shareInFlight?: boolean;
  /** The most bytes of answers (their JSON) kept; the oldest go first. @default 33554432 (32 MiB) */
  maxBytes?: number;
}

/** The most answers kept (the oldest go first). */
const MAX_ENTRIES = 500;

type Result = Record<string, unknown>;

interface Entry {
  storedAt: number;
  result: Result;
}

/** The answer a response carries, when it is one that may be shared (no errors). */
const shareable = (response: GraphQLResponse): Result | null =>
  response.body.kind === 'single' && !response.body.singleResult.errors?.length ? (response.body.singleResult as Result) : null;

/**
 * Outside production an answer from memory says so (`x-samverkan-cache`); in production it does not,
 * since whether a repeated anonymous read is a hit tells whether anything was written meanwhile.
 */
const answer = (result: Result, how: 'hit' | 'shared'): GraphQLResponse => ({
  http: { status: undefined, headers: new HeaderMap(process.env.NODE_ENV === 'production' ? [] : [['x-samverkan-cache', how]]) },
  body: { kind: 'single', singleResult: result },
});

export function useResponseCache(options: ResponseCacheOptions = {}, now: () => number = Date.now): ApolloServerPlugin<GatewayContext> & { clear(): void; readonly enabled: boolean; readonly size: number; readonly bytes: number } {
  const ttlMs = options.ttlMs ?? 60_000;
  const shareInFlight = options.shareInFlight ?? true;
  const maxBytes = options.maxBytes ?? 32 * 2 ** 20;
  /** Cached answers to anonymous callers, by key (which includes the data version); the oldest go first, within both bounds. */
  const entries = new BoundedStore<Entry>(maxBytes, MAX_ENTRIES);
  /** Answers being computed, by key: each resolves to the answer, or null when it may not be shared. */
  const inFlight = new Map<string, Promise<Result | null>>();
  return {
    clear: () => entries.clear(),
    /** Whether it caches or shares anything at all. */
    enabled: ttlMs > 0 || shareInFlight,
    get size() {
      return entries.size;
    },
    get bytes() {
      return entries.totalSize;
    },
    async requestDidStart({ contextValue }) {
      const anonymous = contextValue.actor.role === 'anonymous';
      /** The key of this request's answer under a data version (the request's text, variables, operation and caller). */
      let keyOf: ((version: string) => string) | null = null;
      let finish: ((result: Result | null) => void) | null = null;
      /** Whether the answer came from memory (never kept again: its time counts from when it was made). */
      let fromMemory = false;
      return {
        async responseForOperation({ request, operation }): Promise<GraphQLResponse | null> {
          const cached = ttlMs > 0 && anonymous;
          if (operation.operation !== 'query' || (!cached && !shareInFlight)) return null;
          const version = await contextValue.dataVersion?.all();
          if (!version) return null;
          const question = JSON.stringify([contextValue.actor, request.query ?? '', request.variables ?? {}, request.operationName ?? null]);
          keyOf = (at) => createHash('sha256').update(at).update('\n').update(question).digest('hex');
          const key = keyOf(version);
          const entry = cached ? entries.get(key) : undefined;
          if (entry && now() - entry.storedAt <= ttlMs) {
            fromMemory = true;
            return answer(entry.result, 'hit');
          }
          if (!shareInFlight) return null;
          const pending = inFlight.get(key);
          if (pending) {
            const result = await pending;
            fromMemory = result !== null;
            if (result) return answer(result, 'shared');
            return null; // the first one's answer had errors: ask for ourselves
          }
          const thisKey = key;
          inFlight.set(
            thisKey,
            new Promise<Result | null>((resolve) => {
              finish = (result) => {
                inFlight.delete(thisKey);
                resolve(result);
              };
            }),
          );
          return null;
        },
        async willSendResponse({ response }) {
          const result = shareable(response);
          finish?.(result);
          if (!keyOf || !result || ttlMs <= 0 || !anonymous || fromMemory) return;
          // The key holds the data version the read was answered from: after a write it is never found
          // again. The version is read again now, over the subgraphs of the plan as learnt by now (the
          // answers asked when the request began), so that the next request of this operation finds it.
          const version = await contextValue.dataVersion?.all();
          if (!version) return;
          const bytes = JSON.stringify(result).length;
          entries.set(keyOf(version), { storedAt: now(), result }, bytes);
        },
      };
    },
  };
}
