#!/usr/bin/env node
/**
 * `npm run bench:profile`: where an answer's time goes, measured in ways that survive a busy
 * machine — CPU time per answer per process (from /proc, the subgraphs', the gateway's and the
 * PostgreSQL backends' serving the bench databases), the gateway answering everything in full
 * (response cache and in-flight sharing off), on the benchmark's national dataset.
 *
 * Settings:
 * - PROFILE_ANSWERS: answers per scenario, sent one after another. @default 40
 * - PROFILE_REUSE=1: keep the bench databases of an earlier run instead of building them. @default off
 * - PROFILE_CPU=1: also write V8 CPU profiles of the gateway and the actions subgraph, summarised
 *   by library (bench/tmp/profiles/). @default off
 * - PROFILE_HEAP=1: after 10 s of national overviews at concurrency 16, peak memory and a heap
 *   snapshot of each process, summarised by constructor; `rss`: peak memory only. @default off
 * - PROFILE_CORES: run every process (and the PostgreSQL backends) pinned to these cores with
 *   taskset, e.g. `0` or `0,1`, and measure the national overview's throughput at concurrency 16
 *   (the capacity model). @default not pinned
 * - PROFILE_CACHES=1: the gateway's caches as deployed (the cache of anonymous answers, answers
 *   shared in flight, the entity cache, and the data version asked for them), to measure what they
 *   cost where answers are never shared. @default off: every answer in full, nothing asked
 * - PROFILE_SERVICES_ROOT: run the subgraphs from another checkout's builds (e.g. a git worktree
 *   of an earlier commit), to compare before and after on the same data. @default this repository
 */
import { dropPostgresDatabase, ensurePostgresDatabase, repositoryRoot } from '@samverkan/db';
import { municipalities } from '@samverkan/geo';
import { GATEWAY_RUNTIME, runtimeEnvironment, SUBGRAPHS, subgraphEntry } from '@samverkan/hub';
import autocannon from 'autocannon';
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { analyze, dbUrl, seedActions, SERVICES } from './dataset';
import { analystTokens, COMPLIANCE, dayOf, KOMMUN, OVERVIEW } from './operations';
import { summariseCpuProfile, summariseHeapSnapshot } from './profile-summary';

const root = repositoryRoot(__dirname);
const servicesRoot = process.env.PROFILE_SERVICES_ROOT ?? root;
const ANSWERS = Number(process.env.PROFILE_ANSWERS ?? 40);
const CORES = process.env.PROFILE_CORES;
const GATEWAY_PORT = 5200;
const port = (service: string) => 5210 + SUBGRAPHS.indexOf(subgraphEntry(service));
const gatewayUrl = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
const profileDir = path.join(root, 'bench', 'tmp', 'profiles');
const HOP_SECRET = randomBytes(24).toString('base64url');
const JWT_SECRET = randomBytes(24).toString('base64url');
const prefix = (service: string) => subgraphEntry(service).envPrefix;

const environment: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  SAMVERKAN_METRICS: '1',
  SAMVERKAN_RATE_LIMIT: '0',
  SAMVERKAN_MAX_COST: '10000000',
  SAMVERKAN_DEMO_DATA: '0',
  SAMVERKAN_HOP_SECRET: HOP_SECRET,
  SAMVERKAN_JWT_SECRET: JWT_SECRET,
  POSTGRES_URL: '',
  ...Object.fromEntries(
    SERVICES.flatMap((s) => [
      [`${prefix(s)}_DATABASE_URL`, dbUrl(s)],
      [`${prefix(s)}_PORT`, String(port(s))],
      [`${prefix(s)}_URL`, `http://127.0.0.1:${port(s)}/graphql`],
    ]),
  ),
  PORT: String(GATEWAY_PORT),
  // Nothing shared: every answer in full, unless the run measures the caches (PROFILE_CACHES=1).
  ...(process.env.PROFILE_CACHES === '1' ? {} : { SAMVERKAN_RESPONSE_CACHE_MS: '0', SAMVERKAN_SHARE_IN_FLIGHT: '0', SAMVERKAN_ENTITY_CACHE_BYTES: '0' }),
};

