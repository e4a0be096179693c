import { isoDateToUtc } from '@samverkan/schema';
import { effectivePeriod, periodsOverlap, statusOn } from './status';

const d = (value: string) => isoDateToUtc(value);

describe('statusOn', () => {
  const burlov = { state: 'SIGNED' as const, validFrom: d('2023-07-01'), validTo: d('2026-12-31') };
  it.each([
    ['2023-06-30', 'UPCOMING'],
    ['2023-07-01', 'ACTIVE'],
    ['2026-12-31', 'ACTIVE'],
    ['2027-01-01', 'EXPIRED'],
  ])('a signed agreement valid 2023-07-01 – 2026-12-31 is, on %s, %s', (on, status) => expect(statusOn(burlov, on)).toBe(status));

  it('keeps drafts and withdrawn agreements as they are, whatever the day', () => {
    expect(statusOn({ ...burlov, state: 'DRAFT' }, '2024-01-01')).toBe('DRAFT');
    expect(statusOn({ ...burlov, state: 'WITHDRAWN' }, '2024-01-01')).toBe('WITHDRAWN');
  });

  it('makes an agreement with unknown dates active until it is superseded', () => {
    const old = { state: 'SIGNED' as const, validFrom: null, validTo: null, supersededOn: d('2024-01-01') };
    expect(statusOn(old, '2019-03-01')).toBe('ACTIVE');
    expect(statusOn(old, '2023-12-31')).toBe('ACTIVE');
    expect(statusOn(old, '2024-01-01')).toBe('SUPERSEDED');
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
});
