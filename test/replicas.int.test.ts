import { freshTestDatabase, testDatabaseKinds } from '@samverkan/db/testing';
import { type Actor, signDevelopmentToken } from '@samverkan/schema';
import { type RunningSubgraph, startSubgraph } from '@samverkan/server';
import { postGraphQL } from '@samverkan/server/testing';
import net from 'node:net';
import type { RunningGateway } from '../gateway/src/gateway';
import type { PrismaClient } from '../services/agreements/src/db';
import { subgraph as actionsSubgraph } from '../services/actions/src/definition';
import { subgraph as agreementsSubgraph } from '../services/agreements/src/definition';
import { postPastTheGateway, startHubSubgraph, startTestHub, TEST_HOP_SECRET, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * A TCP front for a replica that can crash the way a killed process does: every open connection
 * is reset at once, and new ones are refused.
 */
async function crashableFront(targetUrl: string) {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/graphql`,
    crash: () => {
      server.close();
      for (const socket of sockets) socket.resetAndDestroy();
    },
  };
}

/**
 * Subgraphs are stateless: two replicas of one subgraph serve the same database, the gateway
 * spreads its fetches over them, and a replica that dies costs no request. (An embedded database
 * serves one process: there the second replica has a database of its own with the same reference
 * data; on PostgreSQL both share one, as in production.)
 */
describe.each(testDatabaseKinds())('replicas of a subgraph on %s', (kind) => {
  let hub: TestHub;
  let second: RunningSubgraph<PrismaClient>;
  let front: Awaited<ReturnType<typeof crashableFront>>;
  let gateway: RunningGateway;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    second =
      kind === 'postgres'
        ? await startSubgraph(agreementsSubgraph, { port: 0, database: hub.agreements.database.config, log: false, hopSecret: TEST_HOP_SECRET })
        : await startHubSubgraph(agreementsSubgraph, kind, { hopSecret: TEST_HOP_SECRET });
    front = await crashableFront(second.url);
    gateway = await hub.startGateway({ subgraphUrls: { agreements: `${hub.agreements.url},${front.url}` } });
  });
  afterAll(async () => {
    await gateway?.close();
    await second?.close();
    await hub?.close();
  });

  const QUERY = '{ municipality(code: "1281") { name activeAgreement(on: "2025-06-01") { title } actions { title } } }';
  const expectWhole = (answer: Awaited<ReturnType<typeof postGraphQL>>) => {
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toMatchObject({ municipality: { name: 'Lund', activeAgreement: { title: expect.any(String) } } });
  };

  it('spreads fetches over both replicas, which read the same data', async () => {
    const before = [hub.agreements.graphqlRequests, second.graphqlRequests];
    for (let i = 0; i < 10; i += 1) expectWhole(await postGraphQL(gateway.url, QUERY));
    expect(hub.agreements.graphqlRequests - before[0]!).toBeGreaterThanOrEqual(4);
    expect(second.graphqlRequests - before[1]!).toBeGreaterThanOrEqual(4);
    const ready = (await (await fetch(new URL('/ready', gateway.url))).json()) as { subgraphs: { agreements: unknown } };
    expect(ready.subgraphs.agreements).toMatchObject({ ready: true, replicas: [{ ready: true }, { ready: true }] });
  });

  it('loses no request when a replica crashes in the middle of a load', async () => {
    // Eight clients ask again and again; a replica crashes while their requests are in flight.
    let crashed = false;
    const answers: Awaited<ReturnType<typeof postGraphQL>>[] = [];
    const clients = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 12; i += 1) answers.push(await postGraphQL(gateway.url, QUERY));
    });
    const crash = (async () => {
      while (answers.length < 24) await new Promise((resolve) => setTimeout(resolve, 5));
      front.crash();
      crashed = true;
    })();
    await Promise.all([...clients, crash]);
    expect(crashed).toBe(true);
    expect(answers).toHaveLength(96);
    for (const answer of answers) expectWhole(answer);

    const afterCrash = await fetch(new URL('/ready', gateway.url));
    expect(afterCrash.status).toBe(200); // one replica is enough
    const states = (await afterCrash.json()) as { subgraphs: { agreements: { replicas: { ready: boolean }[] } } };
    expect(states.subgraphs.agreements.replicas.map((r) => r.ready)).toEqual([true, false]);
  });

  it('lets a subgraph ask another over its replicas too: the actions subgraph checks an origin with one replica gone', async () => {
    // The crashed replica first: refused, so the check goes on to the other one.
    const actions = await startHubSubgraph(actionsSubgraph, kind, { hopSecret: TEST_HOP_SECRET, peerUrls: { agreements: `${front.url},${hub.agreements.url}` } });
    const viaReplicas = await hub.startGateway({ subgraphUrls: { actions: actions.url } });
    try {
      const token = await signDevelopmentToken({ role: 'kommun', subject: 'lena', municipalityCode: '1281' }, TEST_JWT_SECRET);
      const create = (originKey: string) =>
        postGraphQL(
          viaReplicas.url,
          'mutation ($i: ActionInput!) { createAction(input: $i) { id originKey } }',
          { i: { municipalityCode: '1281', title: 'Trygghetsvandring', origin: 'AGREEMENT', originKey, responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Lunds kommun', lead: true }] } },
          { authorization: `Bearer ${token}` },
        );
      for (let i = 0; i < 2; i += 1) {
        const created = await create('lund-2024');
        expect(created.body.errors).toBeUndefined();
        expect(created.body.data).toMatchObject({ createAction: { originKey: 'lund-2024' } });
      }
      expect((await create('no-such-agreement')).body.errors?.[0]?.message).toMatch(/No published agreement has the id "no-such-agreement"/);
    } finally {
      await viaReplicas.close();
      await actions.close();
    }
  });

  if (kind === 'postgres') {
    // The caches as in production, in front of two replicas of the actions subgraph on one database:
    // a write that reaches either replica, not through this gateway, is seen by the next request.
    it('keeps the caches exact over replicas: a write straight to either replica is in the next answer', async () => {
      const secondActions = await startSubgraph(actionsSubgraph, {
        port: 0,
        database: hub.actions.database.config,
        log: false,
        hopSecret: TEST_HOP_SECRET,
        peerUrls: { agreements: hub.agreements.url },
      });
      const cached = await hub.startGateway({
        subgraphUrls: { actions: `${hub.actions.url},${secondActions.url}` },
        responseCache: { ttlMs: 60_000, shareInFlight: true },
        entityCache: { maxBytes: 8 * 2 ** 20 },
      });
      try {
        const lund: Actor = { role: 'kommun', subject: 'replica-lund', municipalityCode: '1281' };
        const tokens = {
          lund: await signDevelopmentToken(lund, TEST_JWT_SECRET),
          analystA: await signDevelopmentToken({ role: 'analyst', subject: 'replica-analyst-a', policeRegionCode: 'SYD' }, TEST_JWT_SECRET),
          analystB: await signDevelopmentToken({ role: 'analyst', subject: 'replica-analyst-b', policeRegionCode: 'SYD' }, TEST_JWT_SECRET),
        };
        const ask = async (query: string, who?: keyof typeof tokens, variables: Record<string, unknown> = {}) => {
          const { body } = await postGraphQL(cached.url, query, variables, who ? { authorization: `Bearer ${tokens[who]}` } : {});
          expect(body.errors).toBeUndefined();
          return body.data as Record<string, unknown>;
        };
        const created = await ask('mutation ($i: ActionInput!) { createAction(input: $i) { id version } }', 'lund', {
          i: { municipalityCode: '1281', title: 'Titel 0', visibility: 'PUBLIC', responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Lunds kommun', lead: true }] },
        });
        const { id } = created.createAction as { id: string };
        const titleAsSeenBy = async (who?: keyof typeof tokens) =>
          ((await ask('{ municipality(code: "1281") { actions { id title } } }', who)) as { municipality: { actions: { id: string; title: string }[] } }).municipality.actions.find(
            (action) => action.id === id,
          )?.title;
        const statements = () => hub.actions.database.statements.total + secondActions.database.statements.total;
        const replicas = [hub.actions, secondActions];
        for (let version = 1; version <= 4; version += 1) {
          const title = `Titel ${version - 1}`;
          expect(await titleAsSeenBy('analystA')).toBe(title);
          expect(await titleAsSeenBy()).toBe(title);
          // The caches answer: the second analyst of the region costs each replica only its data version's statement.
          const before = statements();
          expect(await titleAsSeenBy('analystB')).toBe(title);
          expect(statements()).toBe(before + replicas.length);
          // Lund's write, as another gateway would send it, to one replica and then the other.
          const query = 'mutation ($id: ID!, $v: Int!, $t: String!) { updateAction(id: $id, version: $v, changes: { title: $t }) { version } }';
          const variables = { id, v: version, t: `Titel ${version}` };
          expect((await postPastTheGateway(replicas[version % 2]!.url, 'actions', lund, query, variables)).body.errors).toBeUndefined();
          expect(await titleAsSeenBy('analystB')).toBe(`Titel ${version}`);
          expect(await titleAsSeenBy()).toBe(`Titel ${version}`);
        }
      } finally {
        await cached.close();
        await secondActions.close();
      }
    });

    it('starts two replicas at once on a new database: one migrates and loads the reference data, the other waits for it', async () => {
      const database = freshTestDatabase(kind);
      const replicas = await Promise.all([1, 2].map(() => startSubgraph(agreementsSubgraph, { port: 0, database: database.config, log: false })));
      try {
        for (const replica of replicas) {
          const { body } = await postGraphQL(replica.url, '{ municipalities { code } agreement(id: "lund-2024") { title } }');
          expect(body.errors).toBeUndefined();
          expect(body.data).toMatchObject({ municipalities: expect.arrayContaining([{ code: '1281' }]), agreement: { title: expect.any(String) } });
          expect((body.data as { municipalities: unknown[] }).municipalities).toHaveLength(290);
        }
      } finally {
        await Promise.all(replicas.map((replica) => replica.close()));
        await database.drop();
      }
    });
  }
});
