import { testDatabaseKinds } from '@samverkan/db/testing';
import { signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

const WRITERS = 50;

interface UpdateResult {
  data?: { updateAction: { version: number } } | null;
  errors?: { message: string; extensions?: { code?: string; currentVersion?: number } }[];
}

describe.each(testDatabaseKinds())('concurrent writers through the gateway on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(() => hub?.close());

  // Every writer retries until it wins once: about WRITERS²/2 = 1,275 requests, which PGlite's one
  // connection serves in turn (25 s alone, 42 s beside other suites, over 60 s on a loaded CI machine).
  it(`lets ${WRITERS} writers update one action with versions: one wins per version, none is lost, each is in the audit trail`, async () => {
    const tokenOf = (i: number) => signDevelopmentToken({ role: 'kommun', subject: `skrivare-${i}`, municipalityCode: '1281' }, TEST_JWT_SECRET);
    const created = await postGraphQL<{ createAction: { id: string; version: number } }>(
      hub.gateway.url,
      'mutation { createAction(input: { municipalityCode: "1281", title: "Trygghetsvandring i Klostergården", responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "Lunds kommun", lead: true }] }) { id version } }',
      {},
      { authorization: `Bearer ${await tokenOf(0)}` },
    );
    expect(created.body.errors).toBeUndefined();
    const { id } = created.body.data!.createAction;

    const writer = async (i: number) => {
      const headers = { authorization: `Bearer ${await tokenOf(i)}` };
      let version = 1;
      let conflicts = 0;
      for (;;) {
        const { body } = (await postGraphQL(hub.gateway.url, 'mutation ($id: ID!, $v: Int!, $t: String!) { updateAction(id: $id, version: $v, changes: { title: $t }) { version } }', { id, v: version, t: `Ändrad av skrivare ${i}` }, headers)) as { body: UpdateResult };
        if (body.data?.updateAction) return { writer: i, wrote: body.data.updateAction.version, conflicts };
        const error = body.errors?.[0];
        if (error?.extensions?.code !== 'CONFLICT' || error.extensions.currentVersion === undefined) throw new Error(`writer ${i}: ${error?.message}`);
        conflicts += 1;
        version = error.extensions.currentVersion; // read again, and redo the change
      }
    };
    const outcomes = await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i + 1)));

    // Each version 2…51 was written by exactly one writer; every writer got through once.
    expect(outcomes.map((o) => o.wrote).sort((a, b) => a - b)).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 2));
    expect(outcomes.reduce((sum, o) => sum + o.conflicts, 0)).toBeGreaterThan(0); // they did collide
    const last = outcomes.find((o) => o.wrote === WRITERS + 1)!;

    const { body } = await postGraphQL<{ action: { version: number; title: string; history: { actorSubject: string; operation: string; changes: { field: string; after: string }[] }[] } }>(
      hub.gateway.url,
      `{ action(id: "${id}") { version title history { actorSubject operation changes { field after } } } }`,
      {},
      { authorization: `Bearer ${await tokenOf(0)}` },
    );
    expect(body.errors).toBeUndefined();
    const action = body.data!.action;
    expect(action.version).toBe(WRITERS + 1);
    expect(action.title).toBe(`Ändrad av skrivare ${last.writer}`);
    const updates = action.history.filter((h) => h.operation === 'updateAction');
    expect(updates).toHaveLength(WRITERS);
    expect(new Set(updates.map((h) => h.actorSubject))).toEqual(new Set(outcomes.map((o) => `skrivare-${o.writer}`)));
    // In the order they won: each entry's new title is its writer's.
    const byVersion = [...outcomes].sort((a, b) => a.wrote - b.wrote);
    expect(updates.map((h) => h.actorSubject)).toEqual(byVersion.map((o) => `skrivare-${o.writer}`));
  }, 300_000);
});
