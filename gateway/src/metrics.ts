import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, registerProcessMetrics, Registry } from '@samverkan/server';

/**
 * The gateway's metrics (served at /metrics when SAMVERKAN_METRICS=1): requests and their time per
 * operation, and fetches and their time per subgraph. Operation names come from clients: beyond
 * `MAX_OPERATIONS` distinct names, the rest count as "other".
 */
const MAX_OPERATIONS = 50;

/** Three counters of one thing, by one label: how many, how many failed, how long they took. */
class Tallies {
  constructor(
    private readonly count: Counter,
    private readonly errors: Counter,
    private readonly seconds: Counter,
  ) {}

  add(labels: Record<string, string>, seconds: number, failed: boolean): void {
    this.count.inc(labels);
    // Counted even when 0, so that every operation and subgraph seen has an error count.
    this.errors.inc(labels, failed ? 1 : 0);
    this.seconds.inc(labels, seconds);
  }
}

export class GatewayMetrics {
  /** The registry served at /metrics. */
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly operations = new Tallies(
    this.counter('samverkan_gateway_requests_total', 'GraphQL requests, by operation name.', 'operation'),
    this.counter('samverkan_gateway_request_errors_total', 'Requests answered with errors, by operation name.', 'operation'),
    this.counter('samverkan_gateway_request_seconds_total', 'Time spent on requests, by operation name.', 'operation'),
  );
  private readonly subgraphs = new Tallies(
    this.counter('samverkan_gateway_subgraph_fetches_total', 'Fetches from subgraphs, by subgraph.', 'subgraph'),
    this.counter('samverkan_gateway_subgraph_fetch_errors_total', 'Failed fetches, by subgraph.', 'subgraph'),
    this.counter('samverkan_gateway_subgraph_seconds_total', 'Time spent waiting for subgraphs, by subgraph.', 'subgraph'),
  );

  constructor() {
    registerProcessMetrics(this.registry, 'gateway');
  }

  private counter(name: string, help: string, label: string): Counter {
    return new Counter({ name, help, labelNames: [label], registers: [this.registry] });
  }

  /** Records one request. */
  request(operation: string | null, seconds: number, failed: boolean): void {
    let name = operation ?? 'anonymous';
    if (!this.operationNames.has(name)) {
      if (this.operationNames.size < MAX_OPERATIONS) this.operationNames.add(name);
      else name = 'other';
    }
    this.operations.add({ operation: name }, seconds, failed);
  }

  /** Records one fetch from a subgraph. */
  fetch(subgraph: string, seconds: number, failed: boolean): void {
    this.subgraphs.add({ subgraph }, seconds, failed);
  }

  /** An Apollo Server plugin that times every request. */
  plugin<Context extends object>(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        return {
          willSendResponse: async ({ request, response }) => {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            const failed = response.body.kind === 'single' && Boolean(response.body.singleResult.errors?.length);
            this.request(request.operationName ?? null, seconds, failed);
          },
        };
      },
    };
  }
}
