/**
 * Hive Gateway (The Guild's `@graphql-hive/gateway-runtime`) serving our committed supergraph,
 * unchanged: the peer the benchmark measures our gateway against, and the proof (test/hive.test.ts)
 * that a user who outgrows one machine can put the hub behind a production router.
 *
 * It forwards no actor: the subgraphs believe only the actor our gateway signs, so through Hive
 * every caller is anonymous (public records only). The benchmark compares anonymous reads.
 *
 * Run as a process (the benchmark does): `node bench/dist/hive-gateway.js`, with `PORT` and the
 * subgraphs' `AGREEMENTS_URL`, `ACTIONS_URL`, `SURVEYS_URL`.
 */
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Options of {@link startHiveGateway}. */
export interface HiveGatewayOptions {
  /** The port; 0 picks a free one. @default 0 */
  port?: number;
  /** Where each subgraph runs, by its name in the supergraph. @default the supergraph's URLs */
  subgraphUrls?: Record<string, string>;
  /** The supergraph SDL. @default the committed `gateway/supergraph.graphql` */
  supergraphSdl?: string;
}

/** The committed supergraph (the same file our gateway serves). */
export const COMMITTED_SUPERGRAPH = path.join(__dirname, '..', '..', 'gateway', 'supergraph.graphql');

/** Starts Hive Gateway on the supergraph; nothing leaves the machine (no usage reporting, no CDN, no GraphiQL). */
export async function startHiveGateway(options: HiveGatewayOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const runtime = createGatewayRuntime({
    supergraph: options.supergraphSdl ?? fs.readFileSync(COMMITTED_SUPERGRAPH, 'utf8'),
    transportEntries: Object.fromEntries(Object.entries(options.subgraphUrls ?? {}).map(([name, location]) => [name, { location }])),
    graphiql: false,
    landingPage: false,
    logging: 'error',
    // The subgraphs' own messages, as our gateway passes them on.
    maskedErrors: false,
  });
  const server = http.createServer(runtime);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.dispose();
    },
  };
}

if (require.main === module) {
  const subgraphUrls = Object.fromEntries(
    ['agreements', 'actions', 'surveys'].flatMap((name) => {
      const url = process.env[`${name.toUpperCase()}_URL`];
      return url ? [[name, url]] : [];
    }),
  );
  startHiveGateway({ port: Number(process.env.PORT ?? 4000), subgraphUrls }).then(
    (gateway) => {
      const stop = () => void gateway.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(`[hive-gateway] could not start: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
