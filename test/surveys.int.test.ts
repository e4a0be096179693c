import { testDatabaseKinds } from '@samverkan/db/testing';
import { municipalities } from '@samverkan/geo';
import { postGraphQL } from '@samverkan/server/testing';
import { exampleOperations } from '../gateway/src/examples';
import { seedDemoData } from '../services/surveys/src/seed';
import { startTestHub, type TestHub } from './support/hub';

interface RankedRow {
  rank: number;
  value: number;
  changeFromPreviousYear: number | null;
  changeFromBaseYear: number | null;
  area: { code: string; name: string };
  municipality: { name: string; activeAgreement: { id: string; title: string; status: string } | null };
}

describe.each(testDatabaseKinds())('trygghetsmätningar through the gateway on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    await seedDemoData(hub.surveys.client);
  });
  afterAll(() => hub?.close());

  it('ranks region Syd\'s 58 kommuner on the problem index with median and change, each with its active agreement, in one query', async () => {
    const { body } = await postGraphQL<{ indicatorComparison: { median: number; instrument: { name: string }; rows: RankedRow[] } }>(
      hub.gateway.url,
      `query RankSyd {
        indicatorComparison(indicator: "PROBLEM_INDEX", year: 2025, baseYear: 2016, policeRegion: "SYD", origins: [DEMO]) {
          median
          instrument { name }
          rows {
            rank value changeFromPreviousYear changeFromBaseYear
            area { code name }
            municipality { name activeAgreement(on: "2025-06-01") { id title status(on: "2025-06-01") } }
          }
        }
      }`,
    );
    expect(body.errors).toBeUndefined();
    const comparison = body.data!.indicatorComparison;
    expect(comparison.instrument.name).toBe('Polisens trygghetsmätning i polisregion Syd');
    expect(comparison.rows).toHaveLength(58);
    expect(comparison.rows.map((r) => r.area.code).sort()).toEqual(municipalities.filter((m) => m.policeRegionCode === 'SYD').map((m) => m.code).sort());
    const sorted = comparison.rows.map((r) => r.value).sort((a, b) => a - b);
    expect(comparison.median).toBeCloseTo((sorted[28]! + sorted[29]!) / 2, 6);
    for (const row of comparison.rows) {
      expect(row.municipality.name).toBe(row.area.name); // joined from the agreements subgraph
      expect(row.changeFromPreviousYear).not.toBeNull();
      expect(row.changeFromBaseYear).not.toBeNull();
    }
    const lund = comparison.rows.find((r) => r.area.code === '1281')!;
    expect(lund.municipality.activeAgreement).toMatchObject({ id: 'lund-2024', status: 'ACTIVE' });
    const burlov = comparison.rows.find((r) => r.area.code === '1231')!;
    expect(burlov.municipality.activeAgreement).toMatchObject({ id: 'burlov-2023', status: 'ACTIVE' });
    expect(comparison.rows.find((r) => r.area.code === '1214')!.municipality.activeAgreement).toBeNull(); // Svalöv: none recorded
  });

  it('refuses through the gateway to rank two instruments together', async () => {
    const { body } = await postGraphQL(hub.gateway.url, '{ indicatorComparison(indicator: "PROBLEM_INDEX", year: 2025, municipalities: ["1281", "0180", "1480"], origins: [DEMO]) { median } }');
    expect(body.errors?.[0]?.message).toMatch(/from 2 instruments/);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each(exampleOperations.map((example) => [example.title, example] as const))('runs the GraphiQL example "%s" without errors, with data', async (_title, example) => {
    const { body } = await postGraphQL(hub.gateway.url, example.query, example.variables);
    expect(body.errors).toBeUndefined();
    const values = Object.values(body.data ?? {});
    expect(values.some((value) => value !== null && !(Array.isArray(value) && value.length === 0))).toBe(true);
    // Demo values are marked as such, in the example's title and in the data it shows.
    if (example.title.includes('DEMO')) expect(JSON.stringify(body.data)).toContain('"demo":true');
  });
});
