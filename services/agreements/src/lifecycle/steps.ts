import {
  actorSubject,
  auditCreated,
  badInput,
  conflict,
  isoDateToUtc,
  noSuchRecord,
  type SubgraphContext,
  todayInSweden,
  versionedChange,
  type VersionedChange,
} from '@samverkan/schema';
import type { LifecycleState, Party, PrismaClient } from '../generated/prisma/client';
import { mayReadLifecycleRecord, requireParty } from './access';
import { startOf } from './status';
import { type CheckedDraft, type DraftInput, type DraftKind, type LifecycleRecord, type RecordKind, removeDocuments, type Tx, writeDocuments } from './record';

/*
 * The lifecycle that agreements and medborgarlöften share: a draft is written and rewritten by
 * either party, approved by both and so signed; a signed record can be superseded by a later one
 * (previous/next); any record can be withdrawn. Each step is one versioned change of the shared
 * write kit (only the parties may make it; the version named must be the current one, so that a
 * party approves or withdraws only what it read; superseding may leave it out), and each is
 * named after the mutation that makes it, e.g. approveAgreement.
 */

/** One lifecycle step on a record of `kind`, as the shared write kit runs it. */
function lifecycleStep(
  kind: RecordKind,
  writer: SubgraphContext,
  step: { id: string; version: number | null; what: string; alsoChanges?: (record: LifecycleRecord) => readonly (string | null)[] },
  write: (tx: Tx, record: LifecycleRecord, party: Party) => Promise<void>,
): VersionedChange<Tx, LifecycleRecord, void> {
  const partyFor = (record: LifecycleRecord) =>
    requireParty(writer, record, `${step.what} this ${kind.noun}`);
  return {
    entityType: kind.entityType,
    noun: kind.noun,
    id: step.id,
    version: step.version,
    load: kind.load,
    mayRead: (record) => mayReadLifecycleRecord(writer, record),
    authorize: (record) => void partyFor(record),
    snapshot: kind.snapshot,
    alsoChanges: step.alsoChanges,
    // No readBack: the mutation reads the record back itself, with the fields its query selects.
    write: (tx, record) => write(tx, record, partyFor(record)),
  };
}

/** The states a draft's steps accept: a commissioned record (no text known yet) is written and approved as a draft is. */
const DRAFT_STATES: readonly LifecycleState[] = ['DRAFT', 'COMMISSIONED'];

function requireState(kind: RecordKind, record: LifecycleRecord, state: LifecycleState, what: string): void {
  const accepted = state === 'DRAFT' ? DRAFT_STATES : [state];
  if (!accepted.includes(record.state)) {
    throw conflict(`Only a ${state === 'DRAFT' ? 'draft' : 'signed ' + kind.noun} can be ${what}; this ${kind.noun} is ${record.state.toLowerCase()}.`, {
      state: record.state,
    });
  }
}

/** A record's start by the status rule (validFrom ?? signedOn ?? decidedOn), read from its table. */
async function storedStartOf(kind: RecordKind, tx: Tx, id: string): Promise<Date | null> {
  const select = { validFrom: true, signedOn: true, decidedOn: true } as const;
  const row = kind.entityType === 'Agreement' ? await tx.agreement.findUnique({ where: { id }, select }) : await tx.citizenPromise.findUnique({ where: { id }, select });
  return row ? startOf(row).on : null;
}

/** Writes a new draft, by either party; returns its id. */
export async function createDraft<Input extends DraftInput, Draft extends CheckedDraft>(kind: DraftKind<Input, Draft>, tx: Tx, writer: SubgraphContext, input: Input): Promise<string> {
  const draft = await kind.check(tx, input, writer.actor);
  requireParty(writer, { ...draft, municipalityCode: input.municipalityCode }, `write a draft ${kind.noun} for it`);
  const id = await insertDraft(kind, tx, draft);
  await auditCreated(tx, writer, `create${kind.entityType}Draft`, { type: kind.entityType, key: id }, kind.snapshot);
  return id;
}

