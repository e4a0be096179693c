import type { SubgraphDefinition } from '@samverkan/server';
import path from 'node:path';
import { createClient, type PrismaClient } from './db';
import { schema } from './schema';
import { seedReferenceData } from './seed';

/** The agreements subgraph, as the runner and the tests start it. */
export const subgraph: SubgraphDefinition<PrismaClient> = {
  name: 'agreements',
  serviceDir: path.join(__dirname, '..'),
  schema,
  createClient,
  seed: seedReferenceData,
};
