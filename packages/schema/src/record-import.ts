import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Actor } from './actor';
import type { SharedSchemaTypes } from './builder';
import type { SubgraphContext } from './context';
import { parseIsoDate } from './dates';
import { badInput, forbidden } from './errors';
import { type AuditedClient, versionedChange, type VersionedChange } from './write';
import type { Snapshot } from './audit';

/*
 * What the record imports of every subgraph share (bulk onboarding, docs/onboarding-import.md): the
 * file's envelope, reading its untyped JSON with a path for every error, one savepoint per record
 * (a refused record is left out and the rest kept), a dry run as a transaction rolled back, and the
 * summary. Each subgraph checks and writes its own records with its mutations' own functions.
 */

/** The format name every onboarding file starts with. */
export const ONBOARDING_FORMAT = 'samverkan-onboarding/1';

/** What an import did (or in a dry run would do) to one record. */
export type RecordChange = 'INSERT' | 'UPDATE' | 'UNCHANGED';

/** One record an import stored (or would store). */
export interface ImportedRecord {
  /** Where it is in the file (JSON Pointer), e.g. /municipalities/3/actions/12. */
  path: string;
  /** Its type, e.g. Agreement. */
  kind: string;
  externalId: string;
  /** Its id in the hub (null in a dry run for a record not yet stored). */
  id: string | null;
  change: RecordChange;
  /** What the import made of it where that differs from the file (e.g. a signed record stored as a draft). */
  note: string | null;
}

/** A record (or a kommun) an import refused, and why. */
export interface RefusedRecord {
  path: string;
  message: string;
}

/** What importing one file did, or in a dry run would do. */
export interface RecordImportSummary {
  importId: string;
  fileName: string;
  dryRun: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  refused: RefusedRecord[];
  records: ImportedRecord[];
}

/** Collects an import's results, record by record. */
export class RecordImportLog {
  readonly refused: RefusedRecord[] = [];
  readonly records: ImportedRecord[] = [];

  constructor(
    readonly fileName: string,
    readonly dryRun: boolean,
  ) {}

  stored(record: Omit<ImportedRecord, 'note'> & { note?: string | null }): void {
    this.records.push({ ...record, id: this.dryRun && record.change === 'INSERT' ? null : record.id, note: record.note ?? null });
  }

  refuse(path: string, message: string): void {
    this.refused.push({ path, message });
  }

  summary(): RecordImportSummary {
    const count = (change: RecordChange) => this.records.filter((r) => r.change === change).length;
    return {
      importId: randomUUID(),
      fileName: this.fileName,
      dryRun: this.dryRun,
      inserted: count('INSERT'),
      updated: count('UPDATE'),
      unchanged: count('UNCHANGED'),
      refused: this.refused,
      records: this.records,
    };
  }
}

/** A value of the file that is not what the format says: refused at its path. */
export class RecordFormatError extends Error {
  override name = 'RecordFormatError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON object of the file. */
export type JsonObject = Record<string, unknown>;

/**
 * Reads the values of one JSON object of the file, each error at the value's path. Optional values
 * may be missing or null; members the format does not know are refused (a misspelt field would
 * otherwise be lost without a word).
 */
export class JsonReader {
  constructor(
    readonly value: JsonObject,
    readonly path: string,
  ) {}

  static of(value: unknown, path: string, known?: readonly string[]): JsonReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordFormatError(path, 'must be a JSON object.');
    const unknown = known ? Object.keys(value).filter((key) => !known.includes(key)) : [];
    if (unknown.length) throw new RecordFormatError(`${path}/${unknown[0]}`, `is not a field of this record; the fields are ${known!.join(', ')}.`);
    return new JsonReader(value as JsonObject, path);
  }

  at(key: string): string {
    return `${this.path}/${key}`;
  }

  has(key: string): boolean {
    return this.value[key] != null;
  }

  text(key: string): string {
    const value = this.value[key];
    if (typeof value !== 'string') throw new RecordFormatError(this.at(key), value == null ? 'is required (a string).' : 'must be a string.');
    return value;
  }

  optionalText(key: string): string | null {
    return this.has(key) ? this.text(key) : null;
  }

  /** An optional day, `YYYY-MM-DD`, as given (the checks of the mutations take it so). */
  optionalDate(key: string): string | null {
    const value = this.optionalText(key);
    if (value === null) return null;
    try {
      return parseIsoDate(value);
    } catch {
      throw new RecordFormatError(this.at(key), `must be a date, YYYY-MM-DD; got "${value.slice(0, 40)}".`);
    }
  }

