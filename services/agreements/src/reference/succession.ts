import { formatIsoDate, isoDateToUtc } from '@samverkan/schema';
import { startOf } from '../lifecycle/status';
import type { AgreementSeed } from './agreements';

/** An agreement seed with what follows from the others: the day its successor took over. */
export type ResolvedAgreementSeed = AgreementSeed & { supersededOn: string | null };

const day = (value: string | null) => (value ? isoDateToUtc(value) : null);

/** Each seed with the day its successor (the seed naming it as previous) starts, by the status rule's start. */
export function resolveSuccession(seeds: readonly AgreementSeed[]): ResolvedAgreementSeed[] {
  return seeds.map((seed) => {
    const successor = seeds.find((other) => other.previousSeedKey === seed.seedKey);
    const start = successor ? startOf({ validFrom: day(successor.validFrom), signedOn: day(successor.signedOn), decidedOn: day(successor.decidedOn) }).on : null;
    return { ...seed, supersededOn: start ? formatIsoDate(start) : null };
  });
}
