import type { SubgraphDefinition } from '@samverkan/server';
import path from 'node:path';
import { createClient, type PrismaClient } from './db';
import { schema } from './schema';
import { seedActions } from './seed';

/** The actions subgraph, as the runner and the tests start it. */
export const subgraph: SubgraphDefinition<PrismaClient> = {
  name: 'actions',
  serviceDir: path.join(__dirname, '..'),
  schema,
  createClient,
  seed: seedActions,
};
