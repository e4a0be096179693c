/** Summaries of V8 CPU profiles and heap snapshots for bench/src/profile.ts. */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The library a function belongs to, from its script's URL. */
export function libraryOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return 'V8: garbage collector';
    if (functionName === '(idle)' || functionName === '(program)') return `V8: ${functionName}`;
    if (/^JSON|stringify|parse/.test(functionName)) return 'JSON (native)';
    return 'native (builtins)';
  }
  const rules: [RegExp, string][] = [
    [/node_modules\/graphql\/execution\//, 'graphql-js execute'],
    [/node_modules\/graphql\/(language|validation)\//, 'graphql-js parse/validate'],
    [/node_modules\/graphql\//, 'graphql-js (other)'],
    [/node_modules\/@prisma\/|generated\/prisma/, 'Prisma'],
    [/node_modules\/@apollo\/server\//, 'Apollo Server'],
    [/node_modules\/@apollo\/(gateway|query-planner|federation-internals)\//, 'Apollo Gateway'],
    [/node_modules\/@pothos\//, 'Pothos'],
    [/node_modules\/dataloader\//, 'DataLoader'],
    [/node_modules\/(pg|pg-protocol|pg-types|postgres-[a-z]+)\//, 'pg driver'],
    [/node_modules\/undici\/|node:internal\/deps\/undici/, 'undici (fetch)'],
    [/node_modules\/([^/]+)\//, '$1'],
    [/^node:/, 'Node internals'],
    [/\/(services|packages|gateway)\//, 'ours (resolvers, server, gateway)'],
  ];
  for (const [pattern, name] of rules) {
    const match = pattern.exec(url);
    if (match) return name.replace('$1', match[1] ?? '');
  }
  return 'other';
}

/** Self time by library (share of the samples) and the top functions, as text. */
export function summariseCpuProfile(file: string): string {
  if (!fs.existsSync(file)) return `(no profile at ${file})`;
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number };
  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const busy = profile.nodes.filter((n) => n.callFrame.functionName !== '(idle)').reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const byLibrary = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits || node.callFrame.functionName === '(idle)') continue;
    const library = libraryOf(node.callFrame.url, node.callFrame.functionName);
    byLibrary.set(library, (byLibrary.get(library) ?? 0) + hits);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/work\/main\//, '')}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
  }
  const percent = (hits: number) => `${((100 * hits) / busy).toFixed(1)} %`;
  const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    `${busy} busy samples of ${total}:`,
    ...top(byLibrary, 14).map(([name, hits]) => `  ${percent(hits).padStart(7)}  ${name}`),
    'top functions (self):',
    ...top(byFunction, 15).map(([name, hits]) => `  ${percent(hits).padStart(7)}  ${name}`),
  ].join('\n');
}

/** Live objects of a heap snapshot (taken after a full GC) by constructor: self size and count. */
export function summariseHeapSnapshot(file: string): string {
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const types = snapshot.snapshot.meta.node_types[0];
  const by = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]!]!;
    const size = snapshot.nodes[i + sizeAt]!;
    total += size;
    const key = type === 'object' || type === 'closure' ? `${type} ${snapshot.strings[snapshot.nodes[i + nameAt]!]}` : type;
    const entry = by.get(key) ?? { size: 0, count: 0 };
    entry.size += size;
    entry.count += 1;
    by.set(key, entry);
  }
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return [`live heap ${mib(total)}; by constructor (self size):`, ...[...by].sort((a, b) => b[1].size - a[1].size).slice(0, 12).map(([name, e]) => `  ${mib(e.size).padStart(10)}  ${String(e.count).padStart(8)}  ${name}`)].join('\n');
}
