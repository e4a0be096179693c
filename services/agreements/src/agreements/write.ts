import { successorsOf } from '@samverkan/geo';
import { badInput, conflict, optionalText, parseIsoDate, requiredText as text, TITLE_MAX, todayInSweden } from '@samverkan/schema';
import { organisationOf } from '../lifecycle/access';
import { documentsOf, type DraftKind, type LifecycleRecord, lifecycleSnapshot, type Tx } from '../lifecycle/record';
import { describePeriod, effectivePeriod, periodsOverlap } from '../lifecycle/status';
import { lifecycleWrites } from '../lifecycle/steps';
import { checkedDocuments, checkFocusAreaCodes, checkPeriod, checkPoliceParty, type DocumentsInput, type PolicePartyInput, policePartyOf, unitColumns } from '../lifecycle/validate';

/** What a draft agreement is written from (the GraphQL input, checked here). */
export interface AgreementDraftInput extends DocumentsInput, PolicePartyInput {
  title: string;
  municipalityCode: string;
  validFrom?: string | null;
  validTo?: string | null;
  purpose?: string | null;
  goals?: string | null;
  followUp?: string | null;
  focusAreas?: readonly { code: string | number; title: string; description?: string | null }[] | null;
  steeringDocumentIds?: readonly (string | number)[] | null;
}

/** Checks a draft's input against the rules and the reference data; returns the rows to write. */
async function checkedDraft(tx: Tx, input: AgreementDraftInput) {
  const title = text(input.title, 'title', TITLE_MAX);
  const { validFrom, validTo } = checkPeriod(input.validFrom, input.validTo);
  const party = policePartyOf(input, 'localPoliceAreaIds');
  // The party must cover the kommun on the agreement's start (today for a draft with none yet).
  const on = input.validFrom ? parseIsoDate(input.validFrom) : todayInSweden();
  checkPoliceParty(await organisationOf(tx), party, input.municipalityCode, on, 'localPoliceAreaIds');
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
  return {
    fields: {
      title,
      municipalityCode: input.municipalityCode,
      validFrom,
      validTo,
      purpose: optionalText(input.purpose, 'purpose'),
      goals: optionalText(input.goals, 'goals'),
      followUp: optionalText(input.followUp, 'followUp'),
      policeDistrictId: party.policeDistrictId,
      policeRegionCode: party.policeRegionCode,
    },
    ...party,
    focusAreas,
    steeringIds,
    ...checkedDocuments(input),
  };
}

type AgreementDraft = Awaited<ReturnType<typeof checkedDraft>>;

async function writeParts(tx: Tx, agreementId: string, draft: AgreementDraft): Promise<void> {
  await tx.agreementLocalPoliceArea.createMany({ data: draft.localPoliceAreaIds.map((localPoliceAreaId) => ({ agreementId, localPoliceAreaId })) });
  await tx.agreementFocusArea.createMany({ data: draft.focusAreas.map((area) => ({ agreementId, ...area })) });
  await tx.agreementSteeringDocument.createMany({
    data: draft.steeringIds.map((steeringDocumentId, index) => ({ agreementId, steeringDocumentId, position: index + 1 })),
  });
}

async function removeParts(tx: Tx, agreementId: string): Promise<void> {
  const byAgreement = { where: { agreementId } };
  await tx.agreementLocalPoliceArea.deleteMany(byAgreement);
  await tx.agreementFocusArea.deleteMany(byAgreement);
  await tx.agreementSteeringDocument.deleteMany(byAgreement);
  await tx.approval.deleteMany(byAgreement);
}

/** An agreement's audited fields: its own and its parts', lists in a stable order. */
async function agreementSnapshot(tx: Tx, id: string) {
  const row = await tx.agreement.findUnique({ where: { id } });
  if (!row) return null;
  const byAgreement = { where: { agreementId: id } };
  const approvals = await tx.approval.findMany({ ...byAgreement, orderBy: { party: 'asc' } });
  const localPoliceAreas = await tx.agreementLocalPoliceArea.findMany({ ...byAgreement, orderBy: { localPoliceAreaId: 'asc' } });
  const focusAreas = await tx.agreementFocusArea.findMany({ ...byAgreement, orderBy: { position: 'asc' } });
  const steeringDocuments = await tx.agreementSteeringDocument.findMany({ ...byAgreement, orderBy: { position: 'asc' } });
  return lifecycleSnapshot({ ...row, approvals, ...(await documentsOf(tx, { agreementId: id })) }, {
    afterLifecycle: {
      purpose: row.purpose,
      goals: row.goals,
      followUp: row.followUp,
      localPoliceAreaIds: localPoliceAreas.map((l) => l.localPoliceAreaId),
      ...unitColumns(row),
    },
    afterApprovals: { focusAreas: focusAreas.map((f) => ({ code: f.focusAreaCode, title: f.title })) },
    afterSignatories: { steeringDocumentIds: steeringDocuments.map((d) => d.steeringDocumentId) },
  });
}

