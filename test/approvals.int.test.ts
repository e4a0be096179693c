import { testDatabaseKinds } from '@samverkan/db/testing';
import { type Actor, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * Through the gateway: an approval or a withdrawal names the version it acts on (a party signs only
 * what it read), and `search` text is literal (a LIKE wildcard in it matches only itself).
 */

const KOMMUN: Actor = { role: 'kommun', subject: 'trelleborg-handläggare', municipalityCode: '1287' };
const POLICE: Actor = { role: 'police', subject: 'lpo-trelleborg', localPoliceAreaId: 'trelleborg', policeRegionCode: 'SYD' };

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

describe.each(testDatabaseKinds())('approvals name their version, and search is literal, through the gateway, on %s', (kind) => {
  let hub: TestHub;
  const tokens = new Map<Actor, string>();
  beforeAll(async () => {
    hub = await startTestHub(kind, { caches: true }); // its assertions also prove the gateway's caches right
    for (const actor of [KOMMUN, POLICE]) tokens.set(actor, await signDevelopmentToken(actor, TEST_JWT_SECRET));
  });
  afterAll(() => hub?.close());

  const as = async (actor: Actor | null, query: string, variables: Record<string, unknown> = {}): Promise<Body> =>
    (await postGraphQL(hub.gateway.url, query, variables, actor ? { authorization: `Bearer ${tokens.get(actor)}` } : {})).body as Body;
  const draft = async (title: string) => {
    const body = await as(KOMMUN, `mutation ($t: String!) { createAgreementDraft(input: { title: $t, municipalityCode: "1287", localPoliceAreaIds: ["trelleborg"] }) { id version } }`, { t: title });
    return body.data!.createAgreementDraft as { id: string; version: number };
  };

  it.each([
    ['approveAgreement', 'approveAgreement(id: $id) { id }'],
    ['withdrawAgreement', 'withdrawAgreement(id: $id) { id }'],
  ])('refuses %s without the version it acts on, and changes nothing', async (_name, field) => {
    const { id } = await draft(`Utan version ${_name}`);
    const body = await as(KOMMUN, `mutation ($id: ID!) { ${field} }`, { id });
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/version/);
    const row = await hub.agreements.client.agreement.findUniqueOrThrow({ where: { id }, include: { approvals: true } });
    expect({ state: row.state, approvals: row.approvals.length }).toEqual({ state: 'DRAFT', approvals: 0 });
  });

  it.each(['approveCitizenPromise(id: $id) { id }', 'withdrawCitizenPromise(id: $id) { id }'])('refuses %s without a version', async (field) => {
    const body = await as(KOMMUN, `mutation ($id: ID!) { ${field} }`, { id: 'any' });
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses an approval of a draft the other party rewrote since the approver read it (CONFLICT), and takes one naming the current version', async () => {
    const { id, version } = await draft('Trelleborg 2033');
    const rewritten = await as(POLICE, `mutation { updateAgreementDraft(id: "${id}", version: ${version}, input: { title: "Trelleborg 2033", municipalityCode: "1287",
      localPoliceAreaIds: ["trelleborg"], purpose: "Omskrivet av polisen" }) { version } }`);
    const now = (rewritten.data!.updateAgreementDraft as { version: number }).version;
    const stale = await as(KOMMUN, `mutation { approveAgreement(id: "${id}", version: ${version}) { id } }`);
    expect(stale.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'CONFLICT', currentVersion: now }));
    expect(await hub.agreements.client.approval.count({ where: { agreementId: id } })).toBe(0);
    const current = await as(KOMMUN, `mutation { approveAgreement(id: "${id}", version: ${now}) { approvals { party } } }`);
    expect(current.errors).toBeUndefined();
    expect(current.data).toEqual({ approveAgreement: { approvals: [{ party: 'MUNICIPALITY' }] } });
  });

  it('takes search text literally: % and _ match only themselves', async () => {
    const search = async (text: string) =>
      ((await as(null, 'query ($s: String) { agreements(filter: { search: $s }) { totalCount } }', { s: text })).data!.agreements as { totalCount: number }).totalCount;
    expect(await search('%')).toBe(0);
    expect(await search('_')).toBe(0);
    expect(await search('%%')).toBe(0);
    expect(await search('\\')).toBe(0);
    expect(await search('brott')).toBeGreaterThan(0);
    const admin = await signDevelopmentToken({ role: 'admin', subject: 'förvaltare' }, TEST_JWT_SECRET);
    await draft('Trygghet till 100% i hamnen');
    const asAdmin = async (text: string) =>
      ((await postGraphQL(hub.gateway.url, 'query ($s: String) { agreements(filter: { search: $s }) { totalCount } }', { s: text }, { authorization: `Bearer ${admin}` })).body
        .data as { agreements: { totalCount: number } }).agreements.totalCount;
    expect(await asAdmin('100%')).toBe(1);
    expect(await asAdmin('10_%')).toBe(0);
  });
});