/** Rewrites a draft completely; earlier approvals no longer hold and are removed. */
export function updateDraft<Input extends DraftInput, Draft extends CheckedDraft>(
  kind: DraftKind<Input, Draft>,
  tx: Tx,
  writer: SubgraphContext,
  id: string,
  version: number,
  input: Input,
): Promise<void> {
  return versionedChange(tx, writer, `update${kind.entityType}Draft`, lifecycleStep(kind, writer, { id, version, what: 'change' }, async (tx, record) => {
    if (!DRAFT_STATES.includes(record.state)) throw conflict(`Only a draft can be changed; this ${kind.noun} is ${record.state.toLowerCase()}.`, { state: record.state });
    if (input.municipalityCode !== record.municipalityCode) throw badInput(`${kind.aNoun} cannot move to another kommun; write a new draft.`, { field: 'municipalityCode' });
    const draft = await kind.check(tx, input, writer.actor);
    requireParty(writer, { ...draft, municipalityCode: input.municipalityCode }, `change this ${kind.noun}`);
    await rewriteDraft(kind, tx, id, draft);
  }));
}

/** Writes a checked draft's own row and its parts; returns its id (the caller audits it). */
export async function insertDraft<Input extends DraftInput, Draft extends CheckedDraft>(kind: DraftKind<Input, Draft>, tx: Tx, draft: Draft): Promise<string> {
  const id = await kind.insertRow(tx, draft);
  await kind.writeParts(tx, id, draft);
  await writeDocuments(tx, kind.owner(id), draft);
  return id;
}

/** Rewrites a draft's row and parts from a checked draft; its approvals no longer hold and are removed. */
export async function rewriteDraft<Input extends DraftInput, Draft extends CheckedDraft>(kind: DraftKind<Input, Draft>, tx: Tx, id: string, draft: Draft): Promise<void> {
  await kind.removeParts(tx, id);
  await removeDocuments(tx, kind.owner(id));
  await kind.updateRow(tx, id, draft);
  await kind.writeParts(tx, id, draft);
  await writeDocuments(tx, kind.owner(id), draft);
}

/**
 * Records the actor's party's approval; with both parties' approval the record is signed on
 * `signedOn` (today by default), and the record it supersedes, if any, ends as it starts.
 */
export function approve(kind: RecordKind, tx: Tx, writer: SubgraphContext, id: string, version: number, signedOn: string | null): Promise<void> {
  const step = { id, version, what: 'approve', alsoChanges: (record: LifecycleRecord) => [record.previousId] };
  return versionedChange(tx, writer, `approve${kind.entityType}`, lifecycleStep(kind, writer, step, async (tx, record, party) => {
    requireState(kind, record, 'DRAFT', 'approved');
    if (record.approvedParties.includes(party)) {
      throw conflict(`The ${party === 'MUNICIPALITY' ? 'kommun' : 'police'} side has already approved this draft; the other side must approve it now.`, { party });
    }
    await kind.addApproval(tx, id, party, actorSubject(writer.actor));
    if (record.approvedParties.length + 1 < 2) {
      await kind.change(tx, id, {});
      return;
    }
    await kind.beforeSigning?.(tx, record);
    const day = isoDateToUtc(signedOn ?? todayInSweden());
    await kind.change(tx, id, { state: 'SIGNED', signedOn: day });
    // The predecessor ends as this one starts: its stated start, else the signing day now set.
    if (record.previousId) await kind.change(tx, record.previousId, { supersededOn: startOf({ validFrom: record.validFrom, signedOn: day }).on ?? day });
  }));
}

