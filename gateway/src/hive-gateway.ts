/**
 * Hive Gateway (The Guild's `@graphql-hive/gateway-runtime`) serving the committed supergraph,
 * unchanged: a production router for a hub that outgrows one machine, and the peer `npm run bench`
 * measures our gateway against (test/hive.int.test.ts asks both the same questions and expects the
 * same answers).
 *
 * To put the hub behind it, run the subgraphs as usual and, instead of our gateway,
 *
 *     PORT=4000 HOST=0.0.0.0 AGREEMENTS_URL=http://10.0.0.4:8080/graphql … samverkan-hive-gateway
 *
 * (`node gateway/bin/samverkan-hive-gateway.js` in a checkout, after `npm run build`). Each
 * subgraph of the registry in `@samverkan/hub` is found at its `<PREFIX>_URL` (one URL: Hive
 * Gateway does not take our comma-separated replicas; put a load balancer behind that URL), else
 * on this machine at its port.
 *
 * Signed-in callers keep who they are there: the runner adds `useSamverkanHop` (hive-hop.ts), which
 * verifies the bearer token as our gateway does (`SAMVERKAN_JWT_SECRET`, or `SAMVERKAN_JWKS_URL`
 * with `SAMVERKAN_JWT_ISSUER` and `SAMVERKAN_JWT_AUDIENCE`) and signs each subgraph fetch with the
 * trusted hop (`SAMVERKAN_HOP_SECRET`, the subgraphs' secret). The limits, the response cache and
 * GraphiQL of our gateway are not there.
 */
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { SUBGRAPHS, subgraphUrl } from '@samverkan/hub';
import { checkSecretStrength, DEVELOPMENT_HOP_SECRET, DEVELOPMENT_JWT_SECRET, type TokenVerifierOptions } from '@samverkan/schema';
import { replicaUrls } from '@samverkan/server';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gatewayOptionsFromEnv } from './gateway';
import { useSamverkanHop } from './hive-hop';
import { SUPERGRAPH_PATH, subgraphsOf } from './supergraph';

/** Options of {@link startHiveGateway}. */
export interface HiveGatewayOptions {
  /** The port; 0 picks a free one. @default 0 (`PORT`) */
  port?: number;
  /** The interface. @default '127.0.0.1' (`HOST`) */
  host?: string;
  /** Where each subgraph runs, by its name in the supergraph. @default the supergraph's URLs (`<PREFIX>_URL` of each registered subgraph) */
  subgraphUrls?: Record<string, string>;
  /** How bearer tokens are verified. @default the development secret (`SAMVERKAN_JWT_SECRET`, `SAMVERKAN_JWKS_URL`) */
  tokens?: TokenVerifierOptions;
  /** The secret that signs the actor towards subgraphs. @default the development secret (`SAMVERKAN_HOP_SECRET`) */
  hopSecret?: string;
}

/** Reads Hive Gateway's options from the environment: `PORT`, `HOST` and every registered subgraph's URL. */
export function hiveGatewayOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): HiveGatewayOptions {
  const subgraphUrls: Record<string, string> = {};
  for (const subgraph of SUBGRAPHS) {
    const urls = replicaUrls(subgraphUrl(subgraph, env));
    if (urls.length !== 1) throw new Error(`${subgraph.envPrefix}_URL names ${urls.length} URLs; Hive Gateway takes one per subgraph.`);
    subgraphUrls[subgraph.name] = urls[0]!;
  }
  const { tokens, hopSecret } = gatewayOptionsFromEnv(env);
  return {
    ...(env.PORT ? { port: Number(env.PORT) } : {}),
    ...(env.HOST ? { host: env.HOST } : {}),
    subgraphUrls,
    ...(tokens ? { tokens } : {}),
    ...(hopSecret ? { hopSecret } : {}),
  };
}

/** Starts Hive Gateway on the committed supergraph; nothing leaves the machine (no usage reporting, no CDN, no GraphiQL). */
export async function startHiveGateway(options: HiveGatewayOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const hopSecret = options.hopSecret ?? DEVELOPMENT_HOP_SECRET;
  checkSecretStrength('SAMVERKAN_HOP_SECRET', hopSecret);
  if (!options.tokens?.jwksUrl) checkSecretStrength('SAMVERKAN_JWT_SECRET', options.tokens?.secret ?? DEVELOPMENT_JWT_SECRET);
  const supergraph = fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
  const subgraphUrls = options.subgraphUrls ?? Object.fromEntries(subgraphsOf(supergraph).map((subgraph) => [subgraph.name, subgraph.url]));
  const runtime = createGatewayRuntime({
    supergraph,
    plugins: () => [useSamverkanHop({ hopSecret, tokens: options.tokens ?? {}, subgraphUrls })],
    transportEntries: Object.fromEntries(Object.entries(subgraphUrls).map(([name, location]) => [name, { location }])),
    graphiql: false,
    landingPage: false,
    logging: 'error',
    // The subgraphs' own messages, as our gateway passes them on.
    maskedErrors: false,
  });
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer(runtime);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.dispose();
    },
  };
}
