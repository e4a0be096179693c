import type { SubgraphDefinition } from '@samverkan/server';
import path from 'node:path';
import { createClient, type PrismaClient } from './db';
import { schema } from './schema';
import { demoDataWanted, seedDemoData, seedReferenceData } from './seed';

/** The surveys subgraph, as the runner and the tests start it. */
export const subgraph: SubgraphDefinition<PrismaClient> = {
  name: 'surveys',
  serviceDir: path.join(__dirname, '..'),
  schema,
  createClient,
  seed: async (db, log) => {
    await seedReferenceData(db);
    // npm start asks for the demo data (SAMVERKAN_DEMO_DATA=1); tests load it when they need it.
    if (demoDataWanted()) {
      const written = await seedDemoData(db);
      if (written) log.info(`loaded ${written.toLocaleString('sv-SE')} demo survey results (flagged DEMO; SAMVERKAN_DEMO_DATA=0 leaves them out)`);
    }
  },
};
