import path from 'node:path';

/**
 * The one list of the hub's subgraphs. The gateway, `npm start`, the supergraph composition, the
 * benchmark, the Hive Gateway runner and the test harness all read it: adding a subgraph means one
 * entry here plus its folder under `services/`.
 */
export interface SubgraphEntry {
  /** Its name in the supergraph, in logs and in settings, e.g. "agreements". */
  readonly name: string;
  /** The port it listens on unless `<PREFIX>_PORT` says otherwise. */
  readonly defaultPort: number;
  /** The prefix of its settings: `<PREFIX>_PORT`, `<PREFIX>_URL` (where others reach it), `<PREFIX>_DATABASE_URL`. */
  readonly envPrefix: string;
  /** Its npm package. */
  readonly packageName: string;
  /** Its folder, relative to the repository's root. */
  readonly dir: string;
  /** Its printed SDL (composed into the supergraph), relative to the repository's root. */
  readonly sdlPath: string;
  /** The subgraphs it asks itself (not through the gateway), by name: their URLs are passed to it. */
  readonly dependsOn: readonly string[];
  /** How its process runs Node: see {@link SUBGRAPH_RUNTIME}. */
  readonly runtime: RuntimeSettings;
}

function entry(name: string, defaultPort: number, dependsOn: readonly string[] = [], runtime: RuntimeSettings = SUBGRAPH_RUNTIME): SubgraphEntry {
  return {
    runtime,
    name,
    defaultPort,
    envPrefix: name.toUpperCase(),
    packageName: `@samverkan/${name}`,
    dir: `services/${name}`,
    sdlPath: `services/${name}/schema.graphql`,
    dependsOn,
  };
}

/**
 * How a process of the hub runs Node: the V8 flags and the allocator's setting that bound its
 * memory. `npm start` (start.ts) and `npm run bench` start every part with them
 * ({@link runtimeEnvironment}), so the benchmark measures what production runs.
 */
export interface RuntimeSettings {
  /** V8 flags, put in NODE_OPTIONS before the deployer's own (so a flag the deployer gives wins). */
  readonly nodeOptions: readonly string[];
  /** glibc's MALLOC_ARENA_MAX, unless the deployer's environment sets it. */
  readonly mallocArenaMax: number;
}

/**
 * The subgraphs' memory bounds (issue #17: peak resident memory of every process ≤ 256 MiB).
 *
 * Why: a process holds 38–72 MiB of live objects after a full GC, yet reached 250–560 MiB resident
 * under the benchmark, because V8 lets its old generation fill with garbage up to a limit of about
 * 4 GiB on a 24 GiB machine before collecting it in full, and glibc gives each of V8's and libuv's
 * threads its own malloc arena (19–45 MiB each). `--max-old-space-size` makes V8 collect before
 * the old generation passes that size (it is a hard limit: a process whose live objects need more
 * ends with "heap out of memory", and `npm start` starts it again); `MALLOC_ARENA_MAX=2` makes
 * the threads share two arenas. The young generation keeps V8's default (16 MiB semi-spaces): a
 * smaller one (4–8 MiB, tried) kept agreements, actions and surveys under 256 MiB but cost about
 * a fifth to a third of the throughput of the scenarios whose requests differ, and the gateway
 * with a 160 MiB old generation answered the national overview that shares nothing in 2.7 s
 * against 1.5 s with 256 MiB (`BENCH_ONLY=scenarios,floor`, one busy machine, 2026-12-02).
 *
 * Measured (BENCHMARKS.md, "Memory bounds"; `npm run bench` parts, PostgreSQL, a busy 2-core
 * machine): peak resident MiB agreements / actions / surveys / notifications / gateway 286 / 413 /
 * 319 / 211 / 454 without bounds (entity cache off), 487 / 386 / 329 / 202 / 578 in another run
 * without; with these bounds and the entity cache on at 32 MiB 266 / 298 / 267 / 200 / 299. No
 * process ran out of heap. The onboarding import of 290 kommuner (`npm run onboard`, 6,358 records, through the
 * gateway, so in these processes) and a survey import through the API at the gateway's body limit
 * (`importSurveyResults`, 2,985 rows) finish under the old-generation limit on PostgreSQL. The command-line imports
 * (`npm run survey:import`, `npm run police:import`) are processes of their own and run without
 * them: 100,224 survey rows took 547 MiB and ran out of heap under a 128 MiB limit.
 *
 * The deployer decides: NODE_OPTIONS of the environment is appended after these flags, so e.g.
 * `NODE_OPTIONS=--max-old-space-size=512` wins over the value here (V8 takes a flag's last value);
 * a MALLOC_ARENA_MAX of the environment wins over ours; `SAMVERKAN_MEMORY_LIMITS=0` drops both.
 */
export const SUBGRAPH_RUNTIME: RuntimeSettings = { nodeOptions: ['--max-old-space-size=128'], mallocArenaMax: 2 };

/** Agreements' bounds: those of every subgraph (kept apart, to be tuned on their own). */
export const AGREEMENTS_RUNTIME: RuntimeSettings = { nodeOptions: [...SUBGRAPH_RUNTIME.nodeOptions], mallocArenaMax: 2 };

