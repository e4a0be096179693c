import { type Connection, DEFAULT_PAGE_SIZE, Keyset, MAX_PAGE_SIZE, pageSize } from './connection';

interface Row {
  id: string;
  startsOn: Date | null;
  n: number;
}

const keyset = new Keyset<Row>('rows', [
  { field: 'startsOn', direction: 'asc', nulls: 'last' },
  { field: 'id', direction: 'asc' },
]);

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
const rows: Row[] = [
  { id: 'b', startsOn: day('2025-03-01'), n: 1 },
  { id: 'a', startsOn: day('2025-03-01'), n: 2 },
  { id: 'c', startsOn: null, n: 3 },
  { id: 'd', startsOn: day('2024-01-01'), n: 4 },
  { id: 'e', startsOn: null, n: 5 },
];

describe('pages (connections)', () => {
  it('takes the default page size, and refuses sizes outside 1–500 by name', () => {
    expect(pageSize(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    for (const first of [0, -3, MAX_PAGE_SIZE + 1, 1.5]) expect(() => pageSize(first)).toThrow(/`first` must be between 1 and 500/);
  });

  it('gives back the sort values a cursor holds, dates and nulls included', () => {
    expect(keyset.valuesOf(keyset.cursorOf(rows[0]!))).toEqual([day('2025-03-01'), 'b']);
    expect(keyset.valuesOf(keyset.cursorOf(rows[2]!))).toEqual([null, 'c']);
  });

  it.each([
    ['not base64url', 'a b'],
    ['another list', Buffer.from('other:[null,"a"]').toString('base64url')],
    ['no JSON', Buffer.from('rows:[').toString('base64url')],
    ['too few values', Buffer.from('rows:["a"]').toString('base64url')],
    ['a null id', Buffer.from('rows:[null,null]').toString('base64url')],
    ['an object', Buffer.from('rows:[{"x":1},"a"]').toString('base64url')],
    ['a bad date', Buffer.from('rows:[{"d":"never"},"a"]').toString('base64url')],
  ])('refuses a cursor with %s', (_why, cursor) => {
    expect(() => keyset.valuesOf(cursor)).toThrow(/`after` is not a cursor of this list \(rows\)/);
  });

  it('asks the database for the rows after a dated row: later dates, the same date with a greater id, and the undated', () => {
    expect(keyset.after([day('2025-03-01'), 'a'])).toEqual({
      OR: [{ AND: [{ OR: [{ startsOn: { gt: day('2025-03-01') } }, { startsOn: null }] }] }, { AND: [{ startsOn: day('2025-03-01') }, { id: { gt: 'a' } }] }],
    });
  });

  it('after an undated row, asks only for undated rows with a greater id', () => {
    expect(keyset.after([null, 'c'])).toEqual({ OR: [{ AND: [{ startsOn: null }, { id: { gt: 'c' } }] }] });
  });

  it('orders by descending keys with their nulls where asked', () => {
    const newest = new Keyset<Row>('newest', [
      { field: 'startsOn', direction: 'desc', nulls: 'last' },
      { field: 'id', direction: 'asc' },
    ]);
    expect(newest.orderBy()).toEqual([{ startsOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }]);
    expect(newest.after([day('2025-03-01'), 'b']).OR).toContainEqual({ AND: [{ OR: [{ startsOn: { lt: day('2025-03-01') } }, { startsOn: null }] }] });
    const walked = newest.pageOf(rows, { first: 10 }).edges.map((edge) => edge.node.id);
    expect(walked).toEqual(['a', 'b', 'd', 'c', 'e']);
  });

  it('walks a list in memory page by page, each row once, with the total on every page', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Connection<(typeof rows)[number]> = keyset.pageOf(rows, { first: 2, after });
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['d', 'a', 'b', 'c', 'e']);
  });
});
