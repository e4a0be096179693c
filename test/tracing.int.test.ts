import { propagation, trace } from '@opentelemetry/api';
import { testDatabaseKinds } from '@samverkan/db/testing';
import { postGraphQL } from '@samverkan/server/testing';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestHub, type TestHub } from './support/hub';

/**
 * OpenTelemetry traces across the gateway and the subgraphs, exported to a tiny OTLP/HTTP receiver
 * in this test (it collects the JSON that the services POST to /v1/traces).
 *
 * One traced hub per process: Apollo Gateway takes its tracer from the process's provider once
 * and keeps it, as a gateway process would. So this file starts the traced hub once, on PostgreSQL
 * when TEST_POSTGRES_URL is set (the SQL spans come from the driver adapter either way).
 */

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
}
interface OtlpExport {
  resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[] }[];
}

/** A span as the test reads it: its service and attributes as plain values. */
interface Span {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  kind: number;
  attributes: Record<string, string | number | undefined>;
}

const valueOf = (value: OtlpValue) => value.stringValue ?? (value.intValue === undefined ? undefined : Number(value.intValue));
const attributesOf = (attributes: OtlpAttribute[] = []) => Object.fromEntries(attributes.map((a) => [a.key, valueOf(a.value)]));

/** An OTLP/HTTP receiver of traces (JSON). */
async function startReceiver() {
  const posts: { path: string; contentType: string; body: OtlpExport }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      posts.push({ path: request.url ?? '', contentType: String(request.headers['content-type']), body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`,
    posts,
    spans: (): Span[] =>
      posts.flatMap(({ body }) =>
        body.resourceSpans.flatMap((resourceSpans) => {
          const service = String(attributesOf(resourceSpans.resource.attributes)['service.name']);
          return resourceSpans.scopeSpans.flatMap((scope) =>
            scope.spans.map((span) => ({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              kind: span.kind,
              attributes: attributesOf(span.attributes),
            })),
          );
        }),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// One query through the gateway that reaches two subgraphs: Lund from agreements, its actions from actions.
const QUERY = `query LundActions { municipality(code: "1281") { name actions { title } } }`;
const SPAN_KIND = { SERVER: 2, CLIENT: 3 };

/** Whether any tracer provider is set in this process: a noop tracer's span never records. */
const tracerProviderSet = () => trace.getTracer('probe').startSpan('probe').isRecording();

const kind = testDatabaseKinds().at(-1)!;

describe(`traces on ${kind}`, () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let hub: TestHub | undefined;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await hub?.close();
    await receiver?.close();
  });

  it('are off by default: no provider, no propagator, nothing exported', async () => {
    hub = await startTestHub(kind);
    const { body } = await postGraphQL<{ municipality: { name: string; actions: unknown[] } }>(hub.gateway.url, QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data!.municipality.name).toBe('Lund');
    expect(tracerProviderSet()).toBe(false);
    expect(propagation.fields()).toEqual([]);
    await hub.close();
    hub = undefined;
    expect(receiver.posts).toEqual([]);
  });

  it('follow one request from the gateway into two subgraphs and their SQL, in one trace', async () => {
    hub = await startTestHub(kind, { tracing: { endpoint: receiver.url } });
    expect(tracerProviderSet()).toBe(true);
    expect(propagation.fields()).toContain('traceparent');
    const { body } = await postGraphQL<{ municipality: { name: string; actions: unknown[] } }>(hub.gateway.url, QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data!.municipality.actions.length).toBeGreaterThan(0);
    // Closing sends the spans still waiting in each service's batch, and takes the globals away.
    await hub.close();
    hub = undefined;
    expect(tracerProviderSet()).toBe(false);

    expect(receiver.posts.length).toBeGreaterThan(0);
    for (const post of receiver.posts) {
      expect(post.path).toBe('/v1/traces');
      expect(post.contentType).toContain('application/json');
    }
    const spans = receiver.spans();
    const byId = new Map(spans.map((span) => [span.spanId, span]));

    // The gateway's server span is the root of the request's trace.
    const root = spans.find((s) => s.service === 'gateway' && s.kind === SPAN_KIND.SERVER && s.name === 'POST /graphql');
    expect(root).toBeDefined();
    expect(root!.parentSpanId).toBeUndefined();
    expect(root!.attributes['http.response.status_code']).toBe(200);
    const inTrace = spans.filter((s) => s.traceId === root!.traceId);
    // Everything exported belongs to that one request (start-up and health checks are not traced).
    expect(inTrace).toHaveLength(spans.length);
    expect(new Set(inTrace.map((s) => s.service))).toEqual(new Set(['gateway', 'agreements', 'actions']));

    // Apollo Gateway's own spans, within the server span.
    const names = new Set(inTrace.filter((s) => s.service === 'gateway').map((s) => s.name));
    for (const name of ['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']) expect(names).toContain(name);

    // Each subgraph's server span is the child of the gateway's fetch from it.
    for (const service of ['agreements', 'actions']) {
      const server = inTrace.filter((s) => s.service === service && s.kind === SPAN_KIND.SERVER);
      expect(server).toHaveLength(1);
      const parent = byId.get(server[0]!.parentSpanId!);
      expect(parent).toMatchObject({ service: 'gateway', name: 'gateway.fetch', attributes: { service } });
      expect(server[0]!.attributes['graphql.operation.name']).toMatch(new RegExp(`^LundActions__${service}__\\d+$`));

      // …and the parent of its SQL statements.
      const statements = inTrace.filter((s) => s.service === service && s.kind === SPAN_KIND.CLIENT);
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(statement.parentSpanId).toBe(server[0]!.spanId);
        expect(statement.attributes['db.system']).toBe('postgresql');
        expect(String(statement.attributes['db.statement'])).toMatch(new RegExp(`^${statement.name}\\b`, 'i'));
      }
      expect(statements.map((s) => s.name)).toContain('SELECT');
    }
  });
});