  optionalNumber(key: string): number | null {
    const value = this.value[key];
    if (value == null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new RecordFormatError(this.at(key), 'must be a number.');
    return value;
  }

  optionalBoolean(key: string): boolean | null {
    const value = this.value[key];
    if (value == null) return null;
    if (typeof value !== 'boolean') throw new RecordFormatError(this.at(key), 'must be true or false.');
    return value;
  }

  /** One of `values`; `fallback` when missing. */
  choice<Value extends string>(key: string, values: readonly Value[], fallback: Value): Value;
  choice<Value extends string>(key: string, values: readonly Value[]): Value | null;
  choice<Value extends string>(key: string, values: readonly Value[], fallback: Value | null = null): Value | null {
    const value = this.value[key];
    if (value == null) return fallback;
    if (!values.includes(value as Value)) throw new RecordFormatError(this.at(key), `must be one of ${values.join(', ')}.`);
    return value as Value;
  }

  /** An array's items with their paths; empty when missing. */
  list(key: string): { item: unknown; path: string }[] {
    const value = this.value[key];
    if (value == null) return [];
    if (!Array.isArray(value)) throw new RecordFormatError(this.at(key), 'must be a JSON array.');
    return value.map((item, index) => ({ item, path: `${this.at(key)}/${index}` }));
  }

  /** An array of strings; empty when missing. */
  texts(key: string): string[] {
    return this.list(key).map(({ item, path }) => {
      if (typeof item !== 'string') throw new RecordFormatError(path, 'must be a string.');
      return item;
    });
  }
}

/** One kommun's part of an onboarding file, with its index in the file. */
export interface OnboardingKommun {
  path: string;
  code: string;
  record: JsonReader;
}

/**
 * Reads an onboarding file's envelope: the format name and the kommuner, each with its code. A file
 * that is not JSON, or of another format, is refused whole (BAD_USER_INPUT). `index` is the first
 * kommun's index in the whole file, when the file is a part of a larger one (paths then name the
 * larger file).
 */
export function readOnboardingFile(text: string, sections: readonly string[], index = 0): OnboardingKommun[] {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (error) {
    throw badInput(`Nothing imported: the file is not JSON (${(error as Error).message}).`, { argument: 'file' });
  }
  try {
    const envelope = JsonReader.of(file, '', ['format', 'municipalities']);
    if (envelope.value.format !== ONBOARDING_FORMAT) throw new RecordFormatError('/format', `must be "${ONBOARDING_FORMAT}".`);
    return envelope.list('municipalities').map(({ item }, i) => {
      const path = `/municipalities/${index + i}`;
      const record = JsonReader.of(item, path, ['code', ...sections]);
      return { path, code: record.text('code'), record };
    });
  } catch (error) {
    if (error instanceof RecordFormatError) throw badInput(`Nothing imported: ${error.path || '/'} ${error.message}`, { argument: 'file', path: error.path });
    throw error;
  }
}

/** The members of a kommun's part that each subgraph reads (the other subgraph's are passed over). */
export const ONBOARDING_SECTIONS = ['steeringDocuments', 'agreements', 'citizenPromises', 'situationReports', 'actionPlans', 'actions'] as const;

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
 * Runs one record's writes in a savepoint of the kommun's transaction: kept when `keep` says so,
 * else undone (a record found unchanged, or refused: PostgreSQL's transaction goes on after a failed
 * statement only from a savepoint).
 */
export async function inSavepoint<T>(tx: AuditedClient, work: () => Promise<T>, keep: (result: T) => boolean): Promise<T> {
  await tx.$executeRawUnsafe('SAVEPOINT onboarding_record');
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT onboarding_record');
    throw error;
  }
  await tx.$executeRawUnsafe(keep(result) ? 'RELEASE SAVEPOINT onboarding_record' : 'ROLLBACK TO SAVEPOINT onboarding_record');
  return result;
}

/** Whether two snapshots of a record hold the same values. */
export function sameSnapshot(before: unknown, after: unknown): boolean {
  return JSON.stringify(before) === JSON.stringify(after);
}

/**
 * Imports each record of one section of a kommun's part (e.g. `agreements`), each in a savepoint of
 * its own; a refusal is logged by path (`renames`: the file's names of the input fields whose names
 * differ) and the rest go on.
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
      await inSavepoint(tx, () => work(JsonReader.of(item, path, fields)), () => true);
    } catch (error) {
      const refusal = refusalOf(error, path, renames);
      log.refuse(refusal.path, refusal.message);
    }
  }
}

/** One record of a file to store by its external id, for {@link importRecord}. */
export interface RecordToImport<Tx extends AuditedClient, Row extends { version: number }> extends Omit<VersionedChange<Tx, Row, void>, 'version' | 'id' | 'readBack'> {
  path: string;
  externalId: string;
  /** The audit trail's operation, e.g. importActionRecords. */
  operation: string;
  /** The stored record of the kommun with this external id, if any. */
  existingId: string | null;
  /** Writes and audits the record when there is none yet; returns its id. */
  insert(): Promise<string>;
}