/** The bounds of the subgraphs that allocate most per answer (actions, surveys): those of every subgraph, kept apart to be tuned on their own. */
export const ALLOCATING_SUBGRAPH_RUNTIME: RuntimeSettings = { nodeOptions: [...SUBGRAPH_RUNTIME.nodeOptions], mallocArenaMax: 2 };

/**
 * The gateway's memory bounds: a larger old generation than {@link SUBGRAPH_RUNTIME}'s, for its
 * 72 MiB of live objects (the supergraph and API schema, query plans), the entity cache (bounded at
 * 32 MiB of answers' text) and sixteen national overviews in flight (at 160 MiB its collector
 * ran so often that such an answer took 2.7 s instead of 1.5 s).
 */
export const GATEWAY_RUNTIME: RuntimeSettings = { nodeOptions: ['--max-old-space-size=256'], mallocArenaMax: 2 };

/**
 * The environment variables that give a process its {@link RuntimeSettings}, merged with the
 * deployer's: NODE_OPTIONS is ours followed by the environment's (its flags win), MALLOC_ARENA_MAX
 * is the environment's if set. With `SAMVERKAN_MEMORY_LIMITS=0` it returns the environment's values
 * unchanged (no bounds of ours).
 *
 * @param settings the part's settings (a subgraph entry's `runtime`, or {@link GATEWAY_RUNTIME}).
 * @param env the environment the process is started from. @default process.env
 * @returns NODE_OPTIONS and MALLOC_ARENA_MAX to put in the child's environment (absent when neither we nor the environment set them).
 */
export function runtimeEnvironment(settings: RuntimeSettings, env: NodeJS.ProcessEnv = process.env): { NODE_OPTIONS?: string; MALLOC_ARENA_MAX?: string } {
  const own = env.SAMVERKAN_MEMORY_LIMITS === '0' ? null : settings;
  const nodeOptions = [...(own?.nodeOptions ?? []), env.NODE_OPTIONS?.trim()].filter(Boolean).join(' ');
  const arenas = env.MALLOC_ARENA_MAX || (own ? String(own.mallocArenaMax) : '');
  return { ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}), ...(arenas ? { MALLOC_ARENA_MAX: arenas } : {}) };
}

/** The subgraphs, in the order they start and compose. */
export const SUBGRAPHS: readonly SubgraphEntry[] = [
  entry('agreements', 4001, [], AGREEMENTS_RUNTIME),
  // Actions and surveys keep a copy of the police organisation that agreements publishes (which
  // kommuner each police unit covers); actions also asks it whether an action's origin exists.
  entry('actions', 4002, ['agreements'], ALLOCATING_SUBGRAPH_RUNTIME),
  entry('surveys', 4003, ['agreements'], ALLOCATING_SUBGRAPH_RUNTIME),
  // Notifications reads the other three's outboxes and asks them of deadlines, as each webhook
  // subscription's owner (see services/notifications).
  entry('notifications', 4004, ['agreements', 'actions', 'surveys']),
];

/** The gateway's port unless `PORT` says otherwise. */
export const GATEWAY_DEFAULT_PORT = 4000;

/** The entry of the subgraph with this name; throws for a name the registry does not know. */
export function subgraphEntry(name: string): SubgraphEntry {
  const found = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!found) throw new Error(`No subgraph is named "${name}": the registry lists ${SUBGRAPHS.map((s) => s.name).join(', ')}.`);
  return found;
}

/** The port a subgraph listens on: `<PREFIX>_PORT`, else its default. */
export function subgraphPort(subgraph: SubgraphEntry, env: NodeJS.ProcessEnv = process.env): number {
  const setting = env[`${subgraph.envPrefix}_PORT`];
  return setting ? Number(setting) : subgraph.defaultPort;
}

/** The URL the supergraph names for a subgraph (on this machine, at its default port); the gateway's settings override it. */
export function defaultSubgraphUrl(subgraph: SubgraphEntry): string {
  return `http://localhost:${subgraph.defaultPort}/graphql`;
}

/** The URL a subgraph is served at on this machine (its port from the environment). */
export function localSubgraphUrl(subgraph: SubgraphEntry, env: NodeJS.ProcessEnv = process.env): string {
  return `http://localhost:${subgraphPort(subgraph, env)}/graphql`;
}

/**
 * Where others reach a subgraph: `<PREFIX>_URL` (one URL, or several replicas separated by commas),
 * else on this machine at its port.
 */
export function subgraphUrl(subgraph: SubgraphEntry, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${subgraph.envPrefix}_URL`] || localSubgraphUrl(subgraph, env);
}

/** The URLs of the subgraphs that one depends on (its `dependsOn`), by name, from the environment. */
export function dependencyUrls(subgraph: SubgraphEntry, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(subgraph.dependsOn.map((name) => [name, subgraphUrl(subgraphEntry(name), env)]));
}

/** The repository's root folder (this file is in `packages/hub/src` or `packages/hub/dist`). */
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');

/** A path relative to the repository's root, made absolute. */
export function repositoryPath(relative: string): string {
  return path.join(REPOSITORY_ROOT, relative);
}
