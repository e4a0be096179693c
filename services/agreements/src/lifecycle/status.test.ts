import { formatIsoDate, isoDateToUtc } from '@samverkan/schema';
import { readOpenEndYears } from './settings';
import { addYearsClamped, earliestOpenStart, effectivePeriod, openEndOf, periodFacts, periodsOverlap, startOf, statusOn } from './status';
import { boundaryDays, daysBetween, seededStatusCases, type StatusCase, syntheticStatusCases } from './status-cases';

const d = (value: string) => isoDateToUtc(value);

describe('statusOn', () => {
  const burlov = { state: 'SIGNED' as const, validFrom: d('2023-07-01'), validTo: d('2026-12-31') };
  it.each([
    ['2023-06-30', 'UPCOMING'],
    ['2023-07-01', 'ACTIVE'],
    ['2026-12-31', 'ACTIVE'],
    ['2027-01-01', 'EXPIRED'],
  ])('a signed agreement valid 2023-07-01 – 2026-12-31 is, on %s, %s', (on, status) => expect(statusOn(burlov, on, 4)).toBe(status));

  it('keeps drafts, commissioned and withdrawn records as they are, whatever the day', () => {
    expect(statusOn({ ...burlov, state: 'DRAFT' }, '2024-01-01', 4)).toBe('DRAFT');
    expect(statusOn({ ...burlov, state: 'COMMISSIONED' }, '2024-01-01', 4)).toBe('COMMISSIONED');
    expect(statusOn({ ...burlov, state: 'WITHDRAWN' }, '2024-01-01', 4)).toBe('WITHDRAWN');
  });

  it('never makes a record with no known start active: UNDATED, or EXPIRED after a stated end, until superseded', () => {
    const old = { state: 'SIGNED' as const, validFrom: null, validTo: null, supersededOn: d('2024-01-01') };
    expect(statusOn(old, '2019-03-01', 4)).toBe('UNDATED');
    expect(statusOn(old, '2023-12-31', 4)).toBe('UNDATED');
    expect(statusOn(old, '2024-01-01', 4)).toBe('SUPERSEDED');
    expect(statusOn({ ...old, validTo: d('2020-12-31') }, '2021-01-01', 4)).toBe('EXPIRED');
  });

  it('counts a decision as the start where nothing else is stated, and an open end as N years less a day', () => {
    const decided = { state: 'SIGNED' as const, validFrom: null, validTo: null, decidedOn: d('2019-02-25') };
    expect(startOf(decided)).toEqual({ on: d('2019-02-25'), basis: 'DECIDED_ON' });
    expect(statusOn(decided, '2019-02-24', 4)).toBe('UPCOMING');
    expect(statusOn(decided, '2019-02-25', 4)).toBe('ACTIVE');
    expect(statusOn(decided, '2023-02-24', 4)).toBe('ACTIVE');
    expect(statusOn(decided, '2023-02-25', 4)).toBe('EXPIRED');
    expect(periodFacts(decided, 4)).toEqual({ startsOn: d('2019-02-25'), startBasis: 'DECIDED_ON', validFromKnown: false, validToKnown: false, assumedValidTo: d('2023-02-24') });
  });
});

describe('dates', () => {
  it.each([
    ['2020-02-29', 1, '2021-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2019-03-01', 1, '2020-03-01'],
  ])('%s plus %i years is %s (29 February becomes 28 February, as PostgreSQL does)', (from, years, to) => expect(addYearsClamped(from, years)).toBe(to));

  it('finds the earliest start still in force on a day, for every day around the leap days', () => {
    for (const years of [1, 4, 20]) {
      for (const on of daysBetween('2019-12-01', '2029-03-31')) {
        const earliest = earliestOpenStart(on, years);
        expect([openEndOf(earliest, years) >= on, openEndOf(addDaysBack(earliest), years) >= on]).toEqual([true, false]);
      }
    }
  });

  it('reads SAMVERKAN_OPEN_END_YEARS as a whole number from 1 to 20, 4 when unset', () => {
    expect(readOpenEndYears({})).toBe(4);
    expect(readOpenEndYears({ SAMVERKAN_OPEN_END_YEARS: '20' })).toBe(20);
    for (const bad of ['0', '21', '2.5', 'four', '-1']) expect(() => readOpenEndYears({ SAMVERKAN_OPEN_END_YEARS: bad })).toThrow(/whole number of years from 1 to 20/);
  });
});

