import type { SurveyInstrument } from '../generated/prisma/client';
import { type EmptyQuestion, explainEmptiness, regionsOf, type ResultGroup, yearRuns } from './emptiness';

const instrument = (code: string, policeRegionCode: string | null, units: SurveyInstrument['units'], name = code): SurveyInstrument => ({
  code,
  name,
  organiser: 'test',
  policeRegionCode,
  firstYear: null,
  units,
  description: '',
  demo: code.startsWith('DEMO_'),
  source: null,
  position: 0,
});

const SYD = instrument('POLISEN_SYD', 'SYD', ['INDEX_0_6', 'PERCENT'], 'Polisens trygghetsmätning i polisregion Syd');
const STOCKHOLM = instrument('POLISEN_STOCKHOLM', 'STOCKHOLM', ['PERCENT'], 'Polisens trygghetsmätning i polisregion Stockholm');
const NTU = instrument('BRA_NTU', null, ['PERCENT'], 'NTU');
const DEMO_VAST = instrument('DEMO_VAST', 'VAST', ['INDEX_0_6', 'PERCENT'], 'Demo: Väst');

const question = (overrides: Partial<EmptyQuestion> = {}): EmptyQuestion => ({
  indicator: { code: 'PROBLEM_INDEX', name: 'Problemindex (totalt)', unit: 'INDEX_0_6' },
  instrument: null,
  level: 'MUNICIPALITY',
  scope: { kind: 'policeRegion', code: 'SYD' },
  where: {},
  from: 2031,
  to: 2031,
  origins: ['PUBLISHED'],
  areasAtLevel: null,
  ...overrides,
});

const groups = (origin: ResultGroup['origin'], years: number[], instrumentCode = 'POLISEN_SYD'): ResultGroup[] => years.map((year) => ({ year, origin, instrumentCode }));

