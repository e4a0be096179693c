import { testDatabaseKinds } from '@samverkan/db/testing';
import type { RunningSubgraph } from '@samverkan/server';
import { startTestSubgraph } from '@samverkan/server/testing';
import type { PrismaClient } from '../db';
import { subgraph as agreementsSubgraph } from '../definition';
import { seedReferenceData } from '../seed';
import { agreementSeeds } from './agreements';
import { loadReferenceRecords } from './load';
import { citizenPromiseSeeds } from './source-facts';

/*
 * A database seeded before the reference records kept seed hashes is upgraded in place at start-up;
 * a second start changes nothing; a record a user edited is left alone when its seed changes, and the
 * log says so.
 */

function capturingLog() {
  const lines: { level: string; message: string }[] = [];
  return { lines, info: (message: string) => lines.push({ level: 'info', message }), warn: (message: string) => lines.push({ level: 'warn', message }) };
}

describe.each(testDatabaseKinds())('reference records that change, on %s', (kind) => {
  let subgraph: RunningSubgraph<PrismaClient>;
  let db: PrismaClient;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(agreementsSubgraph, kind, { hopSecret: 'seed-test-hop' });
    db = subgraph.client;
  }, 120_000);
  afterAll(() => subgraph?.close());

  const dump = async () => ({
    agreements: await db.agreement.findMany({ orderBy: { id: 'asc' }, include: { commitments: { orderBy: { position: 'asc' } }, localPoliceAreas: true } }),
    promises: await db.citizenPromise.findMany({ orderBy: { id: 'asc' }, include: { promises: true } }),
    milestones: await db.milestone.findMany({ orderBy: { seedKey: 'asc' } }),
    audit: await db.auditEntry.count(),
  });

  it('upgrades a database the previous seed wrote: the new facts through the write kit, audited; a second start changes nothing', async () => {
    // The database as the previous code left it: no seed hashes, none of the new facts, no promise, no milestones.
    await db.agreementCommitment.deleteMany();
    await db.milestone.deleteMany();
    await db.citizenPromise.deleteMany();
    await db.agreement.updateMany({ data: { seedHash: null, seededVersion: null, decidedOn: null, decidedBy: null, policePartyName: null, firstInSwedenClaim: null, firstInSwedenClaimedBy: null } });
    const auditBefore = await db.auditEntry.count();

    const log = capturingLog();
    await seedReferenceData(db, log);
    const upgraded = await dump();
    const lund2019 = upgraded.agreements.find((a) => a.id === 'lund-2019')!;
    expect(lund2019).toMatchObject({ decidedBy: 'Kommunstyrelsens arbetsutskott (KSAU)', version: 2, seededVersion: 2 });
    expect(upgraded.agreements.find((a) => a.id === 'landskrona-2009')).toMatchObject({ policePartyName: 'Närpolisen i Landskrona', localPoliceAreas: [], version: 2 });
    expect(upgraded.agreements.find((a) => a.id === 'lund-2024')!.commitments.map((c) => c.intervalMonths)).toEqual([24, null]);
    expect(upgraded.promises.map((p) => [p.id, p.state])).toEqual([['lund-2019-medborgarlofte-ostra', 'COMMISSIONED']]);
    expect(upgraded.milestones).toHaveLength(4);
    const entries = await db.auditEntry.findMany({ where: { operation: 'seedReference' }, orderBy: { entityKey: 'asc' } });
    // Every record is rewritten (its seed's hash is new); Burlöv's audited fields are as they were,
    // so its write changed nothing: it keeps its version, has no entry, and only its seed's stamp is new.
    expect(upgraded.agreements.map((a) => [a.id, a.version])).toEqual([['burlov-2023', 1], ['landskrona-2009', 2], ['lund-2019', 2], ['lund-2024', 2]]);
    expect(entries.map((e) => [e.entityKey, e.actorRole, e.actorSubject])).toEqual(['landskrona-2009', 'lund-2019', 'lund-2024'].map((key) => [key, 'system', 'reference-data']));
    expect(entries.find((e) => e.entityKey === 'lund-2019')!.changes).toContainEqual({ field: 'decidedOn', before: null, after: '2019-02-25' });
    expect(upgraded.audit).toBe(auditBefore + 3);
    expect(log.lines.filter((line) => line.level === 'warn')).toEqual([]);

    const again = capturingLog();
    await seedReferenceData(db, again);
    expect(await dump()).toEqual(upgraded);
    expect(again.lines).toEqual([]);
  });

  it('leaves a record a user edited when its seed changes, and says so in the log; rewrites an unedited one', async () => {
    await db.agreement.update({ where: { id: 'lund-2024' }, data: { goals: 'Ändrat av en användare.', version: { increment: 1 } } });
    const changed = agreementSeeds.map((seed) => (seed.seedKey === 'lund-2024' || seed.seedKey === 'burlov-2023' ? { ...seed, purpose: `${seed.purpose ?? ''} (rättad)` } : seed));
    const log = capturingLog();
    const outcome = await loadReferenceRecords(db, log, { agreements: changed, citizenPromises: citizenPromiseSeeds });
    expect(outcome.agreements).toMatchObject({ updated: ['burlov-2023'], keptEdited: ['lund-2024'] });
    expect(await db.agreement.findUniqueOrThrow({ where: { id: 'lund-2024' } })).toMatchObject({ goals: 'Ändrat av en användare.', purpose: expect.not.stringContaining('(rättad)') });
    expect((await db.agreement.findUniqueOrThrow({ where: { id: 'burlov-2023' } })).purpose).toBe(' (rättad)');
    expect(log.lines).toEqual([
      { level: 'warn', message: 'Reference agreement "lund-2024" not updated from its changed source: it was edited since it was seeded (version 3, seeded at 2).' },
      { level: 'info', message: 'Reference agreement "burlov-2023" updated from its changed source.' },
    ]);
  });
});
