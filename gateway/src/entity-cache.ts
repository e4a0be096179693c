import type { Actor } from '@samverkan/schema';
import { createHash } from 'node:crypto';
import { BoundedStore } from './bounded-store';

/**
 * The entity cache: answers of subgraphs' entity fetches (`_entities`) kept across requests, so that
 * different questions share the parts they have in common (a kommun's counts, compliance and
 * standing, whoever's overview asks for them).
 *
 * - **Keyed by access scope.** An entry is found only by a caller of the same scope: the role and
 *   the units that decide what it may read (a kommun user's kommun, an analyst's polisregion, a
 *   police officer's region, polisområde and lokalpolisområde; anonymous callers and administrators
 *   each one scope). Two analysts of one region share; a kommun user never gets an analyst's entry,
 *   nor the reverse. A subgraph whose answers depend on who the caller is, not only on the scope
 *   (notifications: each subscription's owner), is never cached.
 * - **Never older than a write through the gateway.** Every mutation fetch, to any subgraph, starts
 *   a new generation when it is sent and again when it is answered; an entry is kept only if no
 *   generation began while it was fetched, and is found only in its own generation. A read that
 *   begins after a write was answered therefore never gets an entry fetched before it. Changes
 *   that bypass the gateway (the import commands, another gateway process) show within `ttlMs`.
 * - **Bounded** by the bytes of the kept answers (their JSON); the oldest go first. Only answers
 *   without errors are kept. Each hit is parsed anew, so no two requests share objects.
 */
export interface EntityCacheOptions {
  /** Bytes of entity answers kept (their JSON); 0 turns the cache off. @default 0: off (`SAMVERKAN_ENTITY_CACHE_BYTES`) */
  maxBytes?: number;
  /** How long an entry is used, for changes that bypass the gateway. @default 30000 (`SAMVERKAN_ENTITY_CACHE_MS`) */
  ttlMs?: number;
  /** Subgraphs whose entity answers are never kept (they depend on the caller's identity). @default ['notifications'] */
  exclude?: readonly string[];
}

/** The access scope of a caller: what decides which records it may read. */
export function accessScope(actor: Actor): string {
  switch (actor.role) {
    case 'anonymous':
    case 'admin':
      return actor.role;
    case 'kommun':
      return `kommun:${actor.municipalityCode}`;
    case 'analyst':
      return `analyst:${actor.policeRegionCode}`;
    case 'police':
      return `police:${actor.policeRegionCode}:${actor.policeDistrictId ?? ''}:${actor.localPoliceAreaId ?? ''}`;
  }
}

interface Entry {
  json: string;
  storedAt: number;
}

/** A fetch as the cache sees it: its subgraph, query, variables and caller. */
export interface EntityFetch {
  subgraph: string;
  query: string;
  variables: Record<string, unknown> | null | undefined;
  actor: Actor;
}

const isMutation = (query: string) => /^\s*mutation\b/.test(query);
const isEntityFetch = (query: string) => /^\s*query\b/.test(query) && query.includes('_entities(');

export class EntityCache {
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly exclude: ReadonlySet<string>;
  private readonly entries: BoundedStore<Entry>;
  private generation = 0;
  hits = 0;
  misses = 0;

  constructor(options: EntityCacheOptions = {}, private readonly now: () => number = Date.now) {
    this.maxBytes = options.maxBytes ?? 0;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.exclude = new Set(options.exclude ?? ['notifications']);
    this.entries = new BoundedStore(this.maxBytes);
  }

  get bytes(): number {
    return this.entries.totalSize;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Forgets everything: a write may change any entity. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /**
   * Runs a fetch through the cache: a mutation invalidates before and after it; an entity fetch is
   * answered from an entry of the caller's scope when there is one, else fetched and kept.
   */
  async fetch<Response extends { data?: unknown; errors?: readonly unknown[] | null }>(request: EntityFetch, send: () => Promise<Response>): Promise<Response> {
    if (this.maxBytes <= 0) return send();
    if (isMutation(request.query)) {
      this.invalidate();
      try {
        return await send();
      } finally {
        this.invalidate();
      }
    }
    if (this.exclude.has(request.subgraph) || !isEntityFetch(request.query)) return send();
    const started = this.generation;
    const key = createHash('sha256')
      .update(JSON.stringify([started, request.subgraph, accessScope(request.actor), request.query, request.variables ?? null]))
      .digest('hex');
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.storedAt <= this.ttlMs) {
      this.hits += 1;
      return { data: JSON.parse(entry.json) as unknown } as Response;
    }
    this.misses += 1;
    const response = await send();
    // Kept only when no write began meanwhile, and without errors.
    if (this.generation === started && !response.errors?.length && response.data) {
      const json = JSON.stringify(response.data);
      this.entries.set(key, { json, storedAt: this.now() }, json.length);
    }
    return response;
  }
}
