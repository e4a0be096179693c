import { randomBytes } from 'node:crypto';
import { type DatabaseConfig, withDatabase } from './config';
import { dropPostgresDatabase } from './connection';

/**
 * Databases for tests: the embedded PGlite always, and PostgreSQL as well when `TEST_POSTGRES_URL`
 * names a server (e.g. postgresql://root@127.0.0.1:5432/test). Each PostgreSQL test database is new
 * and dropped afterwards, so tests never see each other's data.
 */
export type TestDatabaseKind = 'pglite' | 'postgres';

/** The kinds to run integration tests on: `['pglite']`, plus `'postgres'` when `TEST_POSTGRES_URL` is set. */
export function testDatabaseKinds(env: NodeJS.ProcessEnv = process.env): TestDatabaseKind[] {
  return env.TEST_POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh database of the given kind, and a function that removes it. */
export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** Makes a fresh, empty database: PGlite in memory, or a new database on the test PostgreSQL server. */
export function freshTestDatabase(kind: TestDatabaseKind, env: NodeJS.ProcessEnv = process.env): TestDatabase {
  if (kind === 'pglite') return { config: { kind: 'embedded', dataDir: null }, drop: async () => {} };
  const server = env.TEST_POSTGRES_URL;
  if (!server) throw new Error('TEST_POSTGRES_URL is not set');
  const url = withDatabase(server, `samverkan_test_${randomBytes(6).toString('hex')}`);
  return { config: { kind: 'postgres', url }, drop: () => dropPostgresDatabase(url) };
}
