/**
 * The child process of `applyMigrationsApart`: applies a service's pending migrations to the
 * PostgreSQL database at `SAMVERKAN_MIGRATE_URL` and writes the names applied, as JSON, to
 * standard output.
 *
 *   SAMVERKAN_MIGRATE_URL=postgresql://… node apply-migrations.js <schema.prisma> <migrations folder>
 */
import { openDatabase } from '../connection';
import { applyMigrations } from '../migrations';

async function main([schemaPath, migrationsDir]: string[]): Promise<void> {
  const url = process.env.SAMVERKAN_MIGRATE_URL;
  if (!url || !schemaPath || !migrationsDir) throw new Error('usage: SAMVERKAN_MIGRATE_URL=<postgresql-url> apply-migrations <schema.prisma> <migrations folder>');
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    process.stdout.write(JSON.stringify(await applyMigrations(database, { schemaPath, migrationsDir })));
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
