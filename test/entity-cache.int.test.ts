import { testDatabaseKinds } from '@samverkan/db/testing';
import { signActorHeaders, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import type { RunningGateway } from '../gateway/src/gateway';
import { postPastTheGateway, startTestHub, TEST_HOP_SECRET, TEST_JWT_SECRET, type TestHub } from './support/hub';

/*
 * The gateway's entity cache (#17) through a real gateway and subgraphs: entity answers are shared
 * within an access scope (no SQL in the actions subgraph for the second analyst of a region), never
 * across scopes (a record only a kommun's users and its region's analysts may read never reaches
 * anonymous callers, whoever asked first), and never older than a write that finished before the
 * request began: through the gateway, or straight to the subgraph (as an import command or a second
 * gateway writes), which the gateway learns of only by asking each subgraph's data version.
 */

const KOMMUN = '{ municipality(code: "1281") { code actions { id title visibility } actionCounts { planned ongoing } } }';
type Answer = { municipality: { actions: { id: string; title: string; visibility: string }[] } };

describe.each(testDatabaseKinds())('the entity cache on %s', (kind) => {
  let hub: TestHub;
  let gateway: RunningGateway;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    hub = await startTestHub(kind);
    gateway = await hub.startGateway({
            responseCache: { ttlMs: 0, shareInFlight: false },
      entityCache: { maxBytes: 8 * 2 ** 20 },
    });
    tokens.kommun = await signDevelopmentToken({ role: 'kommun', subject: 'cache-lund', municipalityCode: '1281' }, TEST_JWT_SECRET);
    tokens.analystA = await signDevelopmentToken({ role: 'analyst', subject: 'cache-analyst-a', policeRegionCode: 'SYD' }, TEST_JWT_SECRET);
    tokens.analystB = await signDevelopmentToken({ role: 'analyst', subject: 'cache-analyst-b', policeRegionCode: 'SYD' }, TEST_JWT_SECRET);
    tokens.other = await signDevelopmentToken({ role: 'kommun', subject: 'cache-helsingborg', municipalityCode: '1283' }, TEST_JWT_SECRET);
  }, 240_000);
  afterAll(async () => {
    await gateway?.close();
    await hub?.close();
  });
  const ask = async (text: string, who?: string, variables: Record<string, unknown> = {}) => {
    const { body } = await postGraphQL(gateway.url, text, variables, who ? { authorization: `Bearer ${tokens[who]}` } : {});
    expect(body.errors).toBeUndefined();
    return body.data as Answer & Record<string, unknown>;
  };
  const actionsSql = () => hub.actions.database.statements.total;
  /** Lund's own write sent straight to the actions subgraph, as another gateway would send it; its answer's body. */
  const writePastTheGateway = async (query: string, variables: Record<string, unknown>) =>
    (await postPastTheGateway(hub.actions.url, 'actions', { role: 'kommun', subject: 'cache-lund', municipalityCode: '1281' }, query, variables)).body;
  let hidden = '';

  it('shares entity answers between two analysts of one region, answering the second without SQL but the data version', async () => {
    const before = actionsSql();
    const first = await ask(KOMMUN, 'analystA');
    const afterFirst = actionsSql();
    expect(afterFirst - before).toBeGreaterThan(2);
    const second = await ask(KOMMUN, 'analystB');
    expect(actionsSql()).toBe(afterFirst + 1); // the one statement of the data version
    expect(second).toEqual(first);
  });

  it("never gives one scope's entry to another, whichever asked first", async () => {
    const created = await ask(
      'mutation ($i: ActionInput!) { createAction(input: $i) { id } }',
      'kommun',
      { i: { municipalityCode: '1281', title: 'Bara för parterna', visibility: 'PARTIES', responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Lunds kommun', lead: true }] } },
    );
    hidden = (created.createAction as { id: string }).id;
    const has = (answer: Answer) => answer.municipality.actions.some((a) => a.id === hidden);
    // The analysts (who may read it) first, then callers who may not, then again.
    expect(has(await ask(KOMMUN, 'analystA'))).toBe(true);
    expect(has(await ask(KOMMUN))).toBe(false);
    expect(has(await ask(KOMMUN, 'other'))).toBe(false);
    expect(has(await ask(KOMMUN, 'kommun'))).toBe(true);
    expect(has(await ask(KOMMUN))).toBe(false);
    expect(has(await ask(KOMMUN, 'analystB'))).toBe(true);
    expect(has(await ask(KOMMUN, 'other'))).toBe(false);
  });

  it('answers after a write through the gateway with what the write changed', async () => {
    const read = async (who?: string) => (await ask(KOMMUN, who)).municipality.actions.find((a) => a.id === hidden)?.title;
    expect(await read('kommun')).toBe('Bara för parterna');
    expect(await read('analystA')).toBe('Bara för parterna');
    const sqlBefore = actionsSql();
    expect(await read('analystB')).toBe('Bara för parterna');
    expect(actionsSql()).toBe(sqlBefore + 1); // from the cache, after the data version's statement
    await ask('mutation ($id: ID!) { updateAction(id: $id, version: 1, changes: { title: "Ändrad titel", visibility: PUBLIC }) { version } }', 'kommun', { id: hidden });
    expect(await read('analystB')).toBe('Ändrad titel');
    expect(await read('kommun')).toBe('Ändrad titel');
    expect(await read()).toBe('Ändrad titel');
  });

  it('answers after a write that bypassed the gateway, straight to the subgraph, with what it changed', async () => {
    const read = async (who?: string) => (await ask(KOMMUN, who)).municipality.actions.find((a) => a.id === hidden)?.title;
    expect(await read('analystA')).toBe('Ändrad titel');
    const sqlBefore = actionsSql();
    expect(await read('analystB')).toBe('Ändrad titel');
    expect(actionsSql()).toBe(sqlBefore + 1); // cached
    // The kommun's own write, as another gateway would send it.
    const written = await writePastTheGateway('mutation ($id: ID!) { updateAction(id: $id, version: 2, changes: { title: "Skrivet förbi gatewayen" }) { version } }', { id: hidden });
    expect(written.errors).toBeUndefined();
    expect(await read('analystB')).toBe('Skrivet förbi gatewayen');
    expect(await read('analystA')).toBe('Skrivet förbi gatewayen');
    expect(await read()).toBe('Skrivet förbi gatewayen');
  });

  it('a write of the same values, straight to the subgraph, changes nothing: no new version, no history entry, and no cached answer is behind', async () => {
    const VERSIONS = '{ municipality(code: "1281") { actions { id version title } } }';
    const version = async (who: string) =>
      ((await ask(VERSIONS, who)) as unknown as { municipality: { actions: { id: string; version: number }[] } }).municipality.actions.find((a) => a.id === hidden)?.version;
    const history = async () =>
      ((await ask('query ($id: ID!) { action(id: $id) { history { operation } } }', 'kommun', { id: hidden })) as unknown as { action: { history: unknown[] } }).action.history.length;
    expect(await version('analystA')).toBe(3);
    const entries = await history();
    const answer = await writePastTheGateway('mutation ($id: ID!) { updateAction(id: $id, version: 3, changes: { title: "Skrivet förbi gatewayen", visibility: PUBLIC }) { version title } }', { id: hidden });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.updateAction).toEqual({ version: 3, title: 'Skrivet förbi gatewayen' });
    expect(await history()).toBe(entries);
    expect(await version('analystB')).toBe(3);
    expect(await version('kommun')).toBe(3);
    // The version read is still the one to write with.
    await ask('mutation ($id: ID!) { updateAction(id: $id, version: 3, changes: { title: "Nästa ändring" }) { version } }', 'kommun', { id: hidden });
    expect(await version('analystA')).toBe(4);
    expect(await history()).toBe(entries + 1);
  });

  it("asks the data version only of the subgraphs a query's plan fetches from, once the gateway has planned it", async () => {
    const COMPLIANCE = '{ compliance(on: "2025-06-01") { municipality { code } compliant } }';
    const statements = () => ({ agreements: hub.agreements.database.statements.total, actions: actionsSql(), surveys: hub.surveys.database.statements.total });
    const first = statements();
    await ask(COMPLIANCE, 'analystA'); // not planned yet: every subgraph is asked
    const second = statements();
    expect(second.agreements).toBeGreaterThan(first.agreements);
    expect(second.surveys).toBeGreaterThan(first.surveys);
    await ask(COMPLIANCE, 'analystA');
    const third = statements();
    expect(third.actions).toBeGreaterThan(second.actions);
    expect(third.agreements).toBe(second.agreements);
    expect(third.surveys).toBe(second.surveys);
  });

  it('does not answer the data version to anyone but the gateway', async () => {
    const base = new URL('/data-version', hub.actions.url);
    expect((await fetch(base)).status).toBe(403);
    const forged = signActorHeaders({ role: 'anonymous' }, 'not-the-secret', { subgraph: 'actions', query: 'GET /data-version', variables: null });
    expect((await fetch(base, { headers: forged })).status).toBe(403);
    // Signed for another subgraph: refused too.
    const elsewhere = signActorHeaders({ role: 'anonymous' }, TEST_HOP_SECRET, { subgraph: 'surveys', query: 'GET /data-version', variables: null });
    expect((await fetch(base, { headers: elsewhere })).status).toBe(403);
    const signed = signActorHeaders({ role: 'anonymous' }, TEST_HOP_SECRET, { subgraph: 'actions', query: 'GET /data-version', variables: null });
    const answer = (await (await fetch(base, { headers: signed })).json()) as { snapshot: string; changed: boolean };
    expect(answer.changed).toBe(true);
    expect(answer.snapshot).toMatch(/^\d+:\d+:/);
    // A malformed snapshot is refused, not run.
    const bad = "1:2' OR 1=1";
    const badSigned = signActorHeaders({ role: 'anonymous' }, TEST_HOP_SECRET, { subgraph: 'actions', query: 'GET /data-version', variables: { since: bad } });
    expect((await fetch(`${base}?since=${encodeURIComponent(bad)}`, { headers: badSigned })).status).toBe(400);
  });
});
