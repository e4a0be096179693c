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
}

function entry(name: string, defaultPort: number, dependsOn: readonly string[] = []): SubgraphEntry {
  return {
    name,
    defaultPort,
    envPrefix: name.toUpperCase(),
    packageName: `@samverkan/${name}`,
    dir: `services/${name}`,
    sdlPath: `services/${name}/schema.graphql`,
    dependsOn,
  };
}

/** The subgraphs, in the order they start and compose. */
export const SUBGRAPHS: readonly SubgraphEntry[] = [
  entry('agreements', 4001),
  // Actions and surveys keep a copy of the police organisation that agreements publishes (which
  // kommuner each police unit covers); actions also asks it whether an action's origin exists.
  entry('actions', 4002, ['agreements']),
  entry('surveys', 4003, ['agreements']),
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
