import { trace } from '@opentelemetry/api';
import { createLogger, type LogLevel } from '@samverkan/log';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTracing, tracingOptionsFromEnv } from './tracing';

describe('tracing settings from the environment', () => {
  it('are off without an OTLP endpoint, and on with either standard variable', () => {
    expect(tracingOptionsFromEnv({})).toBeUndefined();
    expect(tracingOptionsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({ endpoint: 'http://collector:4318/v1/traces' });
    expect(tracingOptionsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/traces', OTEL_SERVICE_NAME: 'gw-1' })).toEqual({
      endpoint: 'http://b:4318/traces',
      serviceName: 'gw-1',
    });
    expect(tracingOptionsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(tracingOptionsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
  });
});

describe('a tracing', () => {
  // The exporter reads its timeout from the standard variable; a refused connection is retried until then.
  const previousTimeout = process.env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT;
  beforeAll(() => {
    process.env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT = '1000';
  });
  afterAll(() => {
    if (previousTimeout === undefined) delete process.env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT;
    else process.env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT = previousTimeout;
  });
  // A request as the HTTP handler sees it; only these fields are read.
  const request = (headers: Record<string, string> = {}) => ({ method: 'POST', url: '/graphql?x=1', headers }) as unknown as IncomingMessage;
  const response = { statusCode: 200 } as ServerResponse;

  it('says once when the collector does not answer, and again when it does', async () => {
    // A port that nobody listens on, until the collector starts there.
    const collector = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const port = (collector.address() as AddressInfo).port;
    await new Promise<void>((resolve) => collector.close(() => resolve()));

    const lines: { line: string; level: LogLevel }[] = [];
    const log = createLogger('probe', { format: 'text', write: (line, level) => lines.push({ line, level }) });
    const tracing = startTracing('probe', { endpoint: `http://127.0.0.1:${port}/v1/traces` }, { log });
    try {
      const traceId = await tracing.serveRequest(request(), response, async () => trace.getActiveSpan()?.spanContext().traceId);
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      await tracing.flush();
      await tracing.serveRequest(request(), response, async () => {});
      await tracing.flush();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 'warn' });
      expect(lines[0]!.line).toContain(`[probe] tracing: cannot send spans to http://127.0.0.1:${port}/v1/traces`);

      await new Promise<void>((resolve) => collector.listen(port, '127.0.0.1', resolve));
      await tracing.serveRequest(request(), response, async () => {});
      await tracing.flush();
      expect(lines.map((l) => l.level)).toEqual(['warn', 'info']);
      expect(lines[1]!.line).toBe(`[probe] tracing: sending spans to http://127.0.0.1:${port}/v1/traces again`);
    } finally {
      await tracing.shutdown();
      collector.close();
    }
  });

  it('continues the caller’s trace, and traces SQL only inside a traced request', async () => {
    const tracing = startTracing('probe', { endpoint: 'http://127.0.0.1:9/v1/traces' });
    try {
      const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
      const seen = await tracing.serveRequest(request({ traceparent: parent }), response, async () => {
        const inRequest = await tracing.traceStatement('SELECT 1', async () => trace.getActiveSpan()?.spanContext().spanId);
        return { traceId: trace.getActiveSpan()?.spanContext().traceId, inRequest };
      });
      expect(seen.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
      // The statement's span is not made active: what runs it still sees the request's span.
      expect(seen.inRequest).toMatch(/^[0-9a-f]{16}$/);
      // Outside any request (migrations, seeding) a statement just runs.
      expect(await tracing.traceStatement('SELECT 1', async () => trace.getActiveSpan())).toBeUndefined();
    } finally {
      await tracing.shutdown();
    }
  });
});
