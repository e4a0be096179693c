import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createLogger, type Logger } from '@samverkan/log';
import { type DatabaseConfig, describeDatabase, withDatabase } from './config';
import { countingAdapterFactory, StatementCounter, type StatementTracer } from './statements';

/** An open database: what Prisma Client and the migration engine need to reach it. */
export interface Database {
  /** The configuration it was opened with. */
  readonly config: DatabaseConfig;
  /** A PostgreSQL URL that reaches it (for the embedded database: its local socket). */
  readonly url: string;
  /** How many connections a pool may hold: 1 for the embedded database, which serves one at a time. */
  readonly poolSize: number;
  /** Counts the SQL statements sent through `adapter`. */
  readonly statements: StatementCounter;
  /** A driver adapter factory for Prisma Client and the schema engine; its statements are counted. */
  readonly adapter: SqlMigrationAwareDriverAdapterFactory;
  /** A short description for logs (no password). */
  readonly description: string;
  /**
   * Runs `work` while holding the database's start-up lock, so that replicas of one service
   * starting together on one PostgreSQL migrate and seed one after the other, never at once
   * (a PostgreSQL advisory lock on a connection of its own). The embedded database has one
   * process by construction and needs no lock.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` with an adapter for the schema engine (migrations) on a connection of its own,
   * closed afterwards. The engine takes PostgreSQL's migration lock, a session-level advisory lock,
   * and releases it on whichever connection it is handed next: on a shared pool the release can go
   * to another connection and leave the lock held by an idle one, so that the next replica's
   * migrations time out waiting for it. The embedded database's pool is one connection already.
   */
  withMigrationAdapter<T>(work: (adapter: SqlMigrationAwareDriverAdapterFactory) => Promise<T>): Promise<T>;
  /** Closes the pool and, for the embedded database, the database itself. */
  close(): Promise<void>;
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /**
   * Connections in the pool towards PostgreSQL. Ignored by the embedded database, which takes one.
   * @default 10
   */
  poolSize?: number;
  /** Runs each statement inside a span (set when tracing is on). @default none */
  traceStatement?: StatementTracer;
  /** Where the pool's errors are logged. @default a logger named `db` */
  log?: Logger;
}

/** Opens a database as configured; creates the PostgreSQL database or the data folder when missing. */
export async function openDatabase(config: DatabaseConfig, options: OpenDatabaseOptions = {}): Promise<Database> {
  if (config.kind === 'postgres') {
    await ensurePostgresDatabase(config.url);
    return fromUrl(config, config.url, options.poolSize ?? 10, async () => {}, options);
  }
  const unlock = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  let db: PGlite;
  try {
    db = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
    await db.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  // The pool holds one connection, but node-postgres drops a connection after any SQL error and
  // opens a new one while the old socket may still be closing: the server must accept a few.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return fromUrl(
    config,
    url,
    1,
    async () => {
      await server.stop();
      await db.close();
      unlock();
    },
    options,
  );
}

/** The advisory lock key of start-up work (migrations, reference data): any fixed number. */
const STARTUP_LOCK_KEY = 727_070_001;

/** Runs `work` while this connection holds a session-level advisory lock of the database in `url`. */
async function withAdvisoryLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    return await work();
  } finally {
    // Closing the session releases the lock too; unlocking first frees it at once.
    await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/** The file that marks an embedded data folder as open, holding the process id. */
export const DATA_DIR_LOCK_FILE = 'samverkan.pid';

/**
 * Marks an embedded data folder as open by this process, and refuses it while another live
 * process holds it: two PGlite instances on one folder would corrupt it (PGlite itself does not
 * check). A mark left by a process that is gone is taken over. Returns the function that unlocks.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, DATA_DIR_LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(
          `The embedded database at ${dataDir} is in use by process ${holder} (is the hub running? stop it first). ` +
            `If no such process uses it, delete ${lockFile}.`,
        );
      }
      fs.rmSync(lockFile, { force: true }); // left behind by a process that is gone
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}.`);
}

/** Whether a process with this id is running (also one of another user's, which may not be signalled). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fromUrl(
  config: DatabaseConfig,
  url: string,
  poolSize: number,
  stop: () => Promise<void>,
  options: OpenDatabaseOptions,
): Database {
  const log = options.log ?? createLogger('db');
  const statements = new StatementCounter();
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A pool error (a dropped idle connection) must not crash the process; the pool reconnects.
  pool.on('error', (error) => log.warn(`idle connection error: ${error.message}`, { error }));
  const adapter = countingAdapterFactory(new PrismaPg(pool), statements, options.traceStatement);
  return {
    config,
    url,
    poolSize,
    statements,
    adapter,
    description: describeDatabase(config),
    // The embedded database serves one process and has one session: nothing to take turns for.
    exclusively: (work) => (config.kind === 'postgres' ? withAdvisoryLock(url, work) : work()),
    withMigrationAdapter: async (work) => {
      if (config.kind !== 'postgres') return work(adapter);
      const own = new pg.Pool({ connectionString: url, max: 1 });
      own.on('error', (error) => log.warn(`migration connection error: ${error.message}`, { error }));
      try {
        return await work(countingAdapterFactory(new PrismaPg(own), statements));
      } finally {
        await own.end(); // closing the session releases any lock it still holds
      }
    },
    close: async () => {
      await pool.end();
      await stop();
    },
  };
}

/** Creates the database named in `url` on its server when it does not exist yet. */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) return;
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } catch (error) {
        // Another process may have created it in the meantime: PostgreSQL says so (42P04), or,
        // when both create it at the same moment, reports the clash in its catalogue (23505).
        const code = (error as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/** Drops a PostgreSQL database (used by tests to clean up the databases they made). */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
