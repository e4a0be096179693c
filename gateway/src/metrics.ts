import type { ApolloServerPlugin } from '@apollo/server';
import { type Metric, processMetrics } from '@samverkan/server';

/**
 * The gateway's metrics (served at /metrics when SAMVERKAN_METRICS=1): requests and their time per
 * operation, and fetches and their time per subgraph. Operation names come from clients: beyond
 * `MAX_OPERATIONS` distinct names, the rest count as "other".
 */
const MAX_OPERATIONS = 50;

interface Tally {
  count: number;
  seconds: number;
  errors: number;
}

export class GatewayMetrics {
  private readonly operations = new Map<string, Tally>();
  private readonly subgraphs = new Map<string, Tally>();

  private add(map: Map<string, Tally>, key: string, seconds: number, failed: boolean) {
    const tally = map.get(key) ?? { count: 0, seconds: 0, errors: 0 };
    tally.count += 1;
    tally.seconds += seconds;
    if (failed) tally.errors += 1;
    map.set(key, tally);
  }

  /** Records one request. */
  request(operation: string | null, seconds: number, failed: boolean): void {
    const name = operation ?? 'anonymous';
    this.add(this.operations, this.operations.has(name) || this.operations.size < MAX_OPERATIONS ? name : 'other', seconds, failed);
  }

  /** Records one fetch from a subgraph. */
  fetch(subgraph: string, seconds: number, failed: boolean): void {
    this.add(this.subgraphs, subgraph, seconds, failed);
  }

  /** The metrics, for Prometheus. */
  metrics(): Metric[] {
    const of = (map: Map<string, Tally>, label: string, pick: (t: Tally) => number) => [...map].map(([key, tally]) => ({ labels: { [label]: key }, value: pick(tally) }));
    return [
      { name: 'samverkan_gateway_requests_total', help: 'GraphQL requests, by operation name.', type: 'counter', samples: of(this.operations, 'operation', (t) => t.count) },
      { name: 'samverkan_gateway_request_errors_total', help: 'Requests answered with errors, by operation name.', type: 'counter', samples: of(this.operations, 'operation', (t) => t.errors) },
      { name: 'samverkan_gateway_request_seconds_total', help: 'Time spent on requests, by operation name.', type: 'counter', samples: of(this.operations, 'operation', (t) => t.seconds) },
      { name: 'samverkan_gateway_subgraph_fetches_total', help: 'Fetches from subgraphs, by subgraph.', type: 'counter', samples: of(this.subgraphs, 'subgraph', (t) => t.count) },
      { name: 'samverkan_gateway_subgraph_fetch_errors_total', help: 'Failed fetches, by subgraph.', type: 'counter', samples: of(this.subgraphs, 'subgraph', (t) => t.errors) },
      { name: 'samverkan_gateway_subgraph_seconds_total', help: 'Time spent waiting for subgraphs, by subgraph.', type: 'counter', samples: of(this.subgraphs, 'subgraph', (t) => t.seconds) },
      ...processMetrics('gateway'),
    ];
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
