import { freshTestDatabase, type TestDatabase, type TestDatabaseKind } from '@samverkan/db/testing';
import type { RequestLimits } from './limits';
import type { OrganisationCopy } from './police-organisation';
import type { PrismaClientLike, RunningSubgraph, SubgraphDefinition } from './subgraph';
import { startSubgraph } from './subgraph';
import type { TracingOptions } from './tracing';

/** Options of {@link startTestSubgraph}. */
export interface TestSubgraphOptions {
  /** The secret of the gateway's signed hop. @default the development secret */
  hopSecret?: string;
  /** Where to send traces. @default none: tracing off (the environment is not read) */
  tracing?: TracingOptions;
  /** The URLs of the subgraphs it asks itself, by name. @default their default ports */
  peerUrls?: Readonly<Record<string, string>>;
  /** Limits on each request. @default the defaults (the environment is not read) */
  limits?: RequestLimits;
  /** Where the police organisation comes from (a subgraph tested without the agreements subgraph). @default as `startSubgraph` */
  organisation?: OrganisationCopy;
  /** The fresh database to start on (dropped on close). @default `freshTestDatabase(kind)` */
  database?: () => TestDatabase | Promise<TestDatabase>;
}

/** A subgraph started for a test on a fresh database, on a free port; `close` also drops that database. */
export async function startTestSubgraph<Client extends PrismaClientLike>(
  definition: SubgraphDefinition<Client>,
  kind: TestDatabaseKind,
  options: TestSubgraphOptions = {},
): Promise<RunningSubgraph<Client>> {
  const database = await (options.database ?? (() => freshTestDatabase(kind)))();
  let running: RunningSubgraph<Client>;
  try {
    running = await startSubgraph(definition, {
      port: 0,
      database: database.config,
      log: false,
      tracing: options.tracing ?? null,
      ...(options.hopSecret ? { hopSecret: options.hopSecret } : {}),
      ...(options.peerUrls ? { peerUrls: options.peerUrls } : {}),
      ...(options.organisation ? { organisation: options.organisation } : {}),
      limits: options.limits ?? {},
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const stop = running.close;
  // Keep the running subgraph's live getters (e.g. graphqlRequests); only closing does more.
  return Object.assign(running, {
    close: async () => {
      await stop();
      await database.drop();
    },
  });
}

/** Posts a GraphQL operation and returns the parsed response body and status. */
export async function postGraphQL<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: Data | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never };
}
