import { badInput, conflict, type Snapshot, storeChanges, optionalText, requiredText as text, type SubgraphContext, TITLE_MAX } from '@samverkan/schema';
import type { Party, Prisma, PrismaClient } from '../generated/prisma/client';
import { requireParty } from './access';
import { approveRecord, type LifecycleRecord, loadForChange, type RecordKind, recordChanges, snapshotsOf, supersedeRecord, withdrawRecord, writeAudit } from './lifecycle';
import { checkedSignatories, checkedSources, checkFocusAreaCodes, checkPeriod } from './validate';
import { describePeriod, effectivePeriod, periodsOverlap } from './status';

/** A transaction's client. */
type Tx = Prisma.TransactionClient;

/** What a draft agreement is written from (the GraphQL input, checked here). */
export interface AgreementDraftInput {
  title: string;
  municipalityCode: string;
  localPoliceAreaIds: readonly (string | number)[];
  validFrom?: string | null;
  validTo?: string | null;
  purpose?: string | null;
  goals?: string | null;
  followUp?: string | null;
  signatories?: readonly { name: string; title: string; party: Party }[] | null;
  focusAreas?: readonly { code: string | number; title: string; description?: string | null }[] | null;
  steeringDocumentIds?: readonly (string | number)[] | null;
  sources?: readonly { title: string; publishedOn?: string | null; url?: string | null; note?: string | null }[] | null;
}

/** Checks a draft's input against the rules and the reference data; returns the rows to write. */
async function checkedDraft(tx: Tx, input: AgreementDraftInput) {
  const title = text(input.title, 'title', TITLE_MAX);
  const { validFrom, validTo } = checkPeriod(input.validFrom, input.validTo);
  const lpoIds = [...new Set(input.localPoliceAreaIds.map(String))];
  if (lpoIds.length === 0) throw badInput('Name at least one lokalpolisområde in `localPoliceAreaIds`.', { field: 'localPoliceAreaIds' });
  const areas = await tx.localPoliceArea.findMany({ where: { id: { in: lpoIds } }, include: { municipalities: true } });
  for (const id of lpoIds) {
    const area = areas.find((a) => a.id === id);
    if (!area) throw badInput(`No lokalpolisområde has the id "${id}".`, { field: 'localPoliceAreaIds' });
    if (!area.municipalities.some((m) => m.municipalityCode === input.municipalityCode)) {
      throw badInput(`${area.name} does not cover kommun ${input.municipalityCode}; name an area that does.`, { field: 'localPoliceAreaIds' });
    }
  }
  const focusAreas = (input.focusAreas ?? []).map((area, index) => ({
    focusAreaCode: String(area.code),
    position: index + 1,
    title: text(area.title, `focusAreas[${index}].title`, TITLE_MAX),
    description: optionalText(area.description, `focusAreas[${index}].description`),
  }));
  await checkFocusAreaCodes(tx, focusAreas.map((a) => a.focusAreaCode));
  const steeringIds = [...new Set((input.steeringDocumentIds ?? []).map(String))];
  const documents = await tx.steeringDocument.findMany({ where: { id: { in: steeringIds } } });
  for (const id of steeringIds) {
    const document = documents.find((d) => d.id === id);
    if (!document) throw badInput(`No styrdokument has the id "${id}".`, { field: 'steeringDocumentIds' });
    if (document.municipalityCode !== input.municipalityCode) {
      throw badInput(`Styrdokument "${document.title}" belongs to kommun ${document.municipalityCode}, not ${input.municipalityCode}.`, { field: 'steeringDocumentIds' });
    }
  }
  const signatories = checkedSignatories(input.signatories);
  const sources = checkedSources(input.sources);
  return {
    fields: {
      title,
      municipalityCode: input.municipalityCode,
      validFrom,
      validTo,
      purpose: optionalText(input.purpose, 'purpose'),
      goals: optionalText(input.goals, 'goals'),
      followUp: optionalText(input.followUp, 'followUp'),
    },
    lpoIds,
    focusAreas,
    steeringIds,
    signatories,
    sources,
  };
}

