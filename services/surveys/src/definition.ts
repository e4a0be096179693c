import type { SubgraphDefinition } from '@samverkan/server';
import path from 'node:path';
import { createClient, type PrismaClient } from './db';
import { schema } from './schema';

/** The surveys subgraph, as the runner and the tests start it. */
export const surveysSubgraph: SubgraphDefinition<PrismaClient> = {
  name: 'surveys',
  serviceDir: path.join(__dirname, '..'),
  defaultPort: 4003,
  schema,
  createClient,
};
