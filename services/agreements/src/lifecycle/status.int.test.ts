import { testDatabaseKinds } from '@samverkan/db/testing';
import { formatIsoDate, isoDateToUtc } from '@samverkan/schema';
import type { RunningSubgraph } from '@samverkan/server';
import { startTestSubgraph } from '@samverkan/server/testing';
import type { PrismaClient } from '../db';
import { subgraph as agreementsSubgraph } from '../definition';
import { addYearsClamped, type LifecycleStatus, startOf, statusOn, statusWhere } from './status';
import { boundaryDays, type StatusCase, syntheticStatusCases } from './status-cases';

/*
 * The status rule in SQL (`statusWhere`) selects exactly the records the rule in JS (`statusOn`)
 * gives that status, on the seeded records and twelve synthetic ones, on every boundary day and
 * on the 1st and 15th of every month 2008–2032.
 */

const STATUSES: readonly LifecycleStatus[] = ['DRAFT', 'COMMISSIONED', 'UPCOMING', 'ACTIVE', 'EXPIRED', 'SUPERSEDED', 'WITHDRAWN', 'UNDATED'];

function sampleDays(): string[] {
  const days: string[] = [];
  for (let year = 2008; year <= 2032; year++) {
    for (let month = 1; month <= 12; month++) for (const date of ['01', '15']) days.push(`${year}-${String(month).padStart(2, '0')}-${date}`);
  }
  return days;
}

describe.each(testDatabaseKinds())('the status rule in SQL on %s', (kind) => {
  let subgraph: RunningSubgraph<PrismaClient>;
  let db: PrismaClient;
  let records: (StatusCase & { id: string })[];

  beforeAll(async () => {
    // Started as the hub starts it: migrated and seeded.
    subgraph = await startTestSubgraph(agreementsSubgraph, kind, { hopSecret: 'status-test-hop' });
    db = subgraph.client;
    for (const record of syntheticStatusCases) {
      const { name, ...facts } = record;
      await db.agreement.create({ data: { title: name, municipalityCode: '1287', ...facts } });
    }
    const select = { id: true, title: true, state: true, validFrom: true, validTo: true, signedOn: true, decidedOn: true, supersededOn: true } as const;
    const agreements = await db.agreement.findMany({ select });
    const promises = await db.citizenPromise.findMany({ select });
    records = [...agreements, ...promises].map((row) => ({ ...row, name: row.title }));
  }, 120_000);

  afterAll(() => subgraph?.close());

  /** The ids statusWhere selects, of agreements and medborgarlöften alike, sorted. */
  async function selected(status: LifecycleStatus, on: string, years: number): Promise<string[]> {
    const where = statusWhere(status, on, years);
    const agreements = await db.agreement.findMany({ where, select: { id: true } });
    const promises = await db.citizenPromise.findMany({ where: where as never, select: { id: true } });
    return [...agreements, ...promises].map((row) => row.id).sort();
  }

  const expected = (status: LifecycleStatus, on: string, years: number) =>
    records
      .filter((record) => statusOn(record, on, years) === status)
      .map((record) => record.id)
      .sort();

  it.each([1, 4, 20])('selects what statusOn says for every status on every boundary day, open ends counted as %i years', async (years) => {
    const mismatches: string[] = [];
    for (const on of boundaryDays(records, [years])) {
      for (const status of STATUSES) {
        const got = await selected(status, on, years);
        if (JSON.stringify(got) !== JSON.stringify(expected(status, on, years))) mismatches.push(`${status} on ${on}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('selects what statusOn says for the statuses of dates on the 1st and 15th of every month 2008–2032', async () => {
    const mismatches: string[] = [];
    for (const on of sampleDays()) {
      for (const status of ['UPCOMING', 'ACTIVE', 'EXPIRED', 'UNDATED'] as const) {
        if (JSON.stringify(await selected(status, on, 4)) !== JSON.stringify(expected(status, on, 4))) mismatches.push(`${status} on ${on}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('never selects a record as ACTIVE before its known start, without one, or N years after a start with no stated end', async () => {
    for (const on of boundaryDays(records, [4])) {
      const active = new Set(await selected('ACTIVE', on, 4));
      for (const record of records.filter((r) => active.has(r.id))) {
        const start = startOf(record).on;
        expect(start && formatIsoDate(start) <= on).toBeTruthy();
        if (!record.validTo) expect(on < addYearsClamped(formatIsoDate(start!), 4)).toBe(true);
        else expect(record.validTo >= isoDateToUtc(on)).toBe(true);
      }
    }
  }, 300_000);
});
