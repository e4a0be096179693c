import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import {
  applyMigrations,
  applyMigrationsApart,
  type Database,
  type DatabaseConfig,
  databaseConfigFor,
  openDatabase,
  prismaProject,
} from '@samverkan/db';
import { dependencyUrls, subgraphEntry, subgraphPort } from '@samverkan/hub';
import { createLogger, type Logger } from '@samverkan/log';
import { EMPTY_ORGANISATION, type OrganisationSnapshot } from '@samverkan/geo';
import { checkSecretStrength, DATA_VERSION_PATH, DEVELOPMENT_HOP_SECRET, type SubgraphContext, verifyActorHeaders } from '@samverkan/schema';
import type { GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dataVersionRoute } from './data-version-route';
import { closeGracefully, createGraphQLHttpHandler, sendJson } from './http';
import { effectiveLimits, hideSuggestions, limitRules, limitsFromEnv, type RequestLimits, useCostLimit } from './limits';
import { apolloLogger } from './logging';
import { metricsEnabled, sendMetrics, subgraphMetrics } from './metrics';
import { NO_ORGANISATION, type OrganisationCopy, remoteOrganisation } from './police-organisation';
import { graphqlSpanAttributes, startTracing, type Tracing, type TracingOptions, tracingOptionsFromEnv } from './tracing';

/** The little a subgraph needs of its Prisma client. */
export interface PrismaClientLike {
  $executeRawUnsafe(query: string): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $disconnect(): Promise<void>;
}

/** The context of a subgraph's resolvers: the actor, a request id, the service's Prisma client and where its peers are. */
export interface ServiceContext<Client> extends SubgraphContext {
  db: Client;
  /** The URL settings of the subgraphs this one asks itself (the registry's `dependsOn`), by name. */
  peers: Readonly<Record<string, string>>;
  /**
   * The police organisation (see `police-organisation.ts`), once per request: SERVICE_UNAVAILABLE
   * when there is no copy, so a write that needs coverage fails rather than guesses.
   */
  organisation(): Promise<OrganisationSnapshot>;
  /**
   * The copy a police caller's rights are read from, loaded before the resolvers run (synchronous
   * rules need it). Without a copy, and for every other caller, no unit below the regions: police
   * coverage reads as none (fail closed).
   */
  accessOrganisation: OrganisationSnapshot;
}

/** What a service tells the runner about itself. */
export interface SubgraphDefinition<Client extends PrismaClientLike> {
  /** The subgraph's name in the registry (`@samverkan/hub`), e.g. "agreements": selects its port, settings, database and log prefix. */
  name: string;
  /** The service's folder (with `prisma/schema.prisma` and `prisma/migrations`). */
  serviceDir: string;
  /** Its executable subgraph schema. */
  schema: GraphQLSchema;
  /** Makes the service's Prisma client on a driver adapter. */
  createClient: (adapter: SqlDriverAdapterFactory) => Client;
  /** Loads reference data; must be idempotent (it runs at every start). `organisation` is the service's source of the police organisation. */
  seed?: (client: Client, log: Logger, organisation: OrganisationCopy) => Promise<void>;
  /** Where the police organisation comes from when the service keeps it itself (agreements); others keep a copy from `peers.agreements`. */
  organisation?: (client: Client) => OrganisationCopy;
  /**
   * Work the service does beside answering requests (the notifications subgraph's delivery worker):
   * started once the subgraph serves, stopped (and awaited) before its database closes.
   */
  background?: (client: Client, runtime: BackgroundRuntime) => { stop(): Promise<void> };
}

/** What a service's background work is given. */
export interface BackgroundRuntime {
  log: Logger;
  /** The URL settings of the subgraphs it asks itself, by name. */
  peers: Readonly<Record<string, string>>;
  /** The secret that signs the trusted hop (for asking the peers as an actor). */
  hopSecret: string;
}

