import type { Snapshot } from '@samverkan/schema';
import type { Tx } from '../db';

/** An åtgärd's audited fields, flattened for the audit trail: what `history` compares before and after a write. */
export async function actionSnapshot(tx: Tx, id: string): Promise<Snapshot | null> {
  const row = await tx.action.findUnique({
    where: { id },
    include: { responsible: { orderBy: { position: 'asc' } }, followUps: { orderBy: [{ date: 'asc' }, { id: 'asc' }] } },
  });
  if (!row) return null;
  return {
    municipalityCode: row.municipalityCode,
    title: row.title,
    description: row.description,
    status: row.status,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    focusAreaCode: row.focusAreaCode,
    origin: row.origin,
    originKey: row.originKey,
    actionPlanId: row.actionPlanId,
    place: row.place,
    latitude: row.latitude,
    longitude: row.longitude,
    method: row.method,
    visibility: row.visibility,
    responsible: row.responsible.map((r) => ({ kind: r.kind, name: r.name, lead: r.lead })),
    followUps: row.followUps.map((f) => ({ date: f.date.toISOString().slice(0, 10), outcome: f.outcome, text: f.text, indicatorCodes: f.indicatorCodes })),
  };
}
