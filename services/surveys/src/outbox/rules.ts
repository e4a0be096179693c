import type { OutboxRecordRule, Snapshot } from '@samverkan/schema';
import type { Context } from '../db';

/*
 * The records of this subgraph that change notifications tell of: published survey results, read by
 * anyone (their `history` rule). Demo values are never told of: they are not the sources' data.
 */

export const OUTBOX_RULES: readonly OutboxRecordRule<Context>[] = [
  {
    type: 'SurveyResult',
    mayRead: (state) => state.origin !== 'DEMO',
    current: async (context, ids) => {
      const rows = await context.db.surveyResult.findMany({ where: { id: { in: [...ids] } }, select: { id: true, municipalityCode: true, origin: true } });
      return new Map<string, Snapshot>(rows.map(({ id, ...fields }) => [id, fields]));
    },
    municipalityCodes: (state) => (typeof state.municipalityCode === 'string' ? [state.municipalityCode] : []),
  },
];
