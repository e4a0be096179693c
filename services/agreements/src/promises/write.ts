import { badInput, conflict, type Snapshot, storeChanges, requiredText as text, type SubgraphContext, TITLE_MAX } from '@samverkan/schema';
import { requireParty } from '../agreements/access';
import { approveRecord, loadForChange, type RecordKind, recordChanges, snapshotsOf, supersedeRecord, withdrawRecord, writeAudit } from '../agreements/lifecycle';
import { checkedSignatories, checkedSources, checkFocusAreaCodes, checkPeriod } from '../agreements/validate';
import type { Party, Prisma, PrismaClient } from '../generated/prisma/client';

type Tx = Prisma.TransactionClient;

/** What a draft medborgarlöfte is written from (the GraphQL input, checked here). */
export interface CitizenPromiseDraftInput {
  title: string;
  municipalityCode: string;
  localPoliceAreaId: string | number;
  agreementId?: string | number | null;
  validFrom?: string | null;
  validTo?: string | null;
  focusAreaCodes?: readonly (string | number)[] | null;
  promises: readonly { text: string; targetCount?: number | null }[];
  signatories?: readonly { name: string; title: string; party: Party }[] | null;
  sources?: readonly { title: string; publishedOn?: string | null; url?: string | null; note?: string | null }[] | null;
}

async function checkedDraft(tx: Tx, input: CitizenPromiseDraftInput) {
  const title = text(input.title, 'title', TITLE_MAX);
  const { validFrom, validTo } = checkPeriod(input.validFrom, input.validTo);
  const localPoliceAreaId = String(input.localPoliceAreaId);
  const area = await tx.localPoliceArea.findUnique({ where: { id: localPoliceAreaId }, include: { municipalities: true } });
  if (!area) throw badInput(`No lokalpolisområde has the id "${localPoliceAreaId}".`, { field: 'localPoliceAreaId' });
  if (!area.municipalities.some((m) => m.municipalityCode === input.municipalityCode)) {
    throw badInput(`${area.name} does not cover kommun ${input.municipalityCode}; name an area that does.`, { field: 'localPoliceAreaId' });
  }
  const agreementId = input.agreementId == null ? null : String(input.agreementId);
  if (agreementId) {
    const agreement = await tx.agreement.findUnique({ where: { id: agreementId } });
    if (!agreement) throw badInput(`No agreement has the id "${agreementId}".`, { field: 'agreementId' });
    if (agreement.municipalityCode !== input.municipalityCode) {
      throw badInput(`Agreement "${agreement.title}" belongs to kommun ${agreement.municipalityCode}, not ${input.municipalityCode}.`, { field: 'agreementId' });
    }
  }
  if (input.promises.length === 0) throw badInput('A medborgarlöfte needs at least one promise in `promises`.', { field: 'promises' });
  const promises = input.promises.map((promise, index) => {
    const targetCount = promise.targetCount ?? null;
    if (targetCount !== null && targetCount < 0) throw badInput(`\`promises[${index}].targetCount\` must not be negative.`, { field: `promises[${index}].targetCount` });
    return { position: index + 1, text: text(promise.text, `promises[${index}].text`, 2000), targetCount };
  });
  const focusAreaCodes = [...new Set((input.focusAreaCodes ?? []).map(String))];
  await checkFocusAreaCodes(tx, focusAreaCodes);
  return {
    fields: { title, municipalityCode: input.municipalityCode, localPoliceAreaId, agreementId, validFrom, validTo },
    promises,
    focusAreaCodes,
    signatories: checkedSignatories(input.signatories),
    sources: checkedSources(input.sources),
  };
}

async function writeParts(tx: Tx, citizenPromiseId: string, draft: Awaited<ReturnType<typeof checkedDraft>>): Promise<void> {
  await tx.promiseItem.createMany({ data: draft.promises.map((p) => ({ citizenPromiseId, ...p })) });
  await tx.citizenPromiseFocusArea.createMany({ data: draft.focusAreaCodes.map((focusAreaCode) => ({ citizenPromiseId, focusAreaCode })) });
  await tx.signatory.createMany({ data: draft.signatories.map((s) => ({ citizenPromiseId, ...s })) });
  await tx.sourceDocument.createMany({ data: draft.sources.map((s) => ({ citizenPromiseId, ...s })) });
}

