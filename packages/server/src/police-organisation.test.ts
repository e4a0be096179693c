import type { OrganisationSnapshot } from '@samverkan/geo';
import { organisationTtlFromEnv, remoteOrganisation } from './police-organisation';

const COPY: OrganisationSnapshot = { revision: 4, districts: [], localPoliceAreas: [], links: [] };

/** A stand-in for the agreements subgraph: answers the revision and the copy, or fails while `down`. */
function agreements() {
  const state = { revision: 4, down: false, asked: [] as string[] };
  const fetchStub = jest.fn(async (_url: string, init: RequestInit) => {
    const query = (JSON.parse(String(init.body)) as { query: string }).query;
    state.asked.push(query.includes('policeOrganisationRevision') ? 'revision' : 'copy');
    if (state.down) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const data = query.includes('policeOrganisationRevision') ? { policeOrganisationRevision: state.revision } : { policeOrganisation: { ...COPY, revision: state.revision } };
    return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
  });
  return { state, fetchStub };
}

describe('the kept copy of the police organisation', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('asks the revision once per TTL, the copy only when the revision moved, and shares a refresh', async () => {
    const { state, fetchStub } = agreements();
    global.fetch = fetchStub as unknown as typeof fetch;
    let now = 0;
    const copy = remoteOrganisation('http://agreements.test/graphql', { ttlMs: 1000, now: () => now });
    const [a, b] = await Promise.all([copy.current(), copy.current()]);
    expect(a).toBe(b);
    expect(state.asked).toEqual(['revision', 'copy']);
    now = 500;
    await copy.current();
    expect(state.asked).toHaveLength(2);
    now = 1500;
    await copy.current();
    expect(state.asked).toEqual(['revision', 'copy', 'revision']);
    state.revision = 5;
    now = 3000;
    expect((await copy.current()).revision).toBe(5);
    expect(state.asked.slice(3)).toEqual(['revision', 'copy']);
  });

  it('keeps the last copy for ten minutes while agreements is down, then fails SERVICE_UNAVAILABLE; with none, at once', async () => {
    const { state, fetchStub } = agreements();
    global.fetch = fetchStub as unknown as typeof fetch;
    let now = 0;
    const copy = remoteOrganisation('http://agreements.test/graphql', { ttlMs: 0, now: () => now });
    await copy.current();
    state.down = true;
    now = 9 * 60_000;
    expect((await copy.current()).revision).toBe(4);
    now = 11 * 60_000;
    await expect(copy.current()).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' }, message: expect.stringMatching(/agreements subgraph/) });
    const cold = remoteOrganisation('http://agreements.test/graphql', { ttlMs: 0 });
    await expect(cold.current()).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('reads its TTL from SAMVERKAN_ORGANISATION_TTL_MS', () => {
    expect(organisationTtlFromEnv({})).toBe(30_000);
    expect(organisationTtlFromEnv({ SAMVERKAN_ORGANISATION_TTL_MS: '0' })).toBe(0);
    expect(() => organisationTtlFromEnv({ SAMVERKAN_ORGANISATION_TTL_MS: 'soon' })).toThrow(/whole number/);
  });
});
