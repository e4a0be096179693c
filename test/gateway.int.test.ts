import { testDatabaseKinds } from '@samverkan/db/testing';
import { signActorHeaders, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { seedDemoData } from '../services/surveys/src/seed';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

describe.each(testDatabaseKinds())('the gateway over three subgraphs on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    await hub.actions.client.action.create({
      data: { municipalityCode: '1281', title: 'Kamerabevakning i Klostergården', status: 'ONGOING', startsOn: new Date('2019-03-01') },
    });
    await seedDemoData(hub.surveys.client, { from: 2019, to: 2019 });
  });
  afterAll(() => hub?.close());

  const query = (text: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    postGraphQL(hub.gateway.url, text, variables, headers);

  it('returns the 290 kommuner, Lund in Skåne län and region Syd, and the 7 regions with their län', async () => {
    const { body } = await query(`{
      municipalities { code }
      municipality(code: "1281") { code name county { code name } policeRegion { code } }
      policeRegions { code counties { code } }
    }`);
    expect(body.errors).toBeUndefined();
    const data = body.data as { municipalities: unknown[]; municipality: unknown; policeRegions: { code: string; counties: unknown[] }[] };
    expect(data.municipalities).toHaveLength(290);
    expect(data.municipality).toEqual({ code: '1281', name: 'Lund', county: { code: '12', name: 'Skåne län' }, policeRegion: { code: 'SYD' } });
    expect(data.policeRegions.map((r) => [r.code, r.counties.length])).toEqual([
      ['NORD', 4], ['MITT', 3], ['STOCKHOLM', 2], ['OST', 3], ['VAST', 2], ['SYD', 4], ['BERGSLAGEN', 3],
    ]);
  });

  it('answers one query from Municipality that reaches all three subgraphs', async () => {
    const { body } = await query(`{
      municipality(code: "1281") {
        name
        localPoliceAreas { name }
        actions(activeOn: "2019-06-01") { title status startsOn }
        surveyResults(indicator: "PROBLEM_INDEX", origins: [DEMO]) { year value demo survey { instrument { code } } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const municipality = (body.data as { municipality: { name: string; localPoliceAreas: unknown; actions: { title: string }[]; surveyResults: unknown } }).municipality;
    expect(municipality.name).toBe('Lund');
    expect(municipality.localPoliceAreas).toEqual([{ name: 'Lokalpolisområde Lund' }]);
    expect(municipality.actions).toContainEqual({ title: 'Kamerabevakning i Klostergården', status: 'ONGOING', startsOn: '2019-03-01' });
    const demoValue = await hub.surveys.client.surveyResult.findFirstOrThrow({ where: { areaCode: '1281', indicatorCode: 'PROBLEM_INDEX', origin: 'DEMO' } });
    expect(municipality.surveyResults).toEqual([{ year: 2019, value: demoValue.value, demo: true, survey: { instrument: { code: 'POLISEN_SYD' } } }]);
  });

  it('fetches each subgraph once for a whole region (the join is batched)', async () => {
    const before = [hub.agreements, hub.actions, hub.surveys].map((s) => s.database.statements.total);
    const { body } = await query('{ municipalities(policeRegion: "SYD") { code name actions { title } surveyResults { value } } }');
    expect(body.errors).toBeUndefined();
    expect((body.data as { municipalities: unknown[] }).municipalities).toHaveLength(58);
    const after = [hub.agreements, hub.actions, hub.surveys].map((s) => s.database.statements.total);
    expect(after.map((count, index) => count - before[index]!)).toEqual([1, 1, 1]);
  });

  it.each([
    ['an unknown kommun code', '{ municipality(code: "0000") { name } }', /No kommun has the code 0000/],
    ['a malformed date', '{ municipality(code: "1281") { actions(activeOn: "2023-02-30") { title } } }', /2023-02 has 28 days/],
    ['an unknown field', '{ municipality(code: "1281") { mayor } }', /Cannot query field "mayor"/],
  ])('answers %s with a clear error', async (_what, text, message) => {
    const { status, body } = await query(text);
    expect(status).toBeLessThan(500);
    expect(body.errors?.map((e) => e.message).join('\n')).toMatch(message);
  });

  it('passes the verified actor to the subgraphs', async () => {
    const token = await signDevelopmentToken({ role: 'kommun', subject: 'anna', municipalityCode: '1281' }, TEST_JWT_SECRET);
    const { body } = await query('{ viewer { role municipalityCode } }', {}, { authorization: `Bearer ${token}` });
    expect(body.data).toEqual({ viewer: { role: 'kommun', municipalityCode: '1281' } });
    const anonymous = await query('{ viewer { role municipalityCode } }');
    expect(anonymous.body.data).toEqual({ viewer: { role: 'anonymous', municipalityCode: null } });
  });

  it('refuses a forged or expired token with 401 and says why', async () => {
    const forged = await signDevelopmentToken({ role: 'admin', subject: 'mallory' }, 'not-the-secret');
    const { status, body } = await query('{ viewer { role } }', {}, { authorization: `Bearer ${forged}` });
    expect(status).toBe(401);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(body.errors?.[0]?.message).toMatch(/Not signed in: the token could not be verified/);
    const expired = await signDevelopmentToken({ role: 'admin', subject: 'ola' }, TEST_JWT_SECRET, '-1m');
    expect((await query('{ viewer { role } }', {}, { authorization: `Bearer ${expired}` })).body.errors?.[0]?.message).toMatch(/expired/);
  });

  it('treats a direct subgraph call with forged actor headers as anonymous', async () => {
    const forged = signActorHeaders({ role: 'admin', subject: 'mallory' }, 'guessed-secret', { subgraph: 'agreements', query: '{ viewer { role } }' });
    const { body } = await postGraphQL(hub.agreements.url, '{ viewer { role } }', {}, forged);
    expect(body.data).toEqual({ viewer: { role: 'anonymous' } });
  });

  it('reports health and readiness that reflect the subgraphs', async () => {
    const ready = await fetch(new URL('/ready', hub.gateway.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      subgraphs: { agreements: { ready: true }, actions: { ready: true }, surveys: { ready: true }, notifications: { ready: true } },
    });
  });

  it('answers malformed requests with a clear error, not a crash', async () => {
    const response = await fetch(hub.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/not valid JSON/);
  });
});

describe('readiness when a subgraph is down', () => {
  it('is 503 and names the subgraph', async () => {
    const hub = await startTestHub('pglite');
    try {
      await hub.surveys.close();
      const response = await fetch(new URL('/ready', hub.gateway.url));
      expect(response.status).toBe(503);
      const body = (await response.json()) as { subgraphs: Record<string, { ready: boolean }> };
      expect(body.subgraphs.surveys!.ready).toBe(false);
      expect(body.subgraphs.agreements!.ready).toBe(true);
    } finally {
      await hub.gateway.close();
      await Promise.all([hub.agreements.close(), hub.actions.close(), hub.notifications.close()]);
    }
  });
});
