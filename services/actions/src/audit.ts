import type { AuditEntryData, Snapshot } from '@samverkan/schema';
import type { Prisma } from './generated/prisma/client';
import type { PlanItem } from './revisions';

/*
 * What the audit trail records of this subgraph's records (see packages/schema/src/audit.ts): each
 * record's audited fields, flattened, and the store for its entries.
 */

type Tx = Prisma.TransactionClient;

/** Stores one audit entry in this subgraph's `AuditEntry` table (snapshots hold only JSON values). */
export function writeAudit(tx: Tx, entry: AuditEntryData) {
  return tx.auditEntry.create({ data: { ...entry, changes: entry.changes as unknown as Prisma.InputJsonArray } });
}

/**
 * Locks a record's row until the transaction ends, so that two writers who read the same version
 * cannot both change it: the second waits, then finds the version moved on.
 */
export async function lockRow(tx: Tx, table: 'Action' | 'ActionPlan', id: string): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE id = $1 FOR UPDATE`, id);
}

/** An åtgärd's audited fields. */
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

/** An åtgärdsplan's audited fields, with its current (latest) revision's items. */
export async function planSnapshot(tx: Tx, id: string): Promise<Snapshot | null> {
  const row = await tx.actionPlan.findUnique({
    where: { id },
    include: { basedOn: { orderBy: { situationReportId: 'asc' } }, revisions: { orderBy: { number: 'desc' }, take: 1 } },
  });
  if (!row) return null;
  const current = row.revisions[0];
  return {
    municipalityCode: row.municipalityCode,
    title: row.title,
    decidedOn: row.decidedOn,
    decidedBy: row.decidedBy,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    situationReportIds: row.basedOn.map((b) => b.situationReportId),
    revision: current?.number ?? null,
    items: ((current?.items ?? []) as unknown as PlanItem[]).map((item) => ({ key: item.key, title: item.title, responsible: item.responsible ?? null, focusAreaCode: item.focusAreaCode ?? null })),
  };
}

/** A lägesbild's audited fields. */
export async function reportSnapshot(tx: Tx, id: string): Promise<Snapshot | null> {
  const row = await tx.situationReport.findUnique({ where: { id }, include: { findings: { orderBy: { position: 'asc' } } } });
  if (!row) return null;
  return {
    municipalityCode: row.municipalityCode,
    title: row.title,
    localPoliceAreaIds: row.localPoliceAreaIds,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    decidedOn: row.decidedOn,
    decidedBy: row.decidedBy,
    joint: row.joint,
    summary: row.summary,
    dataSources: row.dataSources,
    findings: row.findings.map((f) => ({ problem: f.problem, area: f.area, focusAreaCode: f.focusAreaCode, trend: f.trend })),
  };
}
