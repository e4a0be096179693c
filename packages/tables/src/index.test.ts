import { counties, policeRegions } from '@samverkan/geo';
import { actionsTable, complianceReasons, complianceTable, COUNTY_CODES, parseParameters, POLICE_REGION_CODES, rankingTable, TableParameterError, tableNamed, toSwedishCsv } from './index';

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof TableParameterError) return error.issues;
    throw error;
  }
  throw new Error('expected a TableParameterError');
};

describe('codes', () => {
  it('are the geography package\'s regions and län', () => {
    expect(POLICE_REGION_CODES).toEqual(policeRegions.map((r) => r.code));
    expect([...COUNTY_CODES].sort()).toEqual(counties.map((c) => c.code).sort());
  });
});

describe('parseParameters', () => {
  it('checks and converts good parameters', () => {
    expect(parseParameters(rankingTable, { indicator: 'unsafe_outdoors', year: '2025', policeRegion: 'syd', baseYear: '2022', includeDemo: 'true' })).toEqual({
      indicator: 'UNSAFE_OUTDOORS',
      year: 2025,
      policeRegion: 'SYD',
      baseYear: 2022,
      includeDemo: true,
    });
  });

  it('names every issue in Swedish and English', () => {
    const issues = issuesOf(() => parseParameters(rankingTable, { indicator: 'NOPE', year: '25', policeRegion: 'NORR', county: '99', colour: 'red' }, { indicators: ['PROBLEM_INDEX', 'UNSAFE_OUTDOORS'] }));
    expect(issues.map((i) => i.parameter).sort()).toEqual(['colour', 'county', 'indicator', 'policeRegion', 'year']);
    const byName = Object.fromEntries(issues.map((i) => [i.parameter, i]));
    expect(byName.year!.sv).toMatch(/fyra siffror/);
    expect(byName.year!.en).toMatch(/four digits/);
    expect(byName.policeRegion!.en).toMatch(/seven police regions/);
    expect(byName.indicator!.en).toMatch(/unknown indicator "NOPE"/);
    expect(byName.colour!.sv).toMatch(/okänd parameter/);
  });

  it('requires the required ones and refuses impossible dates and a base year after the year', () => {
    expect(issuesOf(() => parseParameters(rankingTable, {})).map((i) => i.parameter)).toEqual(['indicator', 'year']);
    expect(issuesOf(() => parseParameters(complianceTable, { on: '2023-02-30' }))[0]!.en).toMatch(/real date/);
    expect(issuesOf(() => parseParameters(rankingTable, { indicator: 'X', year: '2024', baseYear: '2025' }))[0]!.parameter).toBe('baseYear');
    expect(issuesOf(() => parseParameters(actionsTable, { municipality: '128' }))[0]!.en).toMatch(/four digits/);
    expect(issuesOf(() => parseParameters(actionsTable, { municipality: '1281', status: 'FINISHED' }))[0]!.en).toMatch(/unknown status/);
  });
});

describe('file names', () => {
  it('are ASCII, name the parameters and end in the format', () => {
    expect(rankingTable.fileName({ indicator: 'UNSAFE_OUTDOORS', year: 2025, policeRegion: 'SYD' })).toBe('rangordning-unsafe-outdoors-SYD-2025.csv');
    expect(rankingTable.fileName({ indicator: 'PROBLEM_INDEX', year: 2025, county: '12', baseYear: 2022, includeDemo: true }, 'xlsx')).toBe('rangordning-problem-index-lan-12-2025-bas-2022-med-demo.xlsx');
    expect(rankingTable.fileName({ indicator: 'PROBLEM_INDEX', year: 2025 })).toBe('rangordning-problem-index-riket-2025.csv');
    expect(complianceTable.fileName({ on: '2026-12-01', policeRegion: 'SYD' })).toBe('efterlevnad-SYD-2026-12-01.csv');
    expect(complianceTable.fileName({})).toMatch(/^efterlevnad-riket-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(actionsTable.fileName({ municipality: '1281', status: 'ONGOING' }, 'xlsx')).toBe('atgarder-1281-ongoing.xlsx');
  });
});

describe('tables', () => {
  it('are found by name, and only by their own names', () => {
    expect(tableNamed('rangordning')).toBe(rankingTable);
    expect(tableNamed('toString')).toBeUndefined();
    expect(tableNamed('__proto__')).toBeUndefined();
  });

  it('ranking rows mark demo values and leave them out unless asked for', () => {
    const row = (code: string, demo: boolean) => ({
      area: { code, name: code, policeRegionCode: 'SYD' },
      value: 1.5,
      rank: 1,
      percentile: 50,
      previousValue: null,
      changeFromPreviousYear: null,
      baseValue: null,
      changeFromBaseYear: null,
      policeRegionValue: null,
      result: { respondents: 100, demo },
    });
    const data = {
      indicatorComparison: { indicator: { code: 'PROBLEM_INDEX', name: 'Problemindex (totalt)', unit: 'INDEX_0_6' }, instrument: null, year: 2025, baseYear: null, median: 1.5, countryValue: null, rows: [row('1281', false), row('1280', true)] },
    };
    expect(rankingTable.rows(data, { includeDemo: false }).map((r) => r.code)).toEqual(['1281']);
    const both = rankingTable.rows(data, { includeDemo: true });
    expect(both.map((r) => [r.code, r.demo])).toEqual([['1281', null], ['1280', 'DEMO']]);
    expect(rankingTable.variables({ indicator: 'X', year: 2025 }).origins).toEqual(['PUBLISHED']);
    expect(rankingTable.variables({ indicator: 'X', year: 2025, includeDemo: true }).origins).toEqual(['PUBLISHED', 'DEMO']);
    expect(toSwedishCsv(rankingTable.columns, both).split('\r\n')[1]).toContain(';1,50;index 0–6;');
  });

  it('compliance gives the law\'s reasons', () => {
    const base = { compliant: false, hasCurrentSituationReport: false, situationReportDecidedOn: null, situationReportJoint: null, actionPlanDecidedOn: null, ongoingActions: 0, overdueActions: 0, municipality: null };
    expect(complianceReasons(base)).toEqual(['ingen lägesbild']);
    expect(complianceReasons({ ...base, situationReportDecidedOn: '2020-01-01' })).toEqual(['lägesbilden (2020-01-01) är äldre än två år', 'ingen åtgärdsplan beslutad efter lägesbilden']);
    expect(complianceReasons({ ...base, compliant: true, hasCurrentSituationReport: true, situationReportDecidedOn: '2025-01-01', actionPlanDecidedOn: '2025-03-01' })).toEqual([]);
  });
});
