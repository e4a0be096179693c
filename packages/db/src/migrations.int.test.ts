import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DATA_DIR_LOCK_FILE, openDatabase } from './connection';
import { applyMigrations, applyMigrationsApart, createMigration, migrationStatus, type PrismaProject } from './migrations';
import { freshTestDatabase, testDatabaseKinds } from './testing';

const HEADER = `datasource db {\n  provider = "postgresql"\n}\n`;
const V1 = `${HEADER}\nmodel Note {\n  id   Int    @id @default(autoincrement())\n  text String\n}\n`;
const V2 = `${HEADER}\nmodel Note {\n  id     Int     @id @default(autoincrement())\n  text   String\n  author String?\n}\n`;

function tempProject(schema: string): PrismaProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-db-test-'));
  fs.mkdirSync(path.join(dir, 'prisma'));
  const project = { schemaPath: path.join(dir, 'prisma', 'schema.prisma'), migrationsDir: path.join(dir, 'prisma', 'migrations') };
  fs.writeFileSync(project.schemaPath, schema);
  return project;
}

// The schema engine's WebAssembly is slow to load and run: up to 34 s a test beside other suites.
describe('createMigration (offline, from the schema)', () => {
  it('writes a first migration, then only the change, then nothing when schema and migrations agree', async () => {
    const project = tempProject(V1);
    const first = await createMigration(project, 'init', new Date('2026-01-02T03:04:05Z'));
    expect(first?.name).toBe('20260102030405_init');
    expect(first?.sql).toContain('CREATE TABLE "Note"');
    expect(fs.readFileSync(path.join(project.migrationsDir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');

    fs.writeFileSync(project.schemaPath, V2);
    const second = await createMigration(project, 'add_author', new Date('2026-01-03T00:00:00Z'));
    expect(second?.sql).toContain('ADD COLUMN     "author" TEXT');
    expect(second?.sql).not.toContain('CREATE TABLE');

    expect(await createMigration(project, 'nothing')).toBeNull();
    expect(fs.readdirSync(project.migrationsDir).sort()).toEqual(['20260102030405_init', '20260103000000_add_author', 'migration_lock.toml']);
  }, 180_000);

  it('refuses a migration name that is not lower-case letters, digits and underscores', async () => {
    await expect(createMigration(tempProject(V1), 'Add Author')).rejects.toThrow(/lower-case letters, digits and underscores/);
  });
});

describe.each(testDatabaseKinds())('migrations on %s', (kind) => {
  it('applies pending migrations once, records them, and reports status', async () => {
    const project = tempProject(V1);
    await createMigration(project, 'init', new Date('2026-01-02T00:00:00Z'));
    fs.writeFileSync(project.schemaPath, V2);
    await createMigration(project, 'add_author', new Date('2026-01-03T00:00:00Z'));

    const test = freshTestDatabase(kind);
    const database = await openDatabase(test.config);
    try {
      const before = await migrationStatus(database, project);
      expect(before.upToDate).toBe(false);
      expect(before.pending).toEqual(['20260102000000_init', '20260103000000_add_author']);

      expect(await applyMigrations(database, project)).toEqual(['20260102000000_init', '20260103000000_add_author']);
      expect(await applyMigrations(database, project)).toEqual([]);

      const after = await migrationStatus(database, project);
      expect(after).toMatchObject({ upToDate: true, pending: [], failed: [], edited: [] });

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        if (kind === 'postgres') {
          // The schema engine's migration lock is released once it is done: the next replica to
          // start is not kept waiting for it by a connection left idle in the pool. (PGlite has
          // one session for all its connections and one process: there the lock is its own.)
          const locks = await client.query("SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
          expect(locks.rows).toEqual([]);
        }
        await client.query('INSERT INTO "Note" (text, author) VALUES ($1, $2)', ['Åtgärd på Östra torget', 'Märta']);
        const rows = await client.query('SELECT text, author FROM "Note"');
        expect(rows.rows).toEqual([{ text: 'Åtgärd på Östra torget', author: 'Märta' }]);
        const recorded = await client.query('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name');
        expect(recorded.rows.map((row: { migration_name: string }) => row.migration_name)).toEqual(['20260102000000_init', '20260103000000_add_author']);
      } finally {
        await client.end();
      }
    } finally {
      await database.close();
      await test.drop();
    }
  }, 180_000);

  it('applies them apart (in a child process on PostgreSQL, here on the embedded database) alike, and says why when one fails', async () => {
    const project = tempProject(V1);
    await createMigration(project, 'init', new Date('2026-01-02T00:00:00Z'));
    const test = freshTestDatabase(kind);
    const database = await openDatabase(test.config);
    try {
      expect(await applyMigrationsApart(database, project)).toEqual(['20260102000000_init']);
      expect(await applyMigrationsApart(database, project)).toEqual([]);
      expect(await migrationStatus(database, project)).toMatchObject({ upToDate: true });
      // A migration PostgreSQL refuses: the error names the cause, and nothing after it is recorded as applied.
      const broken = path.join(project.migrationsDir, '20260104000000_broken');
      fs.mkdirSync(broken);
      fs.writeFileSync(path.join(broken, 'migration.sql'), 'ALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;');
      await expect(applyMigrationsApart(database, project)).rejects.toThrow(/NoSuchTable/);
    } finally {
      await database.close();
      await test.drop();
    }
  }, 180_000);
});

describe('the embedded database', () => {
  it('keeps its data across a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-pglite-'));
    const write = await openDatabase({ kind: 'embedded', dataDir });
    const client = new pg.Client({ connectionString: write.url });
    await client.connect();
    await client.query('CREATE TABLE kept (text text)');
    await client.query("INSERT INTO kept VALUES ('Trygghetsvandring i Klostergården')");
    await client.end();
    await write.close();

    const read = await openDatabase({ kind: 'embedded', dataDir });
    const again = new pg.Client({ connectionString: read.url });
    await again.connect();
    try {
      expect((await again.query('SELECT text FROM kept')).rows).toEqual([{ text: 'Trygghetsvandring i Klostergården' }]);
    } finally {
      await again.end();
      await read.close();
    }
  });

  it('refuses a data folder that another live process holds, and takes over one left by a process that is gone', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-pglite-'));
    const first = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(`in use by process ${process.pid}`);
    } finally {
      await first.close();
    }
    expect(fs.existsSync(path.join(dataDir, DATA_DIR_LOCK_FILE))).toBe(false);
    // A process id that cannot be alive (beyond Linux's pid_max) marks a crashed process's folder.
    fs.writeFileSync(path.join(dataDir, DATA_DIR_LOCK_FILE), '99999999');
    const again = await openDatabase({ kind: 'embedded', dataDir });
    await again.close();
  });
});
