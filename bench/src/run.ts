#!/usr/bin/env node
/**
 * `npm run bench`: the hub under load, on PostgreSQL, measured against its own parts.
 *
 * 1. Builds a reproducible national dataset in fresh databases (samverkan_bench_<service>): the
 *    reference data, 10 years of demo survey results for all 290 kommuner, and 20 actions with
 *    follow-ups per kommun.
 * 2. Starts the three subgraphs and the gateway as separate processes (metrics on, rate limit off).
 * 3. Runs each scenario with autocannon at concurrency 1, 16 and 64, and records p50, p99,
 *    requests per second, errors, SQL statements per request and the peak memory of each process.
 * 4. Measures the national overview against its floor: the same data fetched straight from the
 *    subgraphs (the gateway's plan, by hand) and by plain SQL; and its growth from 29 to 290 kommuner.
 * 5. Writes bench/results/<date>.json and the table in BENCHMARKS.md.
 *
 * Settings: BENCH_POSTGRES_URL (default postgresql://root@127.0.0.1:5432/postgres),
 * BENCH_SECONDS per measurement (default 5).
 */
import { dropPostgresDatabase, ensurePostgresDatabase, repositoryRoot, withDatabase } from '@samverkan/db';
import { municipalities } from '@samverkan/geo';
import { focusAreaCatalogue, signDevelopmentToken } from '@samverkan/schema';
import autocannon from 'autocannon';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const root = repositoryRoot(__dirname);
const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = [1, 16, 64] as const;
const SERVICES = ['agreements', 'actions', 'surveys'] as const;
type Service = (typeof SERVICES)[number];
const PORTS: Record<Service | 'gateway' | 'cachedGateway', number> = { gateway: 5100, agreements: 5101, actions: 5102, surveys: 5103, cachedGateway: 5104 };
const HOP_SECRET = 'bench-hop-secret';
const JWT_SECRET = 'bench-jwt-secret';
const ACTIONS_PER_KOMMUN = 20;

const dbUrl = (service: Service) => withDatabase(SERVER, `samverkan_bench_${service}`);
const gatewayUrl = `http://127.0.0.1:${PORTS.gateway}/graphql`;
const cachedGatewayUrl = `http://127.0.0.1:${PORTS.cachedGateway}/graphql`;
const subgraphUrl = (service: Service) => `http://127.0.0.1:${PORTS[service]}/graphql`;

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
    ...Object.fromEntries(SERVICES.flatMap((s) => [[`${s.toUpperCase()}_DATABASE_URL`, dbUrl(s)], [`${s.toUpperCase()}_PORT`, String(PORTS[s])], [`${s.toUpperCase()}_URL`, subgraphUrl(s)]])),
    PORT: String(PORTS.gateway),
    SAMVERKAN_RESPONSE_CACHE_MS: '0',
  };
}

