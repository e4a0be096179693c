import type { Actor, Snapshot } from '@samverkan/schema';
import type { Tx } from '../db';
import type { LifecycleState, Party } from '../generated/prisma/client';

export type { Tx };
import type { CheckedDocuments } from './validate';

/*
 * The records that share the lifecycle (agreements and medborgarlöften): what the lifecycle reads
 * and changes of each, and the parts the two keep in the same tables (signatories, sources).
 */

/** A transaction's client. */

/** What the lifecycle needs to know of a record. */
export interface LifecycleRecord {
  id: string;
  title: string;
  state: LifecycleState;
  version: number;
  municipalityCode: string;
  localPoliceAreaIds: string[];
  /** The police party where it is a polisområde or a polisregion. */
  policeDistrictId?: string | null;
  policeRegionCode?: string | null;
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
  /** The API type and table name, e.g. "Agreement" (the audit trail's entity type; mutations are named after it). */
  entityType: 'Agreement' | 'CitizenPromise';
  /** The record's audited fields, or null when there is none. */
  snapshot(tx: Tx, id: string): Promise<Snapshot | null>;
  load(tx: Tx, id: string): Promise<LifecycleRecord | null>;
  /** Changes lifecycle columns and moves the version on (an empty change only moves the version). */
  change(tx: Tx, id: string, change: LifecycleChange): Promise<unknown>;
  addApproval(tx: Tx, id: string, party: Party, approvedBy: string): Promise<unknown>;
  /** Whose signatories and sources these are, in the tables the two kinds share. */
  owner(id: string): PartsOwner;
  /** The record that names `id` as its previous one, other than `except`. */
  findNext(tx: Tx, id: string, except: string): Promise<{ id: string; title: string } | null>;
  /** A last check before a record is signed (agreements refuse overlaps). */
  beforeSigning?(tx: Tx, record: LifecycleRecord): Promise<void>;
}

/** A draft's input as both kinds take it: the kommun it is for. */
export interface DraftInput {
  municipalityCode: string;
}

/** A draft's input, checked: the police party that signs it (and its signatories and sources). */
export interface CheckedDraft extends CheckedDocuments {
  localPoliceAreaIds: readonly string[];
  policeDistrictId?: string | null;
  policeRegionCode?: string | null;
}

/** How to write the drafts of one kind of record, as well as to take it through the lifecycle. */
export interface DraftKind<Input extends DraftInput, Draft extends CheckedDraft> extends RecordKind {
  /** The noun with its article, capitalised, for messages: "An agreement". */
  aNoun: string;
  /** Checks a draft's input against the rules and the reference data (BAD_USER_INPUT); records it names must be ones the writer may read. */
  check(tx: Tx, input: Input, writer: Actor): Promise<Draft>;
  /** Writes a new draft's own row; returns its id. */
  insertRow(tx: Tx, draft: Draft): Promise<string>;
  /** Rewrites a draft's own row and moves its version on. */
  updateRow(tx: Tx, id: string, draft: Draft): Promise<unknown>;
  /** Writes a draft's own parts (lokalpolisområden, fokusområden, promises, ...). */
  writeParts(tx: Tx, id: string, draft: Draft): Promise<void>;
  /** Removes a draft's own parts and its approvals, which no longer hold once it is rewritten. */
  removeParts(tx: Tx, id: string): Promise<void>;
}

/** Whose signatories and sources: an agreement's or a medborgarlöfte's (the two share the tables). */
export type PartsOwner = { agreementId: string } | { citizenPromiseId: string };

/** Writes a draft's signatories and sources. */
export async function writeDocuments(tx: Tx, owner: PartsOwner, draft: CheckedDocuments): Promise<void> {
  await tx.signatory.createMany({ data: draft.signatories.map((s) => ({ ...owner, ...s })) });
  await tx.sourceDocument.createMany({ data: draft.sources.map((s) => ({ ...owner, ...s })) });
}

/** Removes a draft's signatories and sources, before they are written again. */
export async function removeDocuments(tx: Tx, owner: PartsOwner): Promise<void> {
  await tx.signatory.deleteMany({ where: owner });
  await tx.sourceDocument.deleteMany({ where: owner });
}

/*
 * Snapshots read a record's parts one query after another rather than as `include`s: Prisma runs
 * the queries of an `include` side by side, which the one connection of a transaction cannot do
 * (pg warns of it and will refuse it).
 */

/** A record's signatories and sources, as its snapshot reads them (each in a stable order). */
export async function documentsOf(tx: Tx, owner: PartsOwner) {
  const signatories = await tx.signatory.findMany({ where: owner, orderBy: [{ party: 'asc' }, { name: 'asc' }] });
  const sources = await tx.sourceDocument.findMany({ where: owner, orderBy: [{ title: 'asc' }, { id: 'asc' }] });
  return { signatories, sources };
}

/** What a snapshot reads of either kind. */
interface SnapshotRow {
  title: string;
  municipalityCode: string;
  state: LifecycleState;
  validFrom: Date | null;
  validTo: Date | null;
  signedOn: Date | null;
  supersededOn: Date | null;
  withdrawnOn: Date | null;
  previousId: string | null;
  approvals: { party: Party }[];
  signatories: { name: string; title: string; party: Party }[];
  sources: { title: string }[];
}

/**
 * A kind's own audited fields, each group placed after a shared field: the order of a snapshot's
 * keys is the order in which the audit trail lists a write's changes.
 */
export interface OwnSnapshotFields {
  afterKommun?: Snapshot;
  afterLifecycle?: Snapshot;
  afterApprovals?: Snapshot;
  afterSignatories?: Snapshot;
}

/** A record's audited fields: the shared ones and the kind's own, lists in a stable order. */
export function lifecycleSnapshot(row: SnapshotRow, own: OwnSnapshotFields): Snapshot {
  return {
    title: row.title,
    municipalityCode: row.municipalityCode,
    ...own.afterKommun,
    state: row.state,
    validFrom: row.validFrom,
    validTo: row.validTo,
    signedOn: row.signedOn,
    supersededOn: row.supersededOn,
    withdrawnOn: row.withdrawnOn,
    previousId: row.previousId,
    ...own.afterLifecycle,
    approvals: row.approvals.map((a) => a.party),
    ...own.afterApprovals,
    signatories: row.signatories.map((s) => ({ name: s.name, title: s.title, party: s.party })),
    ...own.afterSignatories,
    sources: row.sources.map((d) => d.title),
  };
}
