#!/usr/bin/env node
/**
 * `npm run bench`: the hub under load, on PostgreSQL, measured against its own parts and a peer.
 *
 * 1. Builds a reproducible national dataset in fresh databases (samverkan_bench_<service>): the
 *    reference data, 10 years of demo survey results for all 290 kommuner, and 20 actions with
 *    follow-ups per kommun; then ANALYZE, as autovacuum would on a live database.
 * 2. Starts the subgraphs of the registry (and a second replica of each, on the same databases), our
 *    gateway (cache off; cache on; over both replicas) and Hive Gateway as a peer, each its own process.
 * 3. Runs each scenario with autocannon at concurrency 1, 16 and 64, and records p50, p99,
 *    requests per second, errors, SQL statements per request and the peak memory of each process.
 * 4. Measures the national overview against its floor (the same data fetched straight from the
 *    subgraphs, and by plain SQL), against Hive Gateway on the same supergraph, and over two
 *    replicas of each subgraph; kills one replica of each subgraph in the middle of a run and
 *    counts what the clients were told; and measures growth from 29 to 290 to 2,900 kommuner: the
 *    2,900 are the 290 and nine synthetic copies of each (with their actions and survey results),
 *    answered by a second set of subgraphs and a gateway started with SAMVERKAN_BENCH_KOMMUN_COPIES=9
 *    (@samverkan/geo's bench-only setting, refused outside samverkan_bench_ databases), so that the
 *    national overview really answers for 2,900.
 * 5. Opens the analysts' workspace in headless Chromium: the national map's time to drawn and
 *    coloured, and the bundle's size (workspace.ts, also runnable alone against a running hub).
 * 6. Writes bench/results/<date>.json and the tables in BENCHMARKS.md.
 *
 * Every process of ours is started as `npm start` starts it: with its memory bounds from the
 * registry (@samverkan/hub's SUBGRAPH_RUNTIME and GATEWAY_RUNTIME); the peer runs as Node's defaults.
 *
 * Settings: BENCH_POSTGRES_URL (default postgresql://root@127.0.0.1:5432/postgres),
 * BENCH_SECONDS per measurement (default 5); SAMVERKAN_ENTITY_CACHE_BYTES turns the gateway's
 * entity cache on for our gateways but the one that shares nothing (default off, as deployed);
 * SAMVERKAN_MEMORY_LIMITS=0 starts the processes without the registry's memory bounds (to measure
 * what they change); BENCH_ONLY runs only some parts, a comma-separated list of scenarios (step 3
 * and the cache on), floor, replicas (scale out and the kill), growth, workspace (default all).
 * A run of only some parts prints its numbers and peak memory but writes neither
 * bench/results nor BENCHMARKS.md.
 */
import { randomBytes } from 'node:crypto';
import { dropPostgresDatabase, ensurePostgresDatabase, repositoryRoot } from '@samverkan/db';
import { municipalities } from '@samverkan/geo';
import { GATEWAY_RUNTIME, type RuntimeSettings, runtimeEnvironment, SUBGRAPHS, subgraphEntry } from '@samverkan/hub';
import { signDevelopmentToken } from '@samverkan/schema';
import autocannon from 'autocannon';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ACTIONS_PER_KOMMUN, addSyntheticKommuner, analyze, dbUrl, GROWTH_COPIES, seedActions, type Service, SERVICES } from './dataset';
import { analystTokens, COMPLIANCE, dayOf, KOMMUN, OVERVIEW, UPDATE } from './operations';
import { measureWorkspace, type WorkspaceReport, workspaceSection, writeWorkspaceSection } from './workspace';

const root = repositoryRoot(__dirname);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = [1, 16, 64] as const;
/** The parts of the run (BENCH_ONLY selects some). */
const PARTS = ['scenarios', 'floor', 'replicas', 'growth', 'workspace'] as const;
const ONLY = process.env.BENCH_ONLY?.split(',').map((part) => part.trim()).filter(Boolean) ?? [...PARTS];
for (const part of ONLY) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`BENCH_ONLY: no part "${part}"; the parts are ${PARTS.join(', ')}.`);
const runs = (part: (typeof PARTS)[number]) => ONLY.includes(part);
const FULL_RUN = PARTS.every(runs);
/** Our gateways and the peer. */
const PORTS = { gateway: 5100, cachedGateway: 5104, hive: 5105, replicatedGateway: 5106, unsharedGateway: 5107, growthGateway: 5108 } as const;
/** The subgraphs listen from this port on, in the registry's order; their second replicas after the first ones. */
const SUBGRAPH_BASE_PORT = 5110;
const subgraphPort = (service: Service, replica = 0) => SUBGRAPH_BASE_PORT + replica * SUBGRAPHS.length + SUBGRAPHS.indexOf(subgraphEntry(service));
/** The growth scenario's own subgraphs, which know 2,900 kommuner, listen from this port on. */
const GROWTH_BASE_PORT = 5130;
const growthSubgraphPort = (service: Service) => GROWTH_BASE_PORT + SUBGRAPHS.indexOf(subgraphEntry(service));
/** A subgraph's setting, e.g. `AGREEMENTS_URL`. */
const setting = (service: Service, name: 'DATABASE_URL' | 'PORT' | 'URL') => `${subgraphEntry(service).envPrefix}_${name}`;
// Random for each run, and as long as production requires (the processes run with NODE_ENV=production).
const HOP_SECRET = randomBytes(24).toString('base64url');
const JWT_SECRET = randomBytes(24).toString('base64url');

