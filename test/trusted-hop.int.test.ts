import { testDatabaseKinds } from '@samverkan/db/testing';
import { signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningGateway } from '../gateway/src/gateway';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * The hop from the gateway to a subgraph is signed for one request: headers captured on the way
 * (here by a proxy in front of the agreements subgraph) cannot be replayed for another operation,
 * other variables or another subgraph.
 */
describe.each(testDatabaseKinds())('the signed hop on %s', (kind) => {
  let hub: TestHub;
  let gateway: RunningGateway;
  let proxy: http.Server;
  const captured: { headers: Record<string, string>; query: string }[] = [];

  beforeAll(async () => {
    hub = await startTestHub(kind);
    const target = new URL(hub.agreements.url);
    // Keeps the headers of every request it passes on to the agreements subgraph.
    proxy = http.createServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += String(chunk);
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.startsWith('x-samverkan-')).map(([name, value]) => [name, String(value)]));
      captured.push({ headers, query: (JSON.parse(body) as { query: string }).query });
      const upstream = http.request({ host: target.hostname, port: target.port, path: request.url, method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.end(body);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
    gateway = await hub.startGateway({ subgraphUrls: { agreements: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` } });
  });
  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => proxy?.close(resolve));
    await hub?.close();
  });

  it('refuses headers captured from a read when they are replayed with a write (another subgraph: see trusted-hop.test.ts)', async () => {
    const token = await signDevelopmentToken({ role: 'kommun', subject: 'lena', municipalityCode: '1281' }, TEST_JWT_SECRET);
    const read = await postGraphQL(gateway.url, '{ viewer { role } }', {}, { authorization: `Bearer ${token}` });
    expect(read.body.data).toEqual({ viewer: { role: 'kommun' } });
    const { headers, query } = captured.at(-1)!;
    expect(Object.keys(headers).sort()).toEqual(['x-samverkan-actor', 'x-samverkan-actor-signature', 'x-samverkan-actor-timestamp']);

    // The same headers, straight at the subgraph, with the very query they were signed for (within the window): the signature holds.
    expect((await postGraphQL(hub.agreements.url, query, {}, headers)).body.data).toEqual({ viewer: { role: 'kommun' } });
    // … with another operation: anonymous, and the write is refused without writing.
    const before = await hub.agreements.client.agreement.count();
    const draft = await postGraphQL(
      hub.agreements.url,
      'mutation ($i: AgreementInput!) { createAgreementDraft(input: $i) { id } }',
      { i: { title: 'Förfalskad överenskommelse', municipalityCode: '1281', localPoliceAreaIds: ['lund'], validFrom: '2026-01-01' } },
      headers,
    );
    expect(draft.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await hub.agreements.client.agreement.count()).toBe(before);
  });
});
