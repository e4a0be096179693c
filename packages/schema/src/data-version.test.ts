import { parseSnapshot, readDataVersion, SnapshotError } from './data-version';

/* The data version's question, on its own: what a moment may look like, and how the answer is made of the statement's row and the other state. */

/** A database that answers the statement with `changed`, recording the parameters. */
const database = (changed: boolean) => {
  const calls: unknown[][] = [];
  return {
    calls,
    $queryRawUnsafe: async <T>(_query: string, ...values: unknown[]) => {
      calls.push(values);
      return [{ snapshot: '10:12:10,11', changed }] as T;
    },
  };
};

describe('the data version', () => {
  it('reads a moment as xmin:xmax:in-progress, with other state after a bar, and refuses anything else', () => {
    expect(parseSnapshot('10:12:10,11')).toEqual({ xmax: '12', inProgress: ['10', '11'], other: null });
    expect(parseSnapshot('10:10:')).toEqual({ xmax: '10', inProgress: [], other: null });
    expect(parseSnapshot('10:12:|organisation-3')).toEqual({ xmax: '12', inProgress: [], other: 'organisation-3' });
    for (const bad of ['', '10:12', "10:12:' OR 1=1", '10:12:1,,2', 'a:b:c', '10:12:|bad state!', '1:2:3:4', '1:12345678901234567890:']) expect(() => parseSnapshot(bad)).toThrow(SnapshotError);
    expect(() => parseSnapshot(`1:2:${'1,'.repeat(40_000)}1`)).toThrow(/at most/);
  });

  it('asks about writes since the moment, and counts a change of the other state as a change', async () => {
    const unchanged = database(false);
    expect(await readDataVersion(unchanged, '10:12:11')).toEqual({ snapshot: '10:12:10,11', changed: false });
    expect(unchanged.calls[0]).toEqual(['12', '11']);
    expect(await readDataVersion(unchanged, null)).toEqual({ snapshot: '10:12:10,11', changed: true });
    expect(await readDataVersion(unchanged, '10:12:|organisation-3', 'organisation-3')).toEqual({ snapshot: '10:12:10,11|organisation-3', changed: false });
    expect(await readDataVersion(unchanged, '10:12:|organisation-3', 'organisation-4')).toEqual({ snapshot: '10:12:10,11|organisation-4', changed: true });
    expect(await readDataVersion(database(true), '10:12:|organisation-3', 'organisation-3')).toMatchObject({ changed: true });
  });
});