const gatewayUrl = `http://127.0.0.1:${PORTS.gateway}/graphql`;
const cachedGatewayUrl = `http://127.0.0.1:${PORTS.cachedGateway}/graphql`;
const unsharedGatewayUrl = `http://127.0.0.1:${PORTS.unsharedGateway}/graphql`;
const hiveUrl = `http://127.0.0.1:${PORTS.hive}/graphql`;
const replicatedGatewayUrl = `http://127.0.0.1:${PORTS.replicatedGateway}/graphql`;
const subgraphUrl = (service: Service, replica = 0) => `http://127.0.0.1:${subgraphPort(service, replica)}/graphql`;

// ---------------------------------------------------------------------------------------------
// Processes

const children = new Map<string, ChildProcess>();

function environment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // As deployed: graphql-js skips its development checks, the secrets are the benchmark's own.
    NODE_ENV: 'production',
    SAMVERKAN_METRICS: '1',
    SAMVERKAN_RATE_LIMIT: '0',
    SAMVERKAN_MAX_COST: '10000000',
    SAMVERKAN_DEMO_DATA: '0',
    SAMVERKAN_HOP_SECRET: HOP_SECRET,
    SAMVERKAN_JWT_SECRET: JWT_SECRET,
    POSTGRES_URL: '',
    ...Object.fromEntries(SERVICES.flatMap((s) => [[setting(s, 'DATABASE_URL'), dbUrl(s)], [setting(s, 'PORT'), String(subgraphPort(s))], [setting(s, 'URL'), subgraphUrl(s)]])),
    PORT: String(PORTS.gateway),
    SAMVERKAN_RESPONSE_CACHE_MS: '0',
  };
}

/**
 * Starts a process with the memory bounds `npm start` gives it (the registry's `runtime`, merged with
 * this environment's NODE_OPTIONS), or none (`null`: the peer, as Node runs it by default).
 */
function start(name: string, script: string, runtime: RuntimeSettings | null, extraEnv: NodeJS.ProcessEnv = {}): ChildProcess {
  const env = { ...environment(), ...extraEnv, ...(runtime ? runtimeEnvironment(runtime) : {}) };
  const child = spawn(process.execPath, [path.join(root, script)], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  children.set(name, child);
  return child;
}

async function waitFor(url: string, seconds = 120): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become ready within ${seconds} s`);
}

function stopAll(): void {
  for (const child of children.values()) child.kill('SIGTERM');
}

/** Peak resident memory of a process (Linux: VmHWM), in MiB. */
function peakMemoryMiB(child: ChildProcess): number | null {
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU time a process has used so far (Linux: utime + stime of /proc/<pid>/stat), in seconds. */
function cpuSeconds(child: ChildProcess): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Math.round(((Number(fields[11]) + Number(fields[12])) / 100) * 10) / 10;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /**
   * Request `i`'s own variables and headers, when requests differ (then no two concurrent ones are
   * the same question from the same caller, and none shares another's answer in flight).
   */
  vary?: (i: number) => { variables?: Record<string, unknown>; headers?: Record<string, string> };
  write?: boolean;
  /** Also measured on the peer (anonymous reads: Hive Gateway forwards no actor). */
  peer?: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: "one kommun's detail (Lund)", query: KOMMUN, peer: true },
  { name: "a kommun's detail, each request another kommun", query: KOMMUN, vary: (i) => ({ variables: { code: municipalities[i % municipalities.length]!.code } }), peer: true },
  { name: 'region overview, Syd (58 kommuner)', query: OVERVIEW, variables: { region: 'SYD' }, peer: true },
  { name: 'national overview (290 kommuner)', query: OVERVIEW, peer: true },
  { name: 'national overview, 16 analysts signed in', query: OVERVIEW, vary: (i) => ({ headers: { authorization: `Bearer ${analysts[i % analysts.length]}` } }) },
  { name: 'compliance report (290 kommuner)', query: COMPLIANCE, peer: true },
  { name: 'compliance report, each request another day', query: COMPLIANCE, vary: (i) => ({ variables: { on: dayOf(i) } }), peer: true },
  { name: 'write: update an action', query: UPDATE, write: true },
];
/** Filled in by main() before any load. */
let analysts: string[] = [];
const scenario = (name: string) => SCENARIOS.find((s) => s.name === name)!;
const NATIONAL = 'national overview (290 kommuner)';

interface Measurement {
  scenario: string;
  target: string;
  concurrency: number;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  sqlPerRequest: number | null;
}

/** A gateway and its subgraphs, whose SQL statements per answered request are counted. */
interface Counted {
  gatewayPort: number;
  subgraphPort: (service: Service) => number;
}
/** The main gateway and the first replica of each subgraph. */
const MAIN: Counted = { gatewayPort: PORTS.gateway, subgraphPort: (service) => subgraphPort(service) };
/** The growth scenario's gateway and subgraphs (2,900 kommuner). */
const GROWTH: Counted = { gatewayPort: PORTS.growthGateway, subgraphPort: growthSubgraphPort };

async function readCounter(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(new RegExp(`^${name}\\{[^}]*\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
}

/** Requests the gateway has answered (all operations). */
async function gatewayRequests(port: number): Promise<number> {
  return gatewayCounter(port, 'samverkan_gateway_requests_total');
}