/** How to run a subgraph. */
export interface StartSubgraphOptions {
  /** The port; 0 picks a free one. @default `<PREFIX>_PORT`, else the registry's default port */
  port?: number;
  /** The URL settings of the subgraphs it asks itself, by name. @default from the environment (`<PREFIX>_URL`), else their default ports */
  peerUrls?: Readonly<Record<string, string>>;
  /** The interface to listen on. @default '127.0.0.1', or `HOST` */
  host?: string;
  /** Where its data lives. @default from the environment (`databaseConfigFor`) */
  database?: DatabaseConfig;
  /** The secret that signs the gateway's actor headers. @default `SAMVERKAN_HOP_SECRET`, or the development secret */
  hopSecret?: string;
  /** Whether to log; `false` leaves only errors. @default true */
  log?: boolean;
  /** Where to send traces; `null` turns tracing off. @default from the environment (`tracingOptionsFromEnv`): off unless an OTLP endpoint is set */
  tracing?: TracingOptions | null;
  /** Limits on each request, as the gateway's (a subgraph may be reached behind another router). @default from the environment (`limitsFromEnv`) */
  limits?: RequestLimits;
  /** Where the police organisation comes from. @default the definition's own, else a copy kept from `peers.agreements` */
  organisation?: OrganisationCopy;
  /**
   * On PostgreSQL, apply migrations in a child process (`applyMigrationsApart`), so that the schema
   * engine's memory is not kept for the life of the service. @default false; true in `runSubgraphProcess`
   */
  migrateApart?: boolean;
}

/** A running subgraph. */
export interface RunningSubgraph<Client> {
  name: string;
  /** Its GraphQL URL, e.g. http://127.0.0.1:<port>/graphql */
  url: string;
  port: number;
  database: Database;
  client: Client;
  /** GraphQL requests served so far (for tests and benchmarks that count fetches). */
  readonly graphqlRequests: number;
  /** Stops the HTTP server, the Prisma client and the database. */
  close(): Promise<void>;
}

/**
 * Starts a subgraph: opens its database, applies pending migrations, loads reference data, and
 * serves GraphQL at `/graphql`, liveness at `/health` and readiness (the database answers) at `/ready`.
 */
