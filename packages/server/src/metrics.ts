import type { ServerResponse } from 'node:http';
import { Counter, Gauge, Registry } from 'prom-client';

/**
 * Prometheus metrics, through prom-client (the usual Node client: it writes the text exposition
 * format, escapes label values and help, formats special numbers and checks metric and label
 * names). Off by default; `SAMVERKAN_METRICS=1` serves them at `/metrics` on the gateway and every
 * subgraph. Each server has a registry of its own, never prom-client's global one: several servers
 * run in one process in tests, and each shows only its own counts.
 */
export { Counter, Gauge, Registry } from 'prom-client';

/** Whether metrics are served (`SAMVERKAN_METRICS=1`). @default false */
export function metricsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SAMVERKAN_METRICS === '1' || env.SAMVERKAN_METRICS === 'true';
}

/** Registers the process's own metrics: its resident memory, labelled with the service. */
export function registerProcessMetrics(registry: Registry, service: string): void {
  new Gauge({
    name: 'process_resident_memory_bytes',
    help: 'Resident memory of the process.',
    labelNames: ['service'],
    registers: [registry],
    collect() {
      this.set({ service }, process.memoryUsage().rss);
    },
  });
}

/** Registers a counter whose value is read at each scrape from a count kept elsewhere (a server's requests, a database client's statements). */
export function registerCountedBy(registry: Registry, name: string, help: string, labels: Record<string, string>, read: () => number): void {
  new Counter({
    name,
    help,
    labelNames: Object.keys(labels),
    registers: [registry],
    collect() {
      this.reset();
      this.inc(labels, read());
    },
  });
}

/** What a subgraph counts, read at each scrape. */
export interface SubgraphCounts {
  /** GraphQL requests served. */
  graphqlRequests: () => number;
  /** SQL statements sent to the database. */
  sqlStatements: () => number;
}

/** A subgraph's metrics: GraphQL requests, SQL statements and memory, each labelled with the service. */
export function subgraphMetrics(service: string, counts: SubgraphCounts): Registry {
  const registry = new Registry();
  registerCountedBy(registry, 'samverkan_graphql_requests_total', 'GraphQL requests served.', { service }, counts.graphqlRequests);
  registerCountedBy(registry, 'samverkan_sql_statements_total', 'SQL statements sent to the database.', { service }, counts.sqlStatements);
  registerProcessMetrics(registry, service);
  return registry;
}

/** Sends a registry's metrics as Prometheus text. */
export async function sendMetrics(response: ServerResponse, registry: Registry): Promise<void> {
  const text = await registry.metrics();
  response.writeHead(200, { 'content-type': registry.contentType, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