async function writeParts(tx: Tx, agreementId: string, draft: Awaited<ReturnType<typeof checkedDraft>>): Promise<void> {
  await tx.agreementLocalPoliceArea.createMany({ data: draft.lpoIds.map((localPoliceAreaId) => ({ agreementId, localPoliceAreaId })) });
  await tx.agreementFocusArea.createMany({ data: draft.focusAreas.map((area) => ({ agreementId, ...area })) });
  await tx.agreementSteeringDocument.createMany({
    data: draft.steeringIds.map((steeringDocumentId, index) => ({ agreementId, steeringDocumentId, position: index + 1 })),
  });
  await tx.signatory.createMany({ data: draft.signatories.map((s) => ({ agreementId, ...s })) });
  await tx.sourceDocument.createMany({ data: draft.sources.map((s) => ({ agreementId, ...s })) });
}

/** Writes a new draft agreement, by either party. */
export async function createAgreementDraft(db: PrismaClient, writer: SubgraphContext, input: AgreementDraftInput) {
  return db.$transaction(async (tx) => {
    const draft = await checkedDraft(tx, input);
    requireParty(writer.actor, input.municipalityCode, draft.lpoIds, 'write a draft agreement for it');
    const agreement = await tx.agreement.create({ data: { ...draft.fields, state: 'DRAFT' } });
    await writeParts(tx, agreement.id, draft);
    await storeChanges((entry) => writeAudit(tx, entry), writer, 'createAgreementDraft', { type: 'Agreement', key: agreement.id }, null, await agreementSnapshot(tx, agreement.id));
    return agreement;
  });
}

