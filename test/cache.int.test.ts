import { signDevelopmentToken } from '@samverkan/schema';
import { postPastTheGateway, startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

describe('the cache of anonymous reads', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('pglite', { responseCacheMs: 60_000 });
  }, 240_000);
  afterAll(() => hub?.close());

  const ask = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const response = await fetch(hub.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { cache: response.headers.get('x-samverkan-cache'), body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
  };
  const ACTIONS = '{ municipality(code: "1287") { actions { id title } } }';

  it('answers a repeated anonymous read from memory, and a write through the gateway empties it', async () => {
    const token = await signDevelopmentToken({ role: 'kommun', subject: 'åsa', municipalityCode: '1287' }, TEST_JWT_SECRET);
    const auth = { authorization: `Bearer ${token}` };
    const created = await ask('mutation { createAction(input: { municipalityCode: "1287", title: "Trygghetsvandring", responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "Trelleborgs kommun", lead: true }] }) { id } }', {}, auth);
    const id = (created.body.data!.createAction as { id: string }).id;

    const first = await ask(ACTIONS);
    expect(first.cache).toBeNull();
    const fetchesBefore = hub.actions.graphqlRequests;
    const second = await ask(ACTIONS);
    expect(second.cache).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(hub.actions.graphqlRequests).toBe(fetchesBefore); // no subgraph was asked

    // Signed-in callers are never answered from the cache (they may see more).
    expect((await ask(ACTIONS, {}, auth)).cache).toBeNull();

    await ask('mutation ($id: ID!) { updateAction(id: $id, version: 1, changes: { title: "Trygghetsvandring i hamnen" }) { version } }', { id }, auth);
    const after = await ask(ACTIONS);
    expect(after.cache).toBeNull();
    expect(JSON.stringify(after.body)).toContain('Trygghetsvandring i hamnen');
  });

  it('does not keep answers with errors', async () => {
    await ask('{ municipality(code: "9999") { name } }');
    expect((await ask('{ municipality(code: "9999") { name } }')).cache).toBeNull();
  });

  it('never answers from memory after a write that bypassed the gateway (an import, a second gateway)', async () => {
    const token = await signDevelopmentToken({ role: 'kommun', subject: 'britt', municipalityCode: '1283' }, TEST_JWT_SECRET);
    const created = await ask('mutation { createAction(input: { municipalityCode: "1283", title: "Grannsamverkan", visibility: PUBLIC, responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "Helsingborgs stad", lead: true }] }) { id } }', {}, { authorization: `Bearer ${token}` });
    const id = (created.body.data!.createAction as { id: string }).id;
    const READ = `{ action(id: "${id}") { title } }`;
    await ask(READ);
    expect((await ask(READ)).cache).toBe('hit');
    const query = `mutation { updateAction(id: "${id}", version: 1, changes: { title: "Grannsamverkan i Råå" }) { version } }`;
    const actor = { role: 'kommun' as const, subject: 'britt', municipalityCode: '1283' };
    expect((await postPastTheGateway(hub.actions.url, 'actions', actor, query)).body.errors).toBeUndefined();
    const after = await ask(READ);
    expect(after.cache).toBeNull();
    expect(after.body.data).toEqual({ action: { title: 'Grannsamverkan i Råå' } });
    expect((await ask(READ)).cache).toBe('hit');
  });
});

describe('identical reads in flight', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('pglite', { caches: true }); // sharing in flight (and the entity cache); the cache of anonymous answers off
  }, 240_000);
  afterAll(() => hub?.close());

  const ask = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(hub.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return { how: response.headers.get('x-samverkan-cache'), body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
  };
  const OVERVIEW = '{ municipalities(policeRegion: "SYD") { code activeAgreement(on: "2025-06-01") { title } actionCounts { ongoing } surveyStanding(indicator: "PROBLEM_INDEX", year: 2025) { value } } }';

  it('share one answer: twelve callers asking at once cost the subgraphs far fewer than twelve fetches', async () => {
    const before = hub.actions.graphqlRequests;
    const answers = await Promise.all(Array.from({ length: 12 }, () => ask(OVERVIEW)));
    const fetches = hub.actions.graphqlRequests - before;
    for (const a of answers) {
      expect(a.body.errors).toBeUndefined();
      expect(a.body).toEqual(answers[0]!.body);
    }
    expect(answers.filter((a) => a.how === 'shared').length).toBeGreaterThan(0);
    expect(fetches).toBeLessThan(12);
    // One after the other, nothing is shared: each is asked of the subgraphs.
    const alone = await ask(OVERVIEW);
    expect(alone.how).toBeNull();
  });

  it('are shared only between callers who see the same: anonymous and signed-in callers never share', async () => {
    const token = await signDevelopmentToken({ role: 'kommun', subject: 'per', municipalityCode: '1281' }, TEST_JWT_SECRET);
    const auth = { authorization: `Bearer ${token}` };
    const QUERY = '{ municipality(code: "1281") { actions { id visibility } } }';
    const [anonymous, signedIn] = await Promise.all([ask(QUERY), ask(QUERY, auth)]);
    expect(anonymous.how).toBeNull();
    expect(signedIn.how).toBeNull();
  });

  it('never give a read that begins after a write an answer that began before it', async () => {
    const token = await signDevelopmentToken({ role: 'kommun', subject: 'eva', municipalityCode: '1281' }, TEST_JWT_SECRET);
    const auth = { authorization: `Bearer ${token}` };
    const created = await ask('mutation { createAction(input: { municipalityCode: "1281", title: "Nattvandring", responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "Lunds kommun", lead: true }] }) { id } }', auth);
    const id = (created.body.data!.createAction as { id: string }).id;
    const READ = `{ action(id: "${id}") { title } }`;
    // Many reads in flight; a write completes while they run; every read that starts after it sees it.
    const early = Array.from({ length: 8 }, () => ask(READ));
    const written = await ask(`mutation { updateAction(id: "${id}", version: 1, changes: { title: "Nattvandring i centrum" }) { version } }`, auth);
    expect(written.body.errors).toBeUndefined();
    const late = await Promise.all(Array.from({ length: 8 }, () => ask(READ)));
    for (const a of late) expect(a.body.data).toEqual({ action: { title: 'Nattvandring i centrum' } });
    for (const a of await Promise.all(early)) expect(['Nattvandring', 'Nattvandring i centrum']).toContain((a.body.data!.action as { title: string }).title);
  });
});
