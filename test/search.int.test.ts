import { testDatabaseKinds } from '@samverkan/db/testing';
import { type Actor, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { RANKED_SQL as RANKED_ACTIONS_SQL } from '../services/actions/src/search/search';
import { rankedSql, SEARCHED_TABLES } from '../services/agreements/src/search/search';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * Swedish full-text search through the gateway: one `search` asks agreements and medborgarlöften
 * (agreements subgraph) and åtgärder (actions subgraph), each subgraph fetched once; the text is
 * literal; a hit the caller may not see is left out.
 */

const SEARCH = `query Search($text: String!, $municipality: MunicipalityCode, $policeRegion: ID, $first: Int) {
  search(text: $text, municipality: $municipality, policeRegion: $policeRegion, first: $first) {
    id text
    agreements { agreement { id title } rank snippet }
    citizenPromises { citizenPromise { id title } rank snippet }
    actions { action { id title visibility } rank snippet }
  }
}`;

interface Hits {
  id: string;
  text: string;
  agreements: { agreement: { id: string; title: string }; rank: number; snippet: string }[];
  citizenPromises: { citizenPromise: { id: string; title: string }; rank: number; snippet: string }[];
  actions: { action: { id: string; title: string; visibility: string }; rank: number; snippet: string }[];
}

/** What the index test needs of either subgraph's Prisma client. */
interface RawClient {
  $transaction<T>(run: (tx: { $executeRawUnsafe(query: string): Promise<number>; $queryRawUnsafe<R>(query: string, ...values: unknown[]): Promise<R> }) => Promise<T>): Promise<T>;
}

const LUND: Actor = { role: 'kommun', subject: 'lund-handläggare', municipalityCode: '1281' };
const TRELLEBORG: Actor = { role: 'kommun', subject: 'trelleborg-handläggare', municipalityCode: '1287' };

describe.each(testDatabaseKinds())('search through the gateway on %s', (kind) => {
  let hub: TestHub;
  const headers: Record<'lund' | 'trelleborg', Record<string, string>> = { lund: {}, trelleborg: {} };
  beforeAll(async () => {
    hub = await startTestHub(kind);
    headers.lund = { authorization: `Bearer ${await signDevelopmentToken(LUND, TEST_JWT_SECRET)}` };
    headers.trelleborg = { authorization: `Bearer ${await signDevelopmentToken(TRELLEBORG, TEST_JWT_SECRET)}` };
    const created = await postGraphQL(
      hub.gateway.url,
      `mutation {
        createAction(input: { municipalityCode: "1281", title: "Sekretessvandring kring stationen", visibility: PARTIES,
          responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "Lunds kommun", lead: true }] }) { id }
        createCitizenPromiseDraft(input: { title: "Medborgarlöfte om Väderkvarnsparken", municipalityCode: "1281", localPoliceAreaId: "lund",
          promises: [{ text: "Polisen och kommunen genomför trygghetsvandringar i Väderkvarnsparken varje kvartal." }] }) { id }
      }`,
      {},
      headers.lund,
    );
    expect(created.body.errors).toBeUndefined();
  });
  afterAll(() => hub?.close());

  const search = async (variables: Record<string, unknown>, as: Record<string, string> = {}) => {
    const { body } = await postGraphQL<{ search: Hits }>(hub.gateway.url, SEARCH, variables, as);
    expect(body.errors).toBeUndefined();
    return body.data!.search;
  };

  it('finds the ordningsvakter action of Lund by "Clemenstorget", with the match marked in its snippet', async () => {
    const result = await search({ text: 'Clemenstorget' });
    expect(result.text).toBe('Clemenstorget');
    expect(result.actions.map((hit) => hit.action.title)).toEqual(['Ordningsvakter i ett §3-område runt Lunds central']);
    expect(result.actions[0]!.snippet).toContain('«Clemenstorget»');
    expect(result.agreements).toEqual([]);
  });

  it('finds "Kamerabevakning" by "kamera", a word\'s start', async () => {
    const result = await search({ text: 'kamera' });
    expect(result.actions.map((hit) => hit.action.title)).toContain('Kamerabevakning på Klostergården');
    expect(result.actions.find((hit) => hit.action.title === 'Kamerabevakning på Klostergården')!.snippet).toContain('«Kamerabevakning»');
  });

  it('finds an agreement by a word of its text and by its fokusområden, in Swedish word forms', async () => {
    const purpose = await search({ text: 'fördjupa samarbetet' });
    expect(purpose.agreements.map((hit) => hit.agreement.id)).toContain('lund-2024');
    const focus = await search({ text: 'äldre', municipality: '1281' });
    expect(focus.agreements.map((hit) => hit.agreement.id)).toEqual(['lund-2024']);
    expect(focus.agreements[0]!.snippet).toContain('«äldre»');
  });

  it('orders hits by rank, then id, and keeps to `first`, the kommun and the region', async () => {
    const all = await search({ text: 'Lund' });
    const ranks = all.agreements.map((hit) => hit.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(all.agreements.length).toBeGreaterThan(1);
    expect((await search({ text: 'Lund', first: 1 })).agreements).toEqual([all.agreements[0]]);
    expect((await search({ text: 'Clemenstorget', municipality: '1287' })).actions).toEqual([]);
    expect((await search({ text: 'Clemenstorget', policeRegion: 'NORD' })).actions).toEqual([]);
    expect((await search({ text: 'Clemenstorget', policeRegion: 'SYD' })).actions).toHaveLength(1);
  });

  it('leaves out a PARTIES action and a draft for anonymous callers and another kommun\'s user, not for the kommun\'s own user', async () => {
    for (const as of [{}, headers.trelleborg]) {
      expect((await search({ text: 'Sekretessvandring' }, as)).actions).toEqual([]);
      expect((await search({ text: 'Väderkvarnsparken' }, as)).citizenPromises).toEqual([]);
    }
    const own = await search({ text: 'Sekretessvandring' }, headers.lund);
    expect(own.actions.map((hit) => [hit.action.title, hit.action.visibility])).toEqual([['Sekretessvandring kring stationen', 'PARTIES']]);
    // Found through one of its löften, with that löfte as the snippet.
    const promise = await search({ text: 'trygghetsvandringar Väderkvarnsparken' }, headers.lund);
    expect(promise.citizenPromises.map((hit) => hit.citizenPromise.title)).toEqual(['Medborgarlöfte om Väderkvarnsparken']);
    expect(promise.citizenPromises[0]!.snippet).toContain('«Väderkvarnsparken»');
  });

  it('reads further pages of matches when the best ones are hidden from the caller', async () => {
    // 60 PARTIES actions rank above the one PUBLIC action (their title matches; its description does): more than a page.
    await hub.actions.client.action.createMany({
      data: [
        ...Array.from({ length: 60 }, (_, i) => ({ municipalityCode: '1281', title: `Nattvandring ${i + 1}`, visibility: 'PARTIES' as const })),
        { municipalityCode: '1281', title: 'Föräldrar ute på kvällarna', description: 'Nattvandring i centrum.', visibility: 'PUBLIC' as const },
      ],
    });
    expect((await search({ text: 'nattvandring', first: 1 })).actions.map((hit) => hit.action.title)).toEqual(['Föräldrar ute på kvällarna']);
    expect((await search({ text: 'nattvandring', first: 100 }, headers.lund)).actions).toHaveLength(61);
    expect((await search({ text: 'nattvandring', first: 100 })).actions).toHaveLength(1);
  });

  it('takes the text literally: wildcards and tsquery operators neither widen, negate nor break the search', async () => {
    for (const text of ['%', '_', '%%', '&', '|', '!', '():*', '<->', '\'', '"', '\\']) {
      const result = await search({ text });
      expect([result.agreements, result.citizenPromises, result.actions]).toEqual([[], [], []]);
    }
    // `!` does not negate, `|` does not make "either", `:*` and quotes are only separators.
    expect((await search({ text: '!kamera' })).actions.map((hit) => hit.action.title)).toContain('Kamerabevakning på Klostergården');
    expect((await search({ text: 'kamera | Clemenstorget' })).actions).toEqual([]);
    expect((await search({ text: '\'Clemens\':* & (central' })).actions).toHaveLength(1);
    expect((await search({ text: 'Clemens%' })).actions).toHaveLength(1);
    expect((await search({ text: 'C_emenstorget' })).actions).toEqual([]);
  });

  it('refuses a text over 200 characters and a `first` over 100', async () => {
    for (const variables of [{ text: 'x'.repeat(201) }, { text: 'kamera', first: 101 }, { text: 'kamera', policeRegion: 'NOWHERE' }]) {
      const { body } = await postGraphQL(hub.gateway.url, SEARCH, variables);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('asks each subgraph once for all three kinds, and the surveys subgraph not at all', async () => {
    const parts = [hub.agreements, hub.actions, hub.surveys];
    const before = parts.map((part) => part.graphqlRequests);
    const result = await search({ text: 'Clemenstorget' });
    expect(result.actions).toHaveLength(1);
    expect(parts.map((part, i) => part.graphqlRequests - before[i]!)).toEqual([1, 1, 0]);
  });

  it('matches on each table through its GIN index (the query repeats the index\'s expression)', async () => {
    // Without sequential scans the planner takes the index whenever the expression is the index's.
    const plan = async (db: RawClient, sql: string) =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, 'kamera:*', null, '', 20, 0);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
    for (const table of SEARCHED_TABLES) expect(await plan(hub.agreements.client, rankedSql([table]))).toContain(`${table.table}_search_idx`);
    expect(await plan(hub.actions.client, RANKED_ACTIONS_SQL)).toContain('Action_search_idx');
  });
});
