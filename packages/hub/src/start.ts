#!/usr/bin/env node
/**
 * `npm start`: runs the whole hub on this machine — the subgraphs of the registry, then the gateway — each
 * in its own process, with their output prefixed by name (JSON log lines, with
 * SAMVERKAN_LOG_FORMAT=json, are passed on unchanged). Prints the GraphiQL URL when all are
 * ready. Ctrl-C (or SIGTERM) stops every process; if one process dies, the others are stopped too.
 *
 * The data settings (embedded PGlite by default, PostgreSQL when configured) are the services' own;
 * see the README.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';
import { GATEWAY_DEFAULT_PORT, REPOSITORY_ROOT, repositoryPath, SUBGRAPHS, subgraphPort } from './registry';

interface Part {
  name: string;
  script: string;
  readyUrl: string;
}

const subgraphs: Part[] = SUBGRAPHS.map((subgraph) => ({
  name: subgraph.name,
  script: `${subgraph.dir}/dist/index.js`,
  readyUrl: `http://127.0.0.1:${subgraphPort(subgraph)}/ready`,
}));
const gatewayPort = Number(process.env.PORT ?? GATEWAY_DEFAULT_PORT);
const gateway: Part = { name: 'gateway', script: 'gateway/dist/index.js', readyUrl: `http://127.0.0.1:${gatewayPort}/health` };

const children = new Map<string, ChildProcess>();
let stopping = false;

function start(part: Part): ChildProcess {
  // The hub starts with demo survey values (flagged DEMO) unless SAMVERKAN_DEMO_DATA=0.
  const env = { SAMVERKAN_DEMO_DATA: '1', ...process.env };
  const child = spawn(process.execPath, [repositoryPath(part.script)], { cwd: REPOSITORY_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream! }).on('line', (line) => {
      // JSON log lines (SAMVERKAN_LOG_FORMAT=json) name their service: passed on as they are, for a collector.
      if (line.startsWith('{')) return console.log(line);
      const text = line.startsWith(`[${part.name}] `) ? line.slice(part.name.length + 3) : line;
      console.log(`${part.name.padEnd(10)} | ${text}`);
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(part.name);
    if (!stopping) {
      console.error(`${part.name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the hub.`);
      stop(1);
    } else if (children.size === 0) {
      console.log('Samverkan hub stopped.');
      process.exit(process.exitCode ?? 0);
    }
  });
  children.set(part.name, child);
  return child;
}

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill('SIGTERM');
  // A process that does not stop in time is killed.
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(code);
  }, 10_000).unref();
}

async function waitUntilReady(part: Part, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      if ((await fetch(part.readyUrl, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${part.name} was not ready after ${timeoutMs / 1000} s`);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

(async () => {
  subgraphs.forEach(start);
  await Promise.all(subgraphs.map((part) => waitUntilReady(part)));
  start(gateway);
  await waitUntilReady(gateway);
  if (!stopping) {
    console.log(`\nSamverkan hub is running. GraphiQL: http://localhost:${gatewayPort}/graphql  (Ctrl-C stops it)\n`);
  }
})().catch((error: unknown) => {
  console.error((error as Error).message);
  stop(1);
});