/**
 * Stores one record of a file: inserted when its external id is new, else rewritten through the
 * write kit's versioned change (no version named: the file is the truth) and undone when that
 * changed nothing, so that a second import writes no version and no audit entry.
 */
export async function importRecord<Tx extends AuditedClient, Row extends { version: number }>(
  tx: Tx,
  writer: SubgraphContext,
  log: RecordImportLog,
  record: RecordToImport<Tx, Row>,
): Promise<void> {
  const base = { path: record.path, kind: record.entityType, externalId: record.externalId };
  if (!record.existingId) {
    log.stored({ ...base, id: await record.insert(), change: 'INSERT' });
    return;
  }
  const id = record.existingId;
  const before = await record.snapshot(tx, id);
  const changed = await inSavepoint(
    tx,
    async () => {
      await versionedChange(tx, writer, record.operation, { ...record, id, version: null });
      return !sameSnapshot(before, await record.snapshot(tx, id));
    },
    (changed) => changed,
  );
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

type AnyBuilder<Context extends SubgraphContext, PrismaTypes extends object> = PothosSchemaTypes.SchemaBuilder<
  PothosSchemaTypes.ExtendDefaultTypes<SharedSchemaTypes<Context, PrismaTypes>>
>;

/**
 * The summary types of a record import, the same in every subgraph that imports (value types,
 * shareable): `RecordImportSummary`, `ImportedRecord`, `RefusedRecord`, `RecordChange`.
 */
export function recordImportTypes<Context extends SubgraphContext, PrismaTypes extends object>(builder: AnyBuilder<Context, PrismaTypes>) {
  const RecordChangeEnum = builder.enumType('RecordChange', {
    description: 'Ändring: what an import did to a record.',
    values: {
      INSERT: { description: 'Tillagd: the record is new.' },
      UPDATE: { description: 'Ändrad: a stored record was changed to the file\'s values.' },
      UNCHANGED: { description: 'Oförändrad: the record was stored as the file gives it.' },
    },
  });
  const ImportedRecordRef = builder.objectRef<ImportedRecord>('ImportedRecord').implement({
    description: 'Importerad post: one record of the file and what the import did to it.',
    shareable: true,
    fields: (t) => ({
      path: t.exposeString('path', { description: 'Sökväg: where the record is in the file (JSON Pointer), e.g. /municipalities/3/actions/12.' }),
      kind: t.exposeString('kind', { description: 'Slag: the record\'s type, e.g. Agreement.' }),
      externalId: t.exposeString('externalId', { description: 'Externt id: the kommun\'s own id of the record.' }),
      id: t.exposeID('id', { nullable: true, description: 'Id in the hub; null in a dry run for a record not yet stored.' }),
      change: t.field({ type: RecordChangeEnum, description: 'Ändring.', resolve: (r) => r.change }),
      note: t.exposeString('note', { nullable: true, description: 'Anmärkning: what the import made of the record where it differs from the file (a signed record stored as a draft).' }),
    }),
  });
  const RefusedRecordRef = builder.objectRef<RefusedRecord>('RefusedRecord').implement({
    description: 'Avvisad post: a record (or a whole kommun) of the file that was not imported, and why.',
    shareable: true,
    fields: (t) => ({
      path: t.exposeString('path', { description: 'Sökväg (JSON Pointer) of the value at fault, e.g. /municipalities/3/actions/12/origin; for a CSV file, /line/N.' }),
      message: t.exposeString('message', { description: 'Skäl.' }),
    }),
  });
  return builder.objectRef<RecordImportSummary>('RecordImportSummary').implement({
    description: 'Import av poster: what importing one onboarding file (or a part of it) did, or in a dry run would do.',
    shareable: true,
    fields: (t) => ({
      importId: t.exposeID('importId', { description: 'Import-id: names this import in logs.' }),
      fileName: t.exposeString('fileName', { description: 'Filnamn.' }),
      dryRun: t.exposeBoolean('dryRun', { description: 'Provkörning: true when nothing was written.' }),
      inserted: t.exposeInt('inserted', { description: 'Tillagda poster.' }),
      updated: t.exposeInt('updated', { description: 'Ändrade poster.' }),
      unchanged: t.exposeInt('unchanged', { description: 'Oförändrade poster.' }),
      refused: t.field({ type: [RefusedRecordRef], description: 'Avvisade poster, by path.', resolve: (s) => s.refused }),
      records: t.field({ type: [ImportedRecordRef], description: 'Poster: every record stored (or, in a dry run, that would be), in the file\'s order.', resolve: (s) => s.records }),
    }),
  });
}
