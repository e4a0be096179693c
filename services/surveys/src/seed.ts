import { indicatorCatalogue, isoDateToUtc } from '@samverkan/schema';
import type { PrismaClient } from './db';
import { type DemoOptions, demoInstruments, generateDemoResults } from './demo/generate';
import type { Prisma } from './generated/prisma/client';
import { instrumentSeeds, publishedResultSeeds, surveyFindingSeeds, surveyRoundSeeds } from './reference/instruments';
import { localPoliceAreaArea } from './results/areas';
import { surveyIdOf, writeResults } from './results/write';

/** Everything this service loads at start-up. Idempotent: loading again changes nothing. */
export async function seedReferenceData(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    await seedIndicators(tx);
    await seedInstruments(tx, instrumentSeeds.map((seed, index) => ({ ...seed, demo: false, position: index + 1 })));
    for (const round of surveyRoundSeeds) {
      const id = surveyIdOf(round.instrumentCode, round.year);
      const { instrumentCode, year, reportedOn, ...rest } = round;
      const facts = { ...rest, reportedOn: reportedOn ? isoDateToUtc(reportedOn) : null };
      await tx.safetySurvey.upsert({ where: { id }, create: { id, instrumentCode, year, ...facts }, update: facts });
    }
    await seedFindings(tx);
    await writeResults(
      tx,
      publishedResultSeeds.map((seed) => {
        // The area's region is its instrument's (the source is that region's survey): start-up does
        // not wait for the agreements subgraph, whose organisation registers the same areas.
        const region = instrumentSeeds.find((instrument) => instrument.code === seed.instrumentCode)?.policeRegionCode;
        if (!region) throw new Error(`published results: instrument ${seed.instrumentCode} belongs to no polisregion`);
        return { ...seed, area: localPoliceAreaArea(seed.localPoliceAreaId, region), ciLow: null, ciHigh: null, origin: 'PUBLISHED' as const };
      }),
      { writer: { actorRole: 'system', actorSubject: 'reference-data', requestId: null, operation: 'seedReferenceData' } },
    );
  });
}

/** Statements sources make about a kommun's results (reference data without mutations: upserted by seed key). */
async function seedFindings(tx: Prisma.TransactionClient): Promise<void> {
  for (const { seedKey, instrumentCode, year, sourcePublishedOn, ...finding } of surveyFindingSeeds) {
    const data = { ...finding, surveyId: surveyIdOf(instrumentCode, year), sourcePublishedOn: sourcePublishedOn ? isoDateToUtc(sourcePublishedOn) : null };
    // Its id is its seed key, the same in every installation (README, "Ids").
    await tx.surveyFinding.upsert({ where: { seedKey }, create: { id: seedKey, seedKey, ...data }, update: data });
  }
}

/** The indicator catalogue (from packages/schema), in its order. */
async function seedIndicators(tx: Prisma.TransactionClient): Promise<void> {
  for (const [index, indicator] of indicatorCatalogue.entries()) {
    const data = { ...indicator, position: index + 1 };
    await tx.indicator.upsert({ where: { code: indicator.code }, create: data, update: data });
  }
}

async function seedInstruments(tx: Prisma.TransactionClient, instruments: (Prisma.SurveyInstrumentCreateInput & { code: string })[]): Promise<void> {
  for (const instrument of instruments) {
    await tx.surveyInstrument.upsert({ where: { code: instrument.code }, create: instrument, update: instrument });
  }
}

/**
 * Loads the demo data (see `demo/generate.ts`): the made-up instruments and every demo result.
 * Skipped when the demo results are all there already, so a start with demo data stays quick.
 * @returns how many demo results were written (0 when skipped)
 */
export async function seedDemoData(db: PrismaClient, options: DemoOptions = {}): Promise<number> {
  const results = generateDemoResults(options);
  const existing = await db.surveyResult.count({ where: { origin: 'DEMO' } });
  if (existing === results.length) return 0;
  await db.$transaction(
    async (tx) => {
      await seedInstruments(tx, demoInstruments().map((instrument, index) => ({ ...instrument, position: 100 + index })));
      await writeResults(tx, results);
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return results.length;
}

/** Whether the demo data should be loaded at start-up: `SAMVERKAN_DEMO_DATA=1` (set by `npm start`). */
export function demoDataWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SAMVERKAN_DEMO_DATA === '1' || env.SAMVERKAN_DEMO_DATA === 'true';
}
