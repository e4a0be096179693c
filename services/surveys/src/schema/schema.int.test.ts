import { testDatabaseKinds } from '@samverkan/db/testing';
import { municipalities, snapshotOfAreas } from '@samverkan/geo';
import { DEVELOPMENT_HOP_SECRET, signActorHeaders } from '@samverkan/schema';
import { type RunningSubgraph } from '@samverkan/server';
import { postGraphQL, startTestSubgraph } from '@samverkan/server/testing';
import ExcelJS from 'exceljs';
import type { ComparisonRow } from '../comparison/compare';
import { median } from '../comparison/rank';
import type { PrismaClient } from '../db';
import { subgraph as surveysSubgraph } from '../definition';
import { seedDemoData } from '../seed';

/** A ranked row as the API answers it: the comparison's numbers, with its area and result as selected here. */
type Row = Pick<ComparisonRow, 'value' | 'rank' | 'percentile' | 'previousValue' | 'changeFromPreviousYear' | 'baseValue' | 'changeFromBaseYear' | 'policeRegionValue'> & {
  area: { code: string; name: string; level: string };
  result: { origin: string; demo: boolean; year: number };
};
interface ComparisonData {
  indicatorComparison: { instrument: { code: string } | null; median: number | null; countryValue: number | null; rows: Row[] };
}

const COMPARE = `query ($indicator: ID!, $year: Int!, $baseYear: Int, $region: ID, $county: ID, $kommuner: [MunicipalityCode!], $instrument: ID, $origins: [ResultOrigin!], $level: AreaLevel) {
  indicatorComparison(indicator: $indicator, year: $year, baseYear: $baseYear, policeRegion: $region, county: $county, municipalities: $kommuner, instrument: $instrument, origins: $origins, level: $level) {
    instrument { code } median countryValue
    rows { area { code name level } value rank percentile previousValue changeFromPreviousYear baseValue changeFromBaseYear policeRegionValue result { origin demo year } }
  }
}`;

const sydCodes = municipalities.filter((m) => m.policeRegionCode === 'SYD').map((m) => m.code);

