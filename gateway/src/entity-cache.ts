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
 * - **Never older than a finished write.** Entries are kept and found under the request's data
 *   version (see data-version.ts): the subgraphs were asked, after the request began, whether any
 *   audited write committed since; a write, through this gateway or not, gives a new version, and
 *   entries of older versions are never found again. Reads of a request without a version (a
 *   mutation, or a subgraph that did not say) bypass the cache.
 * - **Bounded** by the size of the kept answers (their JSON's length, plus what each entry costs
 *   besides) and by their number; the oldest go first. Only answers
 *   without errors are kept. Each hit is parsed anew, so no two requests share objects. An entry is
 *   used for `ttlMs` at most: some answers depend on the day (an agreement's status today).
 */
export interface EntityCacheOptions {
  /** Bytes of entity answers kept (their JSON); 0 turns the cache off. @default 33554432: 32 MiB (`SAMVERKAN_ENTITY_CACHE_BYTES`) */
  maxBytes?: number;
  /** How long an entry is used, for answers that depend on the clock. @default 60000 (`SAMVERKAN_ENTITY_CACHE_MS`) */
  ttlMs?: number;
  /** Subgraphs whose entity answers are never kept (they depend on the caller's identity). @default ['notifications'] */
  exclude?: readonly string[];
}

/** The entity cache's bound when none is given: 32 MiB of answers' JSON. */
export const DEFAULT_ENTITY_CACHE_BYTES = 32 * 2 ** 20;

/** What an entry costs besides its answer's text, counted against the bound: its key, the store's slot and objects. */
const ENTRY_OVERHEAD = 320;
/** The most entries kept, whatever their size. */
const MAX_ENTRIES = 50_000;

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
      // JSON, not a joined text: no two units' ids can make the same scope.
      return JSON.stringify(['police', actor.policeRegionCode, actor.policeDistrictId ?? null, actor.localPoliceAreaId ?? null]);
  }
}

interface Entry {
  json: string;
  storedAt: number;
}

/** A fetch as the cache sees it: its subgraph, query, variables, caller and the request's data version. */
export interface EntityFetch {
  subgraph: string;
  query: string;
  variables: Record<string, unknown> | null | undefined;
  actor: Actor;
  /** The request's data version (see data-version.ts); null: the request may not be answered from the cache. */
  version: string | null;
}

const isEntityFetch = (query: string) => /^\s*query\b/.test(query) && query.includes('_entities(');

export class EntityCache {
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly exclude: ReadonlySet<string>;
  private readonly entries: BoundedStore<Entry>;
  hits = 0;
  misses = 0;

  constructor(options: EntityCacheOptions = {}, private readonly now: () => number = Date.now) {
    this.maxBytes = options.maxBytes ?? DEFAULT_ENTITY_CACHE_BYTES;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.exclude = new Set(options.exclude ?? ['notifications']);
    this.entries = new BoundedStore(this.maxBytes, MAX_ENTRIES);
  }

  get bytes(): number {
    return this.entries.totalSize;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether it keeps anything at all (a bound of 0 turns it off). */
  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** Forgets everything: the data changed, and entries of older versions are never found again. */
  clear(): void {
    this.entries.clear();
  }

  /**
   * Runs a fetch through the cache: an entity fetch of a request with a data version is answered
   * from an entry of the caller's scope and that version when there is one, else fetched and kept.
   */
  async fetch<Response extends { data?: unknown; errors?: readonly unknown[] | null }>(request: EntityFetch, send: () => Promise<Response>): Promise<Response> {
    if (this.maxBytes <= 0 || request.version === null || this.exclude.has(request.subgraph) || !isEntityFetch(request.query)) return send();
    const key = createHash('sha256')
      .update(JSON.stringify([request.version, request.subgraph, accessScope(request.actor), request.query, request.variables ?? null]))
      .digest('hex');
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.storedAt <= this.ttlMs) {
      this.hits += 1;
      return { data: JSON.parse(entry.json) as unknown } as Response;
    }
    if (entry) this.entries.delete(key); // too old
    this.misses += 1;
    const response = await send();
    if (!response.errors?.length && response.data) {
      const json = JSON.stringify(response.data);
      this.entries.set(key, { json, storedAt: this.now() }, json.length + ENTRY_OVERHEAD);
    }
    return response;
  }
}
