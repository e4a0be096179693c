import { type Actor, badInput, conflict, formatIsoDate, isoDateToUtc, notFound, todayInSweden } from '@samverkan/schema';
import type { Party, Prisma, PrismaClient } from '../generated/prisma/client';
import { requireParty } from './access';
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

const TITLE_MAX = 300;
const TEXT_MAX = 20_000;

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`\`${field}\` must not be empty.`, { field });
  if (trimmed.length > max) throw badInput(`\`${field}\` is ${trimmed.length} characters long; at most ${max} are allowed.`, { field });
  return trimmed;
}

function optionalText(value: string | null | undefined, field: string, max = TEXT_MAX): string | null {
  if (value == null || value.trim() === '') return null;
  return text(value, field, max);
}

function date(value: string | null | undefined): Date | null {
  return value ? isoDateToUtc(value) : null;
}

function checkUrl(value: string | null | undefined, field: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // fall through to the error
  }
  throw badInput(`\`${field}\` must be an http(s) address, got "${value}".`, { field });
}

/** Checks a draft's input against the rules and the reference data; returns the rows to write. */
async function checkedDraft(tx: Tx, input: AgreementDraftInput) {
  const title = text(input.title, 'title', TITLE_MAX);
  const validFrom = date(input.validFrom);
  const validTo = date(input.validTo);
  if (validFrom && validTo && validFrom > validTo) {
    throw badInput(`\`validFrom\` (${input.validFrom}) is after \`validTo\` (${input.validTo}): the period must run forwards.`, { field: 'validTo' });
  }
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
  const codes = [...new Set(focusAreas.map((a) => a.focusAreaCode))];
  const known = new Set((await tx.focusArea.findMany({ where: { code: { in: codes } } })).map((a) => a.code));
  const unknown = codes.find((code) => !known.has(code));
  if (unknown) throw badInput(`No fokusområde has the code "${unknown}"; see \`focusAreas\` for the catalogue.`, { field: 'focusAreas' });
  const steeringIds = [...new Set((input.steeringDocumentIds ?? []).map(String))];
  const documents = await tx.steeringDocument.findMany({ where: { id: { in: steeringIds } } });
  for (const id of steeringIds) {
    const document = documents.find((d) => d.id === id);
    if (!document) throw badInput(`No styrdokument has the id "${id}".`, { field: 'steeringDocumentIds' });
    if (document.municipalityCode !== input.municipalityCode) {
      throw badInput(`Styrdokument "${document.title}" belongs to kommun ${document.municipalityCode}, not ${input.municipalityCode}.`, { field: 'steeringDocumentIds' });
    }
  }
  const signatories = (input.signatories ?? []).map((s, index) => ({
    name: text(s.name, `signatories[${index}].name`, 200),
    title: text(s.title, `signatories[${index}].title`, 200),
    party: s.party,
    position: index + 1,
  }));
  const sources = (input.sources ?? []).map((s, index) => ({
    title: text(s.title, `sources[${index}].title`, TITLE_MAX),
    publishedOn: date(s.publishedOn),
    url: checkUrl(s.url, `sources[${index}].url`),
    note: optionalText(s.note, `sources[${index}].note`, 2000),
  }));
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
export async function createAgreementDraft(db: PrismaClient, actor: Actor, input: AgreementDraftInput) {
  return db.$transaction(async (tx) => {
    const draft = await checkedDraft(tx, input);
    requireParty(actor, input.municipalityCode, draft.lpoIds, 'write a draft agreement for it');
    const agreement = await tx.agreement.create({ data: { ...draft.fields, state: 'DRAFT' } });
    await writeParts(tx, agreement.id, draft);
    return agreement;
  });
}

/** Loads an agreement for a change: it must exist, be visible to a party, and have the version the client read. */
async function forChange(tx: Tx, id: string, version: number | null | undefined) {
  const agreement = await tx.agreement.findUnique({ where: { id }, include: { localPoliceAreas: true, approvals: true } });
  if (!agreement) throw notFound(`No agreement has the id "${id}".`, { field: 'id' });
  if (version != null && version !== agreement.version) {
    throw conflict(`The agreement has changed since you read it (your version ${version}, now ${agreement.version}); read it again and redo your change.`, {
      currentVersion: agreement.version,
    });
  }
  return { ...agreement, lpoIds: agreement.localPoliceAreas.map((l) => l.localPoliceAreaId) };
}

/** Rewrites a draft completely; earlier approvals no longer hold and are removed. */
export async function updateAgreementDraft(db: PrismaClient, actor: Actor, id: string, version: number, input: AgreementDraftInput) {
  return db.$transaction(async (tx) => {
    const current = await forChange(tx, id, version);
    requireParty(actor, current.municipalityCode, current.lpoIds, 'change this agreement');
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
    return agreement;
  });
}

/** Refuses to sign when another signed agreement of the same kommun and lokalpolisområde overlaps. */
async function checkNoOverlap(tx: Tx, agreement: { id: string; municipalityCode: string; validFrom: Date | null; validTo: Date | null; previousId: string | null; lpoIds: string[] }) {
  const others = await tx.agreement.findMany({
    where: {
      id: { not: agreement.id },
      state: 'SIGNED',
      municipalityCode: agreement.municipalityCode,
      localPoliceAreas: { some: { localPoliceAreaId: { in: agreement.lpoIds } } },
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

/**
 * Records the actor's party's approval. When both the kommun and the police have approved, the
 * agreement is signed (on `signedOn`, or today), provided no other signed agreement overlaps it.
 */
export async function approveAgreement(db: PrismaClient, actor: Actor, id: string, version: number | null, signedOn: string | null) {
  return db.$transaction(async (tx) => {
    const current = await forChange(tx, id, version);
    const party = requireParty(actor, current.municipalityCode, current.lpoIds, 'approve this agreement');
    if (current.state !== 'DRAFT') throw conflict(`Only a draft can be approved; this agreement is ${current.state.toLowerCase()}.`, { state: current.state });
    if (current.approvals.some((a) => a.party === party)) {
      throw conflict(`The ${party === 'MUNICIPALITY' ? 'kommun' : 'police'} side has already approved this draft; the other side must approve it now.`, { party });
    }
    await tx.approval.create({ data: { agreementId: id, party, approvedBy: 'subject' in actor ? actor.subject : 'unknown' } });
    const bothApproved = current.approvals.length + 1 >= 2;
    if (!bothApproved) return tx.agreement.update({ where: { id }, data: { version: { increment: 1 } } });
    await checkNoOverlap(tx, current);
    const day = signedOn ?? todayInSweden();
    const signed = await tx.agreement.update({ where: { id }, data: { state: 'SIGNED', signedOn: isoDateToUtc(day), version: { increment: 1 } } });
    if (current.previousId) {
      await tx.agreement.update({ where: { id: current.previousId }, data: { supersededOn: current.validFrom ?? isoDateToUtc(day), version: { increment: 1 } } });
    }
    return signed;
  });
}

/** Withdraws an agreement (draft or signed) from `on` (today by default). */
export async function withdrawAgreement(db: PrismaClient, actor: Actor, id: string, version: number | null, on: string | null) {
  return db.$transaction(async (tx) => {
    const current = await forChange(tx, id, version);
    requireParty(actor, current.municipalityCode, current.lpoIds, 'withdraw this agreement');
    if (current.state === 'WITHDRAWN') throw conflict('This agreement is already withdrawn.', { state: current.state });
    return tx.agreement.update({ where: { id }, data: { state: 'WITHDRAWN', withdrawnOn: isoDateToUtc(on ?? todayInSweden()), version: { increment: 1 } } });
  });
}

/**
 * Links `successorId` as the agreement that takes over from `id` (same kommun). When the successor
 * is already signed, `id` is superseded from the successor's start; otherwise from the day it is signed.
 */
export async function supersedeAgreement(db: PrismaClient, actor: Actor, id: string, successorId: string, version: number | null) {
  return db.$transaction(async (tx) => {
    const current = await forChange(tx, id, version);
    requireParty(actor, current.municipalityCode, current.lpoIds, 'supersede this agreement');
    if (id === successorId) throw badInput('An agreement cannot supersede itself.', { field: 'by' });
    const successor = await tx.agreement.findUnique({ where: { id: successorId }, include: { previous: true } });
    if (!successor) throw notFound(`No agreement has the id "${successorId}".`, { field: 'by' });
    if (successor.municipalityCode !== current.municipalityCode) {
      throw badInput(`The successor belongs to kommun ${successor.municipalityCode}, not ${current.municipalityCode}.`, { field: 'by' });
    }
    if (current.state !== 'SIGNED') throw conflict(`Only a signed agreement can be superseded; this one is ${current.state.toLowerCase()}.`, { state: current.state });
    if (successor.previousId && successor.previousId !== id) {
      throw conflict(`"${successor.title}" already supersedes another agreement (id ${successor.previousId}).`, { field: 'by' });
    }
    const alreadyNext = await tx.agreement.findFirst({ where: { previousId: id, NOT: { id: successorId } } });
    if (alreadyNext) throw conflict(`This agreement is already superseded by "${alreadyNext.title}" (id ${alreadyNext.id}).`, { field: 'by' });
    await tx.agreement.update({ where: { id: successorId }, data: { previousId: id, version: { increment: 1 } } });
    const supersededOn = successor.state === 'SIGNED' ? (successor.validFrom ?? successor.signedOn ?? isoDateToUtc(todayInSweden())) : null;
    return tx.agreement.update({ where: { id }, data: { supersededOn, version: { increment: 1 } } });
  });
}

export { formatIsoDate };
