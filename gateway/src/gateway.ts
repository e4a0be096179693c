import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GATEWAY_DEFAULT_PORT, localSubgraphUrl, SUBGRAPHS } from '@samverkan/hub';
import {
  AuthenticationError,
  checkSecretStrength,
  createTokenVerifier,
  DEVELOPMENT_HOP_SECRET,
  DEVELOPMENT_JWT_SECRET,
  ErrorCode,
  signActorHeaders,
  type TokenVerifierOptions,
} from '@samverkan/schema';
import { createLogger } from '@samverkan/log';
import {
  apolloLogger,
  closeGracefully,
  createGraphQLHttpHandler,
  metricsEnabled,
  replicaFetcher,
  replicaUrls,
  type Refusal,
  responseTooLargeMessage,
  sendGraphQLError,
  sendJson,
  sendMetrics,
  startTracing,
  traceHeaders,
  type TracingOptions,
  tracingOptionsFromEnv,
  useCostLimit,
} from '@samverkan/server';
import { GraphQLError } from 'graphql';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { actorOfRequest, type GatewayContext } from './context';
import { createGraphiQLPage } from './graphiql';
import { GatewayMetrics } from './metrics';
import { EntityCache, type EntityCacheOptions } from './entity-cache';
import { DataVersions, httpDataVersionSources, PlannedSubgraphs, useDataVersion } from './data-version';
import { type ResponseCacheOptions, useResponseCache } from './response-cache';
import { createRateLimiter, effectiveLimits, hideSuggestions, limitRules, limitsFromEnv, type RequestLimits, useOperationChecks } from './limits';
import { SUPERGRAPH_PATH, subgraphsOf } from './supergraph';
import { subgraphStatesOf, workspaceRoutes } from './routes';
import { gatewayWorkspaceFromEnv, type WorkspaceOptions } from './workspace';
import { API_SCHEMA_ROUTE, createApiSchemaRoute } from './api-schema';
import { createTrustedDocuments, trustedDocumentsModeFromEnv, type TrustedDocumentsOptions } from './trusted-documents';

/** Options of {@link startGateway}; `gatewayOptionsFromEnv` reads those that have an environment variable. */
export interface GatewayOptions {
  /** The port. @default GATEWAY_DEFAULT_PORT of `@samverkan/hub`, 4000 (`PORT`) */
  port?: number;
  /** The interface. @default '127.0.0.1' (`HOST`) */
  host?: string;
  /**
   * Subgraph URLs by name, overriding the committed supergraph's (`<PREFIX>_URL` of each subgraph
   * in the registry of `@samverkan/hub`, e.g. `AGREEMENTS_URL`). Several replicas of one subgraph:
   * URLs separated by commas; fetches go round-robin, and a replica that goes away costs no
   * request (see {@link replicaFetcher}).
   */
  subgraphUrls?: Record<string, string>;
  /** How bearer tokens are verified. @default the development secret (`SAMVERKAN_JWT_SECRET`, `SAMVERKAN_JWKS_URL`) */
  tokens?: TokenVerifierOptions;
  /** The secret that signs the actor towards subgraphs. @default the development secret (`SAMVERKAN_HOP_SECRET`) */
  hopSecret?: string;
  /** How long a subgraph may take to answer one fetch, in ms, before its part is given up. @default 10000 (`SAMVERKAN_SUBGRAPH_TIMEOUT_MS`) */
  subgraphTimeoutMs?: number;
  /** Limits on each request (depth, aliases, cost, tokens, size of request and answer, rate, introspection, suggestions). @default see `RequestLimits` */
  limits?: RequestLimits;
  /** Whether GraphiQL's page is served at GET /graphql (counted by the rate limit). @default true, except when NODE_ENV=production (`SAMVERKAN_GRAPHIQL`, `1`/`0`) */
  graphiql?: boolean;
  /** Answers shared by identical reads in flight, and the cache of anonymous reads. @default shared in flight; cached up to 60 s, never past a write (`SAMVERKAN_RESPONSE_CACHE_MS`; 0 turns it off) */
  responseCache?: ResponseCacheOptions;
  /**
   * How long a query waits for a subgraph's data version, in ms, before it is answered without the
   * caches that need it (in full, never from an older answer). @default 1000 (`SAMVERKAN_DATA_VERSION_DEADLINE_MS`)
   */
  dataVersionDeadlineMs?: number;
  /** Entity fetches' answers kept across requests, per access scope, never past a write (see entity-cache.ts). @default 32 MiB, up to 60 s (`SAMVERKAN_ENTITY_CACHE_BYTES`, 0 turns it off; `SAMVERKAN_ENTITY_CACHE_MS`) */
  entityCache?: EntityCacheOptions;
  /** Whether to log; `false` leaves only errors. @default true */
  log?: boolean;
  /** Where to send traces. @default none: tracing off (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, `OTEL_SERVICE_NAME`) */
  tracing?: TracingOptions;
  /** The analysts' workspace at `/`: its folder and how users sign in. @default `web/dist`; sign-in by OIDC when `SAMVERKAN_OIDC_*` are set, else a pasted token outside production, none in production (see `WorkspaceOptions`) */
  workspace?: WorkspaceOptions;
  /** Which documents are answered over HTTP (see trusted-documents.ts). @default mode 'allow-arbitrary', the built manifest (`SAMVERKAN_TRUSTED_DOCUMENTS`) */
  trustedDocuments?: TrustedDocumentsOptions;
}

