import { type OutboxRecordRule, type Snapshot } from '@samverkan/schema';
import type { Context } from '../db';
import { mayReadLifecycleState } from '../lifecycle/access';

/*
 * The records of this subgraph that change notifications tell of, each with the read rule its
 * `history` uses: agreements and medborgarlöften by their state, kommun and police party.
 */

const PARTY = { id: true, municipalityCode: true, state: true, policeDistrictId: true, policeRegionCode: true } as const;

export const OUTBOX_RULES: readonly OutboxRecordRule<Context>[] = [
  {
    type: 'Agreement',
    mayRead: (state, context) => mayReadLifecycleState(context, state),
    current: async (context, ids) => {
      const rows = await context.db.agreement.findMany({
        where: { id: { in: [...ids] } },
        select: { ...PARTY, localPoliceAreas: { select: { localPoliceAreaId: true }, orderBy: { localPoliceAreaId: 'asc' } } },
      });
      return new Map<string, Snapshot>(rows.map(({ id, localPoliceAreas, ...fields }) => [id, { ...fields, localPoliceAreaIds: localPoliceAreas.map((l) => l.localPoliceAreaId) }]));
    },
  },
  {
    type: 'CitizenPromise',
    mayRead: (state, context) => mayReadLifecycleState(context, state),
    current: async (context, ids) => {
      const rows = await context.db.citizenPromise.findMany({ where: { id: { in: [...ids] } }, select: { ...PARTY, localPoliceAreaId: true } });
      return new Map<string, Snapshot>(rows.map(({ id, ...fields }) => [id, fields]));
    },
  },
];
