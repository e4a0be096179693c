#!/usr/bin/env node
/**
 * `npm run onboard -- FILE.json --token T [--gateway URL] [--dry-run]`: imports an onboarding file
 * (docs/onboarding-import.md) through the gateway as the token's user, one kommun per request, with
 * a progress bar on stderr. Prints the summary, writes it with every record and refusal to
 * FILE.report.json, and exits 1 when anything was refused (the whole file, or a record), 2 on a
 * wrong command line or an unexpected failure.
 */
import { progressBar } from '@samverkan/server/progress';
import fs from 'node:fs';
import path from 'node:path';
import { onboard, OnboardError } from '../onboard';

const USAGE = 'usage: npm run onboard -- FILE.json --token TOKEN [--gateway http://localhost:4000/graphql] [--dry-run]';

function parseArgs(argv: string[]) {
  const args: { file?: string; token?: string; gateway: string; dryRun: boolean } = { gateway: 'http://localhost:4000/graphql', dryRun: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--token' || arg === '--gateway') {
      const value = argv[(i += 1)];
      if (!value) throw new OnboardError(`${arg} needs a value`);
      if (arg === '--token') args.token = value;
      else args.gateway = value;
    } else if (!arg.startsWith('--') && !args.file) args.file = arg;
    else throw new OnboardError(`unexpected argument "${arg}"`);
  }
  if (!args.file || !args.token) throw new OnboardError('give a FILE and --token');
  return args as Required<typeof args>;
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`onboard: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const bar = progressBar(process.stderr, 'onboard');
  const report = await onboard({
    text: fs.readFileSync(args.file, 'utf8'),
    fileName: path.basename(args.file),
    gateway: args.gateway,
    token: args.token,
    dryRun: args.dryRun,
    progress: (done, total) => bar.update(done, total),
  });
  bar.finish();
  const reportFile = `${args.file.replace(/\.json$/, '')}.report.json`;
  fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 1)}\n`);
  console.log(`${args.dryRun ? 'Dry run (nothing written): would insert' : 'Inserted'} ${report.inserted}, ${args.dryRun ? 'update' : 'updated'} ${report.updated}, unchanged ${report.unchanged}, refused ${report.refused.length}.`);
  for (const refusal of report.refused.slice(0, 50)) console.log(`  ${refusal.path}: ${refusal.message}`);
  if (report.refused.length > 50) console.log(`  … and ${report.refused.length - 50} more`);
  console.log(`Every record and refusal: ${reportFile}`);
  return report.refused.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A run refused whole (a token that may import nothing, a file that is no onboarding file) is a refusal too.
    console.error(`onboard: ${(error as Error).message}`);
    process.exit(error instanceof OnboardError ? 1 : 2);
  },
);
