import { isoDateToUtc } from '@samverkan/schema';
import type { PrismaClient } from '../db';

/** One kommun's standing against Lag (2023:196) on a day. */
export interface ComplianceRow {
  municipalityCode: string;
  /** The newest lägesbild decided on or before the day, if any. */
  situationReport: { id: string; decidedOn: Date; joint: boolean } | null;
  /** The lägesbild is at most two years old. */
  hasCurrentSituationReport: boolean;
  /** An åtgärdsplan decided on or after that lägesbild (and not after the day). */
  actionPlan: { id: string; decidedOn: Date } | null;
  ongoingActions: number;
  overdueActions: number;
  /** A current lägesbild and an åtgärdsplan decided from it. */
  compliant: boolean;
}

/** The day two years before `on` (the law: a lägesbild at least every other year). */
function twoYearsBefore(on: string): Date {
  const date = isoDateToUtc(on);
  date.setUTCFullYear(date.getUTCFullYear() - 2);
  return date;
}

/**
 * Compliance of many kommuner on one day, with a fixed number of SQL statements however many
 * kommuner: the lägesbilder, the åtgärdsplaner and two action counts, each one query.
 */
export async function complianceOn(db: PrismaClient, on: string, codes: readonly string[]): Promise<ComplianceRow[]> {
  const day = isoDateToUtc(on);
  const inScope = { municipalityCode: { in: [...codes] } };
  const [reports, plans, ongoing, overdue] = await Promise.all([
    db.situationReport.findMany({ where: { ...inScope, decidedOn: { not: null, lte: day } }, orderBy: { decidedOn: 'desc' }, select: { id: true, municipalityCode: true, decidedOn: true, joint: true } }),
    db.actionPlan.findMany({ where: { ...inScope, decidedOn: { not: null, lte: day } }, orderBy: { decidedOn: 'desc' }, select: { id: true, municipalityCode: true, decidedOn: true } }),
    db.action.groupBy({ by: ['municipalityCode'], where: { ...inScope, status: 'ONGOING' }, _count: { _all: true } }),
    db.action.groupBy({ by: ['municipalityCode'], where: { ...inScope, status: { in: ['PLANNED', 'ONGOING'] }, endsOn: { lt: day } }, _count: { _all: true } }),
  ]);
  const latestReport = new Map<string, (typeof reports)[number]>();
  for (const report of reports) if (!latestReport.has(report.municipalityCode)) latestReport.set(report.municipalityCode, report);
  const plansOf = new Map<string, typeof plans>();
  for (const plan of plans) {
    const list = plansOf.get(plan.municipalityCode) ?? [];
    list.push(plan);
    plansOf.set(plan.municipalityCode, list);
  }
  const count = (rows: typeof ongoing) => new Map(rows.map((row) => [row.municipalityCode, row._count._all]));
  const ongoingBy = count(ongoing);
  const overdueBy = count(overdue);
  const cutoff = twoYearsBefore(on);
  return codes.map((municipalityCode) => {
    const report = latestReport.get(municipalityCode);
    const plan = report ? plansOf.get(municipalityCode)?.find((p) => p.decidedOn! >= report.decidedOn!) : undefined;
    const hasCurrentSituationReport = !!report && report.decidedOn! >= cutoff;
    return {
      municipalityCode,
      situationReport: report ? { id: report.id, decidedOn: report.decidedOn!, joint: report.joint } : null,
      hasCurrentSituationReport,
      actionPlan: plan ? { id: plan.id, decidedOn: plan.decidedOn! } : null,
      ongoingActions: ongoingBy.get(municipalityCode) ?? 0,
      overdueActions: overdueBy.get(municipalityCode) ?? 0,
      compliant: hasCurrentSituationReport && !!plan,
    };
  });
}
