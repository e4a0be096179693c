import { printSubgraphSdl } from '@samverkan/schema';
import fs from 'node:fs';
import path from 'node:path';
import { schema } from './schema';

// Writes this subgraph's SDL to schema.graphql, which the supergraph is composed from.
printSubgraphSdl(schema).then((sdl) => fs.writeFileSync(path.join(__dirname, '..', 'schema.graphql'), sdl));
