import { testDatabaseKinds } from '@samverkan/db/testing';
import fs from 'node:fs';
import path from 'node:path';
import type { SubgraphContext } from '@samverkan/schema';
import { type RunningSubgraph } from '@samverkan/server';
import { startTestSubgraph } from '@samverkan/server/testing';
import type { PrismaClient } from '../db';
import { subgraph as agreementsSubgraph } from '../definition';
import { seedReferenceData } from '../seed';
import { uncoveredOn, unitsCovering } from './coverage';
import { importPoliceOrganisation } from './import';
import { currentRevision } from './state';
import { GOOD_AND_BAD, largeFile, TRELLEBORG_SPLIT } from './testing/files';

const writer: SubgraphContext = { actor: { role: 'admin', subject: 'organisation-test' }, requestId: 'organisation-test' };

describe.each(testDatabaseKinds())('the police organisation import on %s', (kind) => {
  let subgraph: RunningSubgraph<PrismaClient>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(agreementsSubgraph, kind);
  });
  afterAll(() => subgraph?.close());

  const db = () => subgraph.client;
  const run = (csv: string, dryRun = false) => importPoliceOrganisation(db(), { fileName: 'test.csv', bytes: Buffer.from(csv), dryRun }, { writer });
  const audits = () => db().auditEntry.count({ where: { operation: 'importPoliceOrganisation' } });

  it('starts with only what the sources support, each area with its sources, and seeding again changes nothing', async () => {
    const areas = await db().localPoliceArea.findMany({ include: { sources: true }, orderBy: { id: 'asc' } });
    const supported = areas.filter((area) => area.sources.length);
    expect(supported.map((area) => [area.id, area.nameStated])).toEqual([['burlov', false], ['lund', true], ['trelleborg', true]]);
    expect(await db().policeDistrict.count()).toBe(0);
    const revision = await currentRevision(db());
    await seedReferenceData(db());
    expect(await currentRevision(db())).toBe(revision);
    expect(await db().organisationSource.count()).toBe(4);
  });

  it('imports the documented example on a fresh start as it is: the reference data already hold it', async () => {
    const example = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'docs', 'examples', 'police-organisation.csv'));
    const summary = await importPoliceOrganisation(db(), { fileName: 'police-organisation.csv', bytes: example }, { writer });
    expect([summary.refused, summary.inserted, summary.updated, summary.unchanged]).toEqual([[], 0, 0, 6]);
  });

  it('counts, per region, the kommuner no lokalpolisområde covers', async () => {
    const coverage = await uncoveredOn(db(), '2025-06-01');
    expect(coverage.map((region) => region.policeRegionCode)).toEqual(['NORD', 'MITT', 'STOCKHOLM', 'OST', 'VAST', 'SYD', 'BERGSLAGEN']);
    expect(coverage.reduce((sum, region) => sum + region.municipalities, 0)).toBe(290);
    const stockholm = coverage.find((region) => region.policeRegionCode === 'STOCKHOLM')!;
    expect(stockholm.covered).toBe(0);
    expect(stockholm.uncovered).toContain('0180');
    const syd = coverage.find((region) => region.policeRegionCode === 'SYD')!;
    for (const code of ['1281', '1231', '1263', '1287', '1233']) expect(syd.uncovered).not.toContain(code);
    // The kept landskrona row (see reference/police-organisation.ts) is the only other covered kommun.
    const covered = coverage.reduce((sum, region) => sum + region.covered, 0);
    expect(covered).toBe((await db().localPoliceArea.findUnique({ where: { id: 'landskrona' } })) ? 6 : 5);
    expect(coverage.reduce((sum, region) => sum + region.uncovered.length, 0)).toBe(290 - covered);
  });

  it('imports the good rows, refuses the bad ones by line and column, and a second import changes nothing', async () => {
    const revision = await currentRevision(db());
    const dry = await run(GOOD_AND_BAD, true);
    expect([dry.inserted, dry.updated, dry.unchanged, dry.revision]).toEqual([6, 0, 0, revision]);
    expect(await db().policeDistrict.count()).toBe(0);

    const first = await run(GOOD_AND_BAD);
    expect(first.refused.map((r) => [r.line, r.column])).toEqual([[5, 'record'], [6, 'valid_to'], [7, 'municipality_code'], [8, 'valid_from'], [9, 'parent']]);
    expect(first.refused[2]!.reason).toBe('kommun 0180 (Stockholm) lies in polisregion STOCKHOLM, not in SYD');
    expect(first.refused[3]!.reason).toMatch(/overlaps the period of line 4/);
    expect([first.rows, first.inserted, first.updated, first.unchanged]).toEqual([11, 6, 0, 0]);
    expect(first.revision).toBe(revision + 1);
    const area = await db().localPoliceArea.findUniqueOrThrow({ where: { id: 'test-malmo-norr' }, include: { municipalities: true, successors: true } });
    expect([area.policeDistrictId, area.policeRegionCode, area.municipalities.map((l) => [l.municipalityCode, l.part]), area.successors.map((s) => s.successorId)])
      .toEqual(['test-malmo', 'SYD', [['1280', true]], ['test-malmo-syd']]);
    expect((await unitsCovering(db(), '1261', '2025-06-01')).policeDistricts.map((d) => d.id)).toEqual(['test-malmo']);

    const entries = await audits();
    const second = await run(GOOD_AND_BAD);
    expect([second.inserted, second.updated, second.unchanged, second.refused.length]).toEqual([0, 0, 6, 5]);
    expect(second.revision).toBe(first.revision);
    expect(await audits()).toBe(entries);
  });

  it('splits trelleborg from a day: old agreements keep their area, the kommuner follow the day', async () => {
    await db().agreement.create({
      data: { id: 'test-trelleborg-2025', title: 'Test', municipalityCode: '1287', state: 'SIGNED', validFrom: new Date('2025-01-01'), localPoliceAreas: { create: { localPoliceAreaId: 'trelleborg' } } },
    });
    const summary = await run(TRELLEBORG_SPLIT);
    expect(summary.refused).toEqual([]);
    expect([summary.inserted, summary.updated]).toEqual([7, 4]);
    const links = await db().agreementLocalPoliceArea.findMany({ where: { agreementId: 'test-trelleborg-2025' } });
    expect(links.map((l) => l.localPoliceAreaId)).toEqual(['trelleborg']);
    const ids = async (code: string, on: string) => (await unitsCovering(db(), code, on)).localPoliceAreas.map((a) => a.id);
    expect(await ids('1287', '2025-12-31')).toEqual(['trelleborg']);
    expect(await ids('1287', '2026-01-01')).toEqual(['trelleborg-vast']);
    expect(await ids('1263', '2026-01-01')).toEqual(['trelleborg-ost']);
    expect((await run(TRELLEBORG_SPLIT)).unchanged).toBe(11);
  });

  it('imports 5,000 rows with progress in reasonable time', async () => {
    const progress: number[] = [];
    let total = 0;
    const started = Date.now();
    const summary = await importPoliceOrganisation(db(), { fileName: 'large.csv', bytes: Buffer.from(largeFile(1000)) }, { writer, onProgress: (done, of) => ((total = of), progress.push(done)) });
    expect(summary.refused).toEqual([]);
    expect(summary.inserted).toBe(5000);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(progress.length).toBeGreaterThanOrEqual(20);
    expect([progress.at(-1), total]).toEqual([5000, 5000]);
  });
});