export async function startSubgraph<Client extends PrismaClientLike>(
  definition: SubgraphDefinition<Client>,
  options: StartSubgraphOptions = {},
): Promise<RunningSubgraph<Client>> {
  const log = createLogger(definition.name, options.log === false ? { level: 'error' } : {});
  const entry = subgraphEntry(definition.name);
  const port = options.port ?? subgraphPort(entry);
  const peers = Object.freeze({ ...(options.peerUrls ?? dependencyUrls(entry)) });
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  const hopSecret = options.hopSecret ?? process.env.SAMVERKAN_HOP_SECRET ?? DEVELOPMENT_HOP_SECRET;
  checkSecretStrength('SAMVERKAN_HOP_SECRET', hopSecret);

  const tracingOptions = options.tracing === undefined ? tracingOptionsFromEnv() : options.tracing;
  const tracing: Tracing | undefined = tracingOptions ? startTracing(definition.name, tracingOptions, { log }) : undefined;
  let database: Database;
  try {
    database = await openDatabase(options.database ?? databaseConfigFor(definition.name), { log, ...(tracing ? { traceStatement: tracing.traceStatement } : {}) });
  } catch (error) {
    await tracing?.shutdown();
    throw error;
  }
  let client: Client | undefined;
  let httpServer: http.Server | undefined;
  let apollo: ApolloServer<ServiceContext<Client>> | undefined;
  try {
    log.info(`database: ${database.description}`);
    const db = definition.createClient(database.adapter);
    client = db;
    const organisation = options.organisation ?? definition.organisation?.(db) ?? (peers.agreements ? remoteOrganisation(peers.agreements, { log }) : NO_ORGANISATION);
    // Replicas starting together on one PostgreSQL take turns: one migrates and seeds, the next
    // finds it done.
    await database.exclusively(async () => {
      const applied = await (options.migrateApart ? applyMigrationsApart : applyMigrations)(database, prismaProject(definition.serviceDir));
      if (applied.length) log.info(`applied migrations: ${applied.join(', ')}`);
      if (definition.seed) await definition.seed(db, log, organisation);
    });

    // The gateway's limits, measured against this subgraph's own schema.
    const limits = effectiveLimits(options.limits ?? limitsFromEnv(process.env));
    apollo = new ApolloServer<ServiceContext<Client>>({
      schema: definition.schema,
      validationRules: limitRules(limits),
      // Twice the gateway's: the gateway's own fetches add keys, `__typename` and type conditions.
      parseOptions: { maxTokens: 2 * limits.maxTokens },
      hideSchemaDetailsFromClientErrors: !limits.suggestions,
      // The process stops the server itself (runSubgraphProcess / the gateway's index), in order.
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
      logger: apolloLogger(log),
      plugins: [
        // Inline traces are for Apollo's hosted studio, cache-control hints for HTTP caches we do not
        // use; both wrap every field's resolver and cost time on every request.
        ApolloServerPluginInlineTraceDisabled(),
        ApolloServerPluginCacheControlDisabled(),
        useCostLimit<ServiceContext<Client>>(limits),
        // An unexpected error (a database error, a bug) is logged in full, with its request id;
        // the client learns only that it happened (formatError), never a query, a path or a stack.
        {
          requestDidStart: async () => ({
            didEncounterErrors: async ({ errors, contextValue }) => {
              for (const error of errors) {
                const code = error.extensions?.code;
                if (code === undefined || code === 'INTERNAL_SERVER_ERROR') log.error('unexpected error', { requestId: contextValue.requestId, error: error.originalError ?? error });
              }
            },
          }),
        },
        ...(tracing ? [graphqlSpanAttributes<ServiceContext<Client>>()] : []),
        ...(limits.suggestions ? [] : [hideSuggestions<ServiceContext<Client>>()]),
      ],
      formatError: (formatted) => {
        if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR' || process.env.NODE_ENV === 'development') return formatted;
        return { ...formatted, message: `The ${definition.name} subgraph failed unexpectedly; the error is logged there.`, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      },
    });
    await apollo.start();
    let graphqlRequests = 0;
    const handler = createGraphQLHttpHandler<ServiceContext<Client>>({
      server: apollo,
      context: async (request, graphql) => {
        graphqlRequests += 1;
        const hop = verifyActorHeaders(request.headers, hopSecret, { subgraph: definition.name, ...graphql });
        const requestId = String(request.headers['x-request-id'] ?? randomUUID());
        if (hop.rejected) log.warn(`actor headers refused (${hop.rejected}); treated as anonymous`, { requestId });
        let current: Promise<OrganisationSnapshot> | undefined;
        const ofRequest = () => (current ??= organisation.current());
        const accessOrganisation = hop.actor.role === 'police' ? await ofRequest().catch(() => EMPTY_ORGANISATION) : EMPTY_ORGANISATION;
        return { actor: hop.actor, requestId, db, peers, organisation: ofRequest, accessOrganisation };
      },
      log,
      maxResponseBytes: limits.maxResponseBytes,
      ...(tracing ? { tracing } : {}),
      routes: {
        ...(metricsEnabled()
          ? (() => {
              const registry = subgraphMetrics(definition.name, { graphqlRequests: () => graphqlRequests, sqlStatements: () => database.statements.total });
              return { '/metrics': (_request: http.IncomingMessage, response: http.ServerResponse) => sendMetrics(response, registry) };
            })()
          : {}),
        '/health': (_request, response) => sendJson(response, 200, { status: 'ok', service: definition.name }),
        // A subgraph with a copy of the police organisation counts its revision in its data version.
        [DATA_VERSION_PATH]: dataVersionRoute(
          definition.name,
          db,
          hopSecret,
          log,
          definition.organisation || options.organisation ? undefined : () => organisation.current().then((copy) => `organisation-${copy.revision}`, () => 'organisation-none'),
        ),
        '/ready': async (_request, response) => {
          try {
            await db.$executeRawUnsafe('SELECT 1');
            sendJson(response, 200, { status: 'ready', service: definition.name });
          } catch (error) {
            sendJson(response, 503, { status: 'unavailable', service: definition.name, reason: (error as Error).message });
          }
        },
      },
    });
    const server = http.createServer((request, response) => void handler(request, response));
    httpServer = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const actualPort = (server.address() as AddressInfo).port;
    const url = `http://${host}:${actualPort}/graphql`;
    log.info(`ready at ${url}`);
    const background = definition.background?.(db, { log, peers, hopSecret });
    const stopApollo = apollo;
    return {
      name: definition.name,
      url,
      port: actualPort,
      database,
      client: db,
      get graphqlRequests() {
        return graphqlRequests;
      },
      close: async () => {
        await background?.stop();
        await closeGracefully(server);
        await stopApollo.stop();
        await db.$disconnect();
        await database.close();
        await tracing?.shutdown();
      },
    };
  } catch (error) {
    httpServer?.close();
    await apollo?.stop().catch(() => {});
    await client?.$disconnect().catch(() => {});
    await database.close().catch(() => {});
    await tracing?.shutdown().catch(() => {});
    throw error;
  }
}

/**
 * Runs a subgraph as a process: starts it and stops it cleanly on SIGINT/SIGTERM.
 * Exits with status 1 and a readable message when it cannot start.
 */
export function runSubgraphProcess<Client extends PrismaClientLike>(definition: SubgraphDefinition<Client>): void {
  startSubgraph(definition, { migrateApart: true }).then(
    (running) => {
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        running.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      createLogger(definition.name).error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
