import { type RunningSubgraph, startSubgraph } from '@samverkan/server';
import { postGraphQL } from '@samverkan/server/testing';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PrismaClient } from '../services/surveys/src/db';
import { subgraph as surveysSubgraph } from '../services/surveys/src/definition';
import { startTestHub, TEST_HOP_SECRET } from './support/hub';

const QUERY = '{ municipality(code: "1281") { name actions { title } surveyResults(indicator: "PROBLEM_INDEX") { value } } }';

describe('a subgraph that is down or slow', () => {
  it('gives partial data naming the missing subgraph, then full data again once it is back, without restarting the gateway', async () => {
    const hub = await startTestHub('pglite');
    let restarted: RunningSubgraph<PrismaClient> | undefined;
    try {
      const full = await postGraphQL(hub.gateway.url, QUERY);
      expect(full.body.errors).toBeUndefined();
      expect(full.body.data).toMatchObject({ municipality: { name: 'Lund', surveyResults: [] } });

      const port = Number(new URL(hub.surveys.url).port);
      await hub.surveys.close();
      const partial = await postGraphQL(hub.gateway.url, QUERY);
      expect(partial.status).toBe(200);
      expect(partial.body.data).toMatchObject({ municipality: { name: 'Lund', surveyResults: null } });
      expect((partial.body.data as { municipality: { actions: unknown[] } }).municipality.actions.length).toBeGreaterThan(0);
      expect(partial.body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^The surveys subgraph is unavailable \(ECONNREFUSED\); the fields it serves are missing from this answer\.$/),
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', serviceName: 'surveys' }),
        }),
      ]);
      expect((await fetch(new URL('/ready', hub.gateway.url))).status).toBe(503);

      restarted = await startSubgraph(surveysSubgraph, { port, database: { kind: 'embedded', dataDir: null }, log: false, hopSecret: TEST_HOP_SECRET });
      const again = await postGraphQL(hub.gateway.url, QUERY);
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data).toMatchObject({ municipality: { name: 'Lund', surveyResults: [] } });
      expect((await fetch(new URL('/ready', hub.gateway.url))).status).toBe(200);
    } finally {
      await restarted?.close();
      await hub.gateway.close();
      await Promise.all([hub.agreements.close(), hub.actions.close(), hub.notifications.close()]);
    }
  });

  it('gives up on a subgraph that does not answer within the timeout, and answers with the rest', async () => {
    const hub = await startTestHub('pglite');
    // A "surveys" subgraph that accepts the connection and never answers.
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const gateway = await hub.startGateway({ subgraphTimeoutMs: 300, subgraphUrls: { surveys: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql` } });
    try {
      const { body } = await postGraphQL(gateway.url, QUERY);
      expect(body.data).toMatchObject({ municipality: { name: 'Lund', surveyResults: null } });
      expect(body.errors?.[0]?.message).toBe('The surveys subgraph is unavailable (no answer within 300 ms); the fields it serves are missing from this answer.');
    } finally {
      await gateway.close();
      silent.closeAllConnections();
      silent.close();
      await hub.close();
    }
  });
});
