import { counties, municipalities, policeRegions } from '@samverkan/geo';
import type { PrismaClient } from './db';
import { focusAreaCatalogue, type SeedLog } from '@samverkan/schema';
import { openEndYears } from './lifecycle/settings';
import { loadReferenceRecords } from './reference/load';
import { seedPoliceOrganisation } from './organisation/seed';
import { agreementSeeds } from './reference/agreements';

/** A log that drops its lines, for callers (tests) that pass none. */
const silentLog: SeedLog = { info: () => undefined, warn: () => undefined };

/** Everything this service loads at start-up, in order. Idempotent. */
export async function seedReferenceData(db: PrismaClient, log: SeedLog = silentLog): Promise<void> {
  // Read the status rule's setting now, so that a wrong value stops the start rather than a request.
  openEndYears();
  await seedGeography(db);
  await seedFocusAreas(db);
  await seedAgreements(db, log);
}

/** The national catalogue of fokusområden; names and descriptions follow the catalogue file. */
export async function seedFocusAreas(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const [index, area] of focusAreaCatalogue.entries()) {
      const data = { name: area.name, description: area.description, position: index + 1 };
      await tx.focusArea.upsert({ where: { code: area.code }, create: { code: area.code, ...data }, update: data });
    }
  });
}

/**
 * The real records from the source documents (agreements, medborgarlöften, styrdokument,
 * milstolpar): created when missing, rewritten when their source changed and no one has edited
 * them since (see reference/load.ts), otherwise left alone, so loading again changes nothing.
 */
export async function seedAgreements(db: PrismaClient, log: SeedLog = silentLog): Promise<void> {
  await loadReferenceRecords(db, log);
}

/**
 * Loads the reference geography: 7 polisregioner, 21 län, 290 kommuner and the lokalpolisområden
 * the sources support (reference/police-organisation.ts). Idempotent: it inserts what is missing
 * and corrects what differs, in one transaction, and leaves everything else alone.
 */
export async function seedGeography(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const region of policeRegions) {
      await tx.policeRegion.upsert({ where: { code: region.code }, create: region, update: { name: region.name } });
    }
    for (const county of counties) {
      const data = { name: county.name, shortName: county.shortName, policeRegionCode: county.policeRegionCode };
      await tx.county.upsert({ where: { code: county.code }, create: { code: county.code, ...data }, update: data });
    }
    const existing = new Map((await tx.municipality.findMany()).map((row) => [row.code, row]));
    const missing = municipalities.filter((m) => !existing.has(m.code));
    if (missing.length) {
      await tx.municipality.createMany({ data: missing.map((m) => ({ code: m.code, name: m.name, countyCode: m.countyCode })) });
    }
    for (const m of municipalities) {
      const row = existing.get(m.code);
      if (row && (row.name !== m.name || row.countyCode !== m.countyCode)) {
        await tx.municipality.update({ where: { code: m.code }, data: { name: m.name, countyCode: m.countyCode } });
      }
    }
    await seedPoliceOrganisation(tx, agreementSeeds.flatMap((seed) => seed.localPoliceAreaIds));
  });
}
