import { applyMigrations, prismaProject } from '@samverkan/db';
import { testDatabaseKinds } from '@samverkan/db/testing';
import { postGraphQL } from '@samverkan/server/testing';
import path from 'node:path';
import { seedDemoData } from '../services/surveys/src/seed';
import { startTestHub, type TestHub } from './support/hub';

/**
 * Stable ids of reference records (#16; README, "Ids"): two fresh hubs (two PGlite databases, and
 * two PostgreSQL databases when TEST_POSTGRES_URL is set) give every reference record
 * (kommuner, police units, fokusområden, indicators, instruments, survey rounds, the records from the
 * sources, survey results) the same id; a database whose reference records got random UUIDs before
 * (as seeds did until 2026-12-02) is given the stable ids by the migration, with the records that
 * refer to them.
 */

const MIGRATION = '20261202030000_stable_reference_ids';

/** Every reference record's id, by kind, sorted. */
async function referenceIds(hub: TestHub): Promise<Record<string, string[]>> {
  const ids = async (rows: Promise<{ id?: string; code?: string }[]>) => (await rows).map((row) => String(row.id ?? row.code)).sort();
  const a = hub.agreements.client;
  const s = hub.surveys.client;
  return {
    policeRegions: await ids(a.policeRegion.findMany({ select: { code: true } })),
    municipalities: await ids(a.municipality.findMany({ select: { code: true } })),
    policeDistricts: await ids(a.policeDistrict.findMany({ select: { id: true } })),
    localPoliceAreas: await ids(a.localPoliceArea.findMany({ select: { id: true } })),
    focusAreas: await ids(a.focusArea.findMany({ select: { code: true } })),
    agreements: await ids(a.agreement.findMany({ where: { seedKey: { not: null } }, select: { id: true } })),
    citizenPromises: await ids(a.citizenPromise.findMany({ where: { seedKey: { not: null } }, select: { id: true } })),
    steeringDocuments: await ids(a.steeringDocument.findMany({ where: { seedKey: { not: null } }, select: { id: true } })),
    milestones: await ids(a.milestone.findMany({ where: { seedKey: { not: null } }, select: { id: true } })),
    actions: await ids(hub.actions.client.action.findMany({ where: { seedKey: { not: null } }, select: { id: true } })),
    indicators: await ids(s.indicator.findMany({ select: { code: true } })),
    instruments: await ids(s.surveyInstrument.findMany({ select: { code: true } })),
    surveys: await ids(s.safetySurvey.findMany({ select: { id: true } })),
    findings: await ids(s.surveyFinding.findMany({ select: { id: true } })),
    results: await ids(s.surveyResult.findMany({ select: { id: true } })),
  };
}

