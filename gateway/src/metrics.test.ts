import { GatewayMetrics } from './metrics';

describe("the gateway's metrics", () => {
  it('counts requests and fetches in Prometheus text, each operation and subgraph with its errors and time', async () => {
    const metrics = new GatewayMetrics();
    metrics.request('Overview', 0.5, false);
    metrics.request('Overview', 0.25, true);
    metrics.request(null, 1, false);
    metrics.fetch('agreements', 0.125, false);
    const text = await metrics.registry.metrics();
    expect(text).toContain('# TYPE samverkan_gateway_requests_total counter');
    expect(text).toMatch(/^samverkan_gateway_requests_total\{operation="Overview"\} 2$/m);
    expect(text).toMatch(/^samverkan_gateway_requests_total\{operation="anonymous"\} 1$/m);
    expect(text).toMatch(/^samverkan_gateway_request_errors_total\{operation="Overview"\} 1$/m);
    expect(text).toMatch(/^samverkan_gateway_request_errors_total\{operation="anonymous"\} 0$/m);
    expect(text).toMatch(/^samverkan_gateway_request_seconds_total\{operation="Overview"\} 0.75$/m);
    expect(text).toMatch(/^samverkan_gateway_subgraph_fetches_total\{subgraph="agreements"\} 1$/m);
    expect(text).toMatch(/^samverkan_gateway_subgraph_fetch_errors_total\{subgraph="agreements"\} 0$/m);
    expect(text).toMatch(/^samverkan_gateway_subgraph_seconds_total\{subgraph="agreements"\} 0.125$/m);
    expect(text).toMatch(/^process_resident_memory_bytes\{service="gateway"\} \d+$/m);
  });

  it('counts operation names beyond the fiftieth as "other", and escapes what clients send', async () => {
    const metrics = new GatewayMetrics();
    for (let i = 0; i < 60; i += 1) metrics.request(`Op${i}`, 0, false);
    metrics.request('Op0', 0, false);
    metrics.request('a "quoted"\nname', 0, false);
    const text = await metrics.registry.metrics();
    expect(text.match(/^samverkan_gateway_requests_total\{/gm)).toHaveLength(51);
    expect(text).toMatch(/^samverkan_gateway_requests_total\{operation="Op0"\} 2$/m);
    expect(text).toMatch(/^samverkan_gateway_requests_total\{operation="other"\} 11$/m);
  });
});
