import type { SubgraphDefinition } from '@samverkan/server';
import path from 'node:path';
import { createClient, type PrismaClient } from './db';
import { ownOrganisation } from './lifecycle/access';
import { schema } from './schema';
import { seedReferenceData } from './seed';

/** The agreements subgraph, as the runner and the tests start it. */
export const subgraph: SubgraphDefinition<PrismaClient> = {
  name: 'agreements',
  serviceDir: path.join(__dirname, '..'),
  schema,
  createClient,
  seed: seedReferenceData,
  // The police organisation is this subgraph's own: read from its tables, again when its revision moves.
  organisation: ownOrganisation,
};
