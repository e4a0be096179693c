import { type AuditEntryData, badInput, conflict, type Snapshot, storeChanges, isoDateToUtc, notFound, type SubgraphContext, todayInSweden } from '@samverkan/schema';
import type { LifecycleState, Party, Prisma } from '../generated/prisma/client';
import { requireParty } from './access';

/**
 * The lifecycle that agreements and medborgarlöften share: a draft is approved by both parties and
 * so signed; a signed record can be superseded by a later one (previous/next); any record can be
 * withdrawn. Every step checks the actor's party and, when given, the version the client read.
 */

type Tx = Prisma.TransactionClient;

/** What the lifecycle needs to know of a record. */
export interface LifecycleRecord {
  id: string;
  title: string;
  state: LifecycleState;
  version: number;
  municipalityCode: string;
  localPoliceAreaIds: string[];
  approvedParties: Party[];
  previousId: string | null;
  validFrom: Date | null;
  signedOn: Date | null;
}

/** The columns the lifecycle changes (named alike on both models). */
export interface LifecycleChange {
  state?: LifecycleState;
  signedOn?: Date;
  supersededOn?: Date | null;
  withdrawnOn?: Date;
  previousId?: string;
}

/** How to read and change one kind of record. */
export interface RecordKind {
  /** For messages: "agreement", "medborgarlöfte". */
  noun: string;
  /** The API type and table name, e.g. "Agreement" (the audit trail's entity type). */
  entityType: 'Agreement' | 'CitizenPromise';
  /** The record's audited fields, or null when there is none. */
  snapshot(tx: Tx, id: string): Promise<Snapshot | null>;
  load(tx: Tx, id: string): Promise<LifecycleRecord | null>;
  change(tx: Tx, id: string, change: LifecycleChange): Promise<unknown>;
  addApproval(tx: Tx, id: string, party: Party, approvedBy: string): Promise<unknown>;
  /** The record that names `id` as its previous one, other than `except`. */
  findNext(tx: Tx, id: string, except: string): Promise<{ id: string; title: string } | null>;
  /** A last check before a record is signed (agreements refuse overlaps). */
  beforeSigning?(tx: Tx, record: LifecycleRecord): Promise<void>;
}

/**
 * Loads a record for a change: it must exist, and have the version the client read (when given).
 * The row stays locked until the transaction ends, so that two writers who read the same version
 * cannot both change it: the second waits, then finds the version moved on.
 */
export async function loadForChange(kind: RecordKind, tx: Tx, id: string, version: number | null | undefined): Promise<LifecycleRecord> {
  await tx.$queryRawUnsafe(`SELECT 1 FROM "${kind.entityType}" WHERE id = $1 FOR UPDATE`, id);
  const record = await kind.load(tx, id);
  if (!record) throw notFound(`No ${kind.noun} has the id "${id}".`, { field: 'id' });
  if (version != null && version !== record.version) {
    throw conflict(`The ${kind.noun} has changed since you read it (your version ${version}, now ${record.version}); read it again and redo your change.`, {
      currentVersion: record.version,
    });
  }
  return record;
}

/** Snapshots of records before a write, to record what the write changed. */
export async function snapshotsOf(kind: RecordKind, tx: Tx, ids: readonly (string | null)[]): Promise<Map<string, Snapshot | null>> {
  const present = [...new Set(ids.filter((id): id is string => id !== null))];
  return new Map(await Promise.all(present.map(async (id) => [id, await kind.snapshot(tx, id)] as const)));
}

/**
 * Writes the audit entries of one write, in its transaction: for each record snapshotted before,
 * the fields that differ now (a record that did not change gets no entry).
 */
export async function recordChanges(kind: RecordKind, tx: Tx, writer: SubgraphContext, operation: string, before: Map<string, Snapshot | null>): Promise<void> {
  for (const [id, was] of before) {
    await storeChanges((entry) => writeAudit(tx, entry), writer, operation, { type: kind.entityType, key: id }, was, await kind.snapshot(tx, id));
  }
}

/** Stores one audit entry (its changes are JSON values: snapshots hold only JSON-able fields). */
export function writeAudit(tx: Tx, entry: AuditEntryData) {
  return tx.auditEntry.create({ data: { ...entry, changes: entry.changes as unknown as Prisma.InputJsonArray } });
}