/** Medborgarlöften, for the shared lifecycle. */
/** A medborgarlöfte's audited fields: its own and its parts', lists in a stable order. */
async function promiseSnapshot(tx: Tx, id: string): Promise<Snapshot | null> {
  const row = await tx.citizenPromise.findUnique({
    where: { id },
    include: {
      approvals: { orderBy: { party: 'asc' } },
      promises: { orderBy: { position: 'asc' } },
      focusAreas: { orderBy: { focusAreaCode: 'asc' } },
      signatories: { orderBy: [{ party: 'asc' }, { name: 'asc' }] },
      sources: { orderBy: [{ title: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!row) return null;
  return {
    title: row.title,
    municipalityCode: row.municipalityCode,
    localPoliceAreaId: row.localPoliceAreaId,
    agreementId: row.agreementId,
    state: row.state,
    validFrom: row.validFrom,
    validTo: row.validTo,
    signedOn: row.signedOn,
    supersededOn: row.supersededOn,
    withdrawnOn: row.withdrawnOn,
    previousId: row.previousId,
    approvals: row.approvals.map((a) => a.party),
    promises: row.promises.map((p) => ({ text: p.text, targetCount: p.targetCount })),
    focusAreaCodes: row.focusAreas.map((f) => f.focusAreaCode),
    signatories: row.signatories.map((s) => ({ name: s.name, title: s.title, party: s.party })),
    sources: row.sources.map((d) => d.title),
  };
}

export const promiseKind: RecordKind = {
  noun: 'medborgarlöfte',
  entityType: 'CitizenPromise',
  snapshot: promiseSnapshot,
  load: async (tx, id) => {
    const row = await tx.citizenPromise.findUnique({ where: { id }, include: { approvals: true } });
    return row && { ...row, localPoliceAreaIds: row.localPoliceAreaId ? [row.localPoliceAreaId] : [], approvedParties: row.approvals.map((a) => a.party) };
  },
  change: (tx, id, change) => tx.citizenPromise.update({ where: { id }, data: { ...change, version: { increment: 1 } } }),
  addApproval: (tx, id, party, approvedBy) => tx.promiseApproval.create({ data: { citizenPromiseId: id, party, approvedBy } }),
  findNext: (tx, id, except) => tx.citizenPromise.findFirst({ where: { previousId: id, NOT: { id: except } } }),
};

/** Writes a new draft medborgarlöfte, by either party. */
export async function createCitizenPromiseDraft(db: PrismaClient, writer: SubgraphContext, input: CitizenPromiseDraftInput) {
  return db.$transaction(async (tx) => {
    const draft = await checkedDraft(tx, input);
    requireParty(writer.actor, input.municipalityCode, [draft.fields.localPoliceAreaId], 'write a draft medborgarlöfte for it');
    const promise = await tx.citizenPromise.create({ data: { ...draft.fields, state: 'DRAFT' } });
    await writeParts(tx, promise.id, draft);
    await storeChanges((entry) => writeAudit(tx, entry), writer, 'createCitizenPromiseDraft', { type: 'CitizenPromise', key: promise.id }, null, await promiseSnapshot(tx, promise.id));
    return promise;
  });
}

/** Rewrites a draft completely; earlier approvals no longer hold. */
export async function updateCitizenPromiseDraft(db: PrismaClient, writer: SubgraphContext, id: string, version: number, input: CitizenPromiseDraftInput) {
  const { actor } = writer;
  return db.$transaction(async (tx) => {
    const current = await loadForChange(promiseKind, tx, id, version);
    const before = await snapshotsOf(promiseKind, tx, [id]);
    requireParty(actor, current.municipalityCode, current.localPoliceAreaIds, 'change this medborgarlöfte');
    if (current.state !== 'DRAFT') throw conflict(`Only a draft can be changed; this medborgarlöfte is ${current.state.toLowerCase()}.`, { state: current.state });
    if (input.municipalityCode !== current.municipalityCode) throw badInput('A medborgarlöfte cannot move to another kommun; write a new draft.', { field: 'municipalityCode' });
    const draft = await checkedDraft(tx, input);
    requireParty(actor, input.municipalityCode, [draft.fields.localPoliceAreaId], 'change this medborgarlöfte');
    const byPromise = { where: { citizenPromiseId: id } };
    await tx.promiseItem.deleteMany(byPromise);
    await tx.citizenPromiseFocusArea.deleteMany(byPromise);
    await tx.signatory.deleteMany(byPromise);
    await tx.sourceDocument.deleteMany(byPromise);
    await tx.promiseApproval.deleteMany(byPromise);
    const promise = await tx.citizenPromise.update({ where: { id }, data: { ...draft.fields, version: { increment: 1 } } });
    await writeParts(tx, id, draft);
    await recordChanges(promiseKind, tx, writer, 'updateCitizenPromiseDraft', before);
    return promise;
  });
}

export const approveCitizenPromise = (db: PrismaClient, writer: SubgraphContext, id: string, version: number | null, signedOn: string | null) =>
  db.$transaction((tx) => approveRecord(promiseKind, tx, writer, 'approveCitizenPromise', id, version, signedOn));
export const withdrawCitizenPromise = (db: PrismaClient, writer: SubgraphContext, id: string, version: number | null, on: string | null) =>
  db.$transaction((tx) => withdrawRecord(promiseKind, tx, writer, 'withdrawCitizenPromise', id, version, on));
export const supersedeCitizenPromise = (db: PrismaClient, writer: SubgraphContext, id: string, successorId: string, version: number | null) =>
  db.$transaction((tx) => supersedeRecord(promiseKind, tx, writer, 'supersedeCitizenPromise', id, successorId, version));
