import { applyReferenceRecords, isoDateToUtc, type ReferenceKind, type SeededRow, type SeedLog, type SeedOutcome, type SeedStamp } from '@samverkan/schema';
import { agreementKind } from '../agreements/write';
import { citizenPromiseKind } from '../citizen-promises/write';
import type { PrismaClient, Tx } from '../db';
import { type AgreementSeed, agreementSeeds, type SourceSeed } from './agreements';
import { type ResolvedAgreementSeed, resolveSuccession } from './succession';
import { type CitizenPromiseSeed, citizenPromiseSeeds, milestoneSeeds, steeringDocumentSeeds } from './source-facts';

/*
 * Loads the reference records at start-up. Agreements and medborgarlöften are versioned records
 * users may change, so they go through the shared seed kit (a changed source rewrites a record only
 * while no one has edited it). Styrdokument and milestolpar have no mutations: they are upserted.
 */

const day = (value: string | null) => (value ? isoDateToUtc(value) : null);

/**
 * The facts of the sources an agreement's audited fields lack (its mutations do not write them), so
 * that a seed's rewrite of them is audited too.
 */
const SOURCE_FACTS = { decidedOn: true, decidedBy: true, policePartyName: true, firstInSwedenClaim: true, firstInSwedenClaimedBy: true } as const;

/** What the seed kit reads of a record. */
const SEEDED_COLUMNS = { id: true, version: true, seedHash: true, seededVersion: true } as const;

const sourceRow = (source: SourceSeed) => ({ title: source.title, publishedOn: day(source.publishedOn), url: source.url ?? null, note: source.note ?? null });

function agreementColumns(seed: ResolvedAgreementSeed, stamp: SeedStamp) {
  return {
    title: seed.title,
    municipalityCode: seed.municipalityCode,
    state: 'SIGNED' as const,
    validFrom: day(seed.validFrom),
    validTo: day(seed.validTo),
    signedOn: day(seed.signedOn),
    approvedBy: seed.approvedBy,
    decidedOn: day(seed.decidedOn),
    decidedBy: seed.decidedBy,
    policePartyName: seed.policePartyName,
    firstInSwedenClaim: seed.firstInSwedenClaim,
    firstInSwedenClaimedBy: seed.firstInSwedenClaimedBy,
    purpose: seed.purpose,
    goals: seed.goals,
    followUp: seed.followUp,
    supersededOn: day(seed.supersededOn),
    // Seed keys are the records' ids, so that other subgraphs' records (e.g. actions) can refer to them.
    previousId: seed.previousSeedKey,
    ...stamp,
  };
}

async function writeAgreementParts(tx: Tx, agreementId: string, seed: AgreementSeed): Promise<void> {
  await tx.agreementLocalPoliceArea.createMany({ data: seed.localPoliceAreaIds.map((localPoliceAreaId) => ({ agreementId, localPoliceAreaId })) });
  await tx.signatory.createMany({ data: seed.signatories.map((s, index) => ({ agreementId, ...s, position: index + 1 })) });
  await tx.agreementFocusArea.createMany({
    data: seed.focusAreas.map((area, index) => ({ agreementId, focusAreaCode: area.code, position: index + 1, title: area.title, description: area.description })),
  });
  for (const [index, document] of seed.steeringDocuments.entries()) {
    const stored = await upsertSteeringDocument(tx, { ...document, municipalityCode: seed.municipalityCode });
    await tx.agreementSteeringDocument.create({ data: { agreementId, steeringDocumentId: stored.id, position: index + 1 } });
  }
  await tx.agreementCommitment.createMany({
    data: seed.commitments.map((c, index) => ({ agreementId, position: index + 1, ...c, sourceTitle: seed.sources[0]!.title })),
  });
  await tx.sourceDocument.createMany({ data: seed.sources.map((source) => ({ agreementId, ...sourceRow(source) })) });
}

async function removeAgreementParts(tx: Tx, agreementId: string): Promise<void> {
  const where = { agreementId };
  await tx.agreementLocalPoliceArea.deleteMany({ where });
  await tx.signatory.deleteMany({ where });
  await tx.agreementFocusArea.deleteMany({ where });
  await tx.agreementSteeringDocument.deleteMany({ where });
  await tx.agreementCommitment.deleteMany({ where });
  await tx.sourceDocument.deleteMany({ where });
}

const agreementReference: ReferenceKind<Tx, ResolvedAgreementSeed, SeededRow> = {
  entityType: 'Agreement',
  noun: 'agreement',
  keyOf: (seed) => seed.seedKey,
  load: (tx, id) => tx.agreement.findUnique({ where: { id }, select: SEEDED_COLUMNS }),
  snapshot: async (tx, id) => {
    const snapshot = await agreementKind.snapshot(tx, id);
    const facts = await tx.agreement.findUnique({ where: { id }, select: SOURCE_FACTS });
    const commitments = await tx.agreementCommitment.findMany({ where: { agreementId: id }, orderBy: { position: 'asc' }, select: { kind: true, intervalMonths: true, text: true } });
    return snapshot && facts ? { ...snapshot, ...facts, commitments } : null;
  },
  create: async (tx, seed, stamp) => {
    await tx.agreement.create({ data: { id: seed.seedKey, seedKey: seed.seedKey, ...agreementColumns(seed, stamp) } });
    await writeAgreementParts(tx, seed.seedKey, seed);
  },
  update: async (tx, seed, _row, stamp) => {
    await removeAgreementParts(tx, seed.seedKey);
    await tx.agreement.update({ where: { id: seed.seedKey }, data: { ...agreementColumns(seed, stamp), version: stamp.seededVersion } });
    await writeAgreementParts(tx, seed.seedKey, seed);
  },
};

