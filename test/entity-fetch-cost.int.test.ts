import { testDatabaseKinds } from '@samverkan/db/testing';
import { postGraphQL } from '@samverkan/server/testing';
import { startTestHub, type TestHub } from './support/hub';

/*
 * The gateway estimates a list of unknown length (the deprecated, unpaged `citizenPromises`) at 20
 * items and lets a request through on that estimate; the subgraph that then gets one record per item
 * of the real list counts them all, and refuses a fetch over the cost limit. The client is told to
 * page the list, and the page it is told of is answered.
 */
const ITEM = 'id actionsConnection(first: 100) { edges { node { id followUps { date } responsible { name } } } }';

describe.each(testDatabaseKinds())('an entity fetch over the cost limit on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    // A signed medborgarlöfte in each of 60 kommuner.
    const kommuner = await hub.agreements.client.municipality.findMany({ select: { code: true }, orderBy: { code: 'asc' }, take: 60 });
    await hub.agreements.client.citizenPromise.createMany({
      data: kommuner.map(({ code }) => ({ title: `Medborgarlöfte ${code}`, municipalityCode: code, state: 'SIGNED' as const, validFrom: new Date('2025-01-01'), signedOn: new Date('2024-12-01') })),
    });
  });
  afterAll(() => hub?.close());

  it('is refused with what to change: page the list, whose pages are answered', async () => {
    const unpaged = await postGraphQL(hub.gateway.url, `{ citizenPromises { ${ITEM} } }`);
    expect(unpaged.body.errors?.[0]?.message).toMatch(/^This request's part for one subgraph fetches 6\d records at once, more than the gateway's estimate foresaw .*; what is asked of them is estimated to cost \d+, and at most 100000 is allowed\./);
    expect(unpaged.body.errors?.[0]?.message).toContain('citizenPromisesConnection');

    const paged = await postGraphQL<{ citizenPromisesConnection: { totalCount: number; edges: unknown[] } }>(
      hub.gateway.url,
      `{ citizenPromisesConnection(first: 20) { totalCount edges { node { ${ITEM} } } } }`,
    );
    expect(paged.body.errors).toBeUndefined();
    expect(paged.body.data!.citizenPromisesConnection.edges).toHaveLength(20);
    expect(paged.body.data!.citizenPromisesConnection.totalCount).toBeGreaterThanOrEqual(60);
  });
});
