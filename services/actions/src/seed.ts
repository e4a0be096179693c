import { applyReferenceRecords, isoDateToUtc, type ReferenceKind, type SeededRow, type SeedLog, type SeedStamp } from '@samverkan/schema';
import { actionSnapshot } from './actions/snapshot';
import type { PrismaClient, Tx } from './db';
import { type ActionSeed, actionSeeds } from './reference/actions';

const day = (value: string | null) => (value ? isoDateToUtc(value) : null);

/** A log that drops its lines, for callers (tests) that pass none. */
const silentLog: SeedLog = { info: () => undefined, warn: () => undefined };

function actionColumns(seed: ActionSeed, stamp: SeedStamp) {
  const { responsible: _responsible, source, startsOn, endsOn, ...fields } = seed;
  return { ...fields, startsOn: day(startsOn), endsOn: day(endsOn), sources: [{ title: source.title, publishedOn: source.publishedOn }], ...stamp };
}

const responsibleOf = (seed: ActionSeed) => seed.responsible.map((r, index) => ({ ...r, position: index + 1 }));

/** The reference åtgärder, through the shared seed kit, found by their seed keys. */
const actionReference: ReferenceKind<Tx, ActionSeed, SeededRow> = {
  entityType: 'Action',
  noun: 'åtgärd',
  keyOf: (seed) => seed.seedKey,
  // By seed key at first, by id inside the write kit.
  load: (tx, key) => tx.action.findFirst({ where: { OR: [{ id: key }, { seedKey: key }] }, select: { id: true, version: true, seedHash: true, seededVersion: true } }),
  // The shared snapshot, and the link to an agreement that the reference records set.
  snapshot: async (tx, id) => {
    const snapshot = await actionSnapshot(tx, id);
    const link = await tx.action.findUnique({ where: { id }, select: { agreementId: true, agreementLink: true } });
    return snapshot && link ? { ...snapshot, ...link } : null;
  },
  // A reference åtgärd's id is its seed key, the same in every installation (docs: README, "Ids").
  create: async (tx, seed, stamp) => {
    await tx.action.create({ data: { id: seed.seedKey, ...actionColumns(seed, stamp), responsible: { create: responsibleOf(seed) } } });
  },
  update: async (tx, seed, { id }, stamp) => {
    await tx.actionResponsible.deleteMany({ where: { actionId: id } });
    await tx.action.update({ where: { id }, data: { ...actionColumns(seed, stamp), version: stamp.seededVersion, responsible: { create: responsibleOf(seed) } } });
  },
};

/**
 * The real åtgärder from the source documents: created when missing, rewritten when their source
 * changed and no one has edited them since, otherwise left alone, so loading again changes nothing.
 */
export async function seedActions(db: PrismaClient, log: SeedLog = silentLog): Promise<void> {
  await db.$transaction((tx) => applyReferenceRecords(tx, actionReference, actionSeeds, log));
}
