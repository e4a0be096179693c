import { testDatabaseKinds } from '@samverkan/db/testing';
import { municipalities } from '@samverkan/geo';
import { type Actor, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * Pages of åtgärder (#16): every kommun's actions, imported in one request, walked page by page
 * through the gateway — the whole hub's list with pages that cross kommun borders, and each kommun's
 * own — each action arriving exactly once, in order, with the total; rows written during a walk
 * neither repeat nor hide earlier ones; bad `first` and `after` refused; a kommun user walks only
 * what they may read.
 */

const ADMIN: Actor = { role: 'admin', subject: 'pages-admin' };
const LUND: Actor = { role: 'kommun', subject: 'lund-pages', municipalityCode: '1281' };
const PER_KOMMUN = 3;

interface Page {
  edges: { cursor: string; node: { id: string; startsOn: string | null; municipality: { code: string } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const NODE = 'edges { cursor node { id startsOn municipality { code } } } pageInfo { hasNextPage endCursor } totalCount';
const ROOT = `query Root($first: Int, $after: String, $filter: ActionListFilter) { actions(first: $first, after: $after, filter: $filter) { ${NODE} } }`;
const OF_KOMMUN = `query OfKommun($code: ID!, $first: Int, $after: String) { municipality(code: $code) { actionsConnection(first: $first, after: $after) { ${NODE} } } }`;

/** Three actions per kommun: two on a start date many share, one without a start; the third shared with the parties only. Ten kommuner a file. */
function csvFiles(): string[] {
  const header = 'municipality,externalId,title,description,focusArea,origin,status,visibility,place,latitude,longitude,method,startsOn,endsOn,responsible';
  const files: string[][] = [];
  municipalities.forEach((m, index) => {
    if (index % 10 === 0) files.push([header]);
    const lines = files.at(-1)!;
    for (let n = 0; n < PER_KOMMUN; n++) {
      const startsOn = n === 0 ? '2025-03-01' : n === 1 ? `2025-0${1 + (index % 9)}-15` : '';
      const visibility = n === 2 ? 'PARTIES' : 'PUBLIC';
      lines.push(`${m.code},pages-${n},Åtgärd ${n + 1} i ${m.name},,,,PLANNED,${visibility},,,,,${startsOn},,MUNICIPAL_DEPARTMENT:${m.name} kommun:lead`);
    }
  });
  return files.map((lines) => lines.join('\n'));
}

/** Start dates in the list's order: by date, those without one last (ISO dates sort as text). */
const orderKey = (node: Page['edges'][number]['node']) => `${node.startsOn ?? '9999-99-99'}|${node.id}`;

describe.each(testDatabaseKinds())('pages of åtgärder on %s', (kind) => {
  let hub: TestHub;
  const headers = new Map<Actor, Record<string, string>>();
  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const actor of [ADMIN, LUND]) headers.set(actor, { authorization: `Bearer ${await signDevelopmentToken(actor, TEST_JWT_SECRET)}` });
    let inserted = 0;
    // As `npm run onboard` sends a file: a few kommuner a request (each kommun its own transaction).
    for (const csv of csvFiles()) {
      const { body } = await postGraphQL<{ importActionRecords: { inserted: number; refused: { path: string; message: string }[] } }>(
        hub.gateway.url,
        'mutation Import($csv: String!) { importActionRecords(fileName: "pages.csv", csv: $csv) { inserted refused { path message } } }',
        { csv },
        headers.get(ADMIN),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.importActionRecords.refused).toEqual([]);
      inserted += body.data!.importActionRecords.inserted;
    }
    expect(inserted).toBe(municipalities.length * PER_KOMMUN);
  }, 600_000);
  afterAll(() => hub?.close());

  const query = async <Data>(actor: Actor | null, text: string, variables: Record<string, unknown>) => {
    const { body } = await postGraphQL<Data>(hub.gateway.url, text, variables, actor ? headers.get(actor) : {});
    return body;
  };

  /** Walks a list to its end; `between` runs after each page. */
  const walk = async (actor: Actor | null, page: (after: string | null) => Promise<Page>, between?: (pageNumber: number) => Promise<void>) => {
    const nodes: Page['edges'][number]['node'][] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let pageNumber = 1; ; pageNumber++) {
      const current = await page(after);
      totals.add(current.totalCount);
      nodes.push(...current.edges.map((edge) => edge.node));
      if (current.edges.length) expect(current.pageInfo.endCursor).toBe(current.edges.at(-1)!.cursor);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
      await between?.(pageNumber);
      expect(pageNumber).toBeLessThan(10_000);
    }
    return { nodes, totals: [...totals] };
  };

  const rootPage = (actor: Actor | null, first: number, filter?: Record<string, unknown>) => async (after: string | null) => {
    const body = await query<{ actions: Page }>(actor, ROOT, { first, after, filter });
    expect(body.errors).toBeUndefined();
    return body.data!.actions;
  };

  const stored = () => hub.actions.client.action.findMany({ select: { id: true, municipalityCode: true, visibility: true } });

  test('an administrator walks every kommun\'s actions, 37 at a time, each once, in order, with the total', async () => {
    const all = await stored();
    expect(new Set(all.map((a) => a.municipalityCode)).size).toBe(municipalities.length);
    const { nodes, totals } = await walk(ADMIN, rootPage(ADMIN, 37));
    expect(totals).toEqual([all.length]);
    expect(nodes).toHaveLength(all.length);
    expect(new Set(nodes.map((n) => n.id))).toEqual(new Set(all.map((a) => a.id)));
    const keys = nodes.map(orderKey);
    expect(keys).toEqual([...keys].sort());
    // Pages cross kommun borders: a page of 37 holds several kommuner.
    expect(new Set(nodes.slice(0, 37).map((n) => n.municipality.code)).size).toBeGreaterThan(1);
  }, 600_000);

  test('each kommun\'s own list, 2 at a time, holds exactly its actions', async () => {
    const all = await stored();
    for (const m of municipalities) {
      const { nodes, totals } = await walk(ADMIN, async (after) => {
        const body = await query<{ municipality: { actionsConnection: Page } }>(ADMIN, OF_KOMMUN, { code: m.code, first: 2, after });
        expect(body.errors).toBeUndefined();
        return body.data!.municipality.actionsConnection;
      });
      const own = all.filter((a) => a.municipalityCode === m.code).map((a) => a.id);
      expect(totals).toEqual([own.length]);
      expect(nodes.map((n) => n.id).sort()).toEqual(own.sort());
    }
  }, 600_000);

  test('actions written during a walk neither repeat nor hide the rows before them', async () => {
    const before = await stored();
    const written: { id: string; startsOn: string }[] = [];
    const create = async (startsOn: string) => {
      const body = await query<{ createAction: { id: string } }>(
        LUND,
        'mutation New($input: ActionInput!) { createAction(input: $input) { id } }',
        { input: { municipalityCode: '1281', title: `Ny under genomgången ${startsOn}`, startsOn, responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Lunds kommun', lead: true }] } },
      );
      expect(body.errors).toBeUndefined();
      written.push({ id: body.data!.createAction.id, startsOn });
    };
    // After the second page: one action far before the walk's position, one on its shared date, one after all dated ones.
    const { nodes } = await walk(ADMIN, rootPage(ADMIN, 37), async (pageNumber) => {
      if (pageNumber === 2) for (const day of ['2000-01-01', '2025-03-01', '2031-12-31']) await create(day);
    });
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of before) expect(ids).toContain(row.id);
    expect(ids).not.toContain(written[0]!.id);
    expect(ids).toContain(written[2]!.id);
    expect(ids.length).toBeLessThanOrEqual(before.length + written.length);
  }, 600_000);

  test('a bad `first` or `after` is refused with a message that says why', async () => {
    for (const first of [0, -1, 501]) {
      const body = await query(ADMIN, ROOT, { first });
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringContaining('`first` must be between 1 and 500'), extensions: { code: 'BAD_USER_INPUT' } });
    }
    const agreements = await query<{ agreements: { pageInfo: { endCursor: string } } }>(ADMIN, '{ agreements(first: 1) { pageInfo { endCursor } } }', {});
    const otherList = agreements.data!.agreements.pageInfo.endCursor;
    for (const after of ['not a cursor', 'bm9wZQ', otherList, Buffer.from('actions:[1]').toString('base64url'), Buffer.from('actions:["x",null]').toString('base64url')]) {
      const body = await query(ADMIN, ROOT, { first: 5, after });
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringContaining('`after` is not a cursor of this list'), extensions: { code: 'BAD_USER_INPUT' } });
    }
    const region = await query(ADMIN, ROOT, { first: 5, filter: { policeRegion: 'NOPE' } });
    expect(region.errors?.[0]).toMatchObject({ message: expect.stringContaining('not a polisregion code'), extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('a kommun user walks the public actions and their own kommun\'s, and the total counts only those', async () => {
    const all = await stored();
    const readable = all.filter((a) => a.visibility === 'PUBLIC' || a.municipalityCode === '1281').map((a) => a.id);
    expect(readable.length).toBeLessThan(all.length);
    const { nodes, totals } = await walk(LUND, rootPage(LUND, 50));
    expect(totals).toEqual([readable.length]);
    expect(nodes.map((n) => n.id).sort()).toEqual(readable.sort());
    // Anonymous callers: the public ones only; in region Syd, filtered in SQL.
    const publicSyd = await walk(null, rootPage(null, 100, { policeRegion: 'SYD' }));
    const syd = new Set(municipalities.filter((m) => m.policeRegionCode === 'SYD').map((m) => m.code));
    const expected = all.filter((a) => a.visibility === 'PUBLIC' && syd.has(a.municipalityCode)).map((a) => a.id);
    expect(publicSyd.totals).toEqual([expected.length]);
    expect(publicSyd.nodes.map((n) => n.id).sort()).toEqual(expected.sort());
  }, 600_000);
});
