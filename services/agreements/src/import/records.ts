import {
  actorSubject,
  auditCreated,
  conflict,
  inSavepoint,
  isoDateToUtc,
  noSuchRecord,
  optionalText,
  RecordImportLog,
  type StoredRecords,
  type SubgraphContext,
  TITLE_MAX,
  versionedChangeOutcome,
} from '@samverkan/schema';
import type { LifecycleState, Party } from '../generated/prisma/client';
import { mayReadLifecycleRecord, requireParty } from '../lifecycle/access';
import type { CheckedDraft, DraftInput, DraftKind, Tx } from '../lifecycle/record';
import { insertDraft, rewriteDraft } from '../lifecycle/steps';
import type { ImportedLifecycle } from './format';
import { type DraftContent, sameContent, type StoredDraft } from './stored-drafts';

/*
 * One agreement or medborgarlöfte of an onboarding file, written as its mutations write it: the
 * draft's checks and writes of its kind, the party rule, the shared write kit. Keyed by the kommun's
 * external id: a record already stored is rewritten through the write kit's versioned change, which
 * undoes it when it changed nothing (no new version, no audit entry).
 */

/** The audit trail's operation of every write of the import. */
export const IMPORT_OPERATION = 'importAgreementRecords';

/** The columns an import sets besides a draft's (named alike on both models). */
export interface ImportedColumns {
  externalId: string;
  state: LifecycleState;
  signedOn: Date | null;
  decidedOn: Date | null;
  decidedBy: string | null;
  previousId: string | null;
}

/** What the import needs of a kind besides its lifecycle. */
export interface ImportKind<Input extends DraftInput, Draft extends CheckedDraft> {
  kind: DraftKind<Input, Draft>;
  /** The stored record of a kommun with this external id. */
  find(tx: Tx, municipalityCode: string, externalId: string): Promise<{ id: string } | null>;
  setColumns(tx: Tx, id: string, columns: ImportedColumns): Promise<unknown>;
  /** The import's columns that the kind's snapshot leaves out, compared and audited too. */
  columns(tx: Tx, id: string): Promise<{ externalId: string | null; decidedOn: Date | null; decidedBy: string | null } | null>;
  /** The kommun's stored records with these external ids, as the import compares them (one batch). */
  readStored(tx: Tx, municipalityCode: string, externalIds: readonly string[]): Promise<Map<string, StoredDraft>>;
  /** What the draft's writes write (`updateRow`, `writeParts`, `writeDocuments`), in the shape `readStored` gives a stored record's. */
  content(draft: Draft): Pick<DraftContent, 'fields' | 'parts' | 'documents'>;
}

/** The lifecycle a record is stored with, as the importer may state it. */
interface StoredLifecycle {
  state: LifecycleState;
  signedOn: Date | null;
  approvals: Party[];
}

const sideName = (party: Party) => (party === 'MUNICIPALITY' ? 'kommun' : 'police');

/**
 * Imports one record (a draft input, checked by its kind) and logs what it did. Only an
 * administrator's record is stored signed; a party's signed record is stored as a draft approved by
 * its own side. A record already signed is not rewritten by a party: unchanged, or refused.
 */
