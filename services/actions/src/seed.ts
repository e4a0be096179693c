import { isoDateToUtc } from '@samverkan/schema';
import type { PrismaClient } from './db';
import { actionSeeds } from './reference/actions';

const day = (value: string | null) => (value ? isoDateToUtc(value) : null);

/**
 * The real åtgärder from the source documents. Each is written once (found again by its seed key);
 * a record already there is left as it is, so loading again changes nothing.
 */
export async function seedActions(db: PrismaClient): Promise<void> {
  const existing = new Set((await db.action.findMany({ where: { seedKey: { not: null } }, select: { seedKey: true } })).map((a) => a.seedKey));
  const missing = actionSeeds.filter((seed) => !existing.has(seed.seedKey));
  if (missing.length === 0) return;
  await db.$transaction(async (tx) => {
    for (const seed of missing) {
      const { responsible, source, startsOn, endsOn, ...fields } = seed;
      await tx.action.create({
        data: {
          ...fields,
          startsOn: day(startsOn),
          endsOn: day(endsOn),
          sources: [{ title: source.title, publishedOn: source.publishedOn }],
          responsible: { create: responsible.map((r, index) => ({ ...r, position: index + 1 })) },
        },
      });
    }
  });
}
