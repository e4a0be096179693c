#!/usr/bin/env node
import { applyMigrations, databaseConfigFor, openDatabase, prismaProject } from '@samverkan/db';
import { organisationFromEnvironment } from '@samverkan/server';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '../db';
import { ImportFileError } from '../import/csv-format';
import { importResultsFile } from '../import/import-file';
import { progressBar } from '@samverkan/server/progress';
import { seedDemoData, seedReferenceData } from '../seed';

const USAGE = `Usage: samverkan-surveys <command>

  import <file.csv> [--by <name>] [--progress]
      Imports trygghetsmätning results (format: docs/survey-import.md). Good rows are imported in
      one transaction; refused rows are listed with their line and reason. Importing the same file
      again changes nothing. Exit status: 0 all rows imported, 2 some rows refused, 1 failed.
      --by        who imports, recorded with the import (default: the system user)
      --progress  draw the progress bar for a small file too (large files always get one)
  demo
      Loads the demo data (every value flagged DEMO), as npm start does.

The database is the surveys subgraph's (POSTGRES_URL, SURVEYS_DATABASE_URL or the embedded one
under .data/surveys; stop the hub first when it runs on the embedded database). Lokalpolisområden
are checked against the agreements subgraph's police organisation (AGREEMENTS_URL, else its local
port): an import needs it running; demo data without it have no lokalpolisområden.`;

/** Files with at least this many rows get a progress bar. */
const LARGE_FILE_ROWS = 10_000;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command !== 'import' && command !== 'demo') {
    console.error(USAGE);
    return command === undefined || command === '--help' ? 0 : 1;
  }
  const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--by');
  if (command === 'import' && !file) {
    console.error(`import needs a file.\n\n${USAGE}`);
    return 1;
  }

  const database = await openDatabase(databaseConfigFor('surveys'));
  const db = createClient(database.adapter);
  try {
    await applyMigrations(database, prismaProject(path.join(__dirname, '..', '..')));
    await seedReferenceData(db);
    if (command === 'demo') {
      // The lokalpolisområden come from the agreements subgraph (it must be running); without it, none.
      const organisation = await organisationFromEnvironment().current().catch(() => undefined);
      const written = await seedDemoData(db, { organisation });
      console.log(written ? `Loaded ${written.toLocaleString('sv-SE')} demo results.` : 'The demo data are loaded already.');
      return 0;
    }
    // npm run … changes into the workspace; a relative path means the caller's folder (INIT_CWD).
    const filePath = path.resolve(process.env.INIT_CWD ?? process.cwd(), file!);
    const bar = progressBar(process.stderr, path.basename(file!));
    const forced = args.includes('--progress');
    const summary = await importResultsFile(db, filePath, {
      organisation: () => organisationFromEnvironment().current(),
      importedBy: option(args, '--by') ?? os.userInfo().username,
      // A bar for large files (or when asked): a small file is done before a bar would help.
      onProgress: (done, total) => (forced || total >= LARGE_FILE_ROWS) && bar.update(done, total),
    });
    bar.finish();
    console.log(
      `${summary.fileName}: ${summary.rows} rows; ${summary.inserted} added, ${summary.updated} changed, ${summary.unchanged} unchanged, ${summary.rejected.length} refused (import ${summary.importId}).`,
    );
    for (const rejected of summary.rejected) console.log(`  line ${rejected.line}: ${rejected.reason}`);
    return summary.rejected.length ? 2 : 0;
  } catch (error) {
    if (error instanceof ImportFileError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`Nothing imported: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
