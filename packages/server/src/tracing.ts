import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type * as ContextAsyncHooks from '@opentelemetry/context-async-hooks';
import type * as Core from '@opentelemetry/core';
import type * as ExporterTraceOtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as Resources from '@opentelemetry/resources';
import type * as SdkTraceBase from '@opentelemetry/sdk-trace-base';
import type { StatementTracer } from '@samverkan/db';
import { type Logger, setLogContext } from '@samverkan/log';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * OpenTelemetry traces, off by default. With an OTLP endpoint configured, the gateway and every
 * subgraph record spans and send them (OTLP over HTTP, JSON) to a collector: one trace per client
 * request, across processes. The gateway records a server span per request, Apollo Gateway's own
 * spans within it (`gateway.request`, `gateway.plan`, `gateway.fetch` …) and passes the W3C
 * `traceparent` on with each fetch; a subgraph continues that trace with its own server span and
 * a span per SQL statement.
 *
 * Without an endpoint nothing of the SDK is even loaded, and a request costs nothing more.
 */

/** Where spans go. Tracing is on when there is an endpoint. */
export interface TracingOptions {
  /**
   * The OTLP/HTTP traces URL, e.g. `http://collector:4318/v1/traces`; spans are sent as JSON.
   * @default `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`; neither: tracing off
   */
  endpoint: string;
  /** The spans' `service.name`. @default `OTEL_SERVICE_NAME`, else the service's own name (`gateway`, `agreements` …) */
  serviceName?: string;
}

/**
 * The tracing the environment asks for, or `undefined` (off): the standard OpenTelemetry variables
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_EXPORTER_OTLP_ENDPOINT`, and `OTEL_SERVICE_NAME`.
 * `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` turns it off. The exporter itself reads
 * `OTEL_EXPORTER_OTLP_HEADERS` and `OTEL_EXPORTER_OTLP_TIMEOUT`; the provider `OTEL_TRACES_SAMPLER`
 * and the batching `OTEL_BSP_*`.
 */
