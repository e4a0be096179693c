import type { DatabaseConfig } from '@samverkan/db';
import { freshTestDatabase, testDatabaseKinds } from '@samverkan/db/testing';
import { type Actor, signDevelopmentToken } from '@samverkan/schema';
import { startSubgraph } from '@samverkan/server';
import { postGraphQL } from '@samverkan/server/testing';
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { postPastTheGateway, startTestHub, subgraphDefinition, TEST_HOP_SECRET, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * Change notifications (webhooks), through the real gateway and subgraphs: a receiver started here
 * gets each event once per delivery attempt and verifies its signature; a receiver that was down
 * gets every missed event afterwards, in order; nothing about records the subscriber's owner may
 * not read; 1,000 changes of one import all arrive; deliveries are visible with their status;
 * deadline events come once.
 */

// Read by the worker when the notifications subgraph starts.
process.env.SAMVERKAN_WEBHOOK_POLL_MS = '50';
process.env.SAMVERKAN_WEBHOOK_MAX_BACKOFF_MS = '200';
process.env.SAMVERKAN_WEBHOOK_DEADLINE_CHECK_MS = '100';

const LUND: Actor = { role: 'kommun', subject: 'lund-utvecklare', municipalityCode: '1281' };
const MALMO: Actor = { role: 'kommun', subject: 'malmo-handläggare', municipalityCode: '1280' };
const VASBY: Actor = { role: 'kommun', subject: 'vasby-utvecklare', municipalityCode: '0114' };
const ADMIN: Actor = { role: 'admin', subject: 'hub-admin' };
const POLICE: Actor = { role: 'police', subject: 'lpo-lund', localPoliceAreaId: 'lund', policeRegionCode: 'SYD' };

interface Received {
  id: string;
  body: { id: string; type: string; record: { type: string; id: string; municipalityCodes: string[] }; changedFields: string[]; dueOn?: string | null };
  verified: boolean;
}

/** A receiver as an app would run it: verifies each POST with the secret, answers 200 (or 500 while told to). */
class Receiver {
  readonly received: Received[] = [];
  secret = '';
  failNext = 0;
  private server: http.Server | undefined;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async open(): Promise<void> {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const timestamp = String(request.headers['samverkan-webhook-timestamp']);
        const expected = Buffer.from(`v1=${createHmac('sha256', this.secret).update(`${timestamp}.${raw}`).digest('hex')}`);
        const given = Buffer.from(String(request.headers['samverkan-webhook-signature'] ?? ''));
        const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
        const verified = fresh && given.length === expected.length && timingSafeEqual(given, expected);
        this.received.push({ id: String(request.headers['samverkan-webhook-id']), body: JSON.parse(raw) as Received['body'], verified });
        if (this.failNext > 0) {
          this.failNext -= 1;
          response.writeHead(500).end();
        } else response.writeHead(verified ? 200 : 401).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  of(recordId: string): Received[] {
    return this.received.filter((event) => event.body.record.id === recordId);
  }
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(testDatabaseKinds())('webhooks through the gateway on %s', (kind) => {
  let hub: TestHub;
  const tokens = new Map<Actor, string>();
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    hub = await startTestHub(kind, { caches: true }); // its assertions also prove the gateway's caches right
    for (const actor of [LUND, MALMO, VASBY, ADMIN, POLICE]) tokens.set(actor, await signDevelopmentToken(actor, TEST_JWT_SECRET));
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await Promise.all(receivers.map((receiver) => receiver.close()));
  });

  async function ask(actor: Actor, query: string, variables: Record<string, unknown> = {}) {
    return (await postGraphQL<Record<string, unknown>>(hub.gateway.url, query, variables, { authorization: `Bearer ${tokens.get(actor)}` })).body;
  }
  async function as<T>(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = await ask(actor, query, variables);
    if (body.errors) throw new Error(body.errors[0]!.message);
    return Object.values(body.data!)[0] as T;
  }
  // Each test's subscriptions go when it ends (as an administrator may remove any), so that the next starts alone.
  afterEach(async () => {
    for (const { id, version } of await as<{ id: string; version: number }[]>(ADMIN, `{ webhookSubscriptions { id version } }`)) {
      await as(ADMIN, `mutation ($id: ID!, $version: Int!) { deleteWebhookSubscription(id: $id, version: $version) }`, { id, version });
    }
  });
  async function subscribe(actor: Actor, input: Record<string, unknown>): Promise<{ id: string; receiver: Receiver }> {
    const receiver = new Receiver();
    receivers.push(receiver);
    await receiver.open();
    const made = await as<{ subscription: { id: string }; secret: string }>(
      actor,
      `mutation ($input: WebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } secret } }`,
      { input: { url: receiver.url, ...input } },
    );
    expect(made.secret.length).toBeGreaterThanOrEqual(64);
    receiver.secret = made.secret;
    return { id: made.subscription.id, receiver };
  }
  async function deliveries(actor: Actor, id: string, status?: string) {
    return as<{ deliveries: { totalCount: number; edges: { node: { eventId: string; type: string; status: string; attempts: number; lastStatusCode: number | null; recordId: string } }[] } }>(
      actor,
      `query ($id: ID!, $status: WebhookDeliveryStatus) { webhookSubscription(id: $id) { deliveries(status: $status, first: 500) { totalCount edges { node { eventId type status attempts lastStatusCode recordId } } } } }`,
      { id, ...(status ? { status } : {}) },
    ).then((s) => s.deliveries);
  }
  async function createAction(actor: Actor, code: string, title: string, visibility: 'PUBLIC' | 'PARTIES') {
    return as<{ id: string; version: number }>(
      actor,
      `mutation ($input: ActionInput!) { createAction(input: $input) { id version } }`,
      { input: { municipalityCode: code, title, visibility, responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Kommunen', lead: true }] } },
    );
  }

  it('refuses subscriptions to another kommun, without a kommun filter, or by police; hides one from other users', async () => {
    const other = await ask(LUND, `mutation { createWebhookSubscription(input: { url: "http://127.0.0.1:9/x", municipalityCodes: ["1280"] }) { secret } }`);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const none = await ask(LUND, `mutation { createWebhookSubscription(input: { url: "http://127.0.0.1:9/x" }) { secret } }`);
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const police = await ask(POLICE, `mutation { createWebhookSubscription(input: { url: "http://127.0.0.1:9/x", municipalityCodes: ["1281"] }) { secret } }`);
    expect(police.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ftp = await ask(LUND, `mutation { createWebhookSubscription(input: { url: "ftp://example.org/x", municipalityCodes: ["1281"] }) { secret } }`);
    expect(ftp.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { id } = await subscribe(LUND, { municipalityCodes: ['1281'], recordTypes: ['Action'] });
    expect(await as(MALMO, `query ($id: ID!) { webhookSubscription(id: $id) { id } }`, { id })).toBeNull();
    expect(await as<{ id: string }[]>(MALMO, `{ webhookSubscriptions { id } }`)).toEqual([]);
    expect(await as<{ id: string }>(ADMIN, `query ($id: ID!) { webhookSubscription(id: $id) { id } }`, { id })).toEqual({ id });
    const deleted = await as<string>(LUND, `mutation ($id: ID!) { deleteWebhookSubscription(id: $id, version: 1) }`, { id });
    expect(deleted).toBe(id);
  });

  it('delivers signed events once per attempt, retries a failed one, and after being down delivers every missed event in order', async () => {
    const { id, receiver } = await subscribe(LUND, { municipalityCodes: ['1281'], recordTypes: ['Action'] });
    const first = await createAction(LUND, '1281', 'Webhook: trygghetsvandring', 'PUBLIC');
    await waitFor('the created event', () => receiver.of(first.id).length === 1);
    expect(receiver.of(first.id)[0]!.body.type).toBe('action.created');

    // One failed attempt (500): the same event comes again, and its delivery counts two attempts.
    receiver.failNext = 1;
    const updated = await as<{ version: number }>(LUND, `mutation ($id: ID!) { updateAction(id: $id, version: 1, changes: { place: "Stadsparken" }) { version } }`, { id: first.id });
    await waitFor('the update delivered after a retry', () => receiver.of(first.id).filter((e) => e.body.type === 'action.updated').length === 2);
    await waitFor('the delivery recorded as delivered', async () => (await deliveries(LUND, id, 'DELIVERED')).totalCount === 2);
    const afterRetry = (await deliveries(LUND, id)).edges.map((e) => e.node);
    expect(afterRetry.map((d) => [d.type, d.status, d.attempts, d.lastStatusCode])).toEqual([
      ['action.created', 'DELIVERED', 1, 200],
      ['action.updated', 'DELIVERED', 2, 200],
    ]);

    // Down: changes go on; deliveries wait and retry; nothing is lost.
    const port = receiver.port;
    await receiver.close();
    await as(LUND, `mutation ($id: ID!, $v: Int!) { changeActionStatus(id: $id, version: $v, status: ONGOING) { id } }`, { id: first.id, v: updated.version });
    const second = await createAction(LUND, '1281', 'Webhook: belysning', 'PUBLIC');
    await as(LUND, `mutation ($id: ID!) { updateAction(id: $id, version: 1, changes: { place: "Hamnen" }) { id } }`, { id: second.id });
    await waitFor('a failed attempt recorded', async () => (await deliveries(LUND, id, 'RETRYING')).totalCount >= 1);
    const waiting = (await deliveries(LUND, id, 'RETRYING')).edges.map((e) => e.node);
    expect(waiting[0]!.type).toBe('action.statusChanged');
    expect(waiting[0]!.attempts).toBeGreaterThanOrEqual(1);
    expect(receiver.received.length).toBe(3);

    receiver.port = port;
    await receiver.open();
    await waitFor('the backlog', () => receiver.received.length === 6);
    expect(receiver.received.slice(3).map((e) => [e.body.record.id, e.body.type])).toEqual([
      [first.id, 'action.statusChanged'],
      [second.id, 'action.created'],
      [second.id, 'action.updated'],
    ]);
    expect(receiver.received.every((e) => e.verified && e.id === e.body.id)).toBe(true);
    // Each event arrived once per attempt that reached the receiver: the retried one twice, the rest once.
    const counts = new Map<string, number>();
    for (const event of receiver.received) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
    expect([...counts.values()].sort()).toEqual([1, 1, 1, 1, 2]);
    expect((await deliveries(LUND, id, 'DELIVERED')).totalCount).toBe(5);
  }, 120_000);

  it("tells a kommun's subscriber nothing of another kommun's private records, nor of a change that hid a record", async () => {
    const { receiver } = await subscribe(LUND, { municipalityCodes: ['1281'] });
    const everything = await subscribe(ADMIN, { recordTypes: ['Action'] });
    const secret = await createAction(MALMO, '1280', 'Malmö: PARTIES-insats', 'PARTIES');
    const open = await createAction(MALMO, '1280', 'Malmö: öppen insats', 'PUBLIC');
    await as(MALMO, `mutation ($id: ID!) { updateAction(id: $id, version: 1, changes: { visibility: PARTIES }) { id } }`, { id: open.id });
    const own = await createAction(LUND, '1281', 'Lund: efter Malmö', 'PARTIES');
    await waitFor('Lund\'s own event', () => receiver.of(own.id).length === 1);
    await waitFor('the administrator\'s events', () => everything.receiver.of(open.id).length === 2 && everything.receiver.of(secret.id).length === 1);
    expect(receiver.received.some((e) => e.body.record.municipalityCodes.includes('1280'))).toBe(false);

    // The outbox itself, asked as Lund's user (as the notifications subgraph asks): Malmö's PUBLIC
    // action's creation only; not the PARTIES one, not the change that made the public one PARTIES.
    const query = `query ($since: String) { changeEvents(since: $since, first: 500) { events { recordId kind } } }`;
    const variables = { since: new Date(Date.now() - 10 * 60_000).toISOString() };
    const { body } = await postPastTheGateway<{ changeEvents: { events: { recordId: string; kind: string }[] } }>(hub.actions.url, 'actions', LUND, query, variables);
    const seen = body.data!.changeEvents.events;
    expect(seen.filter((e) => e.recordId === open.id)).toEqual([{ recordId: open.id, kind: 'created' }]);
    expect(seen.some((e) => e.recordId === secret.id)).toBe(false);
    expect(seen.some((e) => e.recordId === own.id)).toBe(true);
    // Not part of the API: the gateway does not know the field.
    const viaGateway = await ask(LUND, `{ changeEvents { cursor } }`);
    expect(viaGateway.errors?.length).toBeGreaterThan(0);
  }, 120_000);

  it('delivers all of 1,000 changes made in one import', async () => {
    const { id, receiver } = await subscribe(LUND, { municipalityCodes: ['1281'], recordTypes: ['Action'] });
    const lines = ['municipality,externalId,title,description,focusArea,origin,status,visibility,place,latitude,longitude,method,startsOn,endsOn,responsible'];
    for (let i = 1; i <= 1000; i += 1) lines.push(`1281,webhook-burst-${i},Massåtgärd ${i},,,,PLANNED,PUBLIC,,,,,,,MUNICIPAL_DEPARTMENT:Lunds kommun:lead`);
    // In ten imports of 100, one after the other, through a gateway that waits for the subgraph as
    // long as an import may take: on PGlite on a loaded CI machine even 100 rows once outlasted the
    // default 10 s wait.
    const patient = await hub.startGateway({ subgraphTimeoutMs: 120_000 });
    let inserted = 0;
    try {
      for (let part = 0; part < 10; part += 1) {
        const csv = [lines[0], ...lines.slice(1 + part * 100, 1 + (part + 1) * 100)].join('\n');
        const { body } = await postGraphQL<{ importActionRecords: { inserted: number } }>(
          patient.url,
          `mutation ($csv: String) { importActionRecords(fileName: "burst.csv", csv: $csv) { inserted } }`,
          { csv },
          { authorization: `Bearer ${tokens.get(LUND)}` },
        );
        expect(body.errors).toBeUndefined();
        inserted += body.data!.importActionRecords.inserted;
      }
    } finally {
      await patient.close();
    }
    expect(inserted).toBe(1000);
    await waitFor('1,000 deliveries', () => receiver.received.length >= 1000, 300_000);
    const ids = new Set(receiver.received.map((e) => e.id));
    expect(ids.size).toBe(1000);
    expect(receiver.received.every((e) => e.body.type === 'action.created' && e.verified)).toBe(true);
    await waitFor('all recorded as delivered', async () => (await deliveries(LUND, id, 'DELIVERED')).totalCount === 1000);
  }, 400_000);

  it('goes on after a restart of the notifications subgraph where it stopped: nothing lost, nothing twice', async () => {
    // A notifications subgraph of its own on a database that outlives it (a folder for PGlite).
    const folder = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-notifications-')) : null;
    const fresh = kind === 'pglite' ? null : freshTestDatabase(kind);
    const database: DatabaseConfig = folder ? { kind: 'embedded', dataDir: folder } : fresh!.config;
    const peerUrls = { agreements: hub.agreements.url, actions: hub.actions.url, surveys: hub.surveys.url };
    const start = () => startSubgraph(subgraphDefinition('notifications'), { port: 0, database, hopSecret: TEST_HOP_SECRET, peerUrls, log: false, tracing: null, limits: {} });
    const direct = async <T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const { body } = await postPastTheGateway<Record<string, T>>(url, 'notifications', LUND, query, variables);
      if (body.errors) throw new Error(body.errors[0]!.message);
      return Object.values(body.data!)[0]!;
    };
    const receiver = new Receiver();
    receivers.push(receiver);
    await receiver.open();
    let notifications: Awaited<ReturnType<typeof start>> | null = await start();
    try {
      const made = await direct<{ secret: string }>(
        notifications.url,
        `mutation ($url: String!) { createWebhookSubscription(input: { url: $url, municipalityCodes: ["1281"], recordTypes: ["Action"] }) { secret } }`,
        { url: receiver.url },
      );
      receiver.secret = made.secret;
      const action = await createAction(LUND, '1281', 'Webhook: före omstarten', 'PUBLIC');
      await waitFor('the created event', () => receiver.of(action.id).length === 1);

      await notifications.close();
      notifications = null;
      const first = await as<{ version: number }>(LUND, `mutation ($id: ID!) { updateAction(id: $id, version: 1, changes: { place: "Torget" }) { version } }`, { id: action.id });
      await as(LUND, `mutation ($id: ID!, $v: Int!) { changeActionStatus(id: $id, version: $v, status: ONGOING) { id } }`, { id: action.id, v: first.version });
      notifications = await start();

      await waitFor('the events made while it was stopped', () => receiver.of(action.id).length === 3);
      expect(receiver.of(action.id).map((e) => e.body.type)).toEqual(['action.created', 'action.updated', 'action.statusChanged']);
      expect(new Set(receiver.received.map((e) => e.id)).size).toBe(receiver.received.length);
      expect(receiver.received.every((e) => e.verified)).toBe(true);
    } finally {
      await notifications?.close();
      if (folder) fs.rmSync(folder, { recursive: true, force: true });
      await fresh?.drop();
    }
  }, 120_000);

  it('tells of deadlines once: an overdue lägesbild and expiring agreements', async () => {
    const vasby = await subscribe(VASBY, { municipalityCodes: ['0114'] });
    await waitFor('the overdue lägesbild', () => vasby.receiver.received.length >= 1);
    const expiring = (await as<{ id: string; municipality: { code: string } }[]>(LUND, `{ expiringAgreements(within: 3650) { id municipality { code } } }`)).filter(
      (agreement) => agreement.municipality.code === '1281',
    );
    expect(expiring.length).toBeGreaterThan(0);
    const lund = await subscribe(LUND, { municipalityCodes: ['1281'], recordTypes: ['Agreement'], expiringWithinDays: 3650 });
    await waitFor('the expiring agreements', () => lund.receiver.received.length >= expiring.length);
    // Several deadline checks later (every 100 ms here), still once each.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(vasby.receiver.received.map((e) => [e.body.type, e.body.record, e.body.dueOn])).toEqual([
      ['situationReport.overdue', { type: 'Municipality', id: '0114', municipalityCodes: ['0114'] }, null],
    ]);
    expect(lund.receiver.received.map((e) => e.body.record.id).sort()).toEqual(expiring.map((a) => a.id).sort());
    expect(lund.receiver.received.every((e) => e.body.type === 'agreement.expiring' && e.verified)).toBe(true);
    expect((await deliveries(LUND, lund.id)).totalCount).toBe(expiring.length);
  }, 120_000);
});
