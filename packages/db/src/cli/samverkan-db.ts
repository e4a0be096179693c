#!/usr/bin/env node
/**
 * The database toolkit's command, run from a service's folder (npm scripts do that):
 *
 *   samverkan-db generate              generate the Prisma client
 *   samverkan-db migrate               apply pending migrations to the configured database
 *   samverkan-db migrate:create NAME   write a new migration from the schema's changes
 *   samverkan-db migrate:status        show applied and pending migrations
 *
 * The service's name is its folder's name (`services/agreements` → `agreements`); it selects the
 * database settings (see `databaseConfigFor`).
 */
import path from 'node:path';
import { databaseConfigFor } from '../config';
import { openDatabase } from '../connection';
import { generateClient } from '../generate';
import { applyMigrations, createMigration, migrationStatus, prismaProject } from '../migrations';

const USAGE = 'usage: samverkan-db generate | migrate | migrate:create <name> | migrate:status';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const serviceDir = process.cwd();
  const service = path.basename(serviceDir);
  const project = prismaProject(serviceDir);
  switch (command) {
    case 'generate':
      generateClient(project);
      return 0;
    case 'migrate:create': {
      const name = rest[0];
      if (!name) {
        console.error('migrate:create needs a name, e.g. `npm run db:migrate:create -- add_agreements`.');
        return 2;
      }
      const created = await createMigration(project, name);
      console.log(created ? `wrote prisma/migrations/${created.name}/migration.sql` : 'the schema and the migrations agree: no migration written');
      return 0;
    }
    case 'migrate':
    case 'migrate:status': {
      const database = await openDatabase(databaseConfigFor(service));
      try {
        if (command === 'migrate') {
          const applied = await applyMigrations(database, project);
          console.log(`${service} (${database.description}): ${applied.length ? `applied ${applied.join(', ')}` : 'no pending migrations'}`);
          return 0;
        }
        const status = await migrationStatus(database, project);
        console.log(`${service} (${database.description})`);
        for (const name of status.migrations) console.log(`  ${status.pending.includes(name) ? 'pending' : 'applied'}  ${name}`);
        for (const name of status.unknownToFolder) console.log(`  applied in the database but missing from the folder  ${name}`);
        for (const name of status.edited) console.log(`  edited after it was applied  ${name}`);
        for (const name of status.failed) console.log(`  failed  ${name}`);
        console.log(status.upToDate ? 'up to date' : 'not up to date');
        return status.upToDate ? 0 : 1;
      } finally {
        await database.close();
      }
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
