#!/usr/bin/env node
/**
 * `npm start`: runs the whole hub on this machine — the subgraphs of the registry, then the
 * gateway — each in its own process, with their output prefixed by name (JSON log lines, with
 * SAMVERKAN_LOG_FORMAT=json, are passed on unchanged). Prints the workspace's and GraphiQL's URLs when all are ready.
 *
 * It supervises them: a process that stops unexpectedly is started again after a pause that grows
 * with each crash in a row (0.5 s, 1 s, 2 s … at most 8 s; back to 0.5 s once it has run for a
 * minute). Meanwhile the gateway answers with what the others give, names the missing subgraph in
 * its errors and in `/ready`. Ctrl-C (or SIGTERM) stops every process.
 *
 * The data settings (embedded PGlite by default, PostgreSQL when configured) are the services' own;
 * see the README. Each process runs with its memory bounds from the registry (V8's heap limit,
 * MALLOC_ARENA_MAX: `SUBGRAPH_RUNTIME`, `GATEWAY_RUNTIME`), which NODE_OPTIONS of the environment
 * overrides flag by flag and `SAMVERKAN_MEMORY_LIMITS=0` turns off.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';
import { GATEWAY_DEFAULT_PORT, GATEWAY_RUNTIME, REPOSITORY_ROOT, repositoryPath, type RuntimeSettings, runtimeEnvironment, SUBGRAPHS, subgraphPort } from './registry';

/** One process of the hub. */
interface Part {
  name: string;
  script: string;
  readyUrl: string;
  /** Its memory bounds (the registry's), merged with the deployer's NODE_OPTIONS. */
  runtime: RuntimeSettings;
}

/** What the supervisor knows of a part's process. */
interface Supervised {
  child: ChildProcess | null;
  /** Crashes in a row without a minute of running in between. */
  crashes: number;
  startedAt: number;
  restartTimer: NodeJS.Timeout | null;
}

const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 8_000;
const HEALTHY_AFTER_MS = 60_000;

const subgraphs: Part[] = SUBGRAPHS.map((subgraph) => ({
  name: subgraph.name,
  script: `${subgraph.dir}/dist/index.js`,
  readyUrl: `http://127.0.0.1:${subgraphPort(subgraph)}/ready`,
  runtime: subgraph.runtime,
}));
const gatewayPort = Number(process.env.PORT ?? GATEWAY_DEFAULT_PORT);
const gateway: Part = { name: 'gateway', script: 'gateway/dist/index.js', readyUrl: `http://127.0.0.1:${gatewayPort}/health`, runtime: GATEWAY_RUNTIME };

const parts = new Map<string, Supervised>();
let stopping = false;

function say(name: string, text: string): void {
  console.log(`${name.padEnd(10)} | ${text}`);
}

function start(part: Part): void {
  // The hub starts with demo survey values (flagged DEMO) unless SAMVERKAN_DEMO_DATA=0; each part
  // with its memory bounds from the registry, the deployer's NODE_OPTIONS after them (theirs win).
  const env = { SAMVERKAN_DEMO_DATA: '1', ...process.env, ...runtimeEnvironment(part.runtime) };
  const child = spawn(process.execPath, [repositoryPath(part.script)], { cwd: REPOSITORY_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const state: Supervised = parts.get(part.name) ?? { child: null, crashes: 0, startedAt: 0, restartTimer: null };
  Object.assign(state, { child, startedAt: Date.now(), restartTimer: null });
  parts.set(part.name, state);
  say(part.name, `started (pid ${child.pid})`);
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream! }).on('line', (line) => {
      // JSON log lines (SAMVERKAN_LOG_FORMAT=json) name their service: passed on as they are, for a collector.
      if (line.startsWith('{')) return console.log(line);
      say(part.name, line.startsWith(`[${part.name}] `) ? line.slice(part.name.length + 3) : line);
    });
  }
  child.on('exit', (code, signal) => {
    state.child = null;
    if (stopping) {
      if ([...parts.values()].every((p) => p.child === null)) {
        console.log('Samverkan hub stopped.');
        process.exit(process.exitCode ?? 0);
      }
      return;
    }
    if (Date.now() - state.startedAt >= HEALTHY_AFTER_MS) state.crashes = 0;
    const pause = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** state.crashes);
    state.crashes += 1;
    say(part.name, `stopped unexpectedly (${signal ?? `exit ${code}`}); starting it again in ${pause / 1000} s (crash ${state.crashes} in a row). The rest of the hub goes on.`);
    state.restartTimer = setTimeout(() => {
      if (!stopping) start(part);
    }, pause);
  });
}

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  const running = [...parts.values()].filter((p) => {
    if (p.restartTimer) clearTimeout(p.restartTimer);
    return p.child !== null;
  });
  if (running.length === 0) process.exit(code);
  for (const part of running) part.child?.kill('SIGTERM');
  // A process that does not stop in time is killed.
  setTimeout(() => {
    for (const part of parts.values()) part.child?.kill('SIGKILL');
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
    console.log(`\nSamverkan hub is running. Arbetsyta: http://localhost:${gatewayPort}/  GraphiQL: http://localhost:${gatewayPort}/graphql  (Ctrl-C stops it)\n`);
  }
})().catch((error: unknown) => {
  console.error((error as Error).message);
  stop(1);
});
