import { createHash } from 'node:crypto';
import type { Actor } from './actor';
import type { Snapshot } from './audit';
import type { SubgraphContext } from './context';
import { type AuditedClient, versionedChangeOutcome } from './write';

/*
 * Reference records that can change: each record a service loads from its source documents keeps
 * the hash of the seed it was written from and the version that write left. At start-up a seed
 * whose hash differs is written again, through the write kit (audited as `seedReference`), but only
 * while nobody has edited the record since; an edited record is left as it is, and the log says so.
 */

/** The columns a reference record keeps for this. */
export interface SeededRow {
  id: string;
  version: number;
  seedHash: string | null;
  seededVersion: number | null;
}

/** What the seed stamps on the record it writes. */
export interface SeedStamp {
  seedHash: string;
  seededVersion: number;
}

/** Where the seeds' lines go: a service's logger. */
export interface SeedLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** How one kind of reference record is found, written and audited. */
export interface ReferenceKind<Tx extends AuditedClient, Seed, Row extends SeededRow> {
  /** The record's table and the audit trail's entity type, e.g. "Agreement". */
  entityType: string;
  /** The record's name in messages, e.g. "agreement". */
  noun: string;
  /** The key a seed's record is found by (its id or its seed key). */
  keyOf(seed: Seed): string;
  /** Loads a record by that key, or by its id. */
  load(tx: Tx, keyOrId: string): Promise<Row | null>;
  /** Writes a new record from its seed, with the stamp. */
  create(tx: Tx, seed: Seed, stamp: SeedStamp): Promise<void>;
  /** Rewrites a record from its seed, with the stamp; moves its version on to `stamp.seededVersion`. */
  update(tx: Tx, seed: Seed, row: Row, stamp: SeedStamp): Promise<void>;
  /** The record's audited fields, as its mutations audit them. */
  snapshot(tx: Tx, id: string): Promise<Snapshot | null>;
}

/** What a run of {@link applyReferenceRecords} did, by seed key. */
export interface SeedOutcome {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Records whose seed changed but that a user has edited since they were seeded: left alone. */
  keptEdited: string[];
}

/**
 * The writer of reference data in the audit trail: role `system`, subject `reference-data` (as the
 * survey results' seed writes it). `Actor` has no such role, since no request ever carries it; the
 * kit reads only its role and subject for the audit entry, and the seed's own checks allow it.
 */
export const REFERENCE_DATA_WRITER: SubgraphContext = {
  actor: { role: 'system', subject: 'reference-data' } as unknown as Actor,
  requestId: 'seedReference',
};

/** A seed's hash: SHA-256 of its JSON (seeds are plain data written in a fixed key order). */
export function seedHashOf(seed: unknown): string {
  return createHash('sha256').update(JSON.stringify(seed)).digest('hex');
}

/**
 * The version a record was left at by its seed. Records written before the hub kept seed hashes
 * have neither column; they were written at version 1, so version 1 means unedited.
 */
function versionSeeded(row: SeededRow): number {
  return row.seededVersion ?? 1;
}

/**
 * Writes each seed's record: creates what is missing, rewrites what its seed changed while the
 * record is as its seed left it, and leaves the rest. Idempotent: a second run changes nothing.
 */
export async function applyReferenceRecords<Tx extends AuditedClient, Seed, Row extends SeededRow>(
  tx: Tx,
  kind: ReferenceKind<Tx, Seed, Row>,
  seeds: readonly Seed[],
  log: SeedLog,
): Promise<SeedOutcome> {
  const outcome: SeedOutcome = { created: [], updated: [], unchanged: [], keptEdited: [] };
  for (const seed of seeds) {
    const id = kind.keyOf(seed);
    const seedHash = seedHashOf(seed);
    const row = await kind.load(tx, id);
    if (!row) {
      await kind.create(tx, seed, { seedHash, seededVersion: 1 });
      outcome.created.push(id);
      continue;
    }
    if (row.seedHash === seedHash) {
      outcome.unchanged.push(id);
      continue;
    }
    if (row.version !== versionSeeded(row)) {
      log.warn(`Reference ${kind.noun} "${id}" not updated from its changed source: it was edited since it was seeded (version ${row.version}, seeded at ${versionSeeded(row)}).`, {
        entityType: kind.entityType,
        id,
      });
      outcome.keptEdited.push(id);
      continue;
    }
    const { changed } = await versionedChangeOutcome(tx, REFERENCE_DATA_WRITER, 'seedReference', {
      entityType: kind.entityType,
      noun: kind.noun,
      id: row.id,
      version: row.version,
      load: kind.load,
      mayRead: () => true,
      authorize: () => undefined,
      snapshot: kind.snapshot,
      write: (tx, locked) => kind.update(tx, seed, locked, { seedHash, seededVersion: locked.version + 1 }),
    });
    if (!changed) {
      // The new seed changes none of the record's audited fields, so the kit undid the write: keep
      // only the new seed's stamp, at the same version (no entry, as nothing a reader sees changed).
      await kind.update(tx, seed, row, { seedHash, seededVersion: row.version });
      outcome.unchanged.push(id);
      continue;
    }
    log.info(`Reference ${kind.noun} "${id}" updated from its changed source.`, { entityType: kind.entityType, id });
    outcome.updated.push(id);
  }
  return outcome;
}