function requireState(kind: RecordKind, record: LifecycleRecord, state: LifecycleState, what: string): void {
  if (record.state !== state) {
    throw conflict(`Only a ${state === 'DRAFT' ? 'draft' : 'signed ' + kind.noun} can be ${what}; this ${kind.noun} is ${record.state.toLowerCase()}.`, {
      state: record.state,
    });
  }
}

/** Records the actor's party's approval; with both parties' approval the record is signed. */
export async function approveRecord(kind: RecordKind, tx: Tx, writer: SubgraphContext, operation: string, id: string, version: number | null, signedOn: string | null): Promise<void> {
  const { actor } = writer;
  const record = await loadForChange(kind, tx, id, version);
  const before = await snapshotsOf(kind, tx, [id, record.previousId]);
  const party = requireParty(actor, record.municipalityCode, record.localPoliceAreaIds, `approve this ${kind.noun}`);
  requireState(kind, record, 'DRAFT', 'approved');
  if (record.approvedParties.includes(party)) {
    throw conflict(`The ${party === 'MUNICIPALITY' ? 'kommun' : 'police'} side has already approved this draft; the other side must approve it now.`, { party });
  }
  await kind.addApproval(tx, id, party, 'subject' in actor ? actor.subject : 'unknown');
  if (record.approvedParties.length + 1 < 2) {
    await kind.change(tx, id, {});
  } else {
    await kind.beforeSigning?.(tx, record);
    const day = isoDateToUtc(signedOn ?? todayInSweden());
    await kind.change(tx, id, { state: 'SIGNED', signedOn: day });
    if (record.previousId) await kind.change(tx, record.previousId, { supersededOn: record.validFrom ?? day });
  }
  await recordChanges(kind, tx, writer, operation, before);
}

/** Withdraws a record (draft or signed) from `on`, today by default. */
export async function withdrawRecord(kind: RecordKind, tx: Tx, writer: SubgraphContext, operation: string, id: string, version: number | null, on: string | null): Promise<void> {
  const record = await loadForChange(kind, tx, id, version);
  requireParty(writer.actor, record.municipalityCode, record.localPoliceAreaIds, `withdraw this ${kind.noun}`);
  if (record.state === 'WITHDRAWN') throw conflict(`This ${kind.noun} is already withdrawn.`, { state: record.state });
  const before = await snapshotsOf(kind, tx, [id]);
  await kind.change(tx, id, { state: 'WITHDRAWN', withdrawnOn: isoDateToUtc(on ?? todayInSweden()) });
  await recordChanges(kind, tx, writer, operation, before);
}

/**
 * Links `successorId` as the record that takes over from `id` (same kommun). When the successor is
 * already signed, `id` is superseded from the successor's start; otherwise from the day it is signed.
 */
export async function supersedeRecord(kind: RecordKind, tx: Tx, writer: SubgraphContext, operation: string, id: string, successorId: string, version: number | null): Promise<void> {
  const record = await loadForChange(kind, tx, id, version);
  requireParty(writer.actor, record.municipalityCode, record.localPoliceAreaIds, `supersede this ${kind.noun}`);
  if (id === successorId) throw badInput(`A ${kind.noun} cannot supersede itself.`, { field: 'by' });
  const successor = await kind.load(tx, successorId);
  if (!successor) throw notFound(`No ${kind.noun} has the id "${successorId}".`, { field: 'by' });
  if (successor.municipalityCode !== record.municipalityCode) {
    throw badInput(`The successor belongs to kommun ${successor.municipalityCode}, not ${record.municipalityCode}.`, { field: 'by' });
  }
  requireState(kind, record, 'SIGNED', 'superseded');
  if (successor.previousId && successor.previousId !== id) {
    throw conflict(`"${successor.title}" already supersedes another ${kind.noun} (id ${successor.previousId}).`, { field: 'by' });
  }
  const alreadyNext = await kind.findNext(tx, id, successorId);
  if (alreadyNext) throw conflict(`This ${kind.noun} is already superseded by "${alreadyNext.title}" (id ${alreadyNext.id}).`, { field: 'by' });
  const before = await snapshotsOf(kind, tx, [id, successorId]);
  await kind.change(tx, successorId, { previousId: id });
  const supersededOn = successor.state === 'SIGNED' ? (successor.validFrom ?? successor.signedOn ?? isoDateToUtc(todayInSweden())) : null;
  await kind.change(tx, id, { supersededOn });
  await recordChanges(kind, tx, writer, operation, before);
}
