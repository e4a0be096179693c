import type { SubgraphDefinition } from '@samverkan/server';
import path from 'node:path';
import { createClient, type PrismaClient } from './db';
import { schema } from './schema';
import { sourceAsker } from './webhooks/sources';
import { startWorker, workerSettingsFromEnv } from './webhooks/worker';

/** The notifications subgraph, as the runner and the tests start it: its schema, and the delivery worker beside it. */
export const subgraph: SubgraphDefinition<PrismaClient> = {
  name: 'notifications',
  serviceDir: path.join(__dirname, '..'),
  schema,
  createClient,
  background: (db, { log, peers, hopSecret }) => startWorker(db, sourceAsker(peers, hopSecret), workerSettingsFromEnv(), log),
};
