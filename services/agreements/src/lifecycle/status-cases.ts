import { formatIsoDate, isoDateToUtc } from '@samverkan/schema';
import { agreementSeeds } from '../reference/agreements';
import { citizenPromiseSeeds } from '../reference/source-facts';
import { resolveSuccession } from '../reference/succession';
import { addDays, addYearsClamped, type StatusFacts, startOf } from './status';

/*
 * The records and days the status rule is tested on, in JS (status.test.ts) and in SQL
 * (status.int.test.ts) alike: every seeded record as its seed leaves it, and synthetic records
 * with each kind of start and end, on the days where a status changes.
 */

/** A record to judge, with a name for messages. */
export interface StatusCase extends StatusFacts {
  name: string;
  signedOn: Date | null;
  decidedOn: Date | null;
  supersededOn: Date | null;
}

const day = (value: string | null) => (value ? isoDateToUtc(value) : null);

/** Every seeded agreement and medborgarlöfte, with the facts the seed stores. */
export function seededStatusCases(): StatusCase[] {
  const agreements = resolveSuccession(agreementSeeds).map((seed) => ({
    name: seed.seedKey,
    state: 'SIGNED' as const,
    validFrom: day(seed.validFrom),
    validTo: day(seed.validTo),
    signedOn: day(seed.signedOn),
    decidedOn: day(seed.decidedOn),
    supersededOn: day(seed.supersededOn),
  }));
  const promises = citizenPromiseSeeds.map((seed) => ({
    name: seed.seedKey,
    state: seed.state,
    validFrom: null,
    validTo: null,
    signedOn: null,
    decidedOn: day(seed.decidedOn),
    supersededOn: null,
  }));
  return [...agreements, ...promises];
}

function synthetic(name: string, facts: Partial<Omit<StatusCase, 'name' | 'state'>> & { state?: StatusCase['state'] }): StatusCase {
  return { name, state: 'SIGNED', validFrom: null, validTo: null, signedOn: null, decidedOn: null, supersededOn: null, ...facts };
}

/** Twelve records: each basis of a start, open and stated ends, leap days, succession, and the states that are no status of dates. */
export const syntheticStatusCases: readonly StatusCase[] = [
  synthetic('stated period', { validFrom: day('2015-03-01'), validTo: day('2018-02-28') }),
  synthetic('open end from validFrom', { validFrom: day('2012-06-15') }),
  synthetic('open end from signing', { signedOn: day('2016-11-30') }),
  synthetic('open end from decision', { decidedOn: day('2010-01-01') }),
  synthetic('leap-day start, open end', { validFrom: day('2020-02-29') }),
  synthetic('leap-day decision, open end', { decidedOn: day('2024-02-29') }),
  synthetic('stated end, no start', { validTo: day('2019-12-31') }),
  synthetic('no dates at all', {}),
  synthetic('open end superseded early', { signedOn: day('2021-05-10'), supersededOn: day('2022-01-01') }),
  synthetic('stated period superseded', { validFrom: day('2025-01-01'), validTo: day('2028-12-31'), supersededOn: day('2028-02-29') }),
  synthetic('draft with dates', { state: 'DRAFT', validFrom: day('2019-01-01') }),
  synthetic('withdrawn', { state: 'WITHDRAWN', signedOn: day('2014-04-01') }),
];

/** Every day from `from` to `to`, inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let on = from; on <= to; on = addDays(on, 1)) days.push(on);
  return days;
}

/** The days a status can change on, for each record and each of `yearsList`: start±1, end±1, cap−1/cap/cap+1, superseded−1/superseded, and the leap days of 2020, 2024, 2028. */
export function boundaryDays(cases: readonly StatusCase[], yearsList: readonly number[]): string[] {
  const days = new Set<string>();
  const around = (value: string, ...offsets: number[]) => offsets.forEach((offset) => days.add(addDays(value, offset)));
  for (const year of [2020, 2024, 2028]) ['02-28', '02-29', '03-01'].forEach((md) => days.add(`${year}-${md}`));
  for (const record of cases) {
    const start = startOf(record).on;
    if (start) around(formatIsoDate(start), -1, 0);
    if (record.validTo) around(formatIsoDate(record.validTo), 0, 1);
    if (record.supersededOn) around(formatIsoDate(record.supersededOn), -1, 0);
    if (start && !record.validTo) for (const years of yearsList) around(addYearsClamped(formatIsoDate(start), years), -2, -1, 0, 1);
  }
  return [...days].sort();
}
