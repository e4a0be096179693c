import { applyMigrations, type Database, openDatabase, prismaProject } from '@samverkan/db';
import { freshTestDatabase, testDatabaseKinds, type TestDatabase } from '@samverkan/db/testing';
import { municipalities, snapshotOfAreas } from '@samverkan/geo';
import { indicatorCatalogue } from '@samverkan/schema';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClient, type PrismaClient } from '../db';
import { seedReferenceData } from '../seed';
import { importResultsFile } from './import-file';

/** The lokalpolisområde the file names, as the agreements subgraph would publish it. */
const ORGANISATION = async () => snapshotOfAreas([{ id: 'trelleborg', name: 'Lokalpolisområde Trelleborg', policeRegionCode: 'SYD', municipalityCodes: ['1263', '1287', '1233'] }]);

const SERVICE_DIR = path.join(__dirname, '..', '..');
const CLI = path.join(SERVICE_DIR, 'dist', 'cli', 'surveys.js');

/** Test values (made up for the test database only). */
const GOOD_AND_BAD = [
  'instrument,year,indicator,level,area,area_name,value,n,ci_low,ci_high',
  'POLISEN_SYD,2024,PROBLEM_INDEX,kommun,1281,,1.42,612,1.30,1.55',
  'POLISEN_SYD,2024,PROBLEM_INDEX,kommun,1231,,9.1,,,',
  'POLISEN_SYD,2024,UNSAFE_OUTDOORS,kommun,1231,,18.5,540,,',
  'POLISEN_SYD,2024,PROBLEM_INDEX,delområde,1281,Klostergården,2.05,,,',
  'POLISEN_STOCKHOLM,2024,PROBLEM_INDEX,kommun,0180,,1.5,,,',
  'POLISEN_SYD,2024,PROBLEM_INDEX,lokalpolisområde,trelleborg,,1.81,1702,,',
].join('\n');

function tempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-import-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** A file of `count` distinct results: Syd's kommuner, their (numbered) delområden, every indicator, 2016–2025. */
function largeFile(count: number): string {
  const lines = ['instrument;year;indicator;level;area;area_name;value;n'];
  const syd = municipalities.filter((m) => m.policeRegionCode === 'SYD');
  for (let part = 1; lines.length <= count; part += 1) {
    for (const m of syd) {
      for (const indicator of indicatorCatalogue) {
        for (let year = 2016; year <= 2025 && lines.length <= count; year += 1) {
          const value = indicator.unit === 'PERCENT' ? ((part * 7 + year) % 100) + 0.5 : ((part + year) % 50) / 10;
          lines.push(`POLISEN_SYD;${year};${indicator.code};delområde;${m.code};Delområde ${part};${String(value).replace('.', ',')};${100 + part}`);
        }
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

describe.each(testDatabaseKinds())('importing results on %s', (kind) => {
  let test: TestDatabase;
  let database: Database;
  let db: PrismaClient;
  beforeAll(async () => {
    test = freshTestDatabase(kind);
    database = await openDatabase(test.config);
    await applyMigrations(database, prismaProject(SERVICE_DIR));
    db = createClient(database.adapter);
    await seedReferenceData(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.close();
    await test?.drop();
  });

  it('imports the good rows, lists the bad ones by line, and a second import changes nothing', async () => {
    const file = tempFile('syd-2024.csv', GOOD_AND_BAD);
    const first = await importResultsFile(db, file, { importedBy: 'analytiker@syd', lastYear: 2025, organisation: ORGANISATION });
    expect(first).toMatchObject({ fileName: 'syd-2024.csv', rows: 6, inserted: 4, updated: 0, unchanged: 0 });
    expect(first.rejected).toEqual([
      { line: 3, reason: "value 9.1 is outside PROBLEM_INDEX's range, index 0–6" },
      { line: 6, reason: 'POLISEN_STOCKHOLM reports per cent 0–100, but PROBLEM_INDEX is index 0–6' },
    ]);
    const stored = await db.surveyResult.findMany({ where: { year: 2024 }, orderBy: [{ areaLevel: 'asc' }, { areaCode: 'asc' }, { indicatorCode: 'asc' }] });
    expect(stored.map((r) => [r.areaLevel, r.areaCode, r.subAreaName, r.indicatorCode, r.value, r.respondents, r.origin, r.importId])).toEqual([
      ['LOCAL_POLICE_AREA', 'trelleborg', '', 'PROBLEM_INDEX', 1.81, 1702, 'PUBLISHED', first.importId],
      ['MUNICIPALITY', '1231', '', 'UNSAFE_OUTDOORS', 18.5, 540, 'PUBLISHED', first.importId],
      ['MUNICIPALITY', '1281', '', 'PROBLEM_INDEX', 1.42, 612, 'PUBLISHED', first.importId],
      ['SUB_AREA', '1281', 'Klostergården', 'PROBLEM_INDEX', 2.05, null, 'PUBLISHED', first.importId],
    ]);
    expect(await db.safetySurvey.findUnique({ where: { id: 'POLISEN_SYD-2024' } })).toMatchObject({ instrumentCode: 'POLISEN_SYD', year: 2024 });

    const second = await importResultsFile(db, file, { importedBy: 'analytiker@syd', lastYear: 2025, organisation: ORGANISATION });
    expect(second).toMatchObject({ rows: 6, inserted: 0, updated: 0, unchanged: 4 });
    const again = await db.surveyResult.findMany({ where: { year: 2024 }, orderBy: [{ areaLevel: 'asc' }, { areaCode: 'asc' }, { indicatorCode: 'asc' }] });
    expect(again).toEqual(stored);

    // A corrected value is an update; the imports are recorded, who and what they did.
    const corrected = tempFile('syd-2024-rättad.csv', GOOD_AND_BAD.replace('1.42,612', '1.44,612'));
    expect(await importResultsFile(db, corrected, { importedBy: 'analytiker@syd', lastYear: 2025, organisation: ORGANISATION })).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    const log = await db.surveyImport.findMany({ orderBy: { importedAt: 'asc' } });
    expect(log.map((i) => [i.fileName, i.importedBy, i.inserted, i.updated, i.unchanged, i.rejected])).toEqual([
      ['syd-2024.csv', 'analytiker@syd', 4, 0, 0, 2],
      ['syd-2024.csv', 'analytiker@syd', 0, 0, 4, 2],
      ['syd-2024-rättad.csv', 'analytiker@syd', 0, 1, 3, 2],
    ]);
    expect(log[0]!.sha256).toBe(log[1]!.sha256);

    // Every written result is in the audit trail: 4 added, none by the repeat, 1 corrected.
    const lund = stored.find((r) => r.areaCode === '1281' && r.areaLevel === 'MUNICIPALITY')!;
    const trail = await db.auditEntry.findMany({ where: { entityType: 'SurveyResult', actorSubject: 'analytiker@syd' }, orderBy: { at: 'asc' } });
    expect(trail).toHaveLength(5);
    expect(trail.filter((e) => e.entityKey === lund.id).map((e) => [e.operation, e.changes])).toEqual([
      ['import syd-2024.csv', [{ field: 'value', before: null, after: 1.42 }, { field: 'respondents', before: null, after: 612 }, { field: 'ciLow', before: null, after: 1.3 }, { field: 'ciHigh', before: null, after: 1.55 }]],
      ['import syd-2024-rättad.csv', [{ field: 'value', before: 1.42, after: 1.44 }]],
    ]);
    expect(log[0]!.rejections).toEqual([{ line: 3, reason: expect.any(String) }, { line: 6, reason: expect.any(String) }]);
  });

  it('writes nothing of a file when the database refuses part of it (one transaction per file)', async () => {
    const before = await db.surveyResult.count();
    // 4,640 rows, written 2,000 at a time; the database refuses the last kommun's rows, in the third statement.
    const file = tempFile('avbruten.csv', largeFile(4640));
    const last = municipalities.filter((m) => m.policeRegionCode === 'SYD').at(-1)!.code;
    await db.$executeRawUnsafe(`ALTER TABLE "SurveyResult" ADD CONSTRAINT test_refuse_last CHECK ("municipalityCode" <> '${last}')`);
    const progress: number[] = [];
    try {
      await expect(importResultsFile(db, file, { importedBy: 'test', lastYear: 2025, organisation: ORGANISATION, onProgress: (written) => progress.push(written) })).rejects.toThrow(/test_refuse_last/);
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE "SurveyResult" DROP CONSTRAINT test_refuse_last');
    }
    expect(progress).toEqual([0, 2000, 4000]); // two statements had written before the third failed
    expect(await db.surveyResult.count()).toBe(before);
    expect(await db.surveyImport.count({ where: { fileName: 'avbruten.csv' } })).toBe(0);
  });
});

/** A stand-in for the agreements subgraph that publishes `ORGANISATION` (the command checks lokalpolisområden against it). */
async function agreementsStandIn(): Promise<http.Server> {
  const copy = await ORGANISATION();
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const data = body.includes('policeOrganisationRevision') ? { policeOrganisationRevision: copy.revision } : { policeOrganisation: copy };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe.each(testDatabaseKinds())('the import command on %s', (kind) => {
  let test: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let agreements: http.Server;
  beforeAll(async () => {
    test = freshTestDatabase(kind);
    agreements = await agreementsStandIn();
    const AGREEMENTS_URL = `http://127.0.0.1:${(agreements.address() as AddressInfo).port}/graphql`;
    env =
      test.config.kind === 'postgres'
        ? { ...process.env, AGREEMENTS_URL, SURVEYS_DATABASE_URL: test.config.url, POSTGRES_URL: '' }
        : { ...process.env, AGREEMENTS_URL, SURVEYS_DATABASE_URL: '', POSTGRES_URL: '', SAMVERKAN_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-cli-')) };
  });
  afterAll(async () => {
    agreements?.close();
    await test?.drop();
  });

  const run = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env, maxBuffer: 10 * 1024 * 1024 });
      return { status: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  // 100,000 rows, twice: 42 s on PGlite beside other suites, more on a loaded CI machine.
  it('imports 100,000 rows with a progress bar, and changes nothing the second time', async () => {
    const file = tempFile('syd-delomraden.csv', largeFile(100_000));
    const first = await run('import', file, '--by', 'importtest', '--progress');
    expect(first.stderr).toMatch(/syd-delomraden\.csv \[\.{30}\] 0% 0\/100\u00a0000 rows/);
    expect(first.stderr).toMatch(/\[#{15}\.{15}\] 50%/);
    expect(first.stderr).toMatch(/\[#{30}\] 100% 100\u00a0000\/100\u00a0000 rows/);
    expect(first.stdout).toContain('syd-delomraden.csv: 100000 rows; 100000 added, 0 changed, 0 unchanged, 0 refused');
    expect(first.status).toBe(0);

    const second = await run('import', file);
    expect(second.stdout).toContain('100000 rows; 0 added, 0 changed, 100000 unchanged, 0 refused');
  }, 300_000);

  it('lists refused rows by line and exits with 2; refuses a file it cannot read with 1', async () => {
    const partly = await run('import', tempFile('blandat.csv', GOOD_AND_BAD.replaceAll('2024', '2022')));
    expect(partly.status).toBe(2);
    expect(partly.stdout).toContain('6 rows; 4 added, 0 changed, 0 unchanged, 2 refused');
    expect(partly.stdout).toContain("  line 3: value 9.1 is outside PROBLEM_INDEX's range, index 0–6");
    const missing = await run('import', '/no/such/file.csv');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Nothing imported: ENOENT');
    const header = await run('import', tempFile('fel.csv', 'kommun;värde\n1281;1,5\n'));
    expect(header.status).toBe(1);
    expect(header.stderr).toContain('Nothing imported: Unknown column(s) "kommun", "värde"');
  });
});
