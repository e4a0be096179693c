import { counties, municipalities, policeRegions } from '@samverkan/geo';
import type { PrismaClient } from './db';
import { focusAreaCatalogue, isoDateToUtc } from '@samverkan/schema';
import { seedPoliceOrganisation } from './organisation/seed';
import { agreementSeeds } from './reference/agreements';

/** Everything this service loads at start-up, in order. Idempotent. */
export async function seedReferenceData(db: PrismaClient): Promise<void> {
  await seedGeography(db);
  await seedFocusAreas(db);
  await seedAgreements(db);
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

const day = (value: string | null) => (value ? isoDateToUtc(value) : null);

/**
 * The real agreements from the source documents. Each is written once (found again by its seed
 * key); a record already there is left as it is, so loading again changes nothing.
 */
export async function seedAgreements(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const seed of agreementSeeds) {
      if (await tx.agreement.findUnique({ where: { seedKey: seed.seedKey } })) continue;
      const previous = seed.previousSeedKey ? await tx.agreement.findUnique({ where: { seedKey: seed.previousSeedKey } }) : null;
      const agreement = await tx.agreement.create({
        data: {
          // A stable id, so that other subgraphs' records (e.g. actions) can refer to it by key.
          id: seed.seedKey,
          seedKey: seed.seedKey,
          title: seed.title,
          municipalityCode: seed.municipalityCode,
          state: 'SIGNED',
          validFrom: day(seed.validFrom),
          validTo: day(seed.validTo),
          signedOn: day(seed.signedOn),
          approvedBy: seed.approvedBy,
          purpose: seed.purpose,
          goals: seed.goals,
          followUp: seed.followUp,
          previousId: previous?.id ?? null,
        },
      });
      const agreementId = agreement.id;
      await tx.agreementLocalPoliceArea.createMany({ data: seed.localPoliceAreaIds.map((localPoliceAreaId) => ({ agreementId, localPoliceAreaId })) });
      await tx.signatory.createMany({ data: seed.signatories.map((s, index) => ({ agreementId, ...s, position: index + 1 })) });
      await tx.agreementFocusArea.createMany({
        data: seed.focusAreas.map((area, index) => ({ agreementId, focusAreaCode: area.code, position: index + 1, title: area.title, description: area.description })),
      });
      for (const [index, document] of seed.steeringDocuments.entries()) {
        const { seedKey, adoptedOn, ...rest } = document;
        const data = { ...rest, municipalityCode: seed.municipalityCode, adoptedOn: day(adoptedOn) };
        const stored = await tx.steeringDocument.upsert({ where: { seedKey }, create: { seedKey, ...data }, update: data });
        await tx.agreementSteeringDocument.create({ data: { agreementId, steeringDocumentId: stored.id, position: index + 1 } });
      }
      await tx.sourceDocument.createMany({
        data: seed.sources.map((source) => ({ agreementId, title: source.title, publishedOn: day(source.publishedOn), url: source.url ?? null, note: source.note ?? null })),
      });
      if (previous) {
        await tx.agreement.update({ where: { id: previous.id }, data: { supersededOn: agreement.validFrom ?? agreement.signedOn } });
      }
    }
  });
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
