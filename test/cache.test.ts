import { signDevelopmentToken } from '@samverkan/schema';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

describe('the cache of anonymous reads', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('pglite', { responseCacheMs: 60_000 });
  });
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
});
