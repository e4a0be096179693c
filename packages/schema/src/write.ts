import type { Actor } from './actor';
import type { PartyActor } from './auth';
import { type AuditEntryData, type AuditEntryRow, type Snapshot, storeChanges } from './audit';
import type { SubgraphContext } from './context';
import { conflict, notFound } from './errors';
import { groupLoader } from './loaders';

/*
 * The write kit every subgraph's mutations use: the audit trail's store, the row lock, the writer's
 * name, and one versioned change — lock the row, load it, check that the writer may read it, check
 * who may change it, check the version, snapshot, write, audit in the same transaction, read back —
 * so that the order of those steps is written once. A write that changes none of the audited fields
 * is undone: the version rises exactly when the history gains an entry.
 */

/** The part of a service's Prisma client (or transaction) that the kit uses: raw SQL and its `AuditEntry` table. */
export interface AuditedClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  auditEntry: {
    findMany(args: {
      where: { entityType: string; entityKey: { in: string[] } };
      orderBy: ({ at: 'asc' } | { id: 'asc' })[];
    }): PromiseLike<AuditEntryRow[]>;
  };
}

/** The writer's user id as the records name it (a token's subject; "anonymous" without one). */
export function actorSubject(actor: Actor): string {
  return 'subject' in actor ? actor.subject : 'anonymous';
}

/**
 * The audit entries of a write, one array parameter per column, unnested into `AuditEntry` (the same
 * table in every subgraph). The time is the database's, in UTC, as the column's default writes it.
 */
const INSERT_AUDIT_ENTRIES = `
INSERT INTO "AuditEntry" ("id", "at", "actorRole", "actorSubject", "requestId", "operation", "entityType", "entityKey", "changes")
SELECT gen_random_uuid()::text, clock_timestamp() AT TIME ZONE 'UTC', e.*
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]::jsonb[])
  AS e("actorRole", "actorSubject", "requestId", "operation", "entityType", "entityKey", "changes")`;

/**
 * Stores audit entries in the service's `AuditEntry` table, in the write's transaction, in one
 * statement however many (an import of 100,000 survey results writes them 2,000 at a time).
 */
export async function writeAudits(tx: AuditedClient, entries: readonly AuditEntryData[]): Promise<void> {
  if (!entries.length) return;
  const column = <T>(pick: (entry: AuditEntryData) => T) => entries.map(pick);
  await tx.$executeRawUnsafe(
    INSERT_AUDIT_ENTRIES,
    column((e) => e.actorRole),
    column((e) => e.actorSubject),
    column((e) => e.requestId),
    column((e) => e.operation),
    column((e) => e.entityType),
    column((e) => e.entityKey),
    // Snapshots hold only JSON values (see `Snapshot`), so the changes are JSON.
    column((e) => JSON.stringify(e.changes)),
  );
}

/** Stores one audit entry (see {@link writeAudits}). */
export function writeAudit(tx: AuditedClient, entry: AuditEntryData): Promise<void> {
  return writeAudits(tx, [entry]);
}

/**
 * Locks a record's row until the transaction ends, so that two writers who read the same version
 * cannot both change it: the second waits, then finds the version moved on. `table` is one of the
 * service's own table names, never client input; `id` is its primary key (text, or a number for a
 * single-row table such as a revision counter).
 */
