#!/usr/bin/env node
/**
 * Composes the supergraph: reads `supergraph.config.json` in the current folder (the gateway's),
 * composes the subgraph SDL files it names, and writes `supergraph.graphql` beside it.
 * Exits 1 with every composition error when the subgraphs do not compose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph, readSupergraphConfig, SUPERGRAPH_HEADER } from '../compose';

try {
  const configPath = path.resolve(process.argv[2] ?? 'supergraph.config.json');
  const target = path.join(path.dirname(configPath), 'supergraph.graphql');
  const sdl = SUPERGRAPH_HEADER + composeSupergraph(readSupergraphConfig(configPath));
  const changed = !fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== sdl;
  if (changed) fs.writeFileSync(target, sdl);
  console.log(`${path.relative(process.cwd(), target) || target}: ${changed ? 'written' : 'unchanged'}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
