import { testDatabaseKinds } from '@samverkan/db/testing';
import { type Actor, signActorHeaders } from '@samverkan/schema';
import { type RunningSubgraph } from '@samverkan/server';
import { postGraphQL, startTestSubgraph } from '@samverkan/server/testing';
import type { PrismaClient } from '../db';
import { subgraph as agreementsSubgraph } from '../definition';

const HOP = 'promises-test-hop';
const burlovKommun: Actor = { role: 'kommun', subject: 'sara', municipalityCode: '1231' };
const burlovPolice: Actor = { role: 'police', subject: 'freddy', localPoliceAreaId: 'burlov', policeRegionCode: 'SYD' };
const FIELDS = 'id version title status(on: "2025-06-01") signedOn approvals { party } promises { position text targetCount } focusAreas { code } agreement { title } previous { id } next { id }';

describe.each(testDatabaseKinds())('medborgarlöften on %s', (kind) => {
  let subgraph: RunningSubgraph<PrismaClient>;
  let burlovAgreementId: string;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(agreementsSubgraph, kind, { hopSecret: HOP });
    burlovAgreementId = (await subgraph.client.agreement.findFirstOrThrow({ where: { municipalityCode: '1231' } })).id;
  });
  afterAll(() => subgraph?.close());

  const as = (actor: Actor | null, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(subgraph.url, query, variables, actor ? signActorHeaders(actor, HOP, { subgraph: 'agreements', query, variables }) : {});
  const input = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    title: 'Medborgarlöfte Burlöv 2025: tryggare Arlöv',
    municipalityCode: '1231',
    localPoliceAreaId: 'burlov',
    agreementId: burlovAgreementId,
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    focusAreaCodes: ['SAFE_PUBLIC_SPACE', 'VOLUME_CRIME'],
    promises: [
      { text: 'Polisen finns i Medborgarhuset varje tisdag.', targetCount: 40 },
      { text: 'Minst en trygghetsvandring i Åkarp per år.', targetCount: 1 },
      { text: 'Vi återkommer med resultat från trygghetsmätningen.' },
    ],
    signatories: [{ name: 'Sara Vestering', title: 'Kommunstyrelsens ordförande', party: 'MUNICIPALITY' }],
    ...overrides,
  });
  const create = async (actor: Actor, overrides: Record<string, unknown> = {}) =>
    (await as(actor, `mutation ($input: CitizenPromiseInput!) { createCitizenPromiseDraft(input: $input) { ${FIELDS} } }`, { input: input(overrides) })).body;
  const idOf = (body: { data?: unknown }) => (body.data as { createCitizenPromiseDraft: { id: string } }).createCitizenPromiseDraft.id;
  /** The version as stored: the client approves or withdraws what it has read. */
  const v = async (id: string) => (await subgraph.client.citizenPromise.findUniqueOrThrow({ where: { id } })).version;

  it('writes a draft with its promises in order and counted targets, and signs it with both approvals', async () => {
    const body = await create(burlovPolice);
    expect(body.errors).toBeUndefined();
    const draft = (body.data as { createCitizenPromiseDraft: Record<string, unknown> }).createCitizenPromiseDraft;
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, agreement: { title: 'Samverkansöverenskommelse mellan Burlövs kommun och Polisen 2023–2026' } });
    expect(draft.promises).toEqual([
      { position: 1, text: 'Polisen finns i Medborgarhuset varje tisdag.', targetCount: 40 },
      { position: 2, text: 'Minst en trygghetsvandring i Åkarp per år.', targetCount: 1 },
      { position: 3, text: 'Vi återkommer med resultat från trygghetsmätningen.', targetCount: null },
    ]);
    const id = draft.id as string;
    expect((await as(null, `{ citizenPromise(id: "${id}") { id } }`)).body.data).toEqual({ citizenPromise: null });

    const updated = await as(burlovKommun, `mutation ($id: ID!, $input: CitizenPromiseInput!) { updateCitizenPromiseDraft(id: $id, version: 1, input: $input) { version title } }`, {
      id,
      input: input({ title: 'Medborgarlöfte Burlöv 2025: tryggare Arlöv och Åkarp' }),
    });
    expect(updated.body.data).toEqual({ updateCitizenPromiseDraft: { version: 2, title: 'Medborgarlöfte Burlöv 2025: tryggare Arlöv och Åkarp' } });

    const one = await as(burlovKommun, `mutation { approveCitizenPromise(id: "${id}", version: ${await v(id)}) { status approvals { party } } }`);
    expect(one.body.data).toEqual({ approveCitizenPromise: { status: 'DRAFT', approvals: [{ party: 'MUNICIPALITY' }] } });
    const both = await as(burlovPolice, `mutation { approveCitizenPromise(id: "${id}", version: ${await v(id)}, signedOn: "2024-12-01") { status(on: "2025-06-01") signedOn } }`);
    expect(both.body.data).toEqual({ approveCitizenPromise: { status: 'ACTIVE', signedOn: '2024-12-01' } });

    const listed = await as(null, '{ citizenPromises(filter: { municipality: "1231", focusArea: "VOLUME_CRIME", status: ACTIVE, on: "2025-06-01" }) { id } municipality(code: "1231") { citizenPromises { id } } }');
    expect(listed.body.data).toEqual({ citizenPromises: [{ id }], municipality: { citizenPromises: [{ id }] } });

    const next = idOf(await create(burlovKommun, { title: 'Medborgarlöfte Burlöv 2026', validFrom: '2026-01-01', validTo: '2026-12-31' }));
    const linked = await as(burlovPolice, `mutation { supersedeCitizenPromise(id: "${id}", by: "${next}") { next { id } } }`);
    expect(linked.body.data).toEqual({ supersedeCitizenPromise: { next: { id: next } } });
    await as(burlovKommun, `mutation { approveCitizenPromise(id: "${next}", version: ${await v(next)}) { id } }`);
    await as(burlovPolice, `mutation { approveCitizenPromise(id: "${next}", version: ${await v(next)}) { id } }`);
    const chain = await as(null, `{ citizenPromise(id: "${id}") { s2025: status(on: "2025-12-31") s2026: status(on: "2026-01-01") } }`);
    expect(chain.body.data).toEqual({ citizenPromise: { s2025: 'ACTIVE', s2026: 'SUPERSEDED' } });

    const withdrawn = await as(burlovKommun, `mutation { withdrawCitizenPromise(id: "${next}", version: ${await v(next)}) { status } }`);
    expect(withdrawn.body.data).toEqual({ withdrawCitizenPromise: { status: 'WITHDRAWN' } });
  });

  it.each([
    ['no promises', { promises: [] }, /at least one promise/],
    ['an empty promise', { promises: [{ text: ' ' }] }, /`promises\[0\]\.text` must not be empty/],
    ['a negative target', { promises: [{ text: 'Färre inbrott', targetCount: -3 }] }, /must not be negative/],
    ['an area that does not cover the kommun', { localPoliceAreaId: 'lund' }, /Lokalpolisområde Lund does not cover kommun 1231/],
    ["another kommun's agreement", { agreementId: 'LUND' }, /belongs to kommun 1281, not 1231/],
    ['an unknown focus area', { focusAreaCodes: ['SMUGGLING'] }, /No fokusområde has the code "SMUGGLING"/],
    ['dates out of order', { validFrom: '2025-12-31', validTo: '2025-01-01' }, /period must run forwards/],
  ] as [string, Record<string, unknown>, RegExp][])('refuses %s', async (_what, overrides, message) => {
    const lund = await subgraph.client.agreement.findFirstOrThrow({ where: { municipalityCode: '1281' } });
    const patched = overrides.agreementId === 'LUND' ? { ...overrides, agreementId: lund.id } : overrides;
    const before = await subgraph.client.citizenPromise.count();
    const body = await create(burlovKommun, patched);
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await subgraph.client.citizenPromise.count()).toBe(before);
  });

  it('refuses writes from outside the parties and stale versions', async () => {
    const lund: Actor = { role: 'kommun', subject: 'lars', municipalityCode: '1281' };
    expect((await create(lund)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const id = idOf(await create(burlovKommun));
    const stale = await as(burlovKommun, `mutation ($id: ID!, $input: CitizenPromiseInput!) { updateCitizenPromiseDraft(id: $id, version: 7, input: $input) { id } }`, { id, input: input() });
    expect(stale.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', currentVersion: 1 } });
  });
});