describe('explainEmptiness', () => {
  it('NO_AREAS_AT_LEVEL: no lokalpolisområde is registered in the scope', () => {
    const answer = explainEmptiness(question({ level: 'LOCAL_POLICE_AREA', scope: { kind: 'policeRegion', code: 'STOCKHOLM' }, areasAtLevel: [] }), [], [STOCKHOLM]);
    expect(answer).toMatchObject({ reason: 'NO_AREAS_AT_LEVEL', yearsWithPublishedResults: [], instruments: [] });
    expect(answer.message).toBe('No lokalpolisområde is registered in polisregion Stockholm, so none has values: ask at level MUNICIPALITY.');
  });

  it('checks the areas first: a level with areas goes on to the other checks', () => {
    expect(explainEmptiness(question({ level: 'LOCAL_POLICE_AREA', areasAtLevel: ['trelleborg'] }), groups('PUBLISHED', [2018, 2019]), [SYD]).reason).toBe(
      'NO_PUBLISHED_RESULTS_FOR_YEAR',
    );
  });

  it('NO_INSTRUMENT_FOR_AREA: the scope\'s instruments report other units, and it names them', () => {
    const answer = explainEmptiness(question({ scope: { kind: 'municipalities', codes: ['0180'] } }), [], [STOCKHOLM, NTU]);
    expect(answer.reason).toBe('NO_INSTRUMENT_FOR_AREA');
    expect(answer.instruments.map((i) => i.code)).toEqual(['POLISEN_STOCKHOLM', 'BRA_NTU']);
    expect(answer.message).toBe(
      'No survey instrument reports Problemindex (totalt) (PROBLEM_INDEX, index 0–6) for Stockholm: Polisens trygghetsmätning i polisregion Stockholm reports per cent 0–100 and NTU reports per cent 0–100.',
    );
  });

  it('NO_INSTRUMENT_FOR_AREA: no instrument covers the scope at all, or the one asked for covers another region', () => {
    expect(explainEmptiness(question({ scope: { kind: 'policeRegion', code: 'NORD' } }), [], []).message).toBe(
      'No survey instrument the hub knows covers polisregion Nord.',
    );
    const asked = explainEmptiness(question({ scope: { kind: 'policeRegion', code: 'STOCKHOLM' }, instrument: SYD }), [], [STOCKHOLM, NTU]);
    expect(asked).toMatchObject({ reason: 'NO_INSTRUMENT_FOR_AREA', instruments: [SYD] });
    expect(asked.message).toBe('Polisens trygghetsmätning i polisregion Syd does not cover polisregion Stockholm (it is polisregion SYD\'s).');
  });

  it('an instrument with results in the scope reports it, whatever its units say', () => {
    const answer = explainEmptiness(question({ scope: { kind: 'policeRegion', code: 'STOCKHOLM' } }), groups('PUBLISHED', [2020], 'POLISEN_STOCKHOLM'), [STOCKHOLM]);
    expect(answer).toMatchObject({ reason: 'NO_PUBLISHED_RESULTS_FOR_YEAR', instruments: [STOCKHOLM], yearsWithPublishedResults: [2020] });
  });

  it('ONLY_DEMO_VALUES: demo values exist in the year asked, published ones were asked for', () => {
    const answer = explainEmptiness(question({ from: 2025, to: 2025, scope: { kind: 'policeRegion', code: 'VAST' } }), groups('DEMO', [2024, 2025], 'DEMO_VAST'), [DEMO_VAST, NTU]);
    expect(answer).toMatchObject({ reason: 'ONLY_DEMO_VALUES', yearsWithPublishedResults: [], instruments: [DEMO_VAST] });
    expect(answer.message).toBe(
      'Only demo values (made up, never published) exist for Problemindex (totalt) (PROBLEM_INDEX) of the kommuner in polisregion Väst in 2025: ask with origins: [DEMO] to see them. Nothing has been published for it in any year.',
    );
  });

  it('ONLY_PUBLISHED_VALUES: demo values alone were asked for, the year has published ones', () => {
    const answer = explainEmptiness(question({ from: 2019, to: 2019, origins: ['DEMO'] }), groups('PUBLISHED', [2018, 2019]), [SYD]);
    expect(answer).toMatchObject({ reason: 'ONLY_PUBLISHED_VALUES', yearsWithPublishedResults: [2018, 2019] });
    expect(answer.message).toContain('ask with origins: [PUBLISHED]');
  });

  it('NO_PUBLISHED_RESULTS_FOR_YEAR: names the years that do have published results (and the demo years when demo values were asked for)', () => {
    const published = explainEmptiness(question(), [...groups('PUBLISHED', [2018, 2019]), ...groups('DEMO', [2016, 2017, 2018, 2019])], [SYD]);
    expect(published).toMatchObject({ reason: 'NO_PUBLISHED_RESULTS_FOR_YEAR', yearsWithPublishedResults: [2018, 2019], instruments: [SYD] });
    expect(published.message).toBe(
      'No published results for Problemindex (totalt) (PROBLEM_INDEX) of the kommuner in polisregion Syd in 2031. Published results exist for 2018 and 2019.',
    );
    const both = explainEmptiness(question({ from: 2030, to: 2031, origins: ['PUBLISHED', 'DEMO'] }), [...groups('PUBLISHED', [2019]), ...groups('DEMO', [2016, 2017, 2018])], [SYD]);
    expect(both.reason).toBe('NO_PUBLISHED_RESULTS_FOR_YEAR');
    expect(both.message).toBe(
      'No values for Problemindex (totalt) (PROBLEM_INDEX) of the kommuner in polisregion Syd in 2030–2031. Published results exist for 2019. Demo values (made up) exist for 2016–2018.',
    );
  });

  it('NOTHING_PUBLISHED: an instrument could report it, nothing at any year; demo years are pointed out', () => {
    const nothing = explainEmptiness(question({ level: 'SUB_AREA' }), [], [SYD]);
    expect(nothing).toMatchObject({ reason: 'NOTHING_PUBLISHED', yearsWithPublishedResults: [], instruments: [SYD] });
    expect(nothing.message).toBe(
      'Nothing has been published for Problemindex (totalt) (PROBLEM_INDEX) of the delområden in polisregion Syd in any year; Polisens trygghetsmätning i polisregion Syd could report it.',
    );
    const demoElsewhere = explainEmptiness(question(), groups('DEMO', [2016, 2017, 2018, 2025]), [SYD]);
    expect(demoElsewhere.reason).toBe('NOTHING_PUBLISHED');
    expect(demoElsewhere.message).toContain('Demo values (made up) exist for 2016–2018 and 2025: ask with origins: [DEMO] to see them.');
  });
});

describe('the words of an explanation', () => {
  it('writes years as runs', () => {
    expect(yearRuns([])).toBe('');
    expect(yearRuns([2019, 2018])).toBe('2018 and 2019');
    expect(yearRuns([2016, 2017, 2018, 2019, 2020, 2023, 2025])).toBe('2016–2020, 2023 and 2025');
  });

  it('finds the polisregioner of a scope', () => {
    expect(regionsOf({ kind: 'country' })).toBeNull();
    expect(regionsOf({ kind: 'county', code: '12' })).toEqual(['SYD']);
    expect(regionsOf({ kind: 'municipalities', codes: ['1281', '0180'] })!.sort()).toEqual(['STOCKHOLM', 'SYD']);
  });
});