/** A counter of the gateway's, summed over its labels. */
async function gatewayCounter(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return [...text.matchAll(new RegExp(`^${name}\\{[^}]*\\} (\\d+)`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** What one answer cost: SQL statements in all (and by subgraph) and the gateway's subgraph fetches. */
interface OneAnswer {
  sql: number;
  sqlBySubgraph: Record<string, number>;
  fetches: number;
}

/** One answer's statements by subgraph, e.g. "agreements 6, actions 1, surveys 1, notifications 0". */
const bySubgraph = (one: Pick<OneAnswer, 'sqlBySubgraph'>) => Object.entries(one.sqlBySubgraph).map(([service, n]) => `${service} ${n}`).join(', ');

/**
 * The SQL statements (all subgraphs, and each's) and subgraph fetches of exactly one answer, asked
 * alone (nothing else in flight): the fewest of three tries, since the notifications subgraph reads
 * the others' outboxes now and then, statements that are no answer's.
 */
async function costOfOneAnswer(url: string, query: string, variables: Record<string, unknown>, counted: Counted): Promise<OneAnswer> {
  const fetches = () => gatewayCounter(counted.gatewayPort, 'samverkan_gateway_subgraph_fetches_total');
  const statements = () => Promise.all(SERVICES.map((service) => readCounter(counted.subgraphPort(service), 'samverkan_sql_statements_total')));
  let best: OneAnswer | null = null;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [sqlBefore, fetchesBefore] = [await statements(), await fetches()];
    await post(url, query, variables);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [sqlAfter, fetchesAfter] = [await statements(), await fetches()];
    const each = sqlAfter.map((n, i) => n - sqlBefore[i]!);
    const sql = each.reduce((sum, n) => sum + n, 0);
    if (!best || sql < best.sql) best = { sql, fetches: fetchesAfter - fetchesBefore, sqlBySubgraph: Object.fromEntries(SERVICES.map((service, i) => [service, each[i]!])) };
  }
  return best!;
}

/**
 * Runs a load against a gateway (our main one unless `counted` says) and divides the SQL statements
 * of all its subgraphs in that window by the requests the gateway answered.
 */
async function withSqlPerRequest<T>(run: () => Promise<T>, counted: Counted = MAIN): Promise<{ result: T; sqlPerRequest: number | null }> {
  const [sqlBefore, requestsBefore] = [await sqlTotal(counted), await gatewayRequests(counted.gatewayPort)];
  const result = await run();
  await new Promise((resolve) => setTimeout(resolve, 500)); // let requests cut off at the end finish
  const [sql, answered] = [(await sqlTotal(counted)) - sqlBefore, (await gatewayRequests(counted.gatewayPort)) - requestsBefore];
  return { result, sqlPerRequest: answered ? Math.round((sql / answered) * 10) / 10 : null };
}

async function sqlTotal(counted: Counted): Promise<number> {
  let sum = 0;
  for (const service of SERVICES) sum += await readCounter(counted.subgraphPort(service), 'samverkan_sql_statements_total');
  return sum;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

/**
 * Writes sent so far, across runs: each run goes on with actions the last one did not touch. (A
 * write cut off at the end of a run still changes its action, but its answer, with the new
 * version, is never read; writing that action again would name an old version.)
 */
let writesSent = 0;

/** Each action's version as the last answer gave it, across runs (a write names the version it read). */
const versions = new Map<string, number>();

/** Tokens of kommun users, one per kommun, for the write scenario (each writes its own kommun's actions). */
type Writers = { actionIds: string[]; tokenOf: (actionIndex: number) => string };

/** One autocannon run against a URL with a fixed body, or writes that keep each action's version. */
async function load(
  url: string,
  scenario: Scenario,
  concurrency: number,
  headers: Record<string, string>,
  writers?: Writers,
  seconds = SECONDS,
): Promise<Omit<Measurement, 'scenario' | 'target' | 'sqlPerRequest'> & { requests: number }> {
  let graphqlErrors = 0;
  const errorSamples = new Set<string>();
  let next = 0;
  const options: autocannon.Options = {
    url,
    method: 'POST',
    connections: concurrency,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
  };
  if (scenario.write && writers) {
    options.requests = [
      {
        setupRequest: (request: autocannon.Request, context: object) => {
          const index = writesSent++ % writers.actionIds.length;
          const id = writers.actionIds[index]!;
          (context as { id?: string }).id = id;
          request.headers = { ...request.headers, authorization: `Bearer ${writers.tokenOf(index)}` };
          request.body = JSON.stringify({ query: scenario.query, variables: { id, v: versions.get(id) ?? 1, d: `Ändring ${writesSent}` } });
          return request;
        },
        // Learn each action's version from the answer (a conflict names the current one).
        onResponse: (_status: number, body: string, context: object) => {
          const parsed = JSON.parse(body) as { data?: { updateAction?: { version: number } } | null; errors?: { extensions?: { currentVersion?: number } }[] };
          const version = parsed.data?.updateAction?.version ?? parsed.errors?.[0]?.extensions?.currentVersion;
          const id = (context as { id?: string }).id;
          if (version && id) versions.set(id, version);
          if (!parsed.data?.updateAction) {
            graphqlErrors += 1;
            if (errorSamples.size < 3) errorSamples.add(JSON.stringify(parsed.errors?.[0] ?? parsed).slice(0, 300));
          }
        },
      },
    ];
  } else {
    const vary = scenario.vary;
    options.requests = [
      {
        body: JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} }),
        ...(vary
          ? {
              setupRequest: (request: autocannon.Request) => {
                const own = vary(next++);
                request.headers = { ...request.headers, ...own.headers };
                request.body = JSON.stringify({ query: scenario.query, variables: { ...scenario.variables, ...own.variables } });
                return request;
              },
            }
          : {}),
        // An answer with an error counts as one (a subgraph that failed, a partial answer).
        onResponse: (_status: number, body: string) => {
          if (!body.includes('"errors":[')) return;
          graphqlErrors += 1;
          if (errorSamples.size < 3) errorSamples.add(body.slice(0, 300));
        },
      },
    ];
  }
  const result = await autocannon(options);
  for (const sample of errorSamples) console.log(`  (an error: ${sample})`);
  return {
    concurrency,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average * 10) / 10,
    // autocannon's `errors` include its timeouts.
    errors: result.errors + result.non2xx + graphqlErrors,
    requests: result.requests.total,
  };
}