function promiseColumns(seed: CitizenPromiseSeed, stamp: SeedStamp) {
  return {
    title: seed.title,
    municipalityCode: seed.municipalityCode,
    state: seed.state,
    agreementId: seed.agreementSeedKey,
    localPoliceAreaId: seed.localPoliceAreaId,
    policePartyName: seed.policePartyName,
    decidedOn: day(seed.decidedOn),
    decidedBy: seed.decidedBy,
    ...stamp,
  };
}

async function writePromiseParts(tx: Tx, citizenPromiseId: string, seed: CitizenPromiseSeed): Promise<void> {
  await tx.promiseItem.createMany({ data: seed.promises.map((p, index) => ({ citizenPromiseId, position: index + 1, ...p })) });
  await tx.citizenPromiseFocusArea.createMany({ data: seed.focusAreaCodes.map((focusAreaCode) => ({ citizenPromiseId, focusAreaCode })) });
  await tx.sourceDocument.createMany({ data: seed.sources.map((source) => ({ citizenPromiseId, ...sourceRow(source) })) });
}

const promiseReference: ReferenceKind<Tx, CitizenPromiseSeed, SeededRow> = {
  entityType: 'CitizenPromise',
  noun: 'medborgarlöfte',
  keyOf: (seed) => seed.seedKey,
  load: (tx, id) => tx.citizenPromise.findUnique({ where: { id }, select: SEEDED_COLUMNS }),
  snapshot: async (tx, id) => {
    const snapshot = await citizenPromiseKind.snapshot(tx, id);
    const facts = await tx.citizenPromise.findUnique({ where: { id }, select: { decidedOn: true, decidedBy: true, policePartyName: true } });
    return snapshot && facts ? { ...snapshot, ...facts } : null;
  },
  create: async (tx, seed, stamp) => {
    await tx.citizenPromise.create({ data: { id: seed.seedKey, seedKey: seed.seedKey, ...promiseColumns(seed, stamp) } });
    await writePromiseParts(tx, seed.seedKey, seed);
  },
  update: async (tx, seed, _row, stamp) => {
    const where = { citizenPromiseId: seed.seedKey };
    await tx.promiseItem.deleteMany({ where });
    await tx.citizenPromiseFocusArea.deleteMany({ where });
    await tx.sourceDocument.deleteMany({ where });
    await tx.citizenPromise.update({ where: { id: seed.seedKey }, data: { ...promiseColumns(seed, stamp), version: stamp.seededVersion } });
    await writePromiseParts(tx, seed.seedKey, seed);
  },
};

function upsertSteeringDocument(tx: Tx, document: (typeof steeringDocumentSeeds)[number]) {
  const { seedKey, adoptedOn, ...rest } = document;
  const data = { ...rest, adoptedOn: day(adoptedOn) };
  // A reference record's id is its seed key, the same in every installation (README, "Ids").
  return tx.steeringDocument.upsert({ where: { seedKey }, create: { id: seedKey, seedKey, ...data }, update: data });
}

async function loadMilestones(tx: Tx): Promise<void> {
  for (const document of steeringDocumentSeeds) await upsertSteeringDocument(tx, document);
  for (const seed of milestoneSeeds) {
    const { seedKey, agreementSeedKey, citizenPromiseSeedKey, steeringDocumentSeedKey, on, sourcePublishedOn, ...facts } = seed;
    const document = steeringDocumentSeedKey ? await tx.steeringDocument.findUniqueOrThrow({ where: { seedKey: steeringDocumentSeedKey } }) : null;
    const data = {
      ...facts,
      on: isoDateToUtc(on),
      sourcePublishedOn: day(sourcePublishedOn),
      agreementId: agreementSeedKey,
      citizenPromiseId: citizenPromiseSeedKey,
      steeringDocumentId: document?.id ?? null,
    };
    await tx.milestone.upsert({ where: { seedKey }, create: { id: seedKey, seedKey, ...data }, update: data });
  }
}

/** The seeds to load: the reference records by default (tests pass changed ones). */
export interface ReferenceSeeds {
  agreements: readonly AgreementSeed[];
  citizenPromises: readonly CitizenPromiseSeed[];
}

/** The reference agreements, medborgarlöften, styrdokument and milestolpar, in one transaction. */
export async function loadReferenceRecords(
  db: PrismaClient,
  log: SeedLog,
  seeds: ReferenceSeeds = { agreements: agreementSeeds, citizenPromises: citizenPromiseSeeds },
): Promise<{ agreements: SeedOutcome; citizenPromises: SeedOutcome }> {
  return db.$transaction(async (tx) => {
    const agreements = await applyReferenceRecords(tx, agreementReference, resolveSuccession(seeds.agreements), log);
    const citizenPromises = await applyReferenceRecords(tx, promiseReference, seeds.citizenPromises, log);
    await loadMilestones(tx);
    return { agreements, citizenPromises };
  });
}