/** An agreement's audited fields: its own and its parts', lists in a stable order. */
async function agreementSnapshot(tx: Tx, id: string): Promise<Snapshot | null> {
  const row = await tx.agreement.findUnique({
    where: { id },
    include: {
      localPoliceAreas: { orderBy: { localPoliceAreaId: 'asc' } },
      approvals: { orderBy: { party: 'asc' } },
      focusAreas: { orderBy: { position: 'asc' } },
      signatories: { orderBy: [{ party: 'asc' }, { name: 'asc' }] },
      steeringDocuments: { orderBy: { position: 'asc' } },
      sources: { orderBy: [{ title: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!row) return null;
  return {
    title: row.title,
    municipalityCode: row.municipalityCode,
    state: row.state,
    validFrom: row.validFrom,
    validTo: row.validTo,
    signedOn: row.signedOn,
    supersededOn: row.supersededOn,
    withdrawnOn: row.withdrawnOn,
    previousId: row.previousId,
    purpose: row.purpose,
    goals: row.goals,
    followUp: row.followUp,
    localPoliceAreaIds: row.localPoliceAreas.map((l) => l.localPoliceAreaId),
    approvals: row.approvals.map((a) => a.party),
    focusAreas: row.focusAreas.map((f) => ({ code: f.focusAreaCode, title: f.title })),
    signatories: row.signatories.map((s) => ({ name: s.name, title: s.title, party: s.party })),
    steeringDocumentIds: row.steeringDocuments.map((d) => d.steeringDocumentId),
    sources: row.sources.map((d) => d.title),
  };
}

/** Agreements, for the shared lifecycle. */
export const agreementKind: RecordKind = {
  noun: 'agreement',
  entityType: 'Agreement',
  snapshot: agreementSnapshot,
  load: async (tx, id) => {
    const row = await tx.agreement.findUnique({ where: { id }, include: { localPoliceAreas: true, approvals: true } });
    return row && { ...row, localPoliceAreaIds: row.localPoliceAreas.map((l) => l.localPoliceAreaId), approvedParties: row.approvals.map((a) => a.party) };
  },
  change: (tx, id, change) => tx.agreement.update({ where: { id }, data: { ...change, version: { increment: 1 } } }),
  addApproval: (tx, id, party, approvedBy) => tx.approval.create({ data: { agreementId: id, party, approvedBy } }),
  findNext: (tx, id, except) => tx.agreement.findFirst({ where: { previousId: id, NOT: { id: except } } }),
  beforeSigning: (tx, record) => checkNoOverlap(tx, record),
};

/** Rewrites a draft completely; earlier approvals no longer hold and are removed. */
export async function updateAgreementDraft(db: PrismaClient, writer: SubgraphContext, id: string, version: number, input: AgreementDraftInput) {
  const { actor } = writer;
  return db.$transaction(async (tx) => {
    const current = await loadForChange(agreementKind, tx, id, version);
    const before = await snapshotsOf(agreementKind, tx, [id]);
    requireParty(actor, current.municipalityCode, current.localPoliceAreaIds, 'change this agreement');
    if (current.state !== 'DRAFT') throw conflict(`Only a draft can be changed; this agreement is ${current.state.toLowerCase()}.`, { state: current.state });
    if (input.municipalityCode !== current.municipalityCode) throw badInput('An agreement cannot move to another kommun; write a new draft.', { field: 'municipalityCode' });
    const draft = await checkedDraft(tx, input);
    requireParty(actor, input.municipalityCode, draft.lpoIds, 'change this agreement');
    const byAgreement = { where: { agreementId: id } };
    await tx.agreementLocalPoliceArea.deleteMany(byAgreement);
    await tx.agreementFocusArea.deleteMany(byAgreement);
    await tx.agreementSteeringDocument.deleteMany(byAgreement);
    await tx.signatory.deleteMany(byAgreement);
    await tx.sourceDocument.deleteMany(byAgreement);
    await tx.approval.deleteMany(byAgreement);
    const agreement = await tx.agreement.update({ where: { id }, data: { ...draft.fields, version: { increment: 1 } } });
    await writeParts(tx, id, draft);
    await recordChanges(agreementKind, tx, writer, 'updateAgreementDraft', before);
    return agreement;
  });
}

/** Refuses to sign when another signed agreement of the same kommun and lokalpolisområde overlaps. */
async function checkNoOverlap(tx: Tx, record: LifecycleRecord) {
  const agreement = await tx.agreement.findUniqueOrThrow({ where: { id: record.id } });
  const others = await tx.agreement.findMany({
    where: {
      id: { not: agreement.id },
      state: 'SIGNED',
      municipalityCode: agreement.municipalityCode,
      localPoliceAreas: { some: { localPoliceAreaId: { in: record.localPoliceAreaIds } } },
      ...(agreement.previousId ? { NOT: { id: agreement.previousId } } : {}),
    },
  });
  const clash = others.find((other) => periodsOverlap(agreement, effectivePeriod(other)));
  if (clash) {
    throw conflict(
      `This agreement (${describePeriod(agreement)}) overlaps the signed agreement "${clash.title}" (id ${clash.id}, ${describePeriod(effectivePeriod(clash))}) ` +
        'of the same kommun and lokalpolisområde. Change the dates, withdraw the other agreement, or link this one as its successor (supersedeAgreement).',
      { conflictingAgreementId: clash.id },
    );
  }
}

/** The asking party approves a draft; with both approvals it is signed (see `approveRecord`). */
export function approveAgreement(db: PrismaClient, writer: SubgraphContext, id: string, version: number | null, signedOn: string | null) {
  return db.$transaction((tx) => approveRecord(agreementKind, tx, writer, 'approveAgreement', id, version, signedOn));
}

/** Withdraws an agreement. */
export function withdrawAgreement(db: PrismaClient, writer: SubgraphContext, id: string, version: number | null, on: string | null) {
  return db.$transaction((tx) => withdrawRecord(agreementKind, tx, writer, 'withdrawAgreement', id, version, on));
}

/** Links a later agreement of the same kommun as the one that takes over. */
export function supersedeAgreement(db: PrismaClient, writer: SubgraphContext, id: string, successorId: string, version: number | null) {
  return db.$transaction((tx) => supersedeRecord(agreementKind, tx, writer, 'supersedeAgreement', id, successorId, version));
}
