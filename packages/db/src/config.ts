import path from 'node:path';

/**
 * Where a subgraph keeps its data.
 *
 * - `embedded`: PGlite (PostgreSQL compiled to WebAssembly) in this process, stored under
 *   `dataDir`, or in memory when `dataDir` is `null`.
 * - `postgres`: a PostgreSQL server reached by `url`.
 */
export type DatabaseConfig =
  | { kind: 'embedded'; dataDir: string | null }
  | { kind: 'postgres'; url: string };

/** Finds the repository root: the nearest folder above `from` whose package.json has workspaces. */
export function repositoryRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  while (true) {
    const candidate = path.join(dir, 'package.json');
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pkg = require(candidate) as { workspaces?: unknown };
      if (pkg.workspaces) return dir;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/**
 * Reads a service's database settings from the environment.
 *
 * In order of precedence:
 * 1. `<SERVICE>_DATABASE_URL` (e.g. `AGREEMENTS_DATABASE_URL`): a full PostgreSQL URL for this service.
 * 2. `POSTGRES_URL`: a PostgreSQL server; the service uses its own database `samverkan_<service>`
 *    on it, created when missing.
 * 3. Otherwise the embedded database under `SAMVERKAN_DATA_DIR` (default `<repo>/.data`), in a
 *    folder of the service's name. `SAMVERKAN_DATA_DIR=memory` keeps it in memory only.
 */
export function databaseConfigFor(service: string, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const own = env[`${service.toUpperCase()}_DATABASE_URL`];
  if (own) return { kind: 'postgres', url: own };
  const server = env.POSTGRES_URL;
  if (server) return { kind: 'postgres', url: withDatabase(server, `samverkan_${service}`) };
  const dataDir = env.SAMVERKAN_DATA_DIR ?? path.join(repositoryRoot(), '.data');
  if (dataDir === 'memory') return { kind: 'embedded', dataDir: null };
  return { kind: 'embedded', dataDir: path.join(path.resolve(dataDir), service) };
}

/** Returns `url` with its database name replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Describes a configuration for logs, without any password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'embedded') return config.dataDir ? `embedded PGlite at ${config.dataDir}` : 'embedded PGlite in memory';
  const parsed = new URL(config.url);
  parsed.password = parsed.password ? '***' : '';
  return `PostgreSQL ${parsed.toString()}`;
}
