#!/usr/bin/env node
/**
 * `npm run compose`: prints each registered subgraph's SDL to its `schema.graphql` (from the built
 * service, `dist/schema`), then composes them into `gateway/supergraph.graphql` and the clients' API
 * schema `schema.graphql`. Says which files
 * changed; exits 1 with every composition error when the subgraphs do not compose.
 */
import { repositoryPath, SUBGRAPHS } from '@samverkan/hub';
import type { GraphQLSchema } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { API_SCHEMA_HEADER, API_SCHEMA_PATH, composeApiSchema, composeSupergraph, printSubgraphSdl, registeredSubgraphSources, SUPERGRAPH_HEADER, SUPERGRAPH_PATH } from '../compose';

/** Writes `text` to `file` when it differs, and says so. */
function write(file: string, text: string): void {
  const changed = !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
  if (changed) fs.writeFileSync(file, text);
  console.log(`${path.relative(process.cwd(), file) || file}: ${changed ? 'written' : 'unchanged'}`);
}

async function main(): Promise<void> {
  for (const subgraph of SUBGRAPHS) {
    // The built service's schema module; loading it opens no database.
    const loaded = require(repositoryPath(`${subgraph.dir}/dist/schema`)) as { schema: GraphQLSchema }; // eslint-disable-line @typescript-eslint/no-require-imports
    write(repositoryPath(subgraph.sdlPath), await printSubgraphSdl(loaded.schema));
  }
  const sources = registeredSubgraphSources();
  write(SUPERGRAPH_PATH, SUPERGRAPH_HEADER + composeSupergraph(sources));
  write(API_SCHEMA_PATH, API_SCHEMA_HEADER + composeApiSchema(sources));
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
