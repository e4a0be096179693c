import type { OrganisationSnapshot } from '@samverkan/geo';
import type { OrganisationCopy, SubgraphDefinition } from '@samverkan/server';
import { setTimeout as sleep } from 'node:timers/promises';
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
  seed: async (db, log, organisation) => {
    await seedReferenceData(db);
    // npm start asks for the demo data (SAMVERKAN_DEMO_DATA=1); tests load it when they need it.
    if (demoDataWanted()) {
      const written = await seedDemoData(db, { organisation: await organisationForDemo(organisation, log) });
      if (written) log.info(`loaded ${written.toLocaleString('sv-SE')} demo survey results (flagged DEMO; SAMVERKAN_DEMO_DATA=0 leaves them out)`);
    }
  },
};

/**
 * The lokalpolisområden demo values are made for: the agreements subgraph's organisation. npm start
 * starts the subgraphs side by side, so agreements may still be starting: asked again for a minute,
 * then the demo data go without lokalpolisområden.
 */
async function organisationForDemo(organisation: OrganisationCopy, log: { warn(message: string): void }): Promise<OrganisationSnapshot | undefined> {
  for (let attempt = 1; attempt <= 60; attempt += 1) {
    try {
      return await organisation.current();
    } catch (error) {
      if (attempt === 60) log.warn(`demo data without lokalpolisområden: ${(error as Error).message}`);
      else await sleep(1000);
    }
  }
  return undefined;
}
