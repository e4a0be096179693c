import { isAlive, openDatabase } from '@samverkan/db';
import type { TestDatabase } from '@samverkan/db/testing';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Fresh embedded (PGlite) databases for the hub's tests, each a copy of one empty data folder.
 *
 * A new PGlite runs initdb every time: on the 2-core CI machine that is 10–17 s per database while
 * other suites run beside it (measured 2026-12-02: a new one in memory opened in 14.7 s, a copied
 * folder in 1.5 s), and a hub has four. Every test hub used to start four, so PGlite's initdb
 * was most of what the integration suites waited for. A copy of a folder that initdb made once is the same empty
 * cluster: each subgraph still applies all its migrations and loads its reference data on it, as
 * on a new database; nothing of one test is in another's copy. The folder is what `npm start` uses
 * (`SAMVERKAN_DATA_DIR`), so the tests also run PGlite as the hub runs it in production.
 *
 * The empty cluster is made once per PGlite version (by the first test process that needs it; two
 * at once each make one, and the first one finished is kept), in shared memory when it has room,
 * and kept for the next run. Each copy is removed when its test closes it; copies left by a test
 * process that is gone (a hub that finished starting after its suite had given up on it) are
 * removed when the next copy is made.
 */

/** Shared memory when it has room for a hub's copies (about 40 MB each; a container's may have 64 MB in all), else the temporary folder. */
function base(): string {
  try {
    const shm = fs.statfsSync('/dev/shm');
    if (shm.bavail * shm.bsize >= 2 ** 30) return '/dev/shm';
  } catch {
    // no shared memory here
  }
  return os.tmpdir();
}

const BASE = base();

function pgliteVersion(): string {
  // The package's exports hide package.json; find it beside the resolved entry.
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

let template: Promise<string> | undefined;

/** The empty data folder every copy is made of; made here when no process has made it yet. */
function emptyCluster(): Promise<string> {
  template ??= (async () => {
    const folder = path.join(BASE, `samverkan-test-pglite-${pgliteVersion()}`);
    if (fs.existsSync(folder)) return folder;
    // Made aside and renamed into place whole, so a folder under the name is always complete.
    const making = `${folder}.${process.pid}.${randomBytes(4).toString('hex')}`;
    const database = await openDatabase({ kind: 'embedded', dataDir: making });
    await database.close();
    try {
      fs.renameSync(making, folder);
    } catch (error) {
      // Another process renamed its own first: use that one.
      fs.rmSync(making, { recursive: true, force: true });
      if (!fs.existsSync(folder)) throw error;
    }
    return folder;
  })();
  return template;
}

const COPY = /^samverkan-test-(\d+)-[0-9a-f]+$/;

/** Removes the copies of test processes that are gone. */
function removeLeftCopies(): void {
  for (const name of fs.readdirSync(BASE)) {
    const pid = COPY.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) fs.rmSync(path.join(BASE, name), { recursive: true, force: true });
  }
}

/** A fresh, empty embedded database in a folder of its own; `drop` removes the folder (close the database first). */
export async function freshEmbeddedDatabase(): Promise<TestDatabase> {
  const source = await emptyCluster();
  removeLeftCopies();
  const dataDir = path.join(BASE, `samverkan-test-${process.pid}-${randomBytes(6).toString('hex')}`);
  fs.cpSync(source, dataDir, { recursive: true });
  return { config: { kind: 'embedded', dataDir }, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}
