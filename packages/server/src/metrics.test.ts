import type { ServerResponse } from 'node:http';
import { metricsEnabled, registerCountedBy, Registry, sendMetrics, subgraphMetrics } from './metrics';

/** A response that keeps what is sent. */
function recorder() {
  const sent: { status?: number; headers?: Record<string, string | number>; body?: string } = {};
  const response = {
    writeHead(status: number, headers: Record<string, string | number>) {
      Object.assign(sent, { status, headers });
      return response;
    },
    end(body: string) {
      sent.body = body;
    },
  };
  return { response: response as unknown as ServerResponse, sent };
}

describe('metrics', () => {
  it('are served only when SAMVERKAN_METRICS says so', () => {
    expect(metricsEnabled({})).toBe(false);
    expect(metricsEnabled({ SAMVERKAN_METRICS: '1' })).toBe(true);
    expect(metricsEnabled({ SAMVERKAN_METRICS: 'true' })).toBe(true);
  });

  it("read a subgraph's counts at each scrape, as Prometheus text", async () => {
    let requests = 2;
    const registry = subgraphMetrics('agreements', { graphqlRequests: () => requests, sqlStatements: () => 17 });
    const { response, sent } = recorder();
    await sendMetrics(response, registry);
    expect(sent.status).toBe(200);
    expect(sent.headers?.['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(sent.body).toMatch(/^# TYPE samverkan_graphql_requests_total counter$/m);
    expect(sent.body).toMatch(/^samverkan_graphql_requests_total\{service="agreements"\} 2$/m);
    expect(sent.body).toMatch(/^samverkan_sql_statements_total\{service="agreements"\} 17$/m);
    expect(sent.body).toMatch(/^process_resident_memory_bytes\{service="agreements"\} \d+$/m);
    requests = 5;
    expect(await registry.metrics()).toMatch(/^samverkan_graphql_requests_total\{service="agreements"\} 5$/m);
  });

  it('escape label values and state the length of what they send', async () => {
    const registry = new Registry();
    registerCountedBy(registry, 'samverkan_things_total', 'Things.', { name: 'a "b"\\c\nd' }, () => 3);
    const { response, sent } = recorder();
    await sendMetrics(response, registry);
    expect(sent.body).toContain('# HELP samverkan_things_total Things.\n# TYPE samverkan_things_total counter\n');
    expect(sent.body).toContain('samverkan_things_total{name="a \\"b\\"\\\\c\\nd"} 3\n');
    expect(Number(sent.headers?.['content-length'])).toBe(Buffer.byteLength(sent.body!));
  });
});
