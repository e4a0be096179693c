import { GraphQLError } from 'graphql';
import type { Actor } from '../actor';
import type { Snapshot } from '../audit';
import type { SubgraphContext } from '../context';
import { forbidden } from '../errors';
import { type AuditedClient, inSavepoint, noSuchRecord, versionedChangeOutcome, type VersionedChange } from '../write';
import { JsonReader, type OnboardingKommun, RecordFormatError } from './onboarding-file';
import type { RecordImportLog, RefusedRecord } from './record-log';

/*
 * Writing the records of a file, the same in every subgraph that imports: one transaction per kommun
 * (rolled back in a dry run), a record refused without losing the rest, who may import, and one
 * record stored by its external id — compared first with what is stored, and written (and audited)
 * only when it is new or differs.
 */

/**
 * The refusal of a record as its path and message. A check's BAD_USER_INPUT names the input field
 * (`focusAreas[1].title`); the path follows it inside the record (`/focusAreas/1/title`), with the
 * file's name of a field where the mutation's input names it otherwise (`renames`). Errors that are
 * no refusal (a lost connection) are thrown on.
 */
export function refusalOf(error: unknown, recordPath: string, renames: Readonly<Record<string, string>> = {}): RefusedRecord {
  if (error instanceof RecordFormatError) return { path: error.path, message: error.message };
  if (!(error instanceof GraphQLError) || error.extensions.code === 'SERVICE_UNAVAILABLE' || error.extensions.code === undefined) throw error;
  const field = typeof error.extensions.field === 'string' ? error.extensions.field : null;
  if (!field) return { path: recordPath, message: error.message };
  const [head = '', ...rest] = field.replace(/\[(\d+)\]/g, '.$1').split('.');
  return { path: [recordPath, renames[head] ?? head, ...rest].join('/'), message: error.message };
}

/**
 * Imports each record of one section of a kommun's part (e.g. `agreements`); a refusal is logged by
 * path (`renames`: the file's names of the input fields whose names differ) and the rest go on. A
 * record's writes run in a savepoint ({@link importRecord}: the insert's own, or the write kit's), so
 * that a refused record leaves nothing behind; a record its stored values show unchanged (`holds`)
 * costs no savepoint.
 */
export async function importSection(
  tx: AuditedClient,
  log: RecordImportLog,
  kommun: OnboardingKommun,
  section: string,
  fields: readonly string[],
  work: (record: JsonReader) => Promise<void>,
  renames: Readonly<Record<string, string>> = {},
): Promise<void> {
  let items: { item: unknown; path: string }[];
  try {
    items = kommun.record.list(section);
  } catch (error) {
    const refusal = refusalOf(error, kommun.record.at(section));
    return log.refuse(refusal.path, refusal.message);
  }
  for (const { item, path } of items) {
    try {
      await work(JsonReader.of(item, path, fields));
    } catch (error) {
      const refusal = refusalOf(error, path, renames);
      log.refuse(refusal.path, refusal.message);
    }
  }
}

/** One record of a file to store by its external id, for {@link importRecord}. */
export interface RecordToImport<Tx extends AuditedClient, Row extends { version: number }, Stored extends Row = Row>
  extends Omit<VersionedChange<Tx, Row, void>, 'version' | 'id' | 'readBack'> {
  path: string;
  externalId: string;
  /** The audit trail's operation, e.g. importActionRecords. */
  operation: string;
  /** The stored record of the kommun with this external id, if any. */
  existingId: string | null;
  /** Writes and audits the record when there is none yet; returns its id. */
  insert(): Promise<string>;
  /**
   * The stored record as {@link RecordToImport.holds} compares it (read in a batch with the others
   * of its section, see StoredRecords). Left out, a stored record is always rewritten and compared
   * after.
   */
  stored?: Stored | null;
  /**
   * Whether the stored record already holds everything the file gives: every column and part that
   * `write` would set is equal to what it would set it to. Then writing would change nothing, and
   * the record is found unchanged without writing. It must never say true of a record that `write`
   * would change (a value it leaves out would be lost); false only costs the write and its undoing.
   */
  holds?(stored: Stored): boolean;
}

