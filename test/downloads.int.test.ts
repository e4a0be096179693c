import { signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { rankingTable } from '@samverkan/tables';
import ExcelJS from 'exceljs';
import type { RunningGateway } from '../gateway/src/gateway';
import { seedDemoData } from '../services/surveys/src/seed';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * Downloads through the real gateway on PGlite: the tables of @samverkan/tables as files, run with
 * the caller's access, counted by the rate limit, refused clearly when asked wrongly.
 */

// Published results of five Skåne kommuner, 2024 and 2025 (demo values exist beside them).
const RESULTS = [
  ['1281', 1.62, 1.78],
  ['1280', 2.4, 2.31],
  ['1287', 1.9, 2.05],
  ['1283', 2.2, 2.2],
  ['1290', 1.5, 1.41],
];
const CSV =
  'instrument,year,indicator,level,area,value,n\n' +
  RESULTS.flatMap(([code, before, after]) => [`POLISEN_SYD,2024,PROBLEM_INDEX,kommun,${code},${before},400`, `POLISEN_SYD,2025,PROBLEM_INDEX,kommun,${code},${after},410`]).join('\n') +
  '\n';

const RANKING = '/downloads/rangordning.csv?indicator=PROBLEM_INDEX&year=2025&policeRegion=SYD&baseYear=2024';

describe('downloads at the gateway (PGlite)', () => {
  let hub: TestHub;
  let base: string;
  let kommunToken: string;
  let adminToken: string;

  beforeAll(async () => {
    hub = await startTestHub('pglite');
    base = hub.gateway.url.replace(/\/graphql$/, '');
    await seedDemoData(hub.surveys.client);
    adminToken = await signDevelopmentToken({ role: 'admin', subject: 'förvaltare' }, TEST_JWT_SECRET);
    kommunToken = await signDevelopmentToken({ role: 'kommun', subject: 'trelleborg-handläggare', municipalityCode: '1287' }, TEST_JWT_SECRET);
    const policeToken = await signDevelopmentToken({ role: 'police', subject: 'lpo-trelleborg', localPoliceAreaId: 'trelleborg', policeRegionCode: 'SYD' }, TEST_JWT_SECRET);
    const imported = await postGraphQL(hub.gateway.url, 'mutation($csv: String!) { importSurveyResults(fileName: "syd.csv", csv: $csv) { inserted rejected { line reason } } }', { csv: CSV }, { authorization: `Bearer ${adminToken}` });
    expect(imported.body.errors).toBeUndefined();
    const action = (title: string, visibility: string, token: string) =>
      postGraphQL(
        hub.gateway.url,
        `mutation { createAction(input: { municipalityCode: "1287", title: "${title}", visibility: ${visibility}, startsOn: "2025-03-01", responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "Trelleborgs kommun", lead: true }] }) { id } }`,
        {},
        { authorization: `Bearer ${token}` },
      );
    for (const result of [await action('Trygghetsvandring i hamnen', 'PUBLIC', kommunToken), await action('=Spaning mot narkotikahandel', 'PARTIES', policeToken)]) {
      expect(result.body.errors).toBeUndefined();
    }
    // Four subgraphs and the demo values take their time on a busy machine.
  }, 300_000);
  afterAll(async () => {
    await hub?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

  it('serves the ranking as CSV for Swedish Excel: BOM, semicolons, decimal comma, the GraphQL answer\'s rows', async () => {
    const response = await get(RANKING);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="rangordning-problem-index-SYD-2025-bas-2024.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(rankingTable.columns.map((c) => c.header).join(';'));
    const rows = lines.slice(1, -1).map((line) => line.split(';'));
    expect(rows.map((row) => row[1])).toEqual(['1290', '1281', '1287', '1283', '1280']);
    const lund = rows.find((row) => row[1] === '1281')!;
    expect(lund[2]).toBe('Lund');
    expect(lund[6]).toBe('1,78');
    expect(lund[13]).toBe('1,62');
    // Published values only: no row says DEMO.
    expect(rows.every((row) => row.at(-1) === '')).toBe(true);
    const { body } = await postGraphQL<{ indicatorComparison: { rows: { area: { code: string } }[] } }>(
      hub.gateway.url,
      rankingTable.document,
      rankingTable.variables({ indicator: 'PROBLEM_INDEX', year: 2025, policeRegion: 'SYD', baseYear: 2024 }),
    );
    expect(rows.map((row) => row[1])).toEqual(body.data!.indicatorComparison.rows.map((row) => row.area.code));
  });

  it('adds demo values only when asked for, each marked DEMO', async () => {
    const text = await (await get(`${RANKING}&includeDemo=true`)).text();
    const rows = text.split('\r\n').slice(1, -1).map((line) => line.split(';'));
    expect(rows.length).toBeGreaterThan(5);
    const demo = rows.filter((row) => row.at(-1) === 'DEMO');
    expect(demo.length).toBe(rows.length - 5);
    expect(rows.filter((row) => row.at(-1) === '').map((row) => row[1]).sort()).toEqual(RESULTS.map(([code]) => code).sort());
  });

  it('serves the same rows as an Excel workbook: one sheet, bold frozen header, numbers as numbers', async () => {
    const response = await get(RANKING.replace('.csv', '.xlsx'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="rangordning-problem-index-SYD-2025-bas-2024.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Rangordning av kommuner');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Rang');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const { body } = await postGraphQL<{ indicatorComparison: { rows: { area: { code: string }; value: number; rank: number }[] } }>(
      hub.gateway.url,
      rankingTable.document,
      rankingTable.variables({ indicator: 'PROBLEM_INDEX', year: 2025, policeRegion: 'SYD', baseYear: 2024 }),
    );
    const expected = body.data!.indicatorComparison.rows.map((row) => [row.rank, row.area.code, row.value]);
    const read: unknown[][] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) read.push([row.getCell(1).value, row.getCell(2).value, row.getCell(7).value]);
    });
    expect(read).toEqual(expected);
    expect(sheet.getRow(2).getCell(7).numFmt).toBe('0.00');
  });

  it('is linked from the API: the comparison\'s export names its download', async () => {
    const { body } = await postGraphQL<{ indicatorComparison: { csv: { downloadPath: string; text: string }; xlsx: { downloadPath: string } } }>(
      hub.gateway.url,
      '{ indicatorComparison(indicator: "PROBLEM_INDEX", year: 2025, policeRegion: "SYD", baseYear: 2024) { csv: export(format: CSV) { downloadPath text } xlsx: export(format: XLSX) { downloadPath } } }',
    );
    const { csv, xlsx } = body.data!.indicatorComparison;
    expect(csv.downloadPath).toBe('/downloads/rangordning.csv?indicator=PROBLEM_INDEX&year=2025&policeRegion=SYD&baseYear=2024');
    expect(xlsx.downloadPath).toBe(csv.downloadPath.replace('.csv', '.xlsx'));
    // The export's own CSV (kept for compatibility) is Swedish Excel's too.
    expect(csv.text.split('\r\n')[0]).toMatch(/^Rang;Område;/);
    expect(csv.text).toContain(';1,78;');
    const response = await get(csv.downloadPath);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="rangordning-problem-index-SYD-2025-bas-2024.csv"');
  });

  it('shows each caller what they may see: a kommun user gets its PARTIES action, anonymous callers do not', async () => {
    const anonymous = await (await get('/downloads/atgarder.csv?municipality=1287')).text();
    const kommun = await get('/downloads/atgarder.csv?municipality=1287', { authorization: `Bearer ${kommunToken}` });
    expect(kommun.headers.get('content-disposition')).toBe('attachment; filename="atgarder-1287.csv"');
    const text = await kommun.text();
    expect(anonymous).toContain('Trygghetsvandring i hamnen');
    expect(text).toContain('Trygghetsvandring i hamnen');
    expect(anonymous).not.toContain('Spaning mot narkotikahandel');
    // A title that starts like a formula is kept as text.
    expect(text).toContain("'=Spaning mot narkotikahandel");
    expect(text.split('\r\n').length).toBe(anonymous.split('\r\n').length + 1);
  });

  it('serves the compliance board of a region', async () => {
    const response = await get('/downloads/efterlevnad.csv?policeRegion=SYD&on=2026-12-01');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="efterlevnad-SYD-2026-12-01.csv"');
    const lines = (await response.text()).split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(58);
    expect(lines.find((line) => line.startsWith('1281;Lund;'))).toBeDefined();
  });

  it('refuses bad parameters with 400, an unknown table with 404, a bad token with 401, all as JSON', async () => {
    const bad = await get('/downloads/rangordning.csv?indicator=NOPE&year=25&policeRegion=NORR');
    expect(bad.status).toBe(400);
    const { errors } = (await bad.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(errors[0]!.message).toMatch(/unknown indicator "NOPE"/);
    expect(errors[0]!.message).toMatch(/four digits/);
    expect(errors[0]!.message).toMatch(/seven police regions/);
    expect((await get('/downloads/rangordning.csv?indicator=PROBLEM_INDEX')).status).toBe(400);
    expect((await get('/downloads/atgarder.csv?municipality=9999')).status).toBe(400);
    const unknown = await get('/downloads/hemligt.csv');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/rangordning/);
    expect((await get('/downloads/rangordning.pdf?indicator=PROBLEM_INDEX&year=2025')).status).toBe(404);
    expect((await get(RANKING, { authorization: 'Bearer not-a-token' })).status).toBe(401);
  });

  describe('with a rate limit of 3 a minute', () => {
    let limited: RunningGateway;
    beforeAll(async () => {
      limited = await hub.startGateway({
                limits: { rateLimitPerMinute: 3 },
      });
    });
    afterAll(async () => {
      await limited?.close();
    });

    it('counts downloads with GraphQL requests', async () => {
      const url = `${limited.url.replace(/\/graphql$/, '')}${RANKING}`;
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await fetch(url)).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await fetch(url);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await postGraphQL(limited.url, '{ viewer { role } }')).status).toBe(429);
    });
  });
});
