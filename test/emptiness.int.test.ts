import { testDatabaseKinds } from '@samverkan/db/testing';
import { postGraphQL } from '@samverkan/server/testing';
import { seedDemoData } from '../services/surveys/src/seed';
import { startTestHub, type TestHub } from './support/hub';

interface Empty {
  reason: string;
  message: string;
  yearsWithPublishedResults: number[];
  instruments: { code: string }[];
}

const EMPTY = 'empty { reason message yearsWithPublishedResults instruments { code } }';

describe.each(testDatabaseKinds())('answers that explain emptiness, through the gateway on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    // Demo values for two years are enough to tell demo-only years from empty ones.
    await seedDemoData(hub.surveys.client, { from: 2024, to: 2025 });
  });
  afterAll(() => hub?.close());

  const ask = async <T>(query: string): Promise<T> => {
    const { body } = await postGraphQL<T>(hub.gateway.url, query);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const surveysStatements = async (query: string) => {
    const before = hub.surveys.database.statements.total;
    await ask(query);
    return hub.surveys.database.statements.total - before;
  };

  it('a year without published results names the years that have them', async () => {
    const { indicatorComparison } = await ask<{ indicatorComparison: { rows: unknown[]; empty: Empty } }>(
      `{ indicatorComparison(indicator: "PROBLEM_INDEX", year: 2031, policeRegion: "SYD", level: LOCAL_POLICE_AREA) { rows { rank } ${EMPTY} } }`,
    );
    expect(indicatorComparison.rows).toEqual([]);
    expect(indicatorComparison.empty).toMatchObject({ reason: 'NO_PUBLISHED_RESULTS_FOR_YEAR', yearsWithPublishedResults: [2018, 2019], instruments: [{ code: 'POLISEN_SYD' }] });
    expect(indicatorComparison.empty.message).toBe(
      'No published results for Problemindex (totalt) (PROBLEM_INDEX) of the lokalpolisområden in polisregion Syd in 2031. Published results exist for 2018 and 2019.',
    );
    // The same question in a published year has rows, and no explanation.
    const published = await ask<{ indicatorComparison: { rows: { area: { code: string } }[]; empty: null } }>(
      '{ indicatorComparison(indicator: "PROBLEM_INDEX", year: 2019, policeRegion: "SYD", level: LOCAL_POLICE_AREA) { rows { area { code } } empty { reason } } }',
    );
    expect(published.indicatorComparison).toEqual({ rows: [{ area: { code: 'trelleborg' } }], empty: null });
  });

  it('a year and scope with only demo values says to ask for them', async () => {
    const { indicatorComparison } = await ask<{ indicatorComparison: { rows: unknown[]; empty: Empty } }>(
      `{ indicatorComparison(indicator: "PROBLEM_INDEX", year: 2025, policeRegion: "SYD") { rows { rank } ${EMPTY} } }`,
    );
    expect(indicatorComparison.rows).toEqual([]);
    expect(indicatorComparison.empty).toMatchObject({ reason: 'ONLY_DEMO_VALUES', yearsWithPublishedResults: [], instruments: [{ code: 'POLISEN_SYD' }] });
    expect(indicatorComparison.empty.message).toContain('ask with origins: [DEMO]');
    const demo = await ask<{ indicatorComparison: { rows: unknown[]; empty: null } }>(
      '{ indicatorComparison(indicator: "PROBLEM_INDEX", year: 2025, policeRegion: "SYD", origins: [DEMO]) { rows { rank } empty { reason } } }',
    );
    expect(demo.indicatorComparison.rows).toHaveLength(58);
    expect(demo.indicatorComparison.empty).toBeNull();
  });

  it('a level with no registered area in the scope says so, for a comparison and a trend', async () => {
    const { indicatorComparison, indicatorTrend } = await ask<{ indicatorComparison: { empty: Empty }; indicatorTrend: { series: unknown[]; empty: Empty } }>(
      `{
        indicatorComparison(indicator: "UNSAFE_OUTDOORS", year: 2025, policeRegion: "STOCKHOLM", level: LOCAL_POLICE_AREA, origins: [PUBLISHED, DEMO]) { ${EMPTY} }
        indicatorTrend(indicator: "UNSAFE_OUTDOORS", from: 2016, to: 2025, policeRegion: "STOCKHOLM", level: LOCAL_POLICE_AREA) { series { points { year } } ${EMPTY} }
      }`,
    );
    for (const empty of [indicatorComparison.empty, indicatorTrend.empty]) {
      expect(empty).toEqual({
        reason: 'NO_AREAS_AT_LEVEL',
        message: 'No lokalpolisområde is registered in polisregion Stockholm, so none has values: ask at level MUNICIPALITY.',
        yearsWithPublishedResults: [],
        instruments: [],
      });
    }
    expect(indicatorTrend.series).toEqual([]);
  });

  it('a trend of an indicator no instrument of the scope reports names the instruments there', async () => {
    const { indicatorTrend } = await ask<{ indicatorTrend: { series: unknown[]; empty: Empty } }>(
      `{ indicatorTrend(indicator: "PROBLEM_INDEX", from: 2016, to: 2025, municipalities: ["0180"], origins: [DEMO]) { series { points { year } } ${EMPTY} } }`,
    );
    expect(indicatorTrend.series).toEqual([]);
    expect(indicatorTrend.empty.reason).toBe('NO_INSTRUMENT_FOR_AREA');
    expect(indicatorTrend.empty.instruments.map((i) => i.code)).toEqual(['POLISEN_STOCKHOLM', 'BRA_NTU']);
    expect(indicatorTrend.empty.message).toContain('Polisens trygghetsmätning i polisregion Stockholm reports per cent 0–100');
  });

  it('a kommun without a standing says why, next to surveyStanding', async () => {
    const query = (origins: string) => `{ municipalities(codes: ["1281", "0180"]) {
      code
      surveyStanding(indicator: "PROBLEM_INDEX", year: 2025, origins: ${origins}) { rank }
      surveyStandingEmpty(indicator: "PROBLEM_INDEX", year: 2025, origins: ${origins}) { reason message }
    } }`;
    type Rows = { municipalities: { code: string; surveyStanding: { rank: number } | null; surveyStandingEmpty: { reason: string; message: string } | null }[] };
    const published = (await ask<Rows>(query('[PUBLISHED]'))).municipalities;
    // In SCB order: Stockholm (0180), then Lund (1281).
    expect(published.map((m) => [m.code, m.surveyStanding, m.surveyStandingEmpty?.reason])).toEqual([
      ['0180', null, 'NO_INSTRUMENT_FOR_AREA'],
      ['1281', null, 'ONLY_DEMO_VALUES'],
    ]);
    expect(published[1]!.surveyStandingEmpty!.message).toMatch(/^Only demo values \(made up, never published\) exist for Problemindex \(totalt\) \(PROBLEM_INDEX\) of Lund in 2025/);
    const demo = (await ask<Rows>(query('[DEMO]'))).municipalities;
    expect(demo[0]).toMatchObject({ code: '0180', surveyStanding: null, surveyStandingEmpty: { reason: 'NO_INSTRUMENT_FOR_AREA' } });
    expect(demo[1]).toMatchObject({ code: '1281', surveyStandingEmpty: null });
    expect(demo[1]!.surveyStanding!.rank).toBeGreaterThan(0);
  });

  it('explains the standings of 10 kommuner and of all 290 with the same SQL statements', async () => {
    const query = (codes: string) => `{ municipalities${codes} { code surveyStandingEmpty(indicator: "PROBLEM_INDEX", year: 2031) { reason } } }`;
    const ten = await surveysStatements(query('(codes: ["1281", "1231", "1282", "1287", "1263", "1233", "0180", "0114", "1480", "2580"])'));
    const all = await surveysStatements(query(''));
    expect(all).toBe(ten);
    expect(all).toBeLessThanOrEqual(3);
  });

  it('costs nothing for an answer with rows, nor for an empty one whose explanation is not asked for', async () => {
    const comparison = (year: number, fields: string) => `{ indicatorComparison(indicator: "PROBLEM_INDEX", year: ${year}, policeRegion: "SYD", origins: [DEMO]) { median ${fields} } }`;
    expect(await surveysStatements(comparison(2025, 'empty { reason }'))).toBe(await surveysStatements(comparison(2025, '')));
    expect(await surveysStatements(comparison(2031, 'empty { reason }'))).toBe((await surveysStatements(comparison(2031, ''))) + 2);
  });
});