function start(name: string, script: string, extraEnv: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, script)], { cwd: root, env: { ...environment(), ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
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

// ---------------------------------------------------------------------------------------------
// Data

/** 20 actions per kommun with follow-ups, reproducible (a counter, no randomness). */
async function seedActions(): Promise<string[]> {
  const client = new pg.Client({ connectionString: dbUrl('actions') });
  await client.connect();
  const ids: string[] = [];
  try {
    const statuses = ['PLANNED', 'ONGOING', 'ONGOING', 'DONE', 'CANCELLED'];
    const rows: unknown[][] = [];
    const followUps: unknown[][] = [];
    let n = 0;
    for (const m of municipalities) {
      for (let i = 0; i < ACTIONS_PER_KOMMUN; i += 1) {
        n += 1;
        const id = randomUUID();
        ids.push(id);
        const focus = focusAreaCatalogue[n % focusAreaCatalogue.length]!.code;
        rows.push([id, m.code, `Åtgärd ${i + 1} i ${m.name}`, focus, statuses[n % statuses.length], n % 7 === 0 ? 'PARTIES' : 'PUBLIC', `2024-0${(n % 9) + 1}-01`, `2026-0${(n % 9) + 1}-28`]);
        if (n % 2 === 0) followUps.push([randomUUID(), id, `2025-0${(n % 9) + 1}-15`, 'bench', `Uppföljning av åtgärd ${i + 1}`, n % 3 === 0 ? 'EFFECTIVE' : 'PARTLY']);
      }
    }
    for (let start = 0; start < rows.length; start += 1000) {
      const chunk = rows.slice(start, start + 1000);
      const column = (index: number) => chunk.map((row) => row[index]);
      await client.query(
        `INSERT INTO "Action" (id, "municipalityCode", title, "focusAreaCode", status, visibility, "startsOn", "endsOn", "updatedAt")
         SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::"ActionStatus"[], $6::"Visibility"[], $7::date[], $8::date[])`,
        [column(0), column(1), column(2), column(3), column(4), column(5), column(6), column(7)],
      );
      await client.query(
        `INSERT INTO "ActionResponsible" (id, "actionId", kind, name, lead, position) SELECT gen_random_uuid()::text, a, 'MUNICIPAL_DEPARTMENT', 'Kommunen', true, 1 FROM unnest($1::text[]) AS a`,
        [column(0)],
      );
    }
    const column = (index: number) => followUps.map((row) => row[index]);
    await client.query(
      `INSERT INTO "FollowUp" (id, "actionId", date, author, text, outcome) SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::"Outcome"[])`,
      [column(0), column(1), column(2), column(3), column(4), column(5)],
    );
  } finally {
    await client.end();
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

const OVERVIEW = `query Overview($region: ID, $codes: [MunicipalityCode!], $on: Date = "2025-06-01") {
  municipalities(policeRegion: $region, codes: $codes) {
    code name
    activeAgreement(on: $on) { title focusAreas { focusArea { code name } } }
    compliance(on: $on) { compliant hasCurrentSituationReport ongoingActions overdueActions }
    actionCounts { focusArea { code } ongoing done }
    surveyStanding(indicator: "PROBLEM_INDEX", year: 2025, baseYear: 2016, origins: [DEMO]) { value rank rankOf changeFromPreviousYear changeFromBaseYear }
  }
}`;

const KOMMUN = `query Kommun($code: ID! = "1281", $on: Date = "2025-06-01") {
  municipality(code: $code) {
    name county { name } localPoliceAreas { name }
    activeAgreement(on: $on) { title validFrom validTo focusAreas { title focusArea { code } } signatories { name party } }
    actions { title status startsOn endsOn followUps { date outcome } }
    compliance(on: $on) { compliant ongoingActions overdueActions }
    surveyResults(indicator: "PROBLEM_INDEX", origins: [DEMO]) { year value respondents }
  }
}`;

const COMPLIANCE = `query Compliance($on: Date = "2025-06-01") {
  compliance(on: $on) { municipality { code } compliant hasCurrentSituationReport situationReportDecidedOn actionPlanDecidedOn ongoingActions overdueActions }
}`;

const UPDATE = 'mutation Update($id: ID!, $v: Int!, $d: String!) { updateAction(id: $id, version: $v, changes: { description: $d }) { version } }';

interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  write?: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: "one kommun's detail (Lund)", query: KOMMUN },
  { name: 'region overview, Syd (58 kommuner)', query: OVERVIEW, variables: { region: 'SYD' } },
  { name: 'national overview (290 kommuner)', query: OVERVIEW },
  { name: 'compliance report (290 kommuner)', query: COMPLIANCE },
  { name: 'write: update an action', query: UPDATE, write: true },
];

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

async function readCounter(service: Service, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${PORTS[service]}/metrics`)).text();
  return Number(new RegExp(`^${name}\\{[^}]*\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
}

/** Requests the gateway has answered (all operations). */
async function gatewayRequests(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${PORTS.gateway}/metrics`)).text();
  return [...text.matchAll(/^samverkan_gateway_requests_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

async function sqlTotal(): Promise<number> {
  let sum = 0;
  for (const service of SERVICES) sum += await readCounter(service, 'samverkan_sql_statements_total');
  return sum;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

/** Each action's version as the last answer gave it, across runs (a write names the version it read). */
const versions = new Map<string, number>();

/** Tokens of kommun users, one per kommun, for the write scenario (each writes its own kommun's actions). */
type Writers = { actionIds: string[]; tokenOf: (actionIndex: number) => string };

/** One autocannon run against a URL with a fixed body, or writes that keep each action's version. */
async function load(url: string, scenario: Scenario, concurrency: number, headers: Record<string, string>, writers?: Writers): Promise<Omit<Measurement, 'scenario' | 'target' | 'sqlPerRequest'> & { requests: number }> {
  let graphqlErrors = 0;
  const errorSamples = new Set<string>();
  let next = 0;
  const options: autocannon.Options = {
    url,
    method: 'POST',
    connections: concurrency,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', ...headers },
  };
  if (scenario.write && writers) {
    options.requests = [
      {
        setupRequest: (request: autocannon.Request, context: object) => {
          const index = next++ % writers.actionIds.length;
          const id = writers.actionIds[index]!;
          (context as { id?: string }).id = id;
          request.headers = { ...request.headers, authorization: `Bearer ${writers.tokenOf(index)}` };
          request.body = JSON.stringify({ query: scenario.query, variables: { id, v: versions.get(id) ?? 1, d: `Ändring ${next}` } });
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
    options.body = JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
  }
  const result = await autocannon(options);
  for (const sample of errorSamples) console.log(`  (an error: ${sample})`);
  return {
    concurrency,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average * 10) / 10,
    errors: result.errors + result.non2xx + result.timeouts + graphqlErrors,
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

const SQL = {
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

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`Benchmark on ${os.cpus().length} cores, Node ${process.version}, ${SECONDS} s per measurement.`);
  for (const service of SERVICES) {
    await dropPostgresDatabase(dbUrl(service));
    await ensurePostgresDatabase(dbUrl(service));
  }

  console.log('Loading the national dataset…');
  await promisify(execFile)(process.execPath, [path.join(root, 'services/surveys/dist/cli/surveys.js'), 'demo'], { env: environment() });
  const processes = {
    agreements: start('agreements', 'services/agreements/dist/index.js'),
    actions: start('actions', 'services/actions/dist/index.js'),
    surveys: start('surveys', 'services/surveys/dist/index.js'),
  };
  await Promise.all(SERVICES.map((s) => waitFor(`http://127.0.0.1:${PORTS[s]}/ready`)));
  const actionIds = await seedActions();
  const gateway = start('gateway', 'gateway/dist/index.js');
  // A second gateway with the cache of anonymous reads on (5 s), to show what it changes.
  const cachedGateway = start('cached gateway', 'gateway/dist/index.js', { PORT: String(PORTS.cachedGateway), SAMVERKAN_RESPONSE_CACHE_MS: '5000' });
  await waitFor(`http://127.0.0.1:${PORTS.gateway}/ready`);
  await waitFor(`http://127.0.0.1:${PORTS.cachedGateway}/ready`);
  // Actions were written kommun by kommun, ACTIONS_PER_KOMMUN each: the writer of action i is a user of its kommun.
  const kommunTokens = await Promise.all(municipalities.map((m) => signDevelopmentToken({ role: 'kommun', subject: `bench-${m.code}`, municipalityCode: m.code }, JWT_SECRET)));
  const writers: Writers = { actionIds, tokenOf: (index) => kommunTokens[Math.floor(index / ACTIONS_PER_KOMMUN)]! };

  // Each scenario answers without errors before it is loaded (the write: on an action no load touches first).
  for (const scenario of SCENARIOS) {
    const last = actionIds.length - 1;
    const answer = scenario.write
      ? await post(gatewayUrl, scenario.query, { id: actionIds[last], v: 1, d: 'Förberedelse' }, { authorization: `Bearer ${writers.tokenOf(last)}` })
      : await post(gatewayUrl, scenario.query, scenario.variables);
    if (answer.errors) throw new Error(`${scenario.name}: ${answer.errors[0]!.message}`);
    if (scenario.write) versions.set(actionIds[last]!, 2);
  }

  const measurements: Measurement[] = [];
  const record = (m: Measurement) => {
    measurements.push(m);
    console.log(`${m.scenario.padEnd(40)} ${m.target.padEnd(22)} c=${String(m.concurrency).padStart(2)}  p50 ${String(m.p50).padStart(5)} ms  p99 ${String(m.p99).padStart(5)} ms  ${String(m.rps).padStart(7)} req/s  errors ${m.errors}  SQL/req ${m.sqlPerRequest ?? '–'}`);
  };

  for (const scenario of SCENARIOS) {
    for (const concurrency of CONCURRENCY) {
      const [sqlBefore, requestsBefore] = [await sqlTotal(), await gatewayRequests()];
      // Reads are anonymous (public records, the case the response cache is for); writes are signed.
      const result = await load(gatewayUrl, scenario, concurrency, {}, writers);
      await new Promise((resolve) => setTimeout(resolve, 500)); // let requests cut off at the end finish
      const [sql, answered] = [(await sqlTotal()) - sqlBefore, (await gatewayRequests()) - requestsBefore];
      record({ scenario: scenario.name, target: 'gateway', ...result, sqlPerRequest: answered ? Math.round((sql / answered) * 10) / 10 : null });
    }
  }

  // The same reads through the gateway with the cache of anonymous reads on, at concurrency 16.
  for (const scenario of SCENARIOS.filter((s) => !s.write)) {
    record({ scenario: scenario.name, target: 'gateway, cache on', ...(await load(cachedGatewayUrl, scenario, 16, {})), sqlPerRequest: null });
  }

  // The floor under the national overview and the compliance report, at concurrency 16.
  const national = SCENARIOS[2]!;
  record({ scenario: national.name, target: 'subgraphs by hand', ...(await loop(16, overviewStraightFromSubgraphs)), sqlPerRequest: null });
  const pools = Object.fromEntries(SERVICES.map((s) => [s, new pg.Pool({ connectionString: dbUrl(s), max: 16 })])) as Record<Service, pg.Pool>;
  record({
    scenario: national.name,
    target: 'plain SQL (3 queries)',
    ...(await loop(16, async () => {
      await Promise.all(SERVICES.map((s) => pools[s].query(SQL[s])));
    })),
    sqlPerRequest: 3,
  });
  const compliance = SCENARIOS[3]!;
  const direct = await load(subgraphUrl('actions'), compliance, 16, {});
  record({ scenario: compliance.name, target: 'actions subgraph', ...direct, sqlPerRequest: null });

  // Growth: the same overview for 29 and for 290 kommuner.
  const growth: { kommuner: number; p50: number; rps: number; sqlPerRequest: number | null }[] = [];
  // 29 kommuner spread over the country (every tenth, with Lund, which has an agreement), then all 290.
  const spread = municipalities.filter((_, i) => i % 10 === 0).map((m) => m.code);
  if (!spread.includes('1281')) spread[0] = '1281';
  for (const size of [29, 290]) {
    const codes = size === 29 ? spread : municipalities.map((m) => m.code);
    const [sqlBefore, requestsBefore] = [await sqlTotal(), await gatewayRequests()];
    const result = await load(gatewayUrl, { name: `overview of ${size}`, query: OVERVIEW, variables: { codes } }, 16, {});
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [sql, answered] = [(await sqlTotal()) - sqlBefore, (await gatewayRequests()) - requestsBefore];
    growth.push({ kommuner: size, p50: result.p50, rps: result.rps, sqlPerRequest: answered ? Math.round((sql / answered) * 10) / 10 : null });
    console.log(`growth: ${size} kommuner  p50 ${result.p50} ms  ${result.rps} req/s  SQL/req ${growth.at(-1)!.sqlPerRequest}`);
  }

  const memory = Object.fromEntries(Object.entries({ ...processes, gateway, cachedGateway }).map(([name, child]) => [name, peakMemoryMiB(child)]));
  await Promise.all(Object.values(pools).map((p) => p.end()));
  stopAll();

  const date = new Date().toISOString().slice(0, 10);
  const report = {
    date,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    secondsPerMeasurement: SECONDS,
    dataset: { kommuner: municipalities.length, actions: actionIds.length, surveyYears: '2016–2025 (demo)' },
    measurements,
    growth,
    peakMemoryMiB: memory,
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  const resultsDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `${date}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeBenchmarksTable(report);
  console.log(`Done in ${report.durationSeconds} s: bench/results/${date}.json and BENCHMARKS.md.`);
}

function writeBenchmarksTable(report: {
  date: string;
  machine: { cores: number; cpu: string; memoryGiB: number; node: string };
  secondsPerMeasurement: number;
  measurements: Measurement[];
  growth: { kommuner: number; p50: number; rps: number; sqlPerRequest: number | null }[];
  peakMemoryMiB: Record<string, number | null>;
}): void {
  const file = path.join(root, 'BENCHMARKS.md');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const rows = report.measurements.map((m) => `| ${m.scenario} | ${m.target} | ${m.concurrency} | ${m.p50} | ${m.p99} | ${m.rps} | ${m.errors} | ${m.sqlPerRequest ?? '–'} |`);
  const find = (scenario: string, target: string, concurrency = 16) => report.measurements.find((m) => m.scenario === scenario && m.target === target && m.concurrency === concurrency);
  const national = 'national overview (290 kommuner)';
  const gw = find(national, 'gateway');
  const bySubgraphs = find(national, 'subgraphs by hand');
  const bySql = find(national, 'plain SQL (3 queries)');
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(1) : '–');
  const table = [
    start,
    `Last run: ${report.date}, ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, ${report.secondsPerMeasurement} s per measurement, PostgreSQL.`,
    '',
    '| scenario | target | concurrency | p50 ms | p99 ms | req/s | errors | SQL/request |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `National overview at concurrency 16, p50: gateway ${gw?.p50 ?? '–'} ms, the subgraphs by hand ${bySubgraphs?.p50 ?? '–'} ms, plain SQL ${bySql?.p50 ?? '–'} ms — gateway/subgraphs ${ratio(gw?.p50, bySubgraphs?.p50)}×, gateway/SQL ${ratio(gw?.p50, bySql?.p50)}×.`,
    '',
    '| kommuner in the overview | p50 ms (c=16) | req/s | SQL/request |',
    '|---|---|---|---|',
    ...report.growth.map((g) => `| ${g.kommuner} | ${g.p50} | ${g.rps} | ${g.sqlPerRequest ?? '–'} |`),
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
