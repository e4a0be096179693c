import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { openDatabase, type Database } from './connection';
import { withSchemaEngine } from './schema-engine';

/** The Prisma files of one service: its schema and its migrations folder (Prisma's layout). */
export interface PrismaProject {
  /** `prisma/schema.prisma` */
  schemaPath: string;
  /** `prisma/migrations`, one folder `<timestamp>_<name>/migration.sql` per migration */
  migrationsDir: string;
}

/** The Prisma files of the service whose folder is `serviceDir`. */
export function prismaProject(serviceDir: string): PrismaProject {
  return {
    schemaPath: path.join(serviceDir, 'prisma', 'schema.prisma'),
    migrationsDir: path.join(serviceDir, 'prisma', 'migrations'),
  };
}

const LOCKFILE = 'migration_lock.toml';
const NO_FILTER = { externalTables: [], externalEnums: [] };

/** Reads the migrations folder the way the Prisma CLI does. */
export function readMigrations(migrationsDir: string): MigrationList {
  const lockPath = path.join(migrationsDir, LOCKFILE);
  const folders = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: folders.map((folder) => {
      const file = path.join(migrationsDir, folder, 'migration.sql');
      return {
        path: folder,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file)
            ? { tag: 'ok' as const, value: fs.readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

function readSchema(project: PrismaProject): { path: string; content: string } {
  return { path: project.schemaPath, content: fs.readFileSync(project.schemaPath, 'utf8') };
}

/**
 * Applies the migrations that the database has not seen yet, in order, and records them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does. Returns the names applied.
 */
export async function applyMigrations(database: Database, project: PrismaProject): Promise<string[]> {
  return database.withMigrationAdapter((adapter) =>
    withSchemaEngine(adapter, readSchema(project), async (engine) => {
      const output = await engine.applyMigrations({ migrationsList: readMigrations(project.migrationsDir), filters: NO_FILTER });
      return output.appliedMigrationNames;
    }),
  );
}

/** How the database stands against the migrations folder. */
export interface MigrationStatus {
  /** Migrations in the folder. */
  migrations: string[];
  /** Migrations in the folder that the database has not applied yet. */
  pending: string[];
  /** Migrations the database has applied that the folder lacks. */
  unknownToFolder: string[];
  /** Applied migrations whose file has changed since. */
  edited: string[];
  /** Migrations recorded as failed. */
  failed: string[];
  /** True when the database has every migration and nothing else. */
  upToDate: boolean;
}

/** Reports which migrations are applied, pending, edited or failed. Changes nothing. */
export async function migrationStatus(database: Database, project: PrismaProject): Promise<MigrationStatus> {
  const migrationsList = readMigrations(project.migrationsDir);
  return database.withMigrationAdapter((adapter) =>
    withSchemaEngine(adapter, readSchema(project), async (engine) => {
      const output = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER });
      const history = output.history;
      const pending = history && 'unappliedMigrationNames' in history ? history.unappliedMigrationNames : [];
      const unknownToFolder = history && 'unpersistedMigrationNames' in history ? history.unpersistedMigrationNames : [];
      return {
        migrations: migrationsList.migrationDirectories.map((dir) => dir.path),
        pending,
        unknownToFolder,
        edited: output.editedMigrationNames,
        failed: output.failedMigrationNames,
        upToDate: history === null && output.failedMigrationNames.length === 0 && output.editedMigrationNames.length === 0,
      };
    }),
  );
}

/** A migration written by {@link createMigration}. */
export interface CreatedMigration {
  /** The folder name, `<yyyyMMddHHmmss>_<name>`. */
  name: string;
  /** The SQL written to its `migration.sql`. */
  sql: string;
}

/**
 * Writes a new migration that brings the migrations folder up to the Prisma schema.
 *
 * It replays the existing migrations on a throw-away in-memory database (the "shadow" database)
 * and diffs the result against the schema, so it needs no configured database and no network.
 * Returns `null` when the schema and the migrations already agree.
 */
export async function createMigration(project: PrismaProject, name: string, now: Date = new Date()): Promise<CreatedMigration | null> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`A migration name takes lower-case letters, digits and underscores only: got "${name}".`);
  }
  // The lock file names the database kind; the engine needs it even for the first migration.
  const lockPath = path.join(project.migrationsDir, LOCKFILE);
  if (!fs.existsSync(lockPath)) {
    fs.mkdirSync(project.migrationsDir, { recursive: true });
    fs.writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  const scratch = await openDatabase({ kind: 'embedded', dataDir: null });
  try {
    const migrationsList = readMigrations(project.migrationsDir);
    const sql = await withSchemaEngine(withEmbeddedShadow(scratch.adapter), readSchema(project), async (engine) => {
      const result = await engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: [readSchema(project)] },
        script: true,
        exitCode: null,
        filters: NO_FILTER,
      });
      return result.stdout ?? '';
    });
    if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) return null;
    const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const folder = `${stamp}_${name}`;
    fs.mkdirSync(path.join(project.migrationsDir, folder), { recursive: true });
    fs.writeFileSync(path.join(project.migrationsDir, folder, 'migration.sql'), sql);
    return { name: folder, sql };
  } finally {
    await scratch.close();
  }
}

/**
 * Gives `adapter` a shadow database that is a fresh in-memory PGlite, so the engine can replay
 * migrations without `CREATE DATABASE` on a server.
 */
function withEmbeddedShadow(adapter: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: () => adapter.connect(),
    connectToShadowDb: async () => {
      const shadow = await openDatabase({ kind: 'embedded', dataDir: null });
      const connection = await shadow.adapter.connect();
      const dispose = connection.dispose.bind(connection);
      return Object.assign(connection, {
        dispose: async () => {
          await dispose();
          await shadow.close();
        },
      });
    },
  };
}

/**
 * {@link applyMigrations} in a process of its own, for a long-running service on PostgreSQL: the
 * schema engine (WebAssembly) touches about 40 MiB that a process never gives back, even after the
 * engine is gone (measured on the actions subgraph: resident 65 → 108 MiB for migrations that found
 * nothing to apply); a child process returns it when it exits. The embedded database lives in this
 * process, so its migrations run here.
 */
export async function applyMigrationsApart(database: Database, project: PrismaProject): Promise<string[]> {
  if (database.config.kind !== 'postgres') return applyMigrations(database, project);
  // The built script, from the sources (tests) as from the build: `npm run build` makes it.
  const script = path.join(__dirname, '..', 'dist', 'cli', 'apply-migrations.js');
  // The URL (it may hold a password) goes in the child's environment, not on its command line.
  const env = { ...process.env, SAMVERKAN_MIGRATE_URL: database.url };
  const { stdout } = await promisify(execFile)(process.execPath, [script, project.schemaPath, project.migrationsDir], { env, maxBuffer: 2 ** 20 }).catch(
    (error: { stderr?: string; message: string }) => {
      // The engine's message first, without its backtrace.
      const message = (error.stderr ?? '').trim().split('\n').slice(0, 6).join(' ').replace(/\s+/g, ' ').slice(0, 1000);
      throw new Error(`migrations failed: ${message || error.message}`);
    },
  );
  return JSON.parse(stdout) as string[];
}
