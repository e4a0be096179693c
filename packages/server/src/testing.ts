import { freshTestDatabase, type TestDatabaseKind } from '@samverkan/db';
import type { PrismaClientLike, RunningSubgraph, SubgraphDefinition } from './subgraph';
import { startSubgraph } from './subgraph';
import type { TracingOptions } from './tracing';

/**
 * A subgraph started for a test on a fresh database; `close` also drops that database. Tracing is
 * off unless `tracing` is given (the environment is not read).
 */
export async function startTestSubgraph<Client extends PrismaClientLike>(
  definition: SubgraphDefinition<Client>,
  kind: TestDatabaseKind,
  hopSecret?: string,
  tracing?: TracingOptions,
): Promise<RunningSubgraph<Client>> {
  const database = freshTestDatabase(kind);
  const running = await startSubgraph(definition, {
    port: 0,
    database: database.config,
    log: false,
    tracing: tracing ?? null,
    ...(hopSecret ? { hopSecret } : {}),
  });
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