const children = new Map<string, ChildProcess>();
function start(name: string, script: string, nodeArgs: string[] = [], base = root): ChildProcess {
  const args = [...nodeArgs, path.join(base, script)];
  // Each part with the registry's memory bounds, as npm start and npm run bench run it.
  const env = { ...environment, ...runtimeEnvironment(name === 'gateway' ? GATEWAY_RUNTIME : subgraphEntry(name).runtime) };
  const child = CORES ? spawn('taskset', ['-c', CORES, process.execPath, ...args], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] }) : spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  children.set(name, child);
  return child;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become ready`);
}

/** CPU time (user + system) a process has used, in ms (Linux: /proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends serving the bench databases (other databases on the server are not ours). */
async function postgresBackends(admin: pg.Client): Promise<number[]> {
  const rows = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname LIKE 'samverkan_bench_%' AND pid <> pg_backend_pid()");
  return rows.rows.map((r) => r.pid);
}

interface Request {
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

async function ask(query: string, request: Request): Promise<number> {
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: JSON.stringify({ query, variables: request.variables ?? {} }) });
  const text = await response.text();
  if (!response.ok || text.includes('"errors":[')) throw new Error(`an error: ${text.slice(0, 300)}`);
  return text.length;
}

async function main(): Promise<void> {
  fs.mkdirSync(profileDir, { recursive: true });
  if (process.env.PROFILE_REUSE !== '1') {
    console.log('Building the national dataset…');
    for (const service of SERVICES) {
      await dropPostgresDatabase(dbUrl(service));
      await ensurePostgresDatabase(dbUrl(service));
    }
    await promisify(execFile)(process.execPath, [path.join(root, 'services/surveys/dist/cli/surveys.js'), 'demo'], { env: environment });
  }
  const cpuProf = (name: string) => (process.env.PROFILE_CPU === '1' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : []);
  const heap = process.env.PROFILE_HEAP === '1' ? [`--heapsnapshot-signal=SIGUSR2`, `--diagnostic-dir=${profileDir}`] : [];
  for (const service of SERVICES) start(service, `${subgraphEntry(service).dir}/dist/index.js`, [...heap, ...(service === 'actions' ? cpuProf('actions') : [])], servicesRoot);
  await Promise.all(SERVICES.map((s) => waitFor(`http://127.0.0.1:${port(s)}/ready`)));
  if (process.env.PROFILE_REUSE !== '1') {
    await seedActions();
    await analyze();
  }
  start('gateway', 'gateway/dist/index.js', [...heap, ...cpuProf('gateway')]);
  await waitFor(`http://127.0.0.1:${GATEWAY_PORT}/ready`);
  const rss = (pid: number, field: 'VmRSS' | 'VmHWM') => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024);
  console.log(`Resident memory when ready, before any load (MiB): ${[...children].map(([name, child]) => `${name} ${rss(child.pid!, 'VmRSS')}`).join(', ')}`);
  const analysts = await analystTokens('profile-analyst', JWT_SECRET);
  const scenarios: { name: string; query: string; request: (i: number) => Request }[] = [
    { name: 'national overview (290 kommuner)', query: OVERVIEW, request: () => ({}) },
    { name: 'national overview, 16 analysts signed in', query: OVERVIEW, request: (i) => ({ headers: { authorization: `Bearer ${analysts[i % 16]}` } }) },
    { name: "a kommun's detail, each request another kommun", query: KOMMUN, request: (i) => ({ variables: { code: municipalities[(i * 7) % municipalities.length]!.code } }) },
    { name: 'compliance report, each request another day', query: COMPLIANCE, request: (i) => ({ variables: { on: dayOf(i) } }) },
  ];
  const admin = new pg.Client({ connectionString: dbUrl('actions') });
  await admin.connect();
  console.log(`CPU per answer (ms), ${ANSWERS} answers one after another${CORES ? `, pinned to cores ${CORES}` : ''}; the gateway shares nothing; subgraphs of ${servicesRoot}:`);
  const names = [...children.keys()];
  console.log(`| scenario | ${names.join(' | ')} | PostgreSQL | all | answer KB |`);
  console.log(`|---|${names.map(() => '---|').join('')}---|---|---|`);
  const capacity: Record<string, number> = {};
  for (const scenario of scenarios) {
    for (let i = 0; i < 10; i += 1) await ask(scenario.query, scenario.request(i)); // warm-up: compile the hot paths, fill the pools
    const backends = await postgresBackends(admin);
    if (CORES) for (const pid of backends) execFileSync('taskset', ['-a', '-p', '-c', CORES, String(pid)], { stdio: 'ignore' });
    const before = new Map([...children].map(([name, child]) => [name, cpuMs(child.pid!)]));
    const pgBefore = backends.reduce((sum, pid) => sum + cpuMs(pid), 0);
    let bytes = 0;
    for (let i = 0; i < ANSWERS; i += 1) bytes += await ask(scenario.query, scenario.request(i + 10));
    const perAnswer = names.map((name) => (cpuMs(children.get(name)!.pid!) - before.get(name)!) / ANSWERS);
    const pgPer = (backends.reduce((sum, pid) => sum + cpuMs(pid), 0) - pgBefore) / ANSWERS;
    const all = perAnswer.reduce((a, b) => a + b, 0) + pgPer;
    capacity[scenario.name] = all;
    console.log(`| ${scenario.name} | ${perAnswer.map((ms) => ms.toFixed(1)).join(' | ')} | ${pgPer.toFixed(1)} | ${all.toFixed(1)} | ${Math.round(bytes / ANSWERS / 1024)} |`);
  }
  await admin.end();

  if (CORES) {
    const run = await autocannon({ url: gatewayUrl, method: 'POST', connections: 16, duration: 10, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: OVERVIEW }) });
    console.log(`Pinned to cores ${CORES}: national overview, nothing shared, concurrency 16, 10 s: ${run.requests.average} req/s, p50 ${run.latency.p50} ms, errors ${run.errors + run.non2xx}; CPU per answer predicts ${((1000 * CORES.split(',').length) / capacity['national overview (290 kommuner)']!).toFixed(1)} req/s at full use.`);
  }

  if (process.env.PROFILE_HEAP === '1' || process.env.PROFILE_HEAP === 'rss') {
    await autocannon({ url: gatewayUrl, method: 'POST', connections: 16, duration: 10, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: OVERVIEW }) });
    for (const [name, child] of children) console.log(`${name}: peak RSS ${rss(child.pid!, 'VmHWM')} MiB, RSS now ${rss(child.pid!, 'VmRSS')} MiB`);
  }
  if (process.env.PROFILE_HEAP === '1') {
    const snapshotsBefore = new Set(fs.readdirSync(profileDir));
    for (const child of children.values()) child.kill('SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    for (const file of fs.readdirSync(profileDir).filter((f) => f.endsWith('.heapsnapshot') && !snapshotsBefore.has(f))) {
      const pid = Number(/\.(\d+)\.\d+\.heapsnapshot$/.exec(file)?.[1] ?? /Heap\.\d+\.\d+\.(\d+)/.exec(file)?.[1]);
      const name = [...children].find(([, child]) => child.pid === pid)?.[0] ?? file;
      console.log(`\nHeap after a full GC, ${name} (${file}):\n${summariseHeapSnapshot(path.join(profileDir, file))}`);
    }
  }

  for (const child of children.values()) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  if (process.env.PROFILE_CPU === '1') {
    for (const name of ['gateway', 'actions']) console.log(`\nCPU profile of ${name} (self time by library, whole run):\n${summariseCpuProfile(path.join(profileDir, `${name}.cpuprofile`))}`);
  }
}

process.once('SIGINT', () => {
  for (const child of children.values()) child.kill('SIGTERM');
  process.exit(130);
});
main().catch((error: unknown) => {
  console.error(error);
  for (const child of children.values()) child.kill('SIGTERM');
  process.exit(1);
});