/** The lokalpolisområden of a lineage: the areas, the areas they continue and those that continue them. */
function lineageOf(organisation: Awaited<ReturnType<typeof organisationOf>>, ids: readonly string[]): string[] {
  const lineage = new Set(ids.flatMap((id) => [id, ...successorsOf(organisation, id)]));
  for (const area of organisation.localPoliceAreas) if (successorsOf(organisation, area.id).some((id) => ids.includes(id))) lineage.add(area.id);
  return [...lineage];
}

/**
 * Refuses to sign when another signed agreement of the same kommun and police party overlaps: for a
 * lokalpolisområde, one of the same area or of its lineage (a split or renamed area); for a
 * polisområde or polisregion, any other signed agreement of the kommun.
 */
async function checkNoOverlap(tx: Tx, record: LifecycleRecord) {
  const agreement = await tx.agreement.findUniqueOrThrow({ where: { id: record.id } });
  const byArea = record.localPoliceAreaIds.length > 0;
  const lineage = byArea ? lineageOf(await organisationOf(tx), record.localPoliceAreaIds) : [];
  const others = await tx.agreement.findMany({
    where: {
      id: { not: agreement.id },
      state: 'SIGNED',
      municipalityCode: agreement.municipalityCode,
      ...(byArea ? { OR: [{ localPoliceAreas: { some: { localPoliceAreaId: { in: lineage } } } }, { policeDistrictId: { not: null } }, { policeRegionCode: { not: null } }] } : {}),
      ...(agreement.previousId ? { NOT: { id: agreement.previousId } } : {}),
    },
  });
  const clash = others.find((other) => periodsOverlap(agreement, effectivePeriod(other)));
  if (clash) {
    throw conflict(
      `This agreement (${describePeriod(agreement)}) overlaps the signed agreement "${clash.title}" (id ${clash.id}, ${describePeriod(effectivePeriod(clash))}) ` +
        'of the same kommun and police party. Change the dates, withdraw the other agreement, or link this one as its successor (supersedeAgreement).',
      { conflictingAgreementId: clash.id },
    );
  }
}

/** Agreements, for the shared lifecycle. */
export const agreementKind: DraftKind<AgreementDraftInput, AgreementDraft> = {
  noun: 'agreement',
  aNoun: 'An agreement',
  entityType: 'Agreement',
  snapshot: agreementSnapshot,
  load: async (tx, id) => {
    // One relation per query: see `documentsOf`.
    const row = await tx.agreement.findUnique({ where: { id }, include: { localPoliceAreas: true } });
    if (!row) return null;
    const approvals = await tx.approval.findMany({ where: { agreementId: id } });
    return { ...row, localPoliceAreaIds: row.localPoliceAreas.map((l) => l.localPoliceAreaId), approvedParties: approvals.map((a) => a.party) };
  },
  change: (tx, id, change) => tx.agreement.update({ where: { id }, data: { ...change, version: { increment: 1 } } }),
  addApproval: (tx, id, party, approvedBy) => tx.approval.create({ data: { agreementId: id, party, approvedBy } }),
  owner: (agreementId) => ({ agreementId }),
  findNext: (tx, id, except) => tx.agreement.findFirst({ where: { previousId: id, NOT: { id: except } } }),
  beforeSigning: checkNoOverlap,
  check: checkedDraft,
  insertRow: async (tx, draft) => (await tx.agreement.create({ data: { ...draft.fields, state: 'DRAFT' } })).id,
  updateRow: (tx, id, draft) => tx.agreement.update({ where: { id }, data: { ...draft.fields, version: { increment: 1 } } }),
  writeParts,
  removeParts,
};

/** Writing agreements: drafts, approvals, withdrawal, succession. */
export const agreementWrites = lifecycleWrites(agreementKind);