describe.each(testDatabaseKinds())('surveys subgraph on %s', (kind) => {
  let subgraph: RunningSubgraph<PrismaClient>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(surveysSubgraph, kind);
    // The lokalpolisområden the agreements subgraph ships (no peer runs here).
    const organisation = snapshotOfAreas([
      { id: 'burlov', name: 'Lokalpolisområde Burlöv', policeRegionCode: 'SYD', municipalityCodes: ['1231'] },
      { id: 'lund', name: 'Lokalpolisområde Lund', policeRegionCode: 'SYD', municipalityCodes: ['1281'] },
      { id: 'trelleborg', name: 'Lokalpolisområde Trelleborg', policeRegionCode: 'SYD', municipalityCodes: ['1263', '1287', '1233'] },
    ]);
    await seedDemoData(subgraph.client, { organisation });
  });
  afterAll(() => subgraph?.close());

  const query = <Data = Record<string, unknown>>(text: string, variables?: Record<string, unknown>) => postGraphQL<Data>(subgraph.url, text, variables);

  it('serves the indicator catalogue, the real instruments and their rounds', async () => {
    const { body } = await query(`{
      indicators { code unit direction category range { min max } }
      surveyInstruments { code organiser firstYear units demo policeRegion { code } }
      withDemo: surveyInstruments(includeDemo: true) { code demo }
      safetySurvey(id: "POLISEN_SYD-2025") { year sampleSize responses responseRate ageFrom ageTo modes languageCount fieldingNote instrument { code } }
    }`);
    expect(body.errors).toBeUndefined();
    const data = body.data as Record<string, { code: string; demo?: boolean }[]> & { safetySurvey: unknown };
    expect(data.indicators!.map((i) => i.code)).toEqual([
      'PROBLEM_INDEX', 'UNSAFE_OUTDOORS', 'WORRIED_ASSAULT', 'EXPOSED_TO_CRIME', 'EXPOSED_TO_VOLUME_CRIME', 'REPORTING_RATE', 'POLICE_CARE_LOCAL', 'CONFIDENCE_IN_POLICE',
    ]);
    expect(data.indicators![0]).toEqual({ code: 'PROBLEM_INDEX', unit: 'INDEX_0_6', direction: 'HIGHER_IS_WORSE', category: 'PROBLEMS', range: { min: 0, max: 6 } });
    expect(data.surveyInstruments).toEqual([
      { code: 'POLISEN_SYD', organiser: 'Polisregion Syd', firstYear: 1999, units: ['INDEX_0_6', 'PERCENT'], demo: false, policeRegion: { code: 'SYD' } },
      { code: 'POLISEN_STOCKHOLM', organiser: 'Polisregion Stockholm', firstYear: null, units: ['PERCENT'], demo: false, policeRegion: { code: 'STOCKHOLM' } },
      { code: 'BRA_NTU', organiser: 'Brå', firstYear: null, units: ['PERCENT'], demo: false, policeRegion: null },
    ]);
    expect(data.withDemo!.filter((i) => i.demo).map((i) => i.code)).toEqual(['DEMO_NORD', 'DEMO_MITT', 'DEMO_OST', 'DEMO_VAST', 'DEMO_BERGSLAGEN']);
    expect(data.safetySurvey).toEqual({
      year: 2025, sampleSize: 87600, responses: null, responseRate: null, ageFrom: 16, ageTo: 85, modes: ['POST', 'WEB'], languageCount: 5,
      fieldingNote: 'Utskick i mitten av augusti; öppen cirka två månader', instrument: { code: 'POLISEN_SYD' },
    });
  });

  it('adds the published results to a lokalpolisområde, and shows demo values only when asked', async () => {
    const entities = `query ($origins: [ResultOrigin!]) { _entities(representations: [{ __typename: "LocalPoliceArea", id: "trelleborg" }]) {
      ... on LocalPoliceArea { surveyResults(indicator: "PROBLEM_INDEX", from: 2018, to: 2019, origins: $origins) { year value respondents origin demo survey { id } } }
    } }`;
    const published = await query<{ _entities: { surveyResults: unknown[] }[] }>(entities);
    expect(published.body.data?._entities[0]!.surveyResults).toEqual([
      { year: 2018, value: 1.63, respondents: null, origin: 'PUBLISHED', demo: false, survey: { id: 'POLISEN_SYD-2018' } },
      { year: 2019, value: 1.78, respondents: 1884, origin: 'PUBLISHED', demo: false, survey: { id: 'POLISEN_SYD-2019' } },
    ]);
    const demo = await query<{ _entities: { surveyResults: { origin: string }[] }[] }>(entities, { origins: ['DEMO'] });
    expect(demo.body.data?._entities[0]!.surveyResults.map((r) => r.origin)).toEqual(['DEMO', 'DEMO']);
  });

  it('shows a published result\'s history to signed-in parties, and not to the anonymous', async () => {
    const query = `{ _entities(representations: [{ __typename: "LocalPoliceArea", id: "trelleborg" }]) {
      ... on LocalPoliceArea { surveyResults(from: 2019, to: 2019) { value history { actorRole actorSubject operation changes { field before after } } } } } }`;
    const analyst = signActorHeaders({ role: 'analyst', subject: 'anna', policeRegionCode: 'SYD' }, DEVELOPMENT_HOP_SECRET, { subgraph: 'surveys', query });
    const signedIn = await postGraphQL<{ _entities: { surveyResults: { history: unknown }[] }[] }>(subgraph.url, query, {}, analyst);
    expect(signedIn.body.data!._entities[0]!.surveyResults[0]!.history).toEqual([
      {
        actorRole: 'system',
        actorSubject: 'reference-data',
        operation: 'seedReferenceData',
        changes: [{ field: 'value', before: null, after: '1.78' }, { field: 'respondents', before: null, after: '1884' }],
      },
    ]);
    const anonymous = await postGraphQL(subgraph.url, query);
    expect(anonymous.body.errors?.[0]?.message).toBe('The history of a record is shown to signed-in parties only.');
  });

  it('ranks region Syd\'s 58 kommuner on the problem index, with median, change and region value', async () => {
    const { body } = await query<ComparisonData>(COMPARE, { indicator: 'PROBLEM_INDEX', year: 2025, baseYear: 2016, region: 'SYD', origins: ['DEMO'] });
    expect(body.errors).toBeUndefined();
    const comparison = body.data!.indicatorComparison;
    expect(comparison.instrument).toEqual({ code: 'POLISEN_SYD' });
    const rows = comparison.rows;
    expect(rows.map((r) => r.area.code).sort()).toEqual([...sydCodes].sort());
    expect(comparison.median).toBe(median(rows.map((r) => r.value)));
    // Higher is worse: rank 1 has the lowest index; ranks never decrease down the list.
    expect(rows[0]!.rank).toBe(1);
    expect(rows[0]!.percentile).toBe(100);
    for (let i = 1; i < rows.length; i += 1) {
      expect(rows[i]!.value).toBeGreaterThanOrEqual(rows[i - 1]!.value);
      expect(rows[i]!.rank).toBe(rows[i]!.value === rows[i - 1]!.value ? rows[i - 1]!.rank : i + 1);
    }
    expect(rows.at(-1)!.percentile).toBe(0);
    for (const row of rows) {
      expect(row.result).toEqual({ origin: 'DEMO', demo: true, year: 2025 });
      expect(row.changeFromPreviousYear).toBeCloseTo(row.value - row.previousValue!, 6);
      expect(row.changeFromBaseYear).toBeCloseTo(row.value - row.baseValue!, 6);
      expect(row.policeRegionValue).toBeCloseTo(rows.reduce((sum, r) => sum + r.value, 0) / rows.length, 1);
    }
    expect(comparison.countryValue).toBeNull(); // a regional instrument has no country value
  });

  it('ranks where higher is better the other way round', async () => {
    const { body } = await query<ComparisonData>(COMPARE, { indicator: 'CONFIDENCE_IN_POLICE', year: 2025, region: 'SYD', origins: ['DEMO'] });
    const values = body.data!.indicatorComparison.rows.map((r) => r.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('costs the same SQL statements for 3 kommuner as for 58', async () => {
    const few = await subgraph.database.statements.countDuring(() => query<ComparisonData>(COMPARE, { indicator: 'PROBLEM_INDEX', year: 2025, baseYear: 2016, kommuner: ['1281', '1231', '1282'], origins: ['DEMO'] }));
    const many = await subgraph.database.statements.countDuring(() => query<ComparisonData>(COMPARE, { indicator: 'PROBLEM_INDEX', year: 2025, baseYear: 2016, region: 'SYD', origins: ['DEMO'] }));
    expect(few.result.body.data!.indicatorComparison.rows).toHaveLength(3);
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(5);
  });

  it('never mixes real and demo values unless asked, and then prefers the published one', async () => {
    const real = await query<ComparisonData>(COMPARE, { indicator: 'PROBLEM_INDEX', year: 2025, region: 'SYD' });
    expect(real.body.data!.indicatorComparison).toEqual({ instrument: null, median: null, countryValue: null, rows: [] });
    const both = await query<ComparisonData>(COMPARE, { indicator: 'PROBLEM_INDEX', year: 2019, region: 'SYD', level: 'LOCAL_POLICE_AREA', origins: ['PUBLISHED', 'DEMO'] });
    const rows = both.body.data!.indicatorComparison.rows;
    // No source registers a lokalpolisområde for Landskrona: it has no demo values of its own.
    expect(rows.map((r) => r.area.code).sort()).toEqual(['burlov', 'lund', 'trelleborg']);
    expect(rows.find((r) => r.area.code === 'trelleborg')).toMatchObject({ value: 1.78, previousValue: 1.63, changeFromPreviousYear: 0.15, result: { origin: 'PUBLISHED' } });
    expect(rows.filter((r) => r.result.origin === 'DEMO')).toHaveLength(2);
  });

  it('refuses to rank results of different instruments together, and names them', async () => {
    const mixed = await query(COMPARE, { indicator: 'PROBLEM_INDEX', year: 2025, kommuner: ['1281', '1480'], origins: ['DEMO'] });
    expect(mixed.body.errors?.[0]?.message).toMatch(/from 2 instruments: .*POLISEN_SYD \(1 areas\).*DEMO_VAST \(1 areas\).*choose one with `instrument`/);
    expect(mixed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const chosen = await query<ComparisonData>(COMPARE, { indicator: 'PROBLEM_INDEX', year: 2025, kommuner: ['1281', '1480'], origins: ['DEMO'], instrument: 'POLISEN_SYD' });
    expect(chosen.body.data!.indicatorComparison.rows.map((r) => r.area.code)).toEqual(['1281']);
  });

  it('refuses an instrument whose unit is not the indicator\'s, and other bad arguments, with clear errors', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ indicator: 'PROBLEM_INDEX', year: 2025, instrument: 'POLISEN_STOCKHOLM' }, /reports per cent 0–100; PROBLEM_INDEX is index 0–6\. Results in different units are never compared/],
      [{ indicator: 'TRYGGHET', year: 2025 }, /"TRYGGHET" is not an indicator: use PROBLEM_INDEX, UNSAFE_OUTDOORS/],
      [{ indicator: 'PROBLEM_INDEX', year: 2025, region: 'SYD', county: '12' }, /Give one of policeRegion, county or municipalities/],
      [{ indicator: 'PROBLEM_INDEX', year: 2025, region: 'SKANE' }, /"SKANE" is not a polisregion code/],
      [{ indicator: 'PROBLEM_INDEX', year: 2025, county: '99' }, /"99" is not a län code/],
      [{ indicator: 'PROBLEM_INDEX', year: 1066 }, /`year` 1066 is not a survey year/],
      [{ indicator: 'PROBLEM_INDEX', year: 2025, level: 'COUNTRY' }, /not ranked/],
      [{ indicator: 'PROBLEM_INDEX', year: 2025, origins: [] }, /`origins` is empty/],
    ];
    for (const [variables, message] of cases) {
      const { body } = await query(COMPARE, variables);
      expect(body.errors?.[0]?.message).toMatch(message);
      expect(body.data).toBeNull();
    }
  });

  it('gives a trend series per area, and a kommun\'s results over the years, in one statement for many kommuner', async () => {
    const trend = await query<{ indicatorTrend: { instrument: { code: string }; series: { area: { code: string }; points: { year: number; value: number }[] }[] } }>(
      `{ indicatorTrend(indicator: "UNSAFE_OUTDOORS", from: 2016, to: 2025, county: "12", origins: [DEMO]) { instrument { code } series { area { code } points { year value } } } }`,
    );
    expect(trend.body.errors).toBeUndefined();
    const series = trend.body.data!.indicatorTrend.series;
    expect(series).toHaveLength(33); // Skåne's kommuner
    expect(series[0]!.points.map((p) => p.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);

    const kommuner = ['1281', '1231', '1282', '0180'];
    const { result, count } = await subgraph.database.statements.countDuring(() =>
      query<{ _entities: { code: string; surveyResults: { year: number; value: number; area: { name: string } }[] }[] }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Municipality { code surveyResults(indicator: "UNSAFE_OUTDOORS", from: 2024, to: 2025, origins: [DEMO]) { year value area { name } } } } }`,
        { r: kommuner.map((code) => ({ __typename: 'Municipality', code })) },
      ),
    );
    expect(count).toBe(1);
    const lund = result.body.data!._entities[0]!;
    expect(lund.surveyResults.map((r) => [r.year, r.area.name])).toEqual([[2024, 'Lund'], [2025, 'Lund']]);
    const lundIn2025 = series.find((s) => s.area.code === '1281')!.points.at(-1)!.value;
    expect(lund.surveyResults[1]!.value).toBe(lundIn2025);
  });

  it('exports a comparison as CSV and as an Excel workbook with the same rows', async () => {
    const { body } = await query<{ indicatorComparison: { rows: Row[]; csv: { fileName: string; text: string; downloadPath: string | null }; xlsx: { fileName: string; mediaType: string; base64: string; text: null } } }>(
      `{ indicatorComparison(indicator: "PROBLEM_INDEX", year: 2025, policeRegion: SYD, origins: [DEMO]) {
          rows { area { name } value rank }
          csv: export(format: CSV) { fileName text downloadPath }
          xlsx: export(format: XLSX) { fileName mediaType base64 text }
      } }`.replace('policeRegion: SYD', 'policeRegion: "SYD"'),
    );
    expect(body.errors).toBeUndefined();
    const { rows, csv, xlsx } = body.data!.indicatorComparison;
    expect(csv.fileName).toBe('jamforelse-problem_index-polisen_syd-2025.csv');
    const lines = csv.text.trim().split('\r\n');
    // CSV for Swedish Excel: semicolons and a decimal comma.
    expect(lines[0]).toMatch(/^Rang;Område;Områdesnivå;Områdeskod;Värde;/);
    expect(lines).toHaveLength(59);
    expect(lines[1]).toMatch(new RegExp(`^1;${rows[0]!.area.name};MUNICIPALITY;\\d{4};${rows[0]!.value.toFixed(2).replace('.', ',')};`));
    // Demo values alone are no table the gateway serves as a download.
    expect(csv.downloadPath).toBeNull();

    expect(xlsx.text).toBeNull();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Jämförelse')!;
    expect(sheet.rowCount).toBe(59);
    expect(sheet.getRow(2).getCell(2).value).toBe(rows[0]!.area.name);
    expect(sheet.getRow(2).getCell(5).value).toBe(rows[0]!.value);
    expect(workbook.getWorksheet('Om jämförelsen')!.getRow(1).getCell(2).value).toBe('Problemindex (totalt) (PROBLEM_INDEX)');
  });
});
