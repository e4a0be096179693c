#!/usr/bin/env node
import { applyMigrations, databaseConfigFor, openDatabase, prismaProject } from '@samverkan/db';
import { ImportFileError } from '@samverkan/schema';
import { progressBar } from '@samverkan/server/progress';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '../db';
import { importPoliceOrganisation } from '../organisation/import';
import { seedReferenceData } from '../seed';

const USAGE = `Usage: samverkan-police-import <file.csv> [--dry-run] [--by <name>]

Imports the police organisation (polisområden, lokalpolisområden, their kommuner and
reorganisations; format: docs/police-organisation-import.md). Every row is checked, the good ones
are written in one transaction, refused rows are listed with their line, column and reason.
Importing the same file again changes nothing. Exit status: 0 all rows imported, 2 some rows
refused, 1 failed.
  --dry-run  check and count, write nothing
  --by       who imports, as the audit trail names them (default: the system user)

The database is the agreements subgraph's (POSTGRES_URL, AGREEMENTS_DATABASE_URL or the embedded
one under .data/agreements; stop the hub first when it runs on the embedded database).`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, by: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 1;
  }
  // npm run … changes into the workspace; a relative path means the caller's folder (INIT_CWD).
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  const database = await openDatabase(databaseConfigFor('agreements'));
  const db = createClient(database.adapter);
  const bar = progressBar(process.stderr, path.basename(file));
  try {
    const bytes = fs.readFileSync(file);
    await applyMigrations(database, prismaProject(path.join(__dirname, '..', '..')));
    await seedReferenceData(db);
    const by = values.by ?? os.userInfo().username;
    const summary = await importPoliceOrganisation(
      db,
      { fileName: path.basename(file), bytes, dryRun: values['dry-run'] ?? false },
      // Nothing to write (a dry run, an unchanged file) draws no bar.
      { writer: { actor: { role: 'admin', subject: by }, requestId: `police-import ${path.basename(file)}` }, onProgress: (done, total) => total > 0 && bar.update(done, total) },
    );
    bar.finish();
    const counts = `${summary.inserted} added, ${summary.updated} changed, ${summary.unchanged} unchanged, ${summary.refused.length} refused`;
    console.log(`${summary.fileName}: ${summary.rows} rows; ${counts}${summary.dryRun ? ' (dry run: nothing written)' : ''}; revision ${summary.revision}.`);
    for (const row of summary.refused) console.log(`  line ${row.line}${row.column ? ` (${row.column})` : ''}: ${row.reason}`);
    return summary.refused.length ? 2 : 0;
  } catch (error) {
    return nothingImported(error);
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

/** A file that cannot be read or is not the format's imports nothing (status 1); anything else is a failure. */
function nothingImported(error: unknown): number {
  if (!(error instanceof ImportFileError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  console.error(`Nothing imported: ${(error as Error).message}`);
  return 1;
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    console.error(error);
    return 1;
  })
  .then((status) => process.exit(status));