/** A load loop for targets that take more than one HTTP request (or none): `work` is one iteration. */
async function loop(concurrency: number, work: () => Promise<void>): Promise<Omit<Measurement, 'scenario' | 'target' | 'sqlPerRequest'>> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const started = performance.now();
        try {
          await work();
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (share: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? 0);
  return { concurrency, p50: at(0.5), p99: at(0.99), rps: Math.round((latencies.length / SECONDS) * 10) / 10, errors };
}

// ---------------------------------------------------------------------------------------------
// The national overview by hand: straight to the subgraphs, and in plain SQL

/** The gateway's plan for the overview, sent by hand: agreements first, then actions and surveys together. */
async function overviewStraightFromSubgraphs(): Promise<void> {
  const first = await post(subgraphUrl('agreements'), '{ municipalities { code name activeAgreement(on: "2025-06-01") { title focusAreas { focusArea { code name } } } } }');
  const codes = (first.data!.municipalities as { code: string }[]).map((m) => ({ __typename: 'Municipality', code: m.code }));
  const [actions, surveys] = await Promise.all([
    post(subgraphUrl('actions'), 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Municipality { compliance(on: "2025-06-01") { compliant hasCurrentSituationReport ongoingActions overdueActions } actionCounts { focusArea { code } ongoing done } } } }', { r: codes }),
    post(subgraphUrl('surveys'), 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Municipality { surveyStanding(indicator: "PROBLEM_INDEX", year: 2025, baseYear: 2016, origins: [DEMO]) { value rank rankOf changeFromPreviousYear changeFromBaseYear } } } }', { r: codes }),
  ]);
  if (first.errors || actions.errors || surveys.errors) throw new Error('subgraph error');
}

/** The national overview in plain SQL: one query for each subgraph it reads from. */
const SQL: Record<Service, string> = {
  agreements: `SELECT m.code, m.name, a.title, array_agg(f."focusAreaCode" ORDER BY f.position) AS focus
    FROM "Municipality" m
    LEFT JOIN "Agreement" a ON a."municipalityCode" = m.code AND a.state = 'SIGNED' AND coalesce(a."validFrom", '-infinity') <= '2025-06-01'
      AND coalesce(a."validTo", 'infinity') >= '2025-06-01' AND a."supersededOn" IS NULL
    LEFT JOIN "AgreementFocusArea" f ON f."agreementId" = a.id
    GROUP BY m.code, m.name, a.title`,
  actions: `SELECT a."municipalityCode", a."focusAreaCode",
      count(*) FILTER (WHERE a.status = 'ONGOING') AS ongoing, count(*) FILTER (WHERE a.status = 'DONE') AS done,
      count(*) FILTER (WHERE a.status IN ('PLANNED', 'ONGOING') AND a."endsOn" < '2025-06-01') AS overdue,
      (SELECT max("decidedOn") FROM "SituationReport" s WHERE s."municipalityCode" = a."municipalityCode" AND s."decidedOn" <= '2025-06-01') AS report
    FROM "Action" a WHERE a.visibility = 'PUBLIC' GROUP BY a."municipalityCode", a."focusAreaCode"`,
  surveys: `SELECT r."areaCode", r.value, rank() OVER (PARTITION BY r."instrumentCode" ORDER BY r.value) AS rank,
      count(*) OVER (PARTITION BY r."instrumentCode") AS rank_of, r.value - p.value AS change, r.value - b.value AS change_from_base
    FROM "SurveyResult" r
    LEFT JOIN "SurveyResult" p ON p."areaCode" = r."areaCode" AND p."areaLevel" = r."areaLevel" AND p."indicatorCode" = r."indicatorCode" AND p.origin = r.origin AND p.year = 2024
    LEFT JOIN "SurveyResult" b ON b."areaCode" = r."areaCode" AND b."areaLevel" = r."areaLevel" AND b."indicatorCode" = r."indicatorCode" AND b.origin = r.origin AND b.year = 2016
    WHERE r."indicatorCode" = 'PROBLEM_INDEX' AND r.year = 2025 AND r."areaLevel" = 'MUNICIPALITY' AND r.origin = 'DEMO'`,
};

/** How a run in which replicas were killed ended for its clients. */
interface KillRun {
  scenario: string;
  killed: string[];
  requests: number;
  /** Answered in full. */
  whole: number;
  /** Answered, with an error saying what is missing. */
  toldOfError: number;
  /** No answer at all (the connection failed). */
  unanswered: number;
  p50: number;
  p99: number;
}

/**
 * Clients ask through the gateway over two replicas of each subgraph; halfway, one replica of each
 * subgraph is killed (SIGKILL, no goodbye). Every request is waited for, none cut off: each ends
 * answered in full, answered with an error, or without an answer (p50 and p99 of those answered).
 */