/**
 * A subgraph data source that passes a subgraph's own error messages on, and says which subgraph
 * failed when one is down or slow. A subgraph answers HTTP 400 when it refuses a value the gateway
 * cannot check (a custom scalar such as `Date`); Apollo's data source would report only
 * "400: Bad Request". A subgraph that does not answer within the timeout is given up on: the
 * answer holds what the other subgraphs gave, with an error naming the missing one.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    private readonly timeoutMs: number,
    private readonly metrics: GatewayMetrics | null,
    replicas: readonly string[],
    maxResponseBytes: number,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly entityCache: EntityCache | null = null,
  ) {
    super({
      ...config,
      url: replicas[0],
      // The cast: Apollo's Fetcher type names node-fetch's classes, which undici's match in use.
      fetcher: sizeLimitedFetcher(replicaFetcher(replicas, timeoutMs), maxResponseBytes) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  override async process(options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0]) {
    const started = process.hrtime.bigint();
    const took = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const actor = 'context' in options ? options.context.actor : undefined;
      const send = () => super.process(options);
      const version = 'context' in options && options.context.dataVersion ? await options.context.dataVersion.of(this.subgraphName) : null;
      const response =
        this.entityCache && actor
          ? await this.entityCache.fetch({ subgraph: this.subgraphName, query: options.request.query ?? '', variables: options.request.variables, actor, version }, send)
          : await send();
      this.metrics?.fetch(this.subgraphName, took(), Boolean(response.errors?.length));
      return response;
    } catch (error) {
      this.metrics?.fetch(this.subgraphName, took(), true);
      if (error instanceof GraphQLError) throw error; // the subgraph answered, with an error
      if (error instanceof ResponseTooLargeError) throw new GraphQLError(error.message, { extensions: { code: RESPONSE_TOO_LARGE } });
      const cause = (error as { cause?: { code?: string } }).cause;
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : (cause?.code ?? (error as Error).message);
      throw new GraphQLError(`The ${this.subgraphName} subgraph is unavailable (${reason}); the fields it serves are missing from this answer.`, {
        extensions: { code: ErrorCode.ServiceUnavailable, serviceName: this.subgraphName },
      });
    }
  }

  /**
   * The subgraph's own messages, as a client would get them from a subgraph it asked itself; never
   * Apollo's `extensions.response` (the subgraph's internal URL and its raw answer).
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: unknown } | undefined)?.body as
      | { errors?: { message?: string; extensions?: { code?: string } }[] }
      | undefined;
    const first = body?.errors?.[0];
    if (!first?.message) {
      return new GraphQLError(`The ${this.subgraphName} subgraph answered ${response.status} without saying why.`, { extensions: { code: ErrorCode.ServiceUnavailable, serviceName: this.subgraphName } });
    }
    const message = body!.errors!.map((e) => e.message).join('\n');
    return new GraphQLError(message, { extensions: { code: first.extensions?.code ?? 'BAD_USER_INPUT' } });
  }
}

/** The code of an answer refused for its size. */
const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