/** Withdraws a record (draft or signed) from `on`, today by default. */
export function withdraw(kind: RecordKind, tx: Tx, writer: SubgraphContext, id: string, version: number, on: string | null): Promise<void> {
  return versionedChange(tx, writer, `withdraw${kind.entityType}`, lifecycleStep(kind, writer, { id, version, what: 'withdraw' }, async (tx, record) => {
    if (record.state === 'WITHDRAWN') throw conflict(`This ${kind.noun} is already withdrawn.`, { state: record.state });
    await kind.change(tx, id, { state: 'WITHDRAWN', withdrawnOn: isoDateToUtc(on ?? todayInSweden()) });
  }));
}

/**
 * Links `successorId` as the record that takes over from `id` (same kommun). When the successor is
 * already signed, `id` is superseded from the successor's start; otherwise from the day it is signed.
 */
export function supersede(kind: RecordKind, tx: Tx, writer: SubgraphContext, id: string, successorId: string, version: number | null): Promise<void> {
  const step = { id, version, what: 'supersede', alsoChanges: () => [successorId] };
  return versionedChange(tx, writer, `supersede${kind.entityType}`, lifecycleStep(kind, writer, step, async (tx, record) => {
    if (id === successorId) throw badInput(`A ${kind.noun} cannot supersede itself.`, { field: 'by' });
    const successor = await kind.load(tx, successorId);
    if (!successor || !mayReadLifecycleRecord(writer, successor)) throw noSuchRecord(kind.noun, successorId, 'by');
    if (successor.municipalityCode !== record.municipalityCode) {
      throw badInput(`The successor belongs to kommun ${successor.municipalityCode}, not ${record.municipalityCode}.`, { field: 'by' });
    }
    requireState(kind, record, 'SIGNED', 'superseded');
    if (successor.previousId && successor.previousId !== id) {
      throw conflict(`"${successor.title}" already supersedes another ${kind.noun} (id ${successor.previousId}).`, { field: 'by' });
    }
    const alreadyNext = await kind.findNext(tx, id, successorId);
    if (alreadyNext) throw conflict(`This ${kind.noun} is already superseded by "${alreadyNext.title}" (id ${alreadyNext.id}).`, { field: 'by' });
    await kind.change(tx, successorId, { previousId: id });
    const supersededOn = successor.state === 'SIGNED' ? ((await storedStartOf(kind, tx, successorId)) ?? isoDateToUtc(todayInSweden())) : null;
    await kind.change(tx, id, { supersededOn });
  }));
}

/** The writes of one kind of record, each in a transaction of its own; what the mutations call. */
export interface LifecycleWrites<Input extends DraftInput> {
  /** Returns the new draft's id. */
  createDraft(db: PrismaClient, writer: SubgraphContext, input: Input): Promise<string>;
  updateDraft(db: PrismaClient, writer: SubgraphContext, id: string, version: number, input: Input): Promise<void>;
  approve(db: PrismaClient, writer: SubgraphContext, id: string, version: number, signedOn: string | null): Promise<void>;
  withdraw(db: PrismaClient, writer: SubgraphContext, id: string, version: number, on: string | null): Promise<void>;
  supersede(db: PrismaClient, writer: SubgraphContext, id: string, successorId: string, version: number | null): Promise<void>;
}

/** Binds the lifecycle's steps to one kind of record. */
export function lifecycleWrites<Input extends DraftInput, Draft extends CheckedDraft>(kind: DraftKind<Input, Draft>): LifecycleWrites<Input> {
  return {
    createDraft: (db, writer, input) => db.$transaction((tx) => createDraft(kind, tx, writer, input)),
    updateDraft: (db, writer, id, version, input) => db.$transaction((tx) => updateDraft(kind, tx, writer, id, version, input)),
    approve: (db, writer, id, version, signedOn) => db.$transaction((tx) => approve(kind, tx, writer, id, version, signedOn)),
    withdraw: (db, writer, id, version, on) => db.$transaction((tx) => withdraw(kind, tx, writer, id, version, on)),
    supersede: (db, writer, id, successorId, version) => db.$transaction((tx) => supersede(kind, tx, writer, id, successorId, version)),
  };
}
