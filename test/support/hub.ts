import type { TestDatabaseKind } from '@samverkan/db/testing';
import { REPOSITORY_ROOT, SUBGRAPHS } from '@samverkan/hub';
import { type PrismaClientLike, type RunningSubgraph, type SubgraphDefinition, type TracingOptions } from '@samverkan/server';
import { type Actor, signActorHeaders } from '@samverkan/schema';
import { postGraphQL, startTestSubgraph, type TestSubgraphOptions } from '@samverkan/server/testing';
import path from 'node:path';
import { type GatewayOptions, type RunningGateway, startGateway } from '../../gateway/src/gateway';
import type { PrismaClient as ActionsClient } from '../../services/actions/src/db';
import type { PrismaClient as AgreementsClient } from '../../services/agreements/src/db';
import type { PrismaClient as NotificationsClient } from '../../services/notifications/src/db';
import type { PrismaClient as SurveysClient } from '../../services/surveys/src/db';
import { freshEmbeddedDatabase } from './embedded';

/** The whole hub in this process: every subgraph of the registry on a fresh database, and the real gateway. */
export interface TestHub {
  gateway: RunningGateway;
  agreements: RunningSubgraph<AgreementsClient>;
  actions: RunningSubgraph<ActionsClient>;
  surveys: RunningSubgraph<SurveysClient>;
  notifications: RunningSubgraph<NotificationsClient>;
  /** Every subgraph by its registry name. */
  subgraphs: Record<string, RunningSubgraph<PrismaClientLike>>;
  /**
   * Another gateway over this hub's subgraphs: the test secrets, no log, no cache at all, and
   * these options on top (other limits, trusted documents only …); `subgraphUrls` replaces only the
   * subgraphs it names (a replica, a proxy, a silent one). The caller closes it.
   */
  startGateway(options?: GatewayOptions): Promise<RunningGateway>;
  close(): Promise<void>;
}

export const TEST_HOP_SECRET = 'test-hop-secret';
export const TEST_JWT_SECRET = 'test-jwt-secret';

/**
 * Posts a GraphQL operation straight to a subgraph (or one of its replicas) at `url`, signed as
 * `actor` over the trusted hop as a gateway sends it: a write that another gateway or an import
 * command makes, past the gateway under test. Returns {@link postGraphQL}'s answer.
 */
export function postPastTheGateway<Data = Record<string, unknown>>(url: string, subgraph: string, actor: Actor, query: string, variables: Record<string, unknown> = {}) {
  return postGraphQL<Data>(url, query, variables, signActorHeaders(actor, TEST_HOP_SECRET, { subgraph, query, variables }));
}

/** A service's definition, from its sources (`<dir>/src/definition.ts` exports `subgraph`). */
export function subgraphDefinition(name: string): SubgraphDefinition<PrismaClientLike> {
  const entry = SUBGRAPHS.find((subgraph) => subgraph.name === name)!;
  // The harness loads each registered service by path, so a new subgraph needs no change here.
  return (require(path.join(REPOSITORY_ROOT, entry.dir, 'src', 'definition')) as { subgraph: SubgraphDefinition<PrismaClientLike> }).subgraph; // eslint-disable-line @typescript-eslint/no-require-imports
}

/**
 * `startTestSubgraph` (a subgraph on a fresh database, on a free port; `close` also drops the
 * database), with PGlite's fresh database a copy of an empty data folder instead of a new
 * in-memory one: PGlite's initdb is skipped, and a subgraph starts several times faster (see ./embedded).
 */
export async function startHubSubgraph<Client extends PrismaClientLike>(
  definition: SubgraphDefinition<Client>,
  kind: TestDatabaseKind,
  options: TestSubgraphOptions = {},
): Promise<RunningSubgraph<Client>> {
  return startTestSubgraph(definition, kind, kind === 'pglite' ? { ...options, database: freshEmbeddedDatabase } : options);
}

/** Options of {@link startTestHub}. */
export interface TestHubOptions {
  /** How long the gateway keeps answers to anonymous reads. @default 0: tests look at fresh answers (test/cache.int.test.ts turns it on) */
  responseCacheMs?: number;
  /**
   * Whether the gateway runs with its caches as in production (entity cache, answers shared in
   * flight), so that a suite's assertions also prove them right. @default false: no cache at all,
   * so that tests counting a subgraph's SQL statements and fetches count the subgraph's own
   */
  caches?: boolean;
  /** Tracing for the gateway and every subgraph (each with its own service name). @default off, whatever the environment says */
  tracing?: TracingOptions;
}

/**
 * Starts the hub: the subgraphs in the registry's order, each given the URLs of those it depends on
 * (the registry's `dependsOn`), then the gateway in front of them.
 */
export async function startTestHub(kind: TestDatabaseKind, options: TestHubOptions = {}): Promise<TestHub> {
  const subgraphs: Record<string, RunningSubgraph<PrismaClientLike>> = {};
  const started: Promise<unknown>[] = [];
  const startedByName = new Map<string, Promise<RunningSubgraph<PrismaClientLike>>>();
  for (const entry of SUBGRAPHS) {
    const start = (async () => {
      const peers = await Promise.all(entry.dependsOn.map(async (name) => [name, (await startedByName.get(name)!).url] as const));
      const running = await startHubSubgraph(subgraphDefinition(entry.name), kind, {
        hopSecret: TEST_HOP_SECRET,
        peerUrls: Object.fromEntries(peers),
        ...(options.tracing ? { tracing: options.tracing } : {}),
      });
      subgraphs[entry.name] = running;
      return running;
    })();
    startedByName.set(entry.name, start);
    started.push(start);
  }
  const results = await Promise.allSettled(started);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.close()));
    throw failed.reason;
  }
  const gatewayOver = (gatewayOptions: GatewayOptions = {}) =>
    startGateway({
      port: 0,
      log: false,
      hopSecret: TEST_HOP_SECRET,
      tokens: { secret: TEST_JWT_SECRET },
      responseCache: { ttlMs: 0, shareInFlight: false },
      entityCache: { maxBytes: 0 },
      // Tests of the caches look at what the caches do: on a loaded CI machine a subgraph's data
      // version (one statement) once took over the production default of 1 s, and twelve identical
      // reads were answered in full, none shared.
      dataVersionDeadlineMs: 30_000,
      ...gatewayOptions,
      subgraphUrls: { ...Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url])), ...gatewayOptions.subgraphUrls },
    });
  const gateway = await gatewayOver({
    responseCache: { ttlMs: options.responseCacheMs ?? 0, shareInFlight: Boolean(options.caches) },
    ...(options.caches ? { entityCache: {} } : {}),
    ...(options.tracing ? { tracing: options.tracing } : {}),
  });
  return {
    gateway,
    agreements: subgraphs.agreements as RunningSubgraph<AgreementsClient>,
    actions: subgraphs.actions as RunningSubgraph<ActionsClient>,
    surveys: subgraphs.surveys as RunningSubgraph<SurveysClient>,
    notifications: subgraphs.notifications as RunningSubgraph<NotificationsClient>,
    subgraphs,
    startGateway: gatewayOver,
    close: async () => {
      await gateway.close();
      await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.close()));
    },
  };
}
