import { testDatabaseKinds } from '@samverkan/db/testing';
import { municipalities } from '@samverkan/geo';
import { postGraphQL } from '@samverkan/server/testing';
import { seedDemoData } from '../services/surveys/src/seed';
import { startTestHub, type TestHub } from './support/hub';

const OVERVIEW = `query Overview($codes: [MunicipalityCode!], $on: Date = "2025-06-01") {
  municipalities(codes: $codes) {
    code name
    activeAgreement(on: $on) { title focusAreas { focusArea { code name } } }
    compliance(on: $on) { compliant hasCurrentSituationReport ongoingActions overdueActions }
    actionCounts { focusArea { code name } ongoing done planned }
    surveyStanding(indicator: "PROBLEM_INDEX", year: 2025, baseYear: 2016, origins: [DEMO]) {
      value rank rankOf groupMedian changeFromPreviousYear changeFromBaseYear instrument { code }
    }
  }
}`;

interface Row {
  code: string;
  name: string;
  activeAgreement: { title: string; focusAreas: { focusArea: { code: string; name: string } }[] } | null;
  compliance: { compliant: boolean } | null;
  actionCounts: { focusArea: { code: string; name: string } | null; ongoing: number; done: number; planned: number }[] | null;
  surveyStanding: { value: number; rank: number; rankOf: number; groupMedian: number; changeFromPreviousYear: number; changeFromBaseYear: number; instrument: { code: string } } | null;
}

// Ten kommuner of region Syd, among them those with real agreements and actions (Lund, Burlöv, Landskrona).
const TEN = ['1281', '1231', '1282', '1287', '1263', '1233', '1280', '1283', '1214', '1230'];

describe.each(testDatabaseKinds())('the region overview through the gateway on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    await seedDemoData(hub.surveys.client);
  });
  afterAll(() => hub?.close());

  const measure = async (codes: string[] | null) => {
    const parts = [hub.agreements, hub.actions, hub.surveys];
    const statements = parts.map((p) => p.database.statements.total);
    const requests = parts.map((p) => p.graphqlRequests);
    const { body } = await postGraphQL<{ municipalities: Row[] }>(hub.gateway.url, OVERVIEW, { codes });
    expect(body.errors).toBeUndefined();
    return {
      rows: body.data!.municipalities,
      statements: parts.map((p, i) => p.database.statements.total - statements[i]!),
      requests: parts.map((p, i) => p.graphqlRequests - requests[i]!),
    };
  };

  it('answers for 10 kommuner and for all 290 with the same SQL statements and subgraph requests', async () => {
    const ten = await measure(TEN);
    const all = await measure(null);
    expect(ten.rows).toHaveLength(10);
    expect(all.rows).toHaveLength(290);
    expect(all.statements).toEqual(ten.statements);
    expect(all.requests).toEqual(ten.requests);
    // Per subgraph (agreements, actions, surveys): a few statements, one or two fetches, whatever the size.
    for (const count of all.statements) expect(count).toBeLessThanOrEqual(8);
    for (const count of all.requests) expect(count).toBeLessThanOrEqual(2);
  });

  it('ranks each kommun within its own survey, and joins agreements, compliance and action counts', async () => {
    const { rows } = await measure(null);
    const lund = rows.find((r) => r.code === '1281')!;
    expect(lund.name).toBe('Lund');
    expect(lund.activeAgreement?.focusAreas.map((f) => f.focusArea.code)).toEqual(['SAFE_PUBLIC_SPACE', 'CHILDREN_YOUTH', 'ANDTS', 'DOMESTIC_VIOLENCE', 'ELDERLY']);
    expect(lund.compliance).not.toBeNull();
    expect(lund.actionCounts!.length).toBeGreaterThan(0);
    expect(lund.surveyStanding).toMatchObject({ instrument: { code: 'POLISEN_SYD' }, rankOf: 58 });
    // Every kommun answering PROBLEM_INDEX is ranked within its region's instrument; Stockholm's reports no index.
    const syd = municipalities.filter((m) => m.policeRegionCode === 'SYD').map((m) => m.code);
    const ranks = rows.filter((r) => syd.includes(r.code)).map((r) => r.surveyStanding!.rank).sort((a, b) => a - b);
    expect(ranks[0]).toBe(1);
    expect(ranks.at(-1)).toBeLessThanOrEqual(58);
    expect(rows.find((r) => r.code === '0180')!.surveyStanding).toBeNull();
    const vast = rows.find((r) => r.code === '1480')!.surveyStanding!;
    expect(vast.instrument.code).toBe('DEMO_VAST');
    expect(vast.rankOf).toBe(municipalities.filter((m) => m.policeRegionCode === 'VAST').length);
  });
});
