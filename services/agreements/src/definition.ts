import type { SubgraphDefinition } from '@samverkan/server';
import path from 'node:path';
import { createClient, type PrismaClient } from './db';
import { schema } from './schema';
import { seedReferenceData } from './seed';

/** The agreements subgraph, as the runner and the tests start it. */
export const agreementsSubgraph: SubgraphDefinition<PrismaClient> = {
  name: 'agreements',
  serviceDir: path.join(__dirname, '..'),
  defaultPort: 4001,
  schema,
  createClient,
  seed: seedReferenceData,
};
