import { counties, municipalities, policeRegions } from '@samverkan/geo';
import type { PrismaClient } from './db';
import { localPoliceAreaSeeds } from './reference/local-police-areas';

/**
 * Loads the reference geography: 7 polisregioner, 21 län, 290 kommuner and the seeded
 * lokalpolisområden. Idempotent: it inserts what is missing and corrects what differs, in one
 * transaction, and leaves everything else alone.
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
    for (const area of localPoliceAreaSeeds) {
      const data = { name: area.name, policeRegionCode: area.policeRegionCode };
      await tx.localPoliceArea.upsert({ where: { id: area.id }, create: { id: area.id, ...data }, update: data });
      await tx.localPoliceAreaMunicipality.createMany({
        data: area.municipalityCodes.map((municipalityCode) => ({ localPoliceAreaId: area.id, municipalityCode })),
        skipDuplicates: true,
      });
    }
  });
}