export async function lockRow(tx: AuditedClient, table: string, id: string | number): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE id = $1 FOR UPDATE`, id);
}

/**
 * Runs writes in a savepoint of the caller's transaction: kept when `keep` says so, else undone (a
 * write that changed nothing, or one refused: PostgreSQL's transaction goes on after a failed
 * statement only from a savepoint). `name` is a fixed SQL identifier, never client input; nested
 * savepoints take different names.
 */
export async function inSavepoint<T>(tx: AuditedClient, name: string, work: () => Promise<T>, keep: (result: T) => boolean): Promise<T> {
  await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
  await tx.$executeRawUnsafe(keep(result) ? `RELEASE SAVEPOINT ${name}` : `ROLLBACK TO SAVEPOINT ${name}`);
  return result;
}

/** Whether two snapshots of a record hold the same values. */
export function sameSnapshot(before: unknown, after: unknown): boolean {
  return JSON.stringify(before) === JSON.stringify(after);
}

/** Records that a write created a record: all its audited fields, from nothing. */
export async function auditCreated<Tx extends AuditedClient>(
  tx: Tx,
  writer: SubgraphContext,
  operation: string,
  entity: { type: string; key: string },
  snapshot: (tx: Tx, id: string) => Promise<Snapshot | null>,
): Promise<void> {
  await storeChanges((entry) => writeAudit(tx, entry), writer, operation, entity, null, await snapshot(tx, entity.key));
}

/**
 * The audit trail of one type of record, for every record of a request in one SQL statement:
 * `historyLoader('Action')(context).load(id)`.
 */
export function historyLoader<Context extends { db: AuditedClient }>(entityType: string) {
  return groupLoader(
    async (keys: readonly string[], context: Context) =>
      await context.db.auditEntry.findMany({ where: { entityType, entityKey: { in: [...keys] } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    (row: AuditEntryRow) => row.entityKey,
  );
}

/**
 * The visibility rule every subgraph follows (`visibleWhere`'s), on one record in memory:
 * administrators read everything, anonymous callers the published records, and the parties the
 * published records plus those `ownRecord` says are theirs.
 */
export function mayReadRecord(actor: Actor, published: boolean, ownRecord: (party: PartyActor) => boolean): boolean {
  if (actor.role === 'admin' || published) return true;
  if (actor.role === 'anonymous') return false;
  return ownRecord(actor);
}

/**
 * The NOT_FOUND error of a record that does not exist, and equally of one the caller may not read:
 * the two answer alike, so that an answer tells nothing of a record the caller cannot see.
 */
export function noSuchRecord(noun: string, id: string, idArgument = 'id') {
  return notFound(`No ${noun} has the id "${id}".`, { field: idArgument });
}

/** One versioned change to one record (and perhaps to records it touches), for {@link versionedChange}. */
export interface VersionedChange<Tx extends AuditedClient, Row extends { version: number }, Result = void> {
  /** The record's table and the audit trail's entity type, e.g. "Action". */
  entityType: string;
  /** The record's name in messages, e.g. "åtgärd". */
  noun: string;
  /** The record's id. */
  id: string;
  /** The argument that named the record, for NOT_FOUND. @default 'id' */
  idArgument?: string;
  /** The version the client read; null skips the check (where the API leaves it optional). */
  version: number | null;
  /** Loads the record (after its row is locked); null when there is none. */
  load(tx: Tx, id: string): Promise<Row | null>;
  /**
   * Whether the writer may read the record (the service's read rule). A record the writer may not
   * read is NOT_FOUND exactly as a missing one, before anything else is checked: what follows
   * (FORBIDDEN, CONFLICT) may name the record's kommun, state or version.
   */
  mayRead(row: Row): boolean;
  /** Throws (FORBIDDEN) when the writer, who may read the record, may not change it; runs before the version is compared. */
  authorize(row: Row): void;
  /**
   * The record's audited fields, before and after the write. Read each part with a query of its
   * own: Prisma sends the queries of a multi-relation `include` side by side, which one
   * transaction's connection cannot serve (pg warns, and its next major version refuses).
   */
  snapshot(tx: Tx, id: string): Promise<Snapshot | null>;
  /** Other records the write changes too, audited as well (e.g. the agreement a successor supersedes). */
  alsoChanges?(row: Row): readonly (string | null)[];
  /**
   * The write itself: its own checks, then the changes. The version is the write's to increment;
   * when no audited field of any record changed, the kit undoes the whole write (the version too).
   */
  write(tx: Tx, row: Row): Promise<void>;
  /**
   * Refuses (throws) a write that changed an audited field, once it has run: the kit undoes it. For a
   * write that may only find a record unchanged (a party's import over a record no longer a draft).
   * `row` is the record as loaded before the write.
   */
  refuseChange?(row: Row): void;
  /** What the mutation answers: the record as the write left it. Without it the change answers nothing (`Result` is void). */
  readBack?(tx: Tx, id: string): Promise<Result>;
}

/** What {@link versionedChangeOutcome} did: the mutation's answer, and whether any audited field changed (else the write was undone). */
export interface VersionedOutcome<Result> {
  result: Result;
  changed: boolean;
}

/**
 * Changes one record in the caller's transaction, always in the same order: lock the row → load →
 * NOT_FOUND (also when the writer may not read it) → may the writer change it (FORBIDDEN) → version
 * check (CONFLICT, with the current version) → snapshot → write → refuse a change the write may not
 * make (`refuseChange`) → audit what changed → read back.
 *
 * A write that changes no audited field (the same values again) is undone in a savepoint: no new
 * version and no audit entry, so that the version, the history, change notifications and the
 * gateway's caches (which see writes through the audit trail) always agree. It answers the record
 * as it was.
 */
export async function versionedChange<Tx extends AuditedClient, Row extends { version: number }, Result = void>(
  tx: Tx,
  writer: SubgraphContext,
  operation: string,
  change: VersionedChange<Tx, Row, Result>,
): Promise<Result> {
  return (await versionedChangeOutcome(tx, writer, operation, change)).result;
}

/**
 * {@link versionedChange}, telling also whether the write changed anything: for writers that report
 * it (an import's UPDATE or UNCHANGED, reference data's stamp) without reading the record again.
 */
export async function versionedChangeOutcome<Tx extends AuditedClient, Row extends { version: number }, Result = void>(
  tx: Tx,
  writer: SubgraphContext,
  operation: string,
  change: VersionedChange<Tx, Row, Result>,
): Promise<VersionedOutcome<Result>> {
  await lockRow(tx, change.entityType, change.id);
  const row = await change.load(tx, change.id);
  if (!row || !change.mayRead(row)) throw noSuchRecord(change.noun, change.id, change.idArgument);
  change.authorize(row);
  if (change.version != null && change.version !== row.version) {
    throw conflict(`The ${change.noun} has changed since you read it (your version ${change.version}, now ${row.version}); read it again and redo your change.`, {
      currentVersion: row.version,
    });
  }
  const ids = [...new Set([change.id, ...(change.alsoChanges?.(row) ?? []).filter((id): id is string => id !== null)])];
  const before = new Map<string, Snapshot | null>();
  for (const id of ids) before.set(id, await change.snapshot(tx, id));
  const { after, changed } = await inSavepoint(
    tx,
    'versioned_change',
    async () => {
      await change.write(tx, row);
      const now = new Map<string, Snapshot | null>();
      for (const id of ids) now.set(id, await change.snapshot(tx, id));
      const changedAny = ids.some((id) => !sameSnapshot(before.get(id), now.get(id)));
      if (changedAny) change.refuseChange?.(row);
      return { after: now, changed: changedAny };
    },
    (outcome) => outcome.changed,
  );
  if (changed) {
    for (const [id, was] of before) {
      await storeChanges((entry) => writeAudit(tx, entry), writer, operation, { type: change.entityType, key: id }, was, after.get(id) ?? null);
    }
  }
  // Without readBack, Result is void (its default): the cast states only that.
  return { result: change.readBack ? await change.readBack(tx, change.id) : (undefined as Result), changed };
}
