import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { createHash } from 'node:crypto';
import type { GatewayContext } from './gateway';

/**
 * A response cache for anonymous reads: the same query with the same variables, asked without a
 * token, is answered from memory for `ttlMs`. Only public records reach anonymous callers, so one
 * cached answer is right for every one of them. Any mutation through the gateway empties the cache
 * at once; a change that bypasses the gateway (the import command) shows within `ttlMs`.
 * Answers with errors are never cached, nor are answers to signed-in callers.
 */
export interface ResponseCacheOptions {
  /** How long an answer is kept, in ms; 0 turns the cache off. @default 5000 (`SAMVERKAN_RESPONSE_CACHE_MS`) */
  ttlMs?: number;
  /** The most answers kept (the oldest go first). @default 500 */
  maxEntries?: number;
}

interface Entry {
  storedAt: number;
  generation: number;
  result: Record<string, unknown>;
}

export function useResponseCache(options: ResponseCacheOptions = {}, now: () => number = Date.now): ApolloServerPlugin<GatewayContext> & { clear(): void; readonly size: number } {
  const ttlMs = options.ttlMs ?? 5000;
  const maxEntries = options.maxEntries ?? 500;
  const entries = new Map<string, Entry>();
  let generation = 0;
  const keyOf = (query: string | undefined, variables: unknown, operationName: string | undefined) =>
    createHash('sha256').update(JSON.stringify([query ?? '', variables ?? {}, operationName ?? null])).digest('hex');

  return {
    clear() {
      generation += 1;
      entries.clear();
    },
    get size() {
      return entries.size;
    },
    async requestDidStart({ contextValue }) {
      const anonymous = contextValue.actor.role === 'anonymous';
      let key: string | null = null;
      return {
        async responseForOperation({ request, operation }): Promise<GraphQLResponse | null> {
          if (ttlMs <= 0 || !anonymous || operation.operation !== 'query') return null;
          key = keyOf(request.query, request.variables, request.operationName);
          const entry = entries.get(key);
          if (!entry || entry.generation !== generation || now() - entry.storedAt > ttlMs) return null;
          return { http: { status: undefined, headers: new HeaderMap([['x-samverkan-cache', 'hit']]) }, body: { kind: 'single', singleResult: entry.result } };
        },
        async willSendResponse({ response, operation }) {
          if (operation?.operation === 'mutation') {
            // A write may change what any cached answer shows.
            generation += 1;
            entries.clear();
            return;
          }
          if (!key || response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
          entries.set(key, { storedAt: now(), generation, result: response.body.singleResult as Record<string, unknown> });
        },
      };
    },
  };
}
