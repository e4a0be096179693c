import { testDatabaseKinds } from '@samverkan/db/testing';
import { type Actor, signActorHeaders, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { startHubSubgraph, startTestHub, subgraphDefinition, TEST_HOP_SECRET, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * Every kommun can record its agreement from day one: where no lokalpolisområde is registered for a
 * kommun (Kiruna in Norrbotten, Stockholm), the police party is its polisregion, and police of that
 * region approve; police of another region cannot. Once a lokalpolisområde is registered, a new
 * region-level draft is refused naming it, and the older agreement stays signed. The other
 * subgraphs read police coverage from their copy of the organisation, also while agreements is away.
 */

type Who = 'kiruna' | 'stockholm' | 'gallivare' | 'nord' | 'district' | 'stockholmPolice' | 'syd' | 'lund' | 'unknownLpo';
const ACTORS: Record<Who, Exclude<Actor, { role: 'anonymous' }>> = {
  kiruna: { role: 'kommun', subject: 'kiruna-handläggare', municipalityCode: '2584' },
  stockholm: { role: 'kommun', subject: 'stockholm-handläggare', municipalityCode: '0180' },
  gallivare: { role: 'kommun', subject: 'gällivare-handläggare', municipalityCode: '2523' },
  district: { role: 'police', subject: 'polisområde-test', policeRegionCode: 'NORD', policeDistrictId: 'nord-test' },
  nord: { role: 'police', subject: 'polis-nord', policeRegionCode: 'NORD' },
  stockholmPolice: { role: 'police', subject: 'polis-stockholm', policeRegionCode: 'STOCKHOLM' },
  syd: { role: 'police', subject: 'polis-syd', policeRegionCode: 'SYD' },
  lund: { role: 'police', subject: 'lpo-lund', policeRegionCode: 'SYD', localPoliceAreaId: 'lund' },
  unknownLpo: { role: 'police', subject: 'lpo-okänt', policeRegionCode: 'NORD', localPoliceAreaId: 'lund' },
};

const PARTY = 'policeParty { __typename ... on PoliceRegion { code } ... on LocalPoliceArea { id } ... on PoliceDistrict { id } }';

describe.each(testDatabaseKinds())('every kommun from day one, through the gateway, on %s', (kind) => {
  let hub: TestHub;
  const tokens = new Map<Who, string>();
  const ttl = process.env.SAMVERKAN_ORGANISATION_TTL_MS;
  beforeAll(async () => {
    // Every police request asks agreements for the organisation's revision: the copy is tested as it is refreshed.
    process.env.SAMVERKAN_ORGANISATION_TTL_MS = '0';
    hub = await startTestHub(kind);
    for (const [who, actor] of Object.entries(ACTORS)) tokens.set(who as Who, await signDevelopmentToken(actor, TEST_JWT_SECRET));
  });
  afterAll(async () => {
    if (ttl === undefined) delete process.env.SAMVERKAN_ORGANISATION_TTL_MS;
    else process.env.SAMVERKAN_ORGANISATION_TTL_MS = ttl;
    await hub?.close();
  });

  const as = <Data = Record<string, unknown>>(who: Who | null, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL<Data>(hub.gateway.url, query, variables, who ? { authorization: `Bearer ${tokens.get(who)}` } : {});

  const draft = async (who: Who, input: string) => {
    const { body } = await as<{ createAgreementDraft: { id: string; version: number } }>(who, `mutation { createAgreementDraft(input: ${input}) { id version ${PARTY} } }`);
    return body;
  };
  const approve = (who: Who, id: string, version: number) => as<{ approveAgreement: { state: string; version: number } }>(who, `mutation { approveAgreement(id: "${id}", version: ${version}) { version status(on: "2026-06-01") } }`);
  const status = async (id: string) => {
    const { body } = await as<{ agreement: { status: string } | null }>(null, `{ agreement(id: "${id}") { status(on: "2026-06-01") } }`);
    return body.data?.agreement?.status ?? null;
  };

  it('shows a police user the unit the token names, and none for a unit outside its region', async () => {
    const viewer = async (who: Who) => (await as<{ viewer: { policeUnit: unknown } }>(who, '{ viewer { role policeRegionCode policeUnit { __typename ... on PoliceRegion { code } ... on LocalPoliceArea { id } } } }')).body.data!.viewer;
    expect(await viewer('nord')).toEqual({ role: 'police', policeRegionCode: 'NORD', policeUnit: { __typename: 'PoliceRegion', code: 'NORD' } });
    expect((await viewer('lund')).policeUnit).toEqual({ __typename: 'LocalPoliceArea', id: 'lund' });
    expect((await viewer('unknownLpo')).policeUnit).toBeNull();
    expect((await viewer('kiruna')).policeUnit).toBeNull();
  });

  let kirunaAgreement = '';
  it.each([
    ['Kiruna (2584, Norrbotten)', 'kiruna', '2584', 'NORD', 'nord', ['syd', 'stockholmPolice', 'unknownLpo']],
    ['Stockholm (0180)', 'stockholm', '0180', 'STOCKHOLM', 'stockholmPolice', ['nord', 'lund']],
  ] as const)('%s drafts with its polisregion, which alone approves for the police', async (_name, kommun, code, region, police, others) => {
    const created = await draft(kommun, `{ title: "Samverkansöverenskommelse ${code}", municipalityCode: "${code}", policeRegion: "${region}", validFrom: "2026-01-01", validTo: "2027-12-31" }`);
    expect(created.errors).toBeUndefined();
    const { id, version } = created.data!.createAgreementDraft;
    expect(created.data!.createAgreementDraft).toMatchObject({ policeParty: { __typename: 'PoliceRegion', code: region } });
    const kommunSide = await approve(kommun, id, version);
    expect(kommunSide.body.errors).toBeUndefined();
    for (const other of others) {
      const refused = await approve(other, id, version + 1);
      // Police of another region (or of an area they do not have) may not even read the draft.
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const policeSide = await approve(police, id, version + 1);
    expect(policeSide.body.errors).toBeUndefined();
    expect(policeSide.body.data!.approveAgreement).toMatchObject({ status: 'ACTIVE' });
    if (code === '2584') kirunaAgreement = id;
  });

  it('refuses a police party that does not cover the kommun, naming the one that does', async () => {
    const lpo = await draft('kiruna', '{ title: "Fel part", municipalityCode: "2584", localPoliceAreaIds: ["lund"] }');
    expect(lpo.errors?.[0]?.message).toMatch(/Lokalpolisområde Lund does not cover kommun 2584 on .*polisregion NORD \(policeRegion: "NORD"\)/);
    const otherRegion = await draft('kiruna', '{ title: "Fel region", municipalityCode: "2584", policeRegion: "SYD" }');
    expect(otherRegion.errors?.[0]?.message).toMatch(/Kommun 2584 \(Kiruna\) lies in polisregion NORD, not in SYD/);
    const both = await draft('kiruna', '{ title: "Två parter", municipalityCode: "2584", policeRegion: "NORD", localPoliceAreaIds: ["lund"] }');
    expect(both.errors?.[0]?.message).toMatch(/one kind of police party/);
  });

  it('once a lokalpolisområde covers the kommun, refuses a new region-level draft naming it; the older agreement stays signed', async () => {
    const db = hub.agreements.client;
    await db.localPoliceArea.create({ data: { id: 'kiruna', name: 'Lokalpolisområde Kiruna', policeRegionCode: 'NORD', validFrom: new Date('2026-03-01') } });
    await db.localPoliceAreaMunicipality.create({ data: { localPoliceAreaId: 'kiruna', municipalityCode: '2584', validFrom: new Date('2026-03-01') } });
    await db.organisationRevision.upsert({ where: { id: 1 }, create: { id: 1, revision: 1 }, update: { revision: { increment: 1 } } });

    const regional = await draft('kiruna', '{ title: "Ny överenskommelse", municipalityCode: "2584", policeRegion: "NORD", validFrom: "2026-06-01" }');
    expect(regional.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(regional.errors?.[0]?.message).toMatch(/Polisregion NORD signs only for kommuner no lokalpolisområde covers; on 2026-06-01 kommun 2584 is covered by Lokalpolisområde Kiruna \(localPoliceAreaIds: \["kiruna"\]\)/);
    // Before the area's first day the region still signs.
    expect((await draft('kiruna', '{ title: "Före omorganisationen", municipalityCode: "2584", policeRegion: "NORD", validFrom: "2026-02-01", validTo: "2026-02-27" }')).errors).toBeUndefined();
    const local = await draft('kiruna', '{ title: "Med lokalpolisområdet", municipalityCode: "2584", localPoliceAreaIds: ["kiruna"], validFrom: "2028-01-01" }');
    expect(local.errors).toBeUndefined();
    expect(local.data!.createAgreementDraft).toMatchObject({ policeParty: { __typename: 'LocalPoliceArea', id: 'kiruna' } });
    expect(await status(kirunaAgreement)).toBe('ACTIVE');
  });

  it('lets police of a polisområde sign for a kommun it covers, and no one else for the police', async () => {
    // A made-up polisområde (no source names one), registered in the test's database.
    const db = hub.agreements.client;
    await db.policeDistrict.create({ data: { id: 'nord-test', name: 'Polisområde Test', policeRegionCode: 'NORD' } });
    await db.policeDistrictMunicipality.create({ data: { policeDistrictId: 'nord-test', municipalityCode: '2523' } });
    await db.organisationRevision.upsert({ where: { id: 1 }, create: { id: 1, revision: 1 }, update: { revision: { increment: 1 } } });
    const viewer = await as<{ viewer: { policeUnit: unknown } }>('district', '{ viewer { policeUnit { __typename ... on PoliceDistrict { id } } } }');
    expect(viewer.body.data!.viewer.policeUnit).toEqual({ __typename: 'PoliceDistrict', id: 'nord-test' });
    const created = await draft('gallivare', '{ title: "Gällivare", municipalityCode: "2523", policeDistrict: "nord-test", validFrom: "2026-01-01" }');
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAgreementDraft).toMatchObject({ policeParty: { __typename: 'PoliceDistrict', id: 'nord-test' } });
    const { id, version } = created.data!.createAgreementDraft;
    // The region's police read the draft (no lokalpolisområde covers Gällivare) but are not its party.
    expect((await approve('nord', id, version)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await approve('district', id, version)).body.errors).toBeUndefined();
    expect((await approve('gallivare', id, version + 1)).body.data!.approveAgreement).toMatchObject({ status: 'ACTIVE' });
  });

  it('lets actions answer police from its copy of the organisation, also with agreements stopped', async () => {
    const input = '{ municipalityCode: "0180", title: "Samordnad lägesbild city", visibility: PARTIES, responsible: [{ kind: POLICE, name: "Polisregion Stockholm", lead: true }] }';
    const created = await as<{ createAction: { id: string } }>('stockholmPolice', `mutation { createAction(input: ${input}) { id } }`);
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data!.createAction.id;
    const read = (who: Who) => as<{ action: { id: string } | null }>(who, `{ action(id: "${id}") { id } }`);
    expect((await read('stockholmPolice')).body.data?.action).toEqual({ id });
    expect((await read('nord')).body.data?.action).toBeNull();

    // Agreements goes away; actions keeps its last copy (for up to ten minutes).
    const close = hub.agreements.close;
    await close();
    hub.agreements.close = async () => {};
    expect((await read('stockholmPolice')).body.data?.action).toEqual({ id });
    expect((await read('nord')).body.data?.action).toBeNull();

    // An actions subgraph that never had a copy: police reads see no PARTIES records, police writes are SERVICE_UNAVAILABLE naming agreements.
    const cold = await startHubSubgraph(subgraphDefinition('actions'), kind, { hopSecret: TEST_HOP_SECRET, peerUrls: { agreements: hub.agreements.url } });
    try {
      const mutation = `mutation { createAction(input: ${input}) { id } }`;
      const headers = signActorHeaders(ACTORS.stockholmPolice, TEST_HOP_SECRET, { subgraph: 'actions', query: mutation });
      const write = await postGraphQL(cold.url, mutation, {}, headers);
      expect(write.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(write.body.errors?.[0]?.message).toMatch(/agreements subgraph/);
      const query = '{ action(id: "any") { id } }';
      const read = await postGraphQL(cold.url, query, {}, signActorHeaders(ACTORS.stockholmPolice, TEST_HOP_SECRET, { subgraph: 'actions', query }));
      expect(read.body).toEqual({ data: { action: null } });
    } finally {
      await cold.close();
    }
  });
});