export function tracingOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): TracingOptions | undefined {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return undefined;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || (base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (!endpoint) return undefined;
  return { endpoint, ...(env.OTEL_SERVICE_NAME ? { serviceName: env.OTEL_SERVICE_NAME } : {}) };
}

/** The tracing of one service. */
export interface Tracing {
  readonly serviceName: string;
  /**
   * Runs `handle` (the handling of one HTTP request) inside a server span that continues the
   * caller's trace from its `traceparent` header, or starts a new one.
   */
  serveRequest<T>(request: IncomingMessage, response: ServerResponse, handle: () => Promise<T>): Promise<T>;
  /** Runs one SQL statement inside a client span, a child of the current span. Statements outside a traced request (migrations, seeding) are not traced. */
  traceStatement: StatementTracer;
  /** Sends the spans finished so far. Never fails: spans that cannot be sent are dropped, and the log says so. */
  flush(): Promise<void>;
  /**
   * Sends what is left and stops; never fails, as {@link flush}. The last tracing of the process
   * also takes its global context manager and propagator away.
   */
  shutdown(): Promise<void>;
}

/** The longest `db.statement` recorded, in characters. */
const MAX_STATEMENT = 2000;

// The SDK is loaded only when tracing starts: with tracing off, not even its modules are read.
function load<Module>(name: string): Module {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above; typed by the caller
  return require(name) as Module;
}

let globalUsers = 0;
let ownsContextManager = false;
let ownsPropagator = false;

/** The process's context manager (async context), propagator (W3C trace context) and log fields: shared by every tracing in it. */
function useGlobals(): void {
  globalUsers += 1;
  if (globalUsers > 1) return;
  const { AsyncLocalStorageContextManager } = load<typeof ContextAsyncHooks>('@opentelemetry/context-async-hooks');
  const { W3CTraceContextPropagator } = load<typeof Core>('@opentelemetry/core');
  ownsContextManager = context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  ownsPropagator = propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  // Every log line written inside a traced request names its trace.
  setLogContext(() => {
    const span = trace.getActiveSpan();
    return span ? { traceId: span.spanContext().traceId } : undefined;
  });
}

function releaseGlobals(): void {
  globalUsers -= 1;
  if (globalUsers > 0) return;
  setLogContext(undefined);
  if (ownsPropagator) propagation.disable();
  if (ownsContextManager) context.disable();
  ownsPropagator = ownsContextManager = false;
}

/**
 * An exporter that says in the log when spans cannot be sent (the collector does not answer), once,
 * and again once they can.
 */
function reportingExporter(exporter: SdkTraceBase.SpanExporter, endpoint: string, log: Logger | undefined): SdkTraceBase.SpanExporter {
  const { ExportResultCode } = load<typeof Core>('@opentelemetry/core');
  let failing = false;
  return {
    export: (spans, done) =>
      exporter.export(spans, (result) => {
        const failed = result.code !== ExportResultCode.SUCCESS;
        if (failed && !failing) log?.warn(`tracing: cannot send spans to ${endpoint}: ${result.error?.message ?? 'failed'}; spans are dropped until it answers`);
        if (!failed && failing) log?.info(`tracing: sending spans to ${endpoint} again`);
        failing = failed;
        done(result);
      }),
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

const statementName = (sql: string) => /^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';

/**
 * Starts tracing for one service: a tracer provider with its `service.name` that sends its spans
 * in batches to the endpoint. `global` registers it as the process's provider, so that libraries
 * that trace through the OpenTelemetry API (Apollo Gateway) land in it; one service a process
 * should (the gateway). Several services in one process (the tests) each have their own provider
 * and share the context manager and propagator.
 */
export function startTracing(serviceName: string, options: TracingOptions, settings: { global?: boolean; log?: Logger } = {}): Tracing {
  const { BasicTracerProvider, BatchSpanProcessor } = load<typeof SdkTraceBase>('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = load<typeof ExporterTraceOtlpHttp>('@opentelemetry/exporter-trace-otlp-http');
  const { defaultResource, envDetector, resourceFromAttributes } = load<typeof Resources>('@opentelemetry/resources');
  const name = options.serviceName ?? serviceName;
  const provider = new BasicTracerProvider({
    // SDK attributes, then OTEL_RESOURCE_ATTRIBUTES, then the service's name.
    resource: defaultResource()
      .merge(resourceFromAttributes(envDetector.detect().attributes ?? {}))
      .merge(resourceFromAttributes({ 'service.name': name })),
    spanProcessors: [new BatchSpanProcessor(reportingExporter(new OTLPTraceExporter({ url: options.endpoint }), options.endpoint, settings.log))],
  });
  useGlobals();
  const ownsProvider = settings.global === true && trace.setGlobalTracerProvider(provider);
  const tracer = provider.getTracer('@samverkan/server');
  let stopped = false;

  return {
    serviceName: name,
    serveRequest: async (request, response, handle) => {
      const parent = propagation.extract(ROOT_CONTEXT, request.headers);
      const method = request.method ?? 'GET';
      const path = (request.url ?? '/').split('?')[0]!;
      const span = tracer.startSpan(
        `${method} ${path}`,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path, 'http.route': path } },
        parent,
      );
      try {
        return await context.with(trace.setSpan(parent, span), handle);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.setAttribute('http.response.status_code', response.statusCode);
        if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    },
    traceStatement: (sql, run) => {
      const active = context.active();
      if (!trace.getSpan(active)?.isRecording()) return run();
      const span = tracer.startSpan(
        statementName(sql),
        {
          kind: SpanKind.CLIENT,
          attributes: { 'db.system': 'postgresql', 'db.statement': sql.length > MAX_STATEMENT ? `${sql.slice(0, MAX_STATEMENT)}…` : sql },
        },
        active,
      );
      return run().then(
        (result) => {
          span.end();
          return result;
        },
        (error: unknown) => {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          span.end();
          throw error;
        },
      );
    },
    // A collector that does not answer must not fail a request or a shutdown: the exporter logs it.
    flush: () => provider.forceFlush().catch(() => {}),
    shutdown: async () => {
      if (stopped) return;
      stopped = true;
      try {
        await provider.shutdown().catch(() => {});
      } finally {
        if (ownsProvider) trace.disable();
        releaseGlobals();
      }
    },
  };
}

/**
 * The headers that carry the current trace to another service (`traceparent`), to add to an
 * outgoing request; none when tracing is off or no span is active.
 */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}

/**
 * An Apollo Server plugin (used only when tracing is on) that names the GraphQL operation on the
 * request's server span: `graphql.operation.name` (for a subgraph, the gateway's name of the
 * fetch, e.g. `Overview__actions__1`) and `graphql.operation.type`.
 */
export function graphqlSpanAttributes<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operationName, operation }) => {
        trace.getActiveSpan()?.setAttributes({ ...(operation ? { 'graphql.operation.type': operation.operation } : {}), ...(operationName ? { 'graphql.operation.name': operationName } : {}) });
      },
    }),
  };
}
