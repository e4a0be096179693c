import { signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { startHiveGateway } from '../gateway/src/hive-gateway';
import { seedDemoData } from '../services/surveys/src/seed';
import { startTestHub, TEST_HOP_SECRET, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * The committed supergraph runs unchanged on Hive Gateway (the benchmark's peer, and a production
 * router for a hub that outgrows one machine): the same questions get the same answers as through
 * our own gateway, from the same subgraphs.
 */
describe('the committed supergraph on Hive Gateway', () => {
  let hub: TestHub;
  let hive: Awaited<ReturnType<typeof startHiveGateway>>;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    await seedDemoData(hub.surveys.client);
    hive = await startHiveGateway({
      subgraphUrls: { agreements: hub.agreements.url, actions: hub.actions.url, surveys: hub.surveys.url },
      hopSecret: TEST_HOP_SECRET,
      tokens: { secret: TEST_JWT_SECRET },
    });
  });
  afterAll(async () => {
    await hive?.close();
    await hub?.close();
  });

  const QUESTIONS: Record<string, [string, Record<string, unknown>?]> = {
    'the region overview of Syd (three subgraphs)': [
      `query Overview($on: Date = "2025-06-01") {
        municipalities(policeRegion: "SYD") {
          code name
          activeAgreement(on: $on) { id title focusAreas { focusArea { code name } } }
          compliance(on: $on) { compliant hasCurrentSituationReport ongoingActions overdueActions }
          actionCounts { focusArea { code } ongoing done }
          surveyStanding(indicator: "PROBLEM_INDEX", year: 2025, baseYear: 2016, origins: [DEMO]) { value rank rankOf changeFromPreviousYear changeFromBaseYear }
        }
      }`,
    ],
    "one kommun's detail, from an agreement to its actions": [
      `query Kommun($code: ID!) {
        municipality(code: $code) {
          name county { name } localPoliceAreas { name }
          activeAgreement(on: "2025-06-01") { title focusAreas { title focusArea { code actions(municipality: "1281") { title status } } } }
          actions { title status followUps { date outcome } }
          surveyResults(indicator: "PROBLEM_INDEX", origins: [DEMO]) { year value }
        }
      }`,
      { code: '1281' },
    ],
    'a ranking across instruments': [
      `{ indicatorComparison(indicator: "PROBLEM_INDEX", year: 2024, policeRegion: "SYD", origins: [DEMO]) {
          median rows { area { code name } value rank percentile } } }`,
    ],
  };

  it.each(Object.entries(QUESTIONS))('answers %s as our gateway does', async (_name, [query, variables]) => {
    const ours = await postGraphQL(hub.gateway.url, query, variables);
    const theirs = await postGraphQL(hive.url, query, variables);
    expect(ours.body.errors).toBeUndefined();
    expect(theirs.body.errors).toBeUndefined();
    expect(theirs.body.data).toEqual(ours.body.data);
    expect(JSON.stringify(ours.body.data).length).toBeGreaterThan(200);
  });

  it('passes a subgraph\'s refusal on', async () => {
    const theirs = await postGraphQL(hive.url, '{ indicatorComparison(indicator: "NO_SUCH", year: 2024, policeRegion: "SYD") { median } }');
    expect(theirs.body.errors?.[0]?.message).toMatch(/NO_SUCH/);
  });

  it('knows a signed-in caller as our gateway does: who is asking, their drafts, their writes', async () => {
    const token = await signDevelopmentToken({ role: 'kommun', subject: 'lena', municipalityCode: '1281' }, TEST_JWT_SECRET);
    const auth = { authorization: `Bearer ${token}` };
    const viewer = '{ viewer { role municipalityCode } }';
    expect((await postGraphQL(hive.url, viewer, {}, auth)).body.data).toEqual({ viewer: { role: 'kommun', municipalityCode: '1281' } });
    expect((await postGraphQL(hive.url, viewer)).body.data).toEqual({ viewer: { role: 'anonymous', municipalityCode: null } });
    const created = await postGraphQL<{ createAction: { title: string; visibility: string } }>(
      hive.url,
      'mutation ($i: ActionInput!) { createAction(input: $i) { title visibility } }',
      { i: { municipalityCode: '1281', title: 'Trygghetsvandring genom Hive', visibility: 'PARTIES', responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Lunds kommun', lead: true }] } },
      auth,
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data).toEqual({ createAction: { title: 'Trygghetsvandring genom Hive', visibility: 'PARTIES' } });
    // The PARTIES action is the kommun's: its user sees it through Hive, the anonymous do not.
    const titles = async (headers: Record<string, string>) =>
      ((await postGraphQL<{ municipality: { actions: { title: string }[] } }>(hive.url, '{ municipality(code: "1281") { actions { title } } }', {}, headers)).body.data?.municipality.actions ?? []).map((a) => a.title);
    expect(await titles(auth)).toContain('Trygghetsvandring genom Hive');
    expect(await titles({})).not.toContain('Trygghetsvandring genom Hive');
  });

  it('refuses a token that is present but not valid, as our gateway does', async () => {
    const forged = await signDevelopmentToken({ role: 'admin', subject: 'mallory' }, 'a-guessed-secret');
    const { status, body } = await postGraphQL(hive.url, '{ viewer { role } }', {}, { authorization: `Bearer ${forged}` });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
