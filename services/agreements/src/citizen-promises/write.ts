import { type Actor, badInput, parseIsoDate, requiredText as text, TITLE_MAX, todayInSweden } from '@samverkan/schema';
import { mayReadLifecycleRecord, organisationOf } from '../lifecycle/access';
import { documentsOf, type DraftKind, lifecycleSnapshot, type Tx } from '../lifecycle/record';
import { lifecycleWrites } from '../lifecycle/steps';
import { checkedDocuments, checkFocusAreaCodes, checkPeriod, checkPoliceParty, type DocumentsInput, policePartyOf, unitColumns } from '../lifecycle/validate';

/** What a draft medborgarlöfte is written from (the GraphQL input, checked here). */
export interface CitizenPromiseDraftInput extends DocumentsInput {
  title: string;
  municipalityCode: string;
  /** The police party: a lokalpolisområde, or (where none covers the kommun) a polisområde or polisregion. */
  localPoliceAreaId?: string | number | null;
  policeDistrict?: string | number | null;
  policeRegion?: string | number | null;
  agreementId?: string | number | null;
  validFrom?: string | null;
  validTo?: string | null;
  focusAreaCodes?: readonly (string | number)[] | null;
  promises: readonly { text: string; targetCount?: number | null }[];
}

/** Checks a draft's input against the rules and the reference data; returns the rows to write. */
async function checkedDraft(tx: Tx, input: CitizenPromiseDraftInput, writer: Actor) {
  const title = text(input.title, 'title', TITLE_MAX);
  const { validFrom, validTo } = checkPeriod(input.validFrom, input.validTo);
  const party = policePartyOf({ ...input, localPoliceAreaIds: input.localPoliceAreaId == null ? [] : [input.localPoliceAreaId] }, 'localPoliceAreaId');
  const organisation = await organisationOf(tx);
  checkPoliceParty(organisation, party, input.municipalityCode, input.validFrom ? parseIsoDate(input.validFrom) : todayInSweden(), 'localPoliceAreaId');
  const localPoliceAreaId = party.localPoliceAreaIds[0] ?? null;
  const agreementId = input.agreementId == null ? null : String(input.agreementId);
  if (agreementId) {
    const agreement = await tx.agreement.findUnique({ where: { id: agreementId }, include: { localPoliceAreas: true } });
    // An agreement the writer may not read (another kommun's draft) is answered as one that does not exist.
    const readable = agreement && mayReadLifecycleRecord({ actor: writer, accessOrganisation: organisation }, { ...agreement, localPoliceAreaIds: agreement.localPoliceAreas.map((l) => l.localPoliceAreaId) });
    if (!readable) throw badInput(`No agreement has the id "${agreementId}".`, { field: 'agreementId' });
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
    fields: { title, municipalityCode: input.municipalityCode, localPoliceAreaId, policeDistrictId: party.policeDistrictId, policeRegionCode: party.policeRegionCode, agreementId, validFrom, validTo },
    ...party,
    promises,
    focusAreaCodes,
    ...checkedDocuments(input),
  };
}

type CitizenPromiseDraft = Awaited<ReturnType<typeof checkedDraft>>;

async function writeParts(tx: Tx, citizenPromiseId: string, draft: CitizenPromiseDraft): Promise<void> {
  await tx.promiseItem.createMany({ data: draft.promises.map((p) => ({ citizenPromiseId, ...p })) });
  await tx.citizenPromiseFocusArea.createMany({ data: draft.focusAreaCodes.map((focusAreaCode) => ({ citizenPromiseId, focusAreaCode })) });
}

async function removeParts(tx: Tx, citizenPromiseId: string): Promise<void> {
  const byPromise = { where: { citizenPromiseId } };
  await tx.promiseItem.deleteMany(byPromise);
  await tx.citizenPromiseFocusArea.deleteMany(byPromise);
  await tx.promiseApproval.deleteMany(byPromise);
}

/** A medborgarlöfte's audited fields: its own and its parts', lists in a stable order. */
async function promiseSnapshot(tx: Tx, id: string) {
  const row = await tx.citizenPromise.findUnique({ where: { id } });
  if (!row) return null;
  const byPromise = { where: { citizenPromiseId: id } };
  const approvals = await tx.promiseApproval.findMany({ ...byPromise, orderBy: { party: 'asc' } });
  const promises = await tx.promiseItem.findMany({ ...byPromise, orderBy: { position: 'asc' } });
  const focusAreas = await tx.citizenPromiseFocusArea.findMany({ ...byPromise, orderBy: { focusAreaCode: 'asc' } });
  return lifecycleSnapshot({ ...row, approvals, ...(await documentsOf(tx, { citizenPromiseId: id })) }, {
    afterKommun: { localPoliceAreaId: row.localPoliceAreaId, ...unitColumns(row), agreementId: row.agreementId },
    afterApprovals: {
      promises: promises.map((p) => ({ text: p.text, targetCount: p.targetCount })),
      focusAreaCodes: focusAreas.map((f) => f.focusAreaCode),
    },
  });
}

/** Medborgarlöften, for the shared lifecycle. */
export const citizenPromiseKind: DraftKind<CitizenPromiseDraftInput, CitizenPromiseDraft> = {
  noun: 'medborgarlöfte',
  aNoun: 'A medborgarlöfte',
  entityType: 'CitizenPromise',
  snapshot: promiseSnapshot,
  load: async (tx, id) => {
    const row = await tx.citizenPromise.findUnique({ where: { id }, include: { approvals: true } });
    return row && { ...row, localPoliceAreaIds: row.localPoliceAreaId ? [row.localPoliceAreaId] : [], approvedParties: row.approvals.map((a) => a.party) };
  },
  change: (tx, id, change) => tx.citizenPromise.update({ where: { id }, data: { ...change, version: { increment: 1 } } }),
  addApproval: (tx, id, party, approvedBy) => tx.promiseApproval.create({ data: { citizenPromiseId: id, party, approvedBy } }),
  owner: (citizenPromiseId) => ({ citizenPromiseId }),
  findNext: (tx, id, except) => tx.citizenPromise.findFirst({ where: { previousId: id, NOT: { id: except } } }),
  check: checkedDraft,
  insertRow: async (tx, draft) => (await tx.citizenPromise.create({ data: { ...draft.fields, state: 'DRAFT' } })).id,
  updateRow: (tx, id, draft) => tx.citizenPromise.update({ where: { id }, data: { ...draft.fields, version: { increment: 1 } } }),
  writeParts,
  removeParts,
};

/** Writing medborgarlöften: drafts, approvals, withdrawal, succession. */
export const citizenPromiseWrites = lifecycleWrites(citizenPromiseKind);