async function killReplicasMidRun(scenario: Scenario, concurrency: number, victims: ChildProcess[], names: string[]): Promise<KillRun> {
  const outcome = { whole: 0, toldOfError: 0 };
  const killer = setTimeout(() => victims.forEach((child) => child.kill('SIGKILL')), (SECONDS * 1000) / 2);
  let next = 0;
  const run = await loop(concurrency, async () => {
    const own = scenario.vary?.(next++) ?? {};
    // A request without an answer throws: the loop counts it as an error.
    const answer = await post(replicatedGatewayUrl, scenario.query, { ...scenario.variables, ...own.variables }, own.headers);
    if (answer.errors?.length || !answer.data) outcome.toldOfError += 1;
    else outcome.whole += 1;
  });
  clearTimeout(killer);
  const requests = outcome.whole + outcome.toldOfError + run.errors;
  return { scenario: scenario.name, killed: names, requests, ...outcome, unanswered: run.errors, p50: run.p50, p99: run.p99 };
}

interface Growth {
  kommuner: number;
  concurrency: number;
  p50: number;
  rps: number;
  sqlPerRequest: number | null;
  /**
   * SQL statements of one answer asked alone, by subgraph (exact, where the load's average includes
   * requests cut off at its end; the notifications subgraph's are its polls of the outboxes, no answer's).
   */
  sqlOfOneAnswer: Record<string, number>;
  /** Subgraph fetches the gateway sent for one answer asked alone. */
  fetchesOfOneAnswer: number;
  kilobytes: number;
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`Benchmark on ${os.cpus().length} cores, Node ${process.version}, ${SECONDS} s per measurement${FULL_RUN ? '' : `, only ${ONLY.join(', ')}`}.`);
  for (const service of SERVICES) {
    await dropPostgresDatabase(dbUrl(service));
    await ensurePostgresDatabase(dbUrl(service));
  }

  console.log('Loading the national dataset…');
  await promisify(execFile)(process.execPath, [path.join(root, 'services/surveys/dist/cli/surveys.js'), 'demo'], { env: environment() });
  // Two replicas of each subgraph on the same database, started together (they take turns to migrate and seed).
  const processes: Record<string, ChildProcess> = {};
  const replicas = runs('replicas') ? [0, 1] : [0];
  for (const service of SERVICES) {
    const { dir, runtime } = subgraphEntry(service);
    processes[service] = start(service, `${dir}/dist/index.js`, runtime);
    if (runs('replicas')) processes[`${service} replica`] = start(`${service} replica`, `${dir}/dist/index.js`, runtime, { [setting(service, 'PORT')]: String(subgraphPort(service, 1)) });
  }
  await Promise.all(SERVICES.flatMap((s) => replicas.map((replica) => waitFor(subgraphUrl(s, replica).replace('/graphql', '/ready')))));
  const actionIds = await seedActions();
  await analyze();
  const gateways: number[] = [PORTS.gateway];
  processes.gateway = start('gateway', GATEWAY_SCRIPT, GATEWAY_RUNTIME);
  if (runs('scenarios')) {
    // A second gateway with the cache of anonymous reads on (5 s), to show what it changes.
    processes.cachedGateway = start('cached gateway', GATEWAY_SCRIPT, GATEWAY_RUNTIME, { PORT: String(PORTS.cachedGateway), SAMVERKAN_RESPONSE_CACHE_MS: '5000' });
    gateways.push(PORTS.cachedGateway);
    // The peer: Hive Gateway on the same supergraph and subgraphs, as Node runs it by default (not our memory bounds).
    processes.hive = start('hive gateway', 'gateway/bin/samverkan-hive-gateway.js', null, { PORT: String(PORTS.hive) });
  }
  if (runs('floor')) {
    // And one that shares nothing, not even identical reads in flight: every request answered in full.
    // (No entity cache either, when SAMVERKAN_ENTITY_CACHE_BYTES turns it on for the others.)
    processes.unsharedGateway = start('unshared gateway', GATEWAY_SCRIPT, GATEWAY_RUNTIME, { PORT: String(PORTS.unsharedGateway), SAMVERKAN_SHARE_IN_FLIGHT: '0', SAMVERKAN_ENTITY_CACHE_BYTES: '0' });
    gateways.push(PORTS.unsharedGateway);
  }
  if (runs('replicas')) {
    // A gateway over both replicas of each subgraph.
    processes.replicatedGateway = start('replicated gateway', GATEWAY_SCRIPT, GATEWAY_RUNTIME, {
      PORT: String(PORTS.replicatedGateway),
      ...Object.fromEntries(SERVICES.map((s) => [setting(s, 'URL'), `${subgraphUrl(s)},${subgraphUrl(s, 1)}`])),
    });
    gateways.push(PORTS.replicatedGateway);
  }
  for (const port of gateways) await waitFor(`http://127.0.0.1:${port}/ready`);
  if (processes.hive) await waitFor(`http://127.0.0.1:${PORTS.hive}/readiness`);
  // Actions were written kommun by kommun, ACTIONS_PER_KOMMUN each: the writer of action i is a user of its kommun.
  const kommunTokens = await Promise.all(municipalities.map((m) => signDevelopmentToken({ role: 'kommun', subject: `bench-${m.code}`, municipalityCode: m.code }, JWT_SECRET)));
  const writers: Writers = { actionIds, tokenOf: (index) => kommunTokens[Math.floor(index / ACTIONS_PER_KOMMUN)]! };
  analysts = await analystTokens('bench-analyst', JWT_SECRET);

  // Each scenario answers without errors before it is loaded (the write: on an action no load
  // touches first), and the peer gives the same answers as our gateway.
  for (const scenario of runs('scenarios') ? SCENARIOS : []) {
    const last = actionIds.length - 1;
    const own = scenario.vary?.(0) ?? {};
    const variables = { ...scenario.variables, ...own.variables };
    const answer = scenario.write
      ? await post(gatewayUrl, scenario.query, { id: actionIds[last], v: 1, d: 'Förberedelse' }, { authorization: `Bearer ${writers.tokenOf(last)}` })
      : await post(gatewayUrl, scenario.query, variables, own.headers);
    if (answer.errors) throw new Error(`${scenario.name}: ${answer.errors[0]!.message}`);
    if (scenario.write) versions.set(actionIds[last]!, 2);
    else if (scenario.peer && JSON.stringify((await post(hiveUrl, scenario.query, variables)).data) !== JSON.stringify(answer.data)) {
      throw new Error(`${scenario.name}: Hive Gateway answers differently from ours`);
    }
  }

  const measurements: Measurement[] = [];
  const record = (m: Measurement) => {
    measurements.push(m);
    console.log(`${m.scenario.padEnd(40)} ${m.target.padEnd(24)} c=${String(m.concurrency).padStart(2)}  p50 ${String(m.p50).padStart(5)} ms  p99 ${String(m.p99).padStart(5)} ms  ${String(m.rps).padStart(7)} req/s  errors ${m.errors}  SQL/req ${m.sqlPerRequest ?? '–'}`);
  };
  /** Load that is not recorded: each process compiles its hot paths before it is measured. */
  const warmUp = async (url: string, scenario: Scenario, seconds = 1) => {
    if (!scenario.write) await load(url, scenario, 16, {}, undefined, seconds);
  };
  /** Loads a target and, for our main gateway, counts the SQL statements of all subgraphs per request it answered. */
  const measured = async (url: string, target: string, scenario: Scenario, concurrency: number) => {
    const { result, sqlPerRequest } = await withSqlPerRequest(() => load(url, scenario, concurrency, {}, writers));
    record({ scenario: scenario.name, target, ...result, sqlPerRequest: url === gatewayUrl ? sqlPerRequest : null });
  };

  for (const scenario of runs('scenarios') ? SCENARIOS : []) {
    // Reads are anonymous (public records, the case the response cache is for) unless the scenario
    // signs them; writes are signed.
    await warmUp(gatewayUrl, scenario);
    for (const concurrency of CONCURRENCY) await measured(gatewayUrl, 'gateway', scenario, concurrency);
    if (!scenario.peer) continue;
    await warmUp(hiveUrl, scenario);
    for (const concurrency of CONCURRENCY) await measured(hiveUrl, PEER, scenario, concurrency);
  }

  // The same reads through the gateway with the cache of anonymous reads on, at concurrency 16.
  for (const scenario of runs('scenarios') ? SCENARIOS.filter((s) => s.peer && !s.vary) : []) {
    record({ scenario: scenario.name, target: 'gateway, cache on', ...(await load(cachedGatewayUrl, scenario, 16, {})), sqlPerRequest: null });
  }

  // The floor under the national overview and the compliance report, at concurrency 16, against
  // the gateway answering every request in full.
  if (runs('floor')) {
    const national = scenario(NATIONAL);
    await warmUp(unsharedGatewayUrl, national);
    record({ scenario: national.name, target: UNSHARED, ...(await load(unsharedGatewayUrl, national, 16, {})), sqlPerRequest: null });
    record({ scenario: national.name, target: 'subgraphs by hand', ...(await loop(16, overviewStraightFromSubgraphs)), sqlPerRequest: null });
    const pools = Object.entries(SQL).map(([s, sql]) => ({ pool: new pg.Pool({ connectionString: dbUrl(s), max: 16 }), sql }));
    record({
      scenario: national.name,
      target: 'plain SQL (3 queries)',
      ...(await loop(16, async () => {
        await Promise.all(pools.map(({ pool, sql }) => pool.query(sql)));
      })),
      sqlPerRequest: pools.length,
    });
    await Promise.all(pools.map(({ pool }) => pool.end()));
    const compliance = scenario('compliance report (290 kommuner)');
    record({ scenario: compliance.name, target: 'actions subgraph', ...(await load(subgraphUrl('actions'), compliance, 16, {})), sqlPerRequest: null });
  }

  // Scale out: reads that differ request by request (none shares another's answer) over two
  // replicas of each subgraph; then one replica of each killed mid-run.
  let killRun: KillRun | undefined;
  let replicaMemory: Record<string, number | null> = {};
  if (runs('replicas')) {
    for (const name of SCALE_OUT) {
      // The replicas and their gateway have served nothing yet: as long a warm-up as a measurement.
      await warmUp(replicatedGatewayUrl, scenario(name), SECONDS);
      for (const concurrency of [16, 64]) await measured(replicatedGatewayUrl, REPLICATED, scenario(name), concurrency);
    }
    const victims = SERVICES.map((s) => processes[`${s} replica`]!);
    // The replicas' peak memory, read while they still run.
    replicaMemory = Object.fromEntries(SERVICES.map((s) => [`${s} replica`, peakMemoryMiB(processes[`${s} replica`]!)]));
    killRun = await killReplicasMidRun(scenario(SCALE_OUT[0]), 16, victims, SERVICES.map((s) => `${s} replica`));
    console.log(`killed ${killRun.killed.join(', ')} mid-run: ${killRun.requests} requests, ${killRun.whole} whole, ${killRun.toldOfError} told of an error, ${killRun.unanswered} unanswered`);
  }

  // Growth, at concurrency 1 (what one request costs): 29 kommuner spread over the country (every
  // tenth, with Lund, which has an agreement), all 290, then 2,900: the 290 and nine synthetic
  // copies of each in the databases, answered by subgraphs and a gateway of their own that know
  // the copies (SAMVERKAN_BENCH_KOMMUN_COPIES), each the national overview without arguments.
  const growth: Growth[] = [];
  let growthMemory: Record<string, number | null> = {};
  if (runs('growth')) {
    const spread = municipalities.filter((_, i) => i % 10 === 0).map((m) => m.code);
    if (!spread.includes('1281')) spread[0] = '1281';
    const grow = async (kommuner: number, variables: Record<string, unknown>, url = gatewayUrl, counted = MAIN) => {
      const answer = await post(url, OVERVIEW, variables);
      const answered = (answer.data?.municipalities as unknown[] | undefined)?.length;
      if (answer.errors || answered !== kommuner) throw new Error(`growth: the overview of ${kommuner} answered ${answered} kommuner${answer.errors ? ` (${answer.errors[0]!.message})` : ''}`);
      const kilobytes = Math.round(JSON.stringify(answer).length / 1024);
      const one = await costOfOneAnswer(url, OVERVIEW, variables, counted);
      const scenario = { name: `overview of ${kommuner}`, query: OVERVIEW, variables };
      const { result, sqlPerRequest } = await withSqlPerRequest(() => load(url, scenario, 1, {}, undefined, Math.max(SECONDS, kommuner / 100)), counted);
      growth.push({ kommuner, concurrency: 1, p50: result.p50, rps: result.rps, sqlPerRequest, sqlOfOneAnswer: one.sqlBySubgraph, fetchesOfOneAnswer: one.fetches, kilobytes });
      console.log(`growth: ${kommuner} kommuner c=1  p50 ${result.p50} ms  ${result.rps} req/s  SQL/req ${sqlPerRequest}  one answer: ${one.sql} SQL (${bySubgraph(one)}), ${one.fetches} fetches  ${kilobytes} KB  errors ${result.errors}`);
    };
    await grow(29, { codes: spread });
    await grow(290, {});
    await addSyntheticKommuner();
    const growthProcesses = await startGrowthSet();
    const growthUrl = `http://127.0.0.1:${PORTS.growthGateway}/graphql`;
    // Fresh processes: warmed up at concurrency 1 as long as a measurement (the others have served for minutes).
    await load(growthUrl, { name: 'warm-up', query: OVERVIEW }, 1, {}, undefined, SECONDS);
    await grow(municipalities.length * (1 + GROWTH_COPIES), {}, growthUrl, GROWTH);
    growthMemory = Object.fromEntries(Object.entries(growthProcesses).map(([name, child]) => [name, peakMemoryMiB(child)]));
    console.log(`CPU seconds of the growth set: ${Object.entries(growthProcesses).map(([name, child]) => `${name} ${cpuSeconds(child) ?? '–'}`).join(', ')}.`);
    for (const child of Object.values(growthProcesses)) child.kill('SIGTERM');
  }

  // The analysts' workspace in Chromium against our gateway: the national map's load time and the bundle (workspace.ts).
  const workspace = runs('workspace') ? await measureWorkspace(`http://127.0.0.1:${PORTS.gateway}`, "the benchmark's gateway (PostgreSQL, production mode)") : undefined;
  if (workspace) console.log(workspaceSection(workspace));

  const memory = { ...Object.fromEntries(Object.entries(processes).map(([name, child]) => [name, peakMemoryMiB(child)])), ...replicaMemory, ...growthMemory };
  console.log(`CPU seconds: ${Object.entries(processes).map(([name, child]) => `${name} ${cpuSeconds(child) ?? '–'}`).join(', ')}; the main gateway answered ${await gatewayRequests(PORTS.gateway)} requests.`);
  stopAll();
  console.log(`Peak memory (MiB): ${Object.entries(memory).map(([name, mib]) => `${name} ${mib ?? '–'}`).join(', ')}.`);
  if (!FULL_RUN || !killRun || !workspace) {
    console.log(`Done in ${Math.round((Date.now() - started) / 1000)} s (only ${ONLY.join(', ')}: nothing written).`);
    return;
  }

  const date = new Date().toISOString().slice(0, 10);
  const report: Report = {
    date,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    secondsPerMeasurement: SECONDS,
    dataset: { kommuner: municipalities.length, actions: actionIds.length, surveyYears: '2016–2025 (demo)' },
    measurements,
    killRun,
    growth,
    peakMemoryMiB: memory,
    workspace,
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  const resultsDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `${date}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeBenchmarksTable(report);
  writeWorkspaceSection(workspace);
  console.log(`Done in ${report.durationSeconds} s: bench/results/${date}.json and BENCHMARKS.md.`);
}

const GATEWAY_SCRIPT = 'gateway/dist/index.js';

/**
 * The growth scenario's subgraphs and gateway, on the same databases, knowing the 2,900 kommuner:
 * started with SAMVERKAN_BENCH_KOMMUN_COPIES (which @samverkan/geo refuses outside the bench's
 * databases) once the copies are in the databases; each with its memory bounds as in production.
 */
async function startGrowthSet(): Promise<Record<string, ChildProcess>> {
  const own = {
    SAMVERKAN_BENCH_KOMMUN_COPIES: String(GROWTH_COPIES),
    ...Object.fromEntries(SERVICES.flatMap((s) => [[setting(s, 'PORT'), String(growthSubgraphPort(s))], [setting(s, 'URL'), `http://127.0.0.1:${growthSubgraphPort(s)}/graphql`]])),
  };
  const started: Record<string, ChildProcess> = {};
  for (const service of SERVICES) {
    const { dir, runtime } = subgraphEntry(service);
    started[`growth ${service}`] = start(`growth ${service}`, `${dir}/dist/index.js`, runtime, own);
  }
  await Promise.all(SERVICES.map((s) => waitFor(`http://127.0.0.1:${growthSubgraphPort(s)}/ready`)));
  started['growth gateway'] = start('growth gateway', GATEWAY_SCRIPT, GATEWAY_RUNTIME, { ...own, PORT: String(PORTS.growthGateway) });
  await waitFor(`http://127.0.0.1:${PORTS.growthGateway}/ready`);
  return started;
}

