#!/usr/bin/env node
/**
 * `npm run schema:check`: compares the API schema (schema.graphql) with the last release
 * (schema/released.graphql) and lists breaking, dangerous and safe changes; exits 1 when a breaking
 * change is not recorded in CHANGELOG.md (the rule is at its top), 2 when a file cannot be read.
 *
 * Options: --schema FILE, --released FILE, --changelog FILE (defaults: the repository's).
 */
import { repositoryPath } from '@samverkan/hub';
import fs from 'node:fs';
import { checkSchema, formatSchemaCheck } from '../schema-check';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

async function main(): Promise<void> {
  let input: { releasedSdl: string; currentSdl: string; changelog: string };
  try {
    input = {
      currentSdl: fs.readFileSync(option('schema', repositoryPath('schema.graphql')), 'utf8'),
      releasedSdl: fs.readFileSync(option('released', repositoryPath('schema/released.graphql')), 'utf8'),
      changelog: fs.readFileSync(option('changelog', repositoryPath('CHANGELOG.md')), 'utf8'),
    };
  } catch (error) {
    console.error(`schema:check: ${(error as Error).message}`);
    process.exit(2);
  }
  const result = await checkSchema(input);
  console.log(formatSchemaCheck(result));
  if (result.unrecorded.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`schema:check: ${(error as Error).message}`);
  process.exit(2);
});