class ResponseTooLargeError extends Error {}

/**
 * A fetch whose answer may be at most `maxBytes` long: one declared longer is refused at once,
 * and one that grows longer while it is read is cut off there, so that the gateway never holds
 * more of one subgraph's answer than it could send.
 */
function sizeLimitedFetcher(fetcher: (url: string, init: RequestInit) => Promise<Response>, maxBytes: number) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const response = await fetcher(url, init);
    const tooLarge = () => new ResponseTooLargeError(responseTooLargeMessage(maxBytes));
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      await response.body?.cancel();
      throw tooLarge();
    }
    if (!response.body) return response;
    let size = 0;
    const limited = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength;
          if (size > maxBytes) controller.error(tooLarge());
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(limited, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/**
 * An answer of which a part was refused for its size is refused whole (400, the error alone):
 * the client learns that it asked for too much, not a part of the answer without it.
 */
function useResponseSizeLimit<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const tooLarge = response.body.singleResult.errors?.find((error) => error.extensions?.code === RESPONSE_TOO_LARGE);
          if (!tooLarge) return;
          response.body.singleResult = { errors: [{ message: tooLarge.message, extensions: { code: RESPONSE_TOO_LARGE } }] };
          response.http.status = 400;
        },
      };
    },
  };
}

/** The longest error message sent to a client, in characters. */
const MAX_ERROR_MESSAGE = 500;

/** Reads the gateway's options from the environment. */
export function gatewayOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayOptions {
  const tracing = tracingOptionsFromEnv(env);
  const subgraphUrls: Record<string, string> = {};
  for (const subgraph of SUBGRAPHS) {
    // A subgraph moved to another port on this machine (`<PREFIX>_PORT`, as `npm start` reads it) is found there.
    const url = env[`${subgraph.envPrefix}_URL`] || (env[`${subgraph.envPrefix}_PORT`] ? localSubgraphUrl(subgraph, env) : undefined);
    if (url) subgraphUrls[subgraph.name] = url;
  }
  return {
    ...(env.PORT ? { port: Number(env.PORT) } : {}),
    ...(env.HOST ? { host: env.HOST } : {}),
    subgraphUrls,
    ...gatewayWorkspaceFromEnv(env),
    tokens: {
      ...(env.SAMVERKAN_JWT_SECRET ? { secret: env.SAMVERKAN_JWT_SECRET } : {}),
      ...(env.SAMVERKAN_JWKS_URL ? { jwksUrl: env.SAMVERKAN_JWKS_URL } : {}),
      ...(env.SAMVERKAN_JWT_ISSUER ? { issuer: env.SAMVERKAN_JWT_ISSUER } : {}),
      ...(env.SAMVERKAN_JWT_AUDIENCE ? { audience: env.SAMVERKAN_JWT_AUDIENCE } : {}),
    },
    ...(env.SAMVERKAN_HOP_SECRET ? { hopSecret: env.SAMVERKAN_HOP_SECRET } : {}),
    limits: limitsFromEnv(env),
    ...(env.SAMVERKAN_GRAPHIQL ? { graphiql: ['1', 'true', 'on'].includes(env.SAMVERKAN_GRAPHIQL) } : {}),
    ...(env.SAMVERKAN_SUBGRAPH_TIMEOUT_MS ? { subgraphTimeoutMs: Number(env.SAMVERKAN_SUBGRAPH_TIMEOUT_MS) } : {}),
    ...(env.SAMVERKAN_DATA_VERSION_DEADLINE_MS ? { dataVersionDeadlineMs: Number(env.SAMVERKAN_DATA_VERSION_DEADLINE_MS) } : {}),
    ...(env.SAMVERKAN_RESPONSE_CACHE_MS || env.SAMVERKAN_SHARE_IN_FLIGHT
      ? {
          responseCache: {
            ...(env.SAMVERKAN_RESPONSE_CACHE_MS ? { ttlMs: Number(env.SAMVERKAN_RESPONSE_CACHE_MS) } : {}),
            ...(env.SAMVERKAN_SHARE_IN_FLIGHT ? { shareInFlight: env.SAMVERKAN_SHARE_IN_FLIGHT !== '0' } : {}),
          },
        }
      : {}),
    ...(env.SAMVERKAN_ENTITY_CACHE_BYTES || env.SAMVERKAN_ENTITY_CACHE_MS
      ? {
          entityCache: {
            ...(env.SAMVERKAN_ENTITY_CACHE_BYTES ? { maxBytes: Number(env.SAMVERKAN_ENTITY_CACHE_BYTES) } : {}),
            ...(env.SAMVERKAN_ENTITY_CACHE_MS ? { ttlMs: Number(env.SAMVERKAN_ENTITY_CACHE_MS) } : {}),
          },
        }
      : {}),
    ...(tracing ? { tracing } : {}),
    ...(trustedDocumentsModeFromEnv(env) ? { trustedDocuments: { mode: trustedDocumentsModeFromEnv(env)! } } : {}),
  };
}