describe.each(testDatabaseKinds())('stable ids of reference records on %s', (kind) => {
  let first: TestHub;
  let second: TestHub;
  beforeAll(async () => {
    first = await startTestHub(kind);
    second = await startTestHub(kind);
    // Demo results too: written by the same bulk writer as imported ones.
    await seedDemoData(first.surveys.client);
    await seedDemoData(second.surveys.client);
  }, 600_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  test('two fresh hubs give the same reference records the same ids: seed keys, codes, or the hash of a result\'s natural key', async () => {
    const [a, b] = [await referenceIds(first), await referenceIds(second)];
    expect(a).toEqual(b);
    // Every kind is there (the sources name no polisområde: an administrator registers them, with the ids of the file).
    for (const [kind, ids] of Object.entries(a)) expect([kind, ids.length > 0]).toEqual([kind, kind !== 'policeDistricts']);
    const seeded = await first.actions.client.action.findMany({ where: { seedKey: { not: null } }, select: { id: true, seedKey: true } });
    for (const action of seeded) expect(action.id).toBe(action.seedKey);
    const documents = await first.agreements.client.steeringDocument.findMany({ select: { id: true, seedKey: true } });
    for (const document of documents) expect(document.id).toBe(document.seedKey);
    // Through the API too: an åtgärd of the sources by the same id on both hubs.
    for (const hub of [first, second]) {
      const { body } = await postGraphQL<{ action: { title: string } | null }>(hub.gateway.url, '{ action(id: "lund-2019-ordningsvakter") { title } }');
      expect(body.data?.action?.title).toMatch(/rdningsvakt/);
    }
  });

  test('a database seeded with random ids is given the stable ids by the migration, with what refers to them', async () => {
    const stable = await referenceIds(first);
    const actions = first.actions.client;
    const agreements = first.agreements.client;
    const surveys = first.surveys.client;
    // The state before the migration: random UUIDs (dependants follow by ON UPDATE CASCADE), and an audit entry naming one.
    await actions.$executeRawUnsafe(`UPDATE "Action" SET "id" = gen_random_uuid()::text WHERE "seedKey" IS NOT NULL`);
    await agreements.$executeRawUnsafe(`UPDATE "SteeringDocument" SET "id" = gen_random_uuid()::text WHERE "seedKey" IS NOT NULL`);
    await agreements.$executeRawUnsafe(`UPDATE "Milestone" SET "id" = gen_random_uuid()::text WHERE "seedKey" IS NOT NULL`);
    await surveys.$executeRawUnsafe(`UPDATE "SurveyFinding" SET "id" = gen_random_uuid()::text`);
    await surveys.$executeRawUnsafe(`UPDATE "SurveyResult" SET "id" = gen_random_uuid()::text`);
    const old = await actions.action.findFirstOrThrow({ where: { seedKey: 'lund-2019-ordningsvakter' }, select: { id: true, _count: { select: { responsible: true } } } });
    expect(old.id).not.toBe('lund-2019-ordningsvakter');
    await actions.auditEntry.create({ data: { actorRole: 'system', actorSubject: 'test', operation: 'seedReference', entityType: 'Action', entityKey: old.id, changes: [] } });
    const result = await surveys.surveyResult.findFirstOrThrow({ select: { id: true } });
    await surveys.auditEntry.create({ data: { actorRole: 'system', actorSubject: 'test', operation: 'importSurveyResults', entityType: 'SurveyResult', entityKey: result.id, changes: [] } });
    expect(await referenceIds(first)).not.toEqual(stable);

    // The migration, as a start-up applies it to a database that has not seen it.
    for (const part of [first.actions, first.agreements, first.surveys]) {
      await (part.client as typeof actions).$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = '${MIGRATION}'`);
      const dir = path.join(__dirname, '..', 'services', part === first.actions ? 'actions' : part === first.agreements ? 'agreements' : 'surveys');
      expect(await applyMigrations(part.database, prismaProject(dir))).toEqual([MIGRATION]);
    }

    expect(await referenceIds(first)).toEqual(stable);
    const migrated = await actions.action.findUniqueOrThrow({ where: { id: 'lund-2019-ordningsvakter' }, select: { _count: { select: { responsible: true } } } });
    expect(migrated._count.responsible).toBe(old._count.responsible);
    expect(await actions.auditEntry.count({ where: { actorSubject: 'test', entityType: 'Action', entityKey: 'lund-2019-ordningsvakter' } })).toBe(1);
    expect(await actions.auditEntry.count({ where: { entityKey: old.id } })).toBe(0);
    // Agreements still link their styrdokument, and milestones theirs.
    const links = await agreements.agreementSteeringDocument.findMany({ select: { steeringDocument: { select: { id: true, seedKey: true } } } });
    for (const link of links) expect(link.steeringDocument.id).toBe(link.steeringDocument.seedKey);
    const audited = await surveys.auditEntry.findFirstOrThrow({ where: { actorSubject: 'test' }, select: { entityKey: true } });
    expect(stable.results).toContain(audited.entityKey);
  }, 600_000);
});