export async function importLifecycleRecord<Input extends DraftInput, Draft extends CheckedDraft>(
  tx: Tx,
  writer: SubgraphContext,
  importKind: ImportKind<Input, Draft>,
  record: { path: string; input: Input; lifecycle: ImportedLifecycle; previousId: string | null },
  log: RecordImportLog,
  stored: StoredRecords<StoredDraft>,
): Promise<void> {
  const { kind } = importKind;
  const { actor } = writer;
  const { input, lifecycle } = record;
  const draft = await kind.check(tx, input, actor);
  const party = actor.role === 'admin' ? null : requireParty(writer, { ...draft, municipalityCode: input.municipalityCode }, `import this ${kind.noun}`);
  const signed = lifecycle.state === 'SIGNED';
  const wanted: StoredLifecycle =
    party === null
      ? { state: lifecycle.state, signedOn: signed && lifecycle.signedOn ? isoDateToUtc(lifecycle.signedOn) : null, approvals: [] }
      : { state: 'DRAFT', signedOn: null, approvals: signed ? [party] : [] };
  const note = party && signed ? `Stored as a draft approved by the ${sideName(party)} side; the ${sideName(party === 'POLICE' ? 'MUNICIPALITY' : 'POLICE')} side approves it.` : null;
  const snapshot = async (tx: Tx, id: string) => {
    const own = await kind.snapshot(tx, id);
    return own && { ...own, ...(await importKind.columns(tx, id)) };
  };
  const decidedOn = lifecycle.decidedOn ? isoDateToUtc(lifecycle.decidedOn) : null;
  const write = async (id: string, stored: StoredLifecycle) => {
    await importKind.setColumns(tx, id, {
      externalId: lifecycle.externalId,
      state: stored.state,
      signedOn: stored.signedOn,
      decidedOn,
      decidedBy: optionalText(lifecycle.decidedBy, 'decidedBy', TITLE_MAX),
      previousId: record.previousId,
    });
    for (const side of stored.approvals) await kind.addApproval(tx, id, side, actorSubject(actor));
    if (stored.state === 'SIGNED') await kind.beforeSigning?.(tx, (await kind.load(tx, id))!);
  };
  if (record.previousId) {
    const next = await kind.findNext(tx, record.previousId, (await importKind.find(tx, input.municipalityCode, lifecycle.externalId))?.id ?? '');
    if (next) throw conflict(`"${lifecycle.previous}" is already taken over by "${next.title}" (id ${next.id}).`, { field: 'previous' });
  }
  const existing = await stored.get(lifecycle.externalId);
  const base = { path: record.path, kind: kind.entityType, externalId: lifecycle.externalId };
  if (!existing) {
    const insert = async () => {
      const id = await insertDraft(kind, tx, draft);
      await write(id, wanted);
      await auditCreated(tx, writer, IMPORT_OPERATION, { type: kind.entityType, key: id }, snapshot);
      return id;
    };
    log.stored({ ...base, id: await inSavepoint(tx, 'onboarding_record', insert, () => true), change: 'INSERT', note });
    return;
  }
  const id = existing.id;
  // Compare before write: the checks the rewrite makes first (NOT_FOUND, the party rule), then what it would write.
  if (!mayReadLifecycleRecord(writer, existing)) throw noSuchRecord(kind.noun, id);
  if (party) requireParty(writer, existing, `import over this ${kind.noun}`);
  // A party leaves a record that is no longer a draft as it is signed: it may only find it unchanged.
  const frozen = (found: { state: LifecycleState }) => party && found.state !== 'DRAFT';
  const lifecycleKept = (found: { state: LifecycleState; signedOn: Date | null; approvedParties: Party[] }): StoredLifecycle =>
    frozen(found) ? { state: found.state, signedOn: found.signedOn, approvals: found.approvedParties } : wanted;
  const keep = lifecycleKept(existing);
  const content: DraftContent = {
    ...importKind.content(draft),
    ...keep,
    decidedOn,
    decidedBy: optionalText(lifecycle.decidedBy, 'decidedBy', TITLE_MAX),
    previousId: record.previousId,
  };
  if (sameContent(existing, content)) {
    // The rewrite would check a signed record again before it is kept signed.
    if (keep.state === 'SIGNED') await kind.beforeSigning?.(tx, existing);
    log.stored({ ...base, id, change: 'UNCHANGED' });
    return;
  }
  const { changed } = await versionedChangeOutcome(tx, writer, IMPORT_OPERATION, {
    entityType: kind.entityType,
    noun: kind.noun,
    id,
    version: null,
    load: kind.load,
    mayRead: (stored) => mayReadLifecycleRecord(writer, stored),
    authorize: (stored) => void (party && requireParty(writer, stored, `import over this ${kind.noun}`)),
    snapshot,
    write: async (_tx, stored) => {
      await rewriteDraft(kind, tx, id, draft);
      await write(id, lifecycleKept(stored));
    },
    refuseChange: (stored) => {
      if (!frozen(stored)) return;
      throw conflict(`This ${kind.noun} is ${stored.state.toLowerCase()} in the hub: an import changes only drafts (an administrator's, anything). Change it through its lifecycle.`, {
        state: stored.state,
      });
    },
  });
  log.stored({ ...base, id, change: changed ? 'UPDATE' : 'UNCHANGED', note: changed ? note : null });
}