const PEER = 'Hive Gateway (peer)';
const UNSHARED = 'gateway, nothing shared';
const SCALE_OUT = ["a kommun's detail, each request another kommun", 'compliance report, each request another day'] as const;
const REPLICATED = 'gateway, 2 replicas each';

interface Report {
  date: string;
  machine: { cores: number; cpu: string; memoryGiB: number; node: string };
  secondsPerMeasurement: number;
  dataset: Record<string, unknown>;
  measurements: Measurement[];
  killRun: KillRun;
  growth: Growth[];
  peakMemoryMiB: Record<string, number | null>;
  workspace: WorkspaceReport;
  durationSeconds: number;
}

function writeBenchmarksTable(report: Report): void {
  const file = path.join(root, 'BENCHMARKS.md');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const rows = report.measurements.map((m) => `| ${m.scenario} | ${m.target} | ${m.concurrency} | ${m.p50} | ${m.p99} | ${m.rps} | ${m.errors} | ${m.sqlPerRequest ?? '–'} |`);
  const find = (scenario: string, target: string, concurrency = 16) => report.measurements.find((m) => m.scenario === scenario && m.target === target && m.concurrency === concurrency);
  const national = NATIONAL;
  const gw = find(national, UNSHARED);
  const bySubgraphs = find(national, 'subgraphs by hand');
  const bySql = find(national, 'plain SQL (3 queries)');
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(2) : '–');
  const reads = [...new Set(report.measurements.filter((m) => m.target === PEER).map((m) => m.scenario))];
  const kill = report.killRun;
  const table = [
    start,
    `Last run: ${report.date}, ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, ${report.secondsPerMeasurement} s per measurement, PostgreSQL; ${report.durationSeconds} s in all.`,
    '',
    '| scenario | target | concurrency | p50 ms | p99 ms | req/s | errors | SQL/request |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `National overview at concurrency 16, p50, every request answered in full: gateway ${gw?.p50 ?? '–'} ms, the subgraphs by hand ${bySubgraphs?.p50 ?? '–'} ms, plain SQL ${bySql?.p50 ?? '–'} ms — gateway/subgraphs ${ratio(gw?.p50, bySubgraphs?.p50)}×, gateway/SQL ${ratio(gw?.p50, bySql?.p50)}×.`,
    '',
    'Ours/peer (our gateway against Hive Gateway on the same supergraph and subgraphs; below 1 means ours is faster):',
    '',
    '| scenario | concurrency | p50 ours/peer | req/s ours/peer |',
    '|---|---|---|---|',
    ...reads.flatMap((scenario) =>
      CONCURRENCY.map((c) => {
        const [ours, peer] = [find(scenario, 'gateway', c), find(scenario, PEER, c)];
        return `| ${scenario} | ${c} | ${ratio(ours?.p50, peer?.p50)} | ${ratio(ours?.rps, peer?.rps)} |`;
      }),
    ),
    '',
    `Scale out: two replicas of each subgraph on the same databases, behind one gateway, against one of each (req/s): ${SCALE_OUT.flatMap((scenario) =>
      [16, 64].map((c) => `${scenario} at concurrency ${c}: ${find(scenario, 'gateway', c)?.rps ?? '–'} → ${find(scenario, REPLICATED, c)?.rps ?? '–'}`),
    ).join('; ')}.`,
    '',
    `Replicas killed mid-run (${kill.killed.join(', ')}; SIGKILL halfway through a ${report.secondsPerMeasurement} s run of “${kill.scenario}” at concurrency 16): ${kill.requests} requests, ${kill.whole} answered in full, ${kill.toldOfError} answered with an error, ${kill.unanswered} without an answer; p50 ${kill.p50} ms, p99 ${kill.p99} ms.`,
    '',
    '| kommuner in the overview | concurrency | p50 ms | req/s | SQL/request (load) | SQL of one answer, by subgraph | fetches of one answer | answer KB |',
    '|---|---|---|---|---|---|---|---|',
    ...report.growth.map(
      (g) => `| ${g.kommuner.toLocaleString('en')} | ${g.concurrency} | ${g.p50} | ${g.rps} | ${g.sqlPerRequest ?? '–'} | ${bySubgraph({ sqlBySubgraph: g.sqlOfOneAnswer })} | ${g.fetchesOfOneAnswer} | ${g.kilobytes} |`,
    ),
    '',
    `Peak memory (MiB): ${Object.entries(report.peakMemoryMiB).map(([name, mib]) => `${name} ${mib ?? '–'}`).join(', ')}.`,
    end,
  ].join('\n');
  const next = text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*${end}`), table) : `${text}\n${table}\n`;
  fs.writeFileSync(file, next);
}

process.once('SIGINT', () => {
  stopAll();
  process.exit(130);
});
main().catch((error: unknown) => {
  console.error(error);
  stopAll();
  process.exit(1);
});