/**
 * Stores one record of a file: inserted (and audited) when its external id is new; found unchanged
 * without a write when the stored record already holds the file's values (`holds`), once the writer
 * is found to be allowed to read and change it as the write would check; else rewritten through the
 * write kit's versioned change (no version named: the file is the truth), which undoes it when it
 * changed nothing after all, so that a second import writes no version and no audit entry.
 *
 * The record its stored values show unchanged is not locked: a change by another writer after it was
 * read is kept, as if it had come after the import (which wrote nothing). A record that goes through
 * the write kit stays locked until the kommun's transaction ends, also when the kit finds it unchanged
 * or it is refused (the kit locks it before its savepoint, as every versioned write does).
 */
export async function importRecord<Tx extends AuditedClient, Row extends { version: number }, Stored extends Row = Row>(
  tx: Tx,
  writer: SubgraphContext,
  log: RecordImportLog,
  record: RecordToImport<Tx, Row, Stored>,
): Promise<void> {
  const base = { path: record.path, kind: record.entityType, externalId: record.externalId };
  if (!record.existingId) {
    log.stored({ ...base, id: await inSavepoint(tx, 'onboarding_record', () => record.insert(), () => true), change: 'INSERT' });
    return;
  }
  const id = record.existingId;
  const stored = record.stored;
  if (stored && record.holds?.(stored)) {
    // The checks the versioned change makes before it writes: the same refusals, in the same order.
    if (!record.mayRead(stored)) throw noSuchRecord(record.noun, id, record.idArgument);
    record.authorize(stored);
    log.stored({ ...base, id, change: 'UNCHANGED' });
    return;
  }
  const { changed } = await versionedChangeOutcome(tx, writer, record.operation, { ...record, id, version: null });
  log.stored({ ...base, id, change: changed ? 'UPDATE' : 'UNCHANGED' });
}

/** The `load` of a record without a version column (lägesbilder, styrdokument): the change names no version, so any will do. */
export function unversioned<Tx, Row extends object>(find: (tx: Tx, id: string) => PromiseLike<Row | null>) {
  return async (tx: Tx, id: string): Promise<(Row & { version: number }) | null> => {
    const row = await find(tx, id);
    return row && { ...row, version: 0 };
  };
}

/** A snapshot with the record's external id, compared and audited with the record's own fields. */
export function withExternalId<Tx>(snapshot: (tx: Tx, id: string) => Promise<Snapshot | null>, externalIdOf: (tx: Tx, id: string) => Promise<string | null | undefined>) {
  return async (tx: Tx, id: string): Promise<Snapshot | null> => {
    const own = await snapshot(tx, id);
    return own && { ...own, externalId: (await externalIdOf(tx, id)) ?? null };
  };
}

class DryRunRollback extends Error {}

/** Runs `work` in one transaction, rolled back at its end in a dry run (the same writes, nothing kept). */
export async function importTransaction<Tx>(
  db: { $transaction<R>(work: (tx: Tx) => Promise<R>, options?: { timeout?: number; maxWait?: number }): Promise<R> },
  dryRun: boolean,
  work: (tx: Tx) => Promise<void>,
): Promise<void> {
  try {
    await db.$transaction(
      async (tx) => {
        await work(tx);
        if (dryRun) throw new DryRunRollback();
      },
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
}

/**
 * Refuses (FORBIDDEN) the whole file for an actor who may import nothing: analysts read and
 * anonymous callers neither. Administrators import any kommun; the parties their own (each record
 * is then checked as its mutation checks it).
 */
export function requireImporter(actor: Actor): void {
  if (actor.role === 'admin' || actor.role === 'kommun' || actor.role === 'police') return;
  throw forbidden(
    actor.role === 'anonymous' ? 'Sign in: only a kommun user, the police or an administrator may import records.' : `A user with the role ${actor.role} may not import records.`,
  );
}

/** A kommun user's file may touch only their own kommun: the refusal of any other, or null. */
export function otherKommunRefusal(actor: Actor, code: string): string | null {
  if (actor.role !== 'kommun' || actor.municipalityCode === code) return null;
  return `A user of kommun ${actor.municipalityCode} may not import records of kommun ${code}; nothing of this kommun was imported.`;
}
