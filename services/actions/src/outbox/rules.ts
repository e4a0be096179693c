import { type OutboxRecordRule, READABLE_BY_ALL, type Snapshot } from '@samverkan/schema';
import { mayReadAction } from '../actions/access';
import type { Context } from '../db';

/*
 * The records of this subgraph that change notifications tell of, each with the read rule its
 * `history` uses: an åtgärd by its visibility and kommun, lägesbilder and åtgärdsplaner by anyone.
 */

/** The fields the rules read, of records as they are now (for records loaded before they were audited). */
async function byId(rows: Promise<{ id: string }[]>): Promise<Map<string, Snapshot>> {
  return new Map((await rows).map(({ id, ...fields }) => [id, fields]));
}

export const OUTBOX_RULES: readonly OutboxRecordRule<Context>[] = [
  {
    type: 'Action',
    mayRead: (state, context) => mayReadAction(context, state),
    current: (context, ids) => byId(context.db.action.findMany({ where: { id: { in: [...ids] } }, select: { id: true, municipalityCode: true, visibility: true } })),
  },
  {
    type: 'SituationReport',
    mayRead: READABLE_BY_ALL,
    current: (context, ids) => byId(context.db.situationReport.findMany({ where: { id: { in: [...ids] } }, select: { id: true, municipalityCode: true } })),
  },
  {
    type: 'ActionPlan',
    mayRead: READABLE_BY_ALL,
    current: (context, ids) => byId(context.db.actionPlan.findMany({ where: { id: { in: [...ids] } }, select: { id: true, municipalityCode: true } })),
  },
];