const addDaysBack = (day: string) => formatIsoDate(new Date(isoDateToUtc(day).getTime() - 86_400_000));

/**
 * The rule stated independently of `statusOn`'s code, as the issue states it: ACTIVE exactly when
 * signed, not superseded, on or after a known start, and on or before the stated end or, with none,
 * before the day N years after the start.
 */
function mayBeActive(record: StatusCase, on: string, years: number): boolean {
  const start = record.validFrom ?? record.signedOn ?? record.decidedOn;
  if (record.state !== 'SIGNED' || !start) return false;
  if (record.supersededOn && formatIsoDate(record.supersededOn) <= on) return false;
  if (on < formatIsoDate(start)) return false;
  return record.validTo ? on <= formatIsoDate(record.validTo) : on < addYearsClamped(formatIsoDate(start), years);
}

describe.each([1, 4, 20])('every seeded and synthetic record on every day 2008–2032, open ends counted as %i years', (years) => {
  const cases = [...seededStatusCases(), ...syntheticStatusCases];
  const days = daysBetween('2008-01-01', '2032-12-31');

  it('is ACTIVE exactly when signed, started, not past its stated or assumed end, and not superseded', () => {
    const wrong: string[] = [];
    for (const record of cases) {
      for (const on of days) {
        if ((statusOn(record, on, years) === 'ACTIVE') !== mayBeActive(record, on, years)) wrong.push(`${record.name} on ${on}: ${statusOn(record, on, years)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('changes status only on the boundary days', () => {
    const boundaries = new Set(boundaryDays(cases, [years]));
    for (const record of cases) {
      for (const [index, on] of days.entries()) {
        if (index > 0 && statusOn(record, on, years) !== statusOn(record, days[index - 1]!, years)) expect([record.name, boundaries.has(on)]).toEqual([record.name, true]);
      }
    }
  });
});

describe('the seeded records', () => {
  const byName = new Map(seededStatusCases().map((record) => [record.name, record]));
  const status = (name: string, on: string, years = 4) => statusOn(byName.get(name)!, on, years);

  it('Lund 2019 (decided 2019-02-25, no stated end) is ACTIVE from its decision for four years, then EXPIRED, and SUPERSEDED from 2024-01-01', () => {
    expect(['2019-02-24', '2019-02-25', '2023-02-24', '2023-02-25', '2023-12-31', '2024-01-01'].map((on) => status('lund-2019', on))).toEqual([
      'UPCOMING',
      'ACTIVE',
      'ACTIVE',
      'EXPIRED',
      'EXPIRED',
      'SUPERSEDED',
    ]);
    expect(status('lund-2019', '2020-02-25', 1)).toBe('EXPIRED');
    expect(status('lund-2019', '2023-12-31', 20)).toBe('ACTIVE');
  });

  it('Landskrona 2009 (no date in its source) is UNDATED every day; the commissioned medborgarlöfte is never in force', () => {
    for (const on of daysBetween('2008-01-01', '2032-12-31')) {
      expect(status('landskrona-2009', on)).toBe('UNDATED');
      expect(status('lund-2019-medborgarlofte-ostra', on)).toBe('COMMISSIONED');
    }
  });
});

describe('periodsOverlap', () => {
  const p = (from: string | null, to: string | null) => ({ validFrom: from ? d(from) : null, validTo: to ? d(to) : null });
  it.each([
    [p('2024-01-01', '2027-12-31'), p('2027-12-31', '2029-12-31'), true],
    [p('2024-01-01', '2027-12-31'), p('2028-01-01', '2029-12-31'), false],
    [p(null, null), p('2028-01-01', '2029-12-31'), true],
    [p('2024-01-01', null), p(null, '2023-12-31'), false],
  ])('%j and %j: %s', (a, b, overlap) => {
    expect(periodsOverlap(a, b)).toBe(overlap);
    expect(periodsOverlap(b, a)).toBe(overlap);
  });

  it('ends a superseded agreement the day before its successor took over', () => {
    expect(effectivePeriod({ validFrom: null, validTo: null, supersededOn: d('2024-01-01') }).validTo).toEqual(d('2023-12-31'));
  });

  it('ends an agreement with no stated end at its assumed end, from the start the status rule reads', () => {
    expect(effectivePeriod({ validFrom: null, validTo: null, decidedOn: d('2019-02-25'), supersededOn: null }, 4)).toEqual(p('2019-02-25', '2023-02-24'));
  });
});