/** A running gateway. */
export interface RunningGateway {
  /** Its GraphQL URL, e.g. http://127.0.0.1:4000/graphql */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the gateway: Apollo Gateway on the committed supergraph, GraphiQL from local files at
 * GET /graphql, `/health` (the gateway runs; subgraphs' state for information) and `/ready`
 * (503 unless every subgraph is ready).
 */
export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const log = createLogger('gateway', options.log === false ? { level: 'error' } : {});
  const hopSecret = options.hopSecret ?? DEVELOPMENT_HOP_SECRET;
  checkSecretStrength('SAMVERKAN_HOP_SECRET', hopSecret);
  const dataVersionDeadlineMs = options.dataVersionDeadlineMs ?? 1000;
  if (!Number.isInteger(dataVersionDeadlineMs) || dataVersionDeadlineMs < 1 || dataVersionDeadlineMs > 600_000) {
    // A value the timer refuses would leave every request without the caches, and nothing said.
    throw new Error(
      `SAMVERKAN_DATA_VERSION_DEADLINE_MS must be a whole number of milliseconds from 1 to 600000, not ${String(options.dataVersionDeadlineMs)} (the caches are turned off by their own settings: SAMVERKAN_ENTITY_CACHE_BYTES=0, SAMVERKAN_RESPONSE_CACHE_MS=0, SAMVERKAN_SHARE_IN_FLIGHT=0).`,
    );
  }
  if (!options.tokens?.jwksUrl) {
    try {
      checkSecretStrength('SAMVERKAN_JWT_SECRET', options.tokens?.secret ?? DEVELOPMENT_JWT_SECRET);
    } catch (error) {
      throw new Error(`Set SAMVERKAN_JWKS_URL (or a strong SAMVERKAN_JWT_SECRET) in production: ${(error as Error).message}`);
    }
  }
  const supergraphSdl = fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
  const subgraphs = subgraphsOf(supergraphSdl).map((subgraph) => ({
    ...subgraph,
    replicas: replicaUrls(options.subgraphUrls?.[subgraph.name] ?? subgraph.url),
  }));
  const replicasOf = new Map(subgraphs.map((subgraph) => [subgraph.name, subgraph.replicas]));

  const limits = effectiveLimits(options.limits);
  const trustedDocuments = createTrustedDocuments(options.trustedDocuments);
  if (trustedDocuments.mode === 'only') log.info(`answering only the ${trustedDocuments.size} trusted documents (SAMVERKAN_TRUSTED_DOCUMENTS=only)`);

  // Prometheus metrics, off unless SAMVERKAN_METRICS=1.
  const metrics = metricsEnabled() ? new GatewayMetrics() : null;
  // OpenTelemetry traces, off unless an OTLP endpoint is set. The gateway's provider is the
  // process's, so that Apollo Gateway's own spans (gateway.request, gateway.fetch …) land in it.
  const tracing = options.tracing ? startTracing('gateway', options.tracing, { global: true, log }) : undefined;
  // Apollo Gateway reports its usage to Apollo's servers every hour unless told not to: a hub of
  // public bodies, often on closed networks, sends nothing anywhere (set it to `false` to allow).
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const entityCache = new EntityCache(options.entityCache);
  const responseCache = useResponseCache(options.responseCache);
  // The data version of each query, asked of every subgraph that the caches hold answers of; when
  // it changes, nothing older is asked for again, so the caches let go of it.
  // With every cache off, nothing is asked.
  const dataVersions =
    entityCache.enabled || responseCache.enabled
      ? new DataVersions(
          subgraphs.flatMap((subgraph) => httpDataVersionSources(subgraph.name, subgraph.replicas, hopSecret, dataVersionDeadlineMs)),
          // Entity answers are kept under their own subgraph's epoch and age out; the others under all.
          () => responseCache.clear(),
          dataVersionDeadlineMs,
        )
      : null;
  // Which subgraphs each operation's plan fetches from: its data version asks only those.
  const plannedSubgraphs = dataVersions ? new PlannedSubgraphs() : null;
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: apolloLogger(log),
    experimental_didResolveQueryPlan: ({ queryPlan, requestContext }) => plannedSubgraphs?.learn(requestContext.queryHash, requestContext.request.operationName, queryPlan),
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, options.subgraphTimeoutMs ?? 10_000, metrics, replicasOf.get(name) ?? [url!], limits.maxResponseBytes, {
        willSendRequest: ({ request, context }) => {
          // Signed for this subgraph and this fetch's query and variables only (see trusted-hop.ts).
          const headers = signActorHeaders(context.actor ?? { role: 'anonymous' }, hopSecret, { subgraph: name, query: request.query ?? '', variables: request.variables ?? null });
          // With tracing on, the subgraph continues this trace (W3C traceparent of the fetch's span).
          if (tracing) Object.assign(headers, traceHeaders());
          for (const [key, value] of Object.entries(headers)) request.http?.headers.set(key, value);
        },
      }, entityCache.enabled ? entityCache : null),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    // The process stops the server itself (see index.ts), in order.
    stopOnTerminationSignals: false,
    logger: apolloLogger(log),
    persistedQueries: { cache: trustedDocuments.cache },
    plugins: [
      trustedDocuments.plugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      useOperationChecks(),
      useCostLimit(limits),
      useDataVersion(dataVersions, plannedSubgraphs),
      responseCache,
      useResponseSizeLimit(),
      ...(metrics ? [metrics.plugin<GatewayContext>()] : []),
      ...(limits.suggestions ? [] : [hideSuggestions<GatewayContext>()]),
    ],
    hideSchemaDetailsFromClientErrors: !limits.suggestions,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    introspection: limits.introspection,
    validationRules: limitRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    // Browsers may only send GraphQL with a JSON content type or a preflight header (Apollo's CSRF prevention).
    csrfPrevention: true,
    // A message that quotes a huge input (graphql-js quotes literals in full) is cut short.
    formatError: (formatted) =>
      formatted.message.length > MAX_ERROR_MESSAGE ? { ...formatted, message: `${formatted.message.slice(0, MAX_ERROR_MESSAGE)}… (message shortened)` } : formatted,
  });
  try {
    await server.start();
  } catch (error) {
    await tracing?.shutdown();
    throw error;
  }

  const actorOf = actorOfRequest(createTokenVerifier(options.tokens ?? {}));
  const graphiql = createGraphiQLPage();
  const subgraphStates = subgraphStatesOf(subgraphs);

  const rateLimiter = createRateLimiter(limits.rateLimitPerMinute);
  const serveGraphiQL = options.graphiql ?? process.env.NODE_ENV !== 'production';
  /** Every request to /graphql, GraphiQL's page too, is counted by the rate limit. */
  const admit = async (request: http.IncomingMessage): Promise<Refusal | null> => {
    // A signed-in client is counted by its token's subject, anyone else by address.
    const actor = await actorOf(request).catch(() => null);
    const key = actor && 'subject' in actor ? `subject:${actor.subject}` : `address:${request.socket.remoteAddress ?? 'unknown'}`;
    const verdict = rateLimiter.take(key);
    if (verdict.allowed) return null;
    return {
      status: 429,
      code: 'RATE_LIMITED',
      message: `Too many requests: at most ${limits.rateLimitPerMinute} a minute per client. Try again in ${verdict.retryAfterSeconds} s.`,
      headers: { 'retry-after': String(verdict.retryAfterSeconds) },
    };
  };
  // The workspace at / (files, its sign-in settings) and downloads of its tables (see routes.ts).
  const workspace = workspaceRoutes({ server, actorOf, admit, log, ...(options.workspace ? { workspace: options.workspace } : {}) });
  const handler = createGraphQLHttpHandler<GatewayContext>({
    server,
    log,
    ...(tracing ? { tracing } : {}),
    maxBodyBytes: limits.maxBodyBytes,
    maxResponseBytes: limits.maxResponseBytes,
    admit,
    fallback: workspace.fallback,
    context: async (request, graphql) => {
      trustedDocuments.check(graphql);
      try {
        return { actor: await actorOf(request) };
      } catch (error) {
        if (error instanceof AuthenticationError) {
          throw new GraphQLError(`Not signed in: ${error.message}.`, { extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } } });
        }
        throw error;
      }
    },
    routes: {
      ...workspace.routes,
      ...(metrics ? { '/metrics': (_request: http.IncomingMessage, response: http.ServerResponse) => sendMetrics(response, metrics.registry) } : {}),
      '/graphql': async (request, response) => {
        if (!graphiql.wanted(request)) return false;
        const refusal = await admit(request);
        if (refusal) sendGraphQLError(response, refusal.status, refusal.code, refusal.message, refusal.headers);
        else if (serveGraphiQL) graphiql.send(request, response);
        else sendGraphQLError(response, 404, 'NOT_FOUND', 'GraphiQL is not served here (SAMVERKAN_GRAPHIQL=1 turns it on); GraphQL is, by POST or GET with a query.');
        return true;
      },
      [API_SCHEMA_ROUTE]: createApiSchemaRoute(),
      '/health': async (_request, response) => sendJson(response, 200, { status: 'ok', subgraphs: await subgraphStates() }),
      '/ready': async (_request, response) => {
        const states = await subgraphStates();
        const ready = Object.values(states).every((state) => state.ready);
        sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', subgraphs: states });
      },
    },
  });
  const httpServer = http.createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? GATEWAY_DEFAULT_PORT, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  log.info(`Arbetsyta: ${url.replace('127.0.0.1', 'localhost').replace(/graphql$/, '')}  GraphiQL and GraphQL: ${url.replace('127.0.0.1', 'localhost')}`);
  return {
    url,
    port,
    close: async () => {
      await closeGracefully(httpServer);
      await server.stop();
      await tracing?.shutdown();
    },
  };
}
