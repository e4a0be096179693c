import { closesCycle, municipalityProblem, optionalDate, periodContains, periodProblem, periodsOverlap } from './rules';

describe('the organisation rules', () => {
  it('reads open ends as open and the end as the last day', () => {
    expect(periodContains({ validFrom: null, validTo: null }, '1990-01-01')).toBe(true);
    expect(periodContains({ validFrom: '2026-01-01', validTo: null }, '2025-12-31')).toBe(false);
    expect(periodContains({ validFrom: '2026-01-01', validTo: null }, '2026-01-01')).toBe(true);
    expect(periodContains({ validFrom: null, validTo: '2025-12-31' }, '2025-12-31')).toBe(true);
    expect(periodContains({ validFrom: null, validTo: '2025-12-31' }, '2026-01-01')).toBe(false);
  });

  it('finds overlaps, backwards periods, bad dates and kommuner of another region', () => {
    expect(periodsOverlap({ validFrom: null, validTo: '2025-12-31' }, { validFrom: '2026-01-01', validTo: null })).toBe(false);
    expect(periodsOverlap({ validFrom: null, validTo: '2026-01-01' }, { validFrom: '2026-01-01', validTo: null })).toBe(true);
    expect(periodProblem({ validFrom: '2026-01-02', validTo: '2026-01-01' })).toMatch(/ends .* before it starts/);
    expect(optionalDate('2026-02-30')).toMatch(/has 28 days/);
    expect(optionalDate('')).toEqual({ date: null });
    expect(municipalityProblem('0180', 'SYD')).toBe('kommun 0180 (Stockholm) lies in polisregion STOCKHOLM, not in SYD');
    expect(municipalityProblem('1287', 'SYD')).toBeNull();
  });

  it('sees a succession that would close a cycle', () => {
    const edges = new Map([['a', ['b']], ['b', ['c']]]);
    expect(closesCycle(edges, 'c', 'a')).toBe(true);
    expect(closesCycle(edges, 'a', 'c')).toBe(false);
    expect(closesCycle(edges, 'a', 'a')).toBe(true);
  });
});
