import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { PrismaProject } from './migrations';

/**
 * Runs `prisma generate` for a service, offline.
 *
 * Prisma 7's CLI wants a native schema engine for `generate` and tries to download one; generate
 * never runs it, so pointing `PRISMA_SCHEMA_ENGINE_BINARY` at any existing file (node itself) is
 * enough. Telemetry and update checks are switched off: nothing leaves the machine.
 */
export function generateClient(project: PrismaProject): void {
  const cli = require.resolve('prisma/build/index.js');
  // Generators such as `prisma-pothos-types` are found on PATH, as npm scripts would have it.
  const bin = path.resolve(path.dirname(require.resolve('prisma/package.json')), '..', '.bin');
  const result = spawnSync(process.execPath, [cli, 'generate', '--schema', project.schemaPath], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PATH: [bin, process.env.PATH].filter(Boolean).join(path.delimiter),
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      PRISMA_GENERATE_SKIP_AUTOINSTALL: '1',
    },
  });
  if (result.status !== 0) throw new Error(`prisma generate failed for ${project.schemaPath} (exit ${result.status ?? result.signal})`);
}
