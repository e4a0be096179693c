import type { ServerResponse } from 'node:http';

/**
 * A few Prometheus metrics, written in the text exposition format without a client library. Off by
 * default; `SAMVERKAN_METRICS=1` serves them at `/metrics` on the gateway and every subgraph.
 */

/** Whether metrics are served (`SAMVERKAN_METRICS=1`). @default false */
export function metricsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SAMVERKAN_METRICS === '1' || env.SAMVERKAN_METRICS === 'true';
}

/** One metric: its name, help, type and samples (labels and value). */
export interface Metric {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  samples: { labels?: Record<string, string>; value: number }[];
}

const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The metrics as Prometheus text. */
export function formatMetrics(metrics: readonly Metric[]): string {
  const lines: string[] = [];
  for (const metric of metrics) {
    lines.push(`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`);
    for (const sample of metric.samples) {
      const labels = Object.entries(sample.labels ?? {});
      const text = labels.length ? `{${labels.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}` : '';
      lines.push(`${metric.name}${text} ${sample.value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The process's own metrics: resident and peak memory. */
export function processMetrics(service: string): Metric[] {
  return [
    { name: 'process_resident_memory_bytes', help: 'Resident memory of the process.', type: 'gauge', samples: [{ labels: { service }, value: process.memoryUsage().rss }] },
  ];
}

/** Sends metrics as Prometheus text. */
export function sendMetrics(response: ServerResponse, metrics: readonly Metric[]): void {
  const text = formatMetrics(metrics);
  response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
