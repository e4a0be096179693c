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

/** One row of {@link complianceOn}'s statement. */
interface ComplianceSqlRow {
  code: string;
  reportId: string | null;
  reportDecidedOn: Date | null;
  reportJoint: boolean | null;
  planId: string | null;
  planDecidedOn: Date | null;
  ongoing: number;
  overdue: number;
}

/**
 * Compliance of many kommuner on one day in one SQL statement however many kommuner: for each, the
 * newest lägesbild and the newest åtgärdsplan decided on or before the day (each by its index on
 * kommun and decision day) and its counts of ongoing and overdue actions, in the order asked.
 */
export async function complianceOn(db: PrismaClient, on: string, codes: readonly string[]): Promise<ComplianceRow[]> {
  const rows = await db.$queryRaw<ComplianceSqlRow[]>`
    SELECT c.code, r.id AS "reportId", r."decidedOn" AS "reportDecidedOn", r.joint AS "reportJoint", p.id AS "planId", p."decidedOn" AS "planDecidedOn",
      coalesce(a.ongoing, 0)::int AS ongoing, coalesce(a.overdue, 0)::int AS overdue
    FROM unnest(${[...codes]}::text[]) WITH ORDINALITY AS c(code, n)
    LEFT JOIN LATERAL (SELECT s.id, s."decidedOn", s.joint FROM "SituationReport" s WHERE s."municipalityCode" = c.code AND s."decidedOn" <= ${on}::date ORDER BY s."decidedOn" DESC, s.id LIMIT 1) r ON true
    LEFT JOIN LATERAL (SELECT q.id, q."decidedOn" FROM "ActionPlan" q WHERE q."municipalityCode" = c.code AND q."decidedOn" <= ${on}::date ORDER BY q."decidedOn" DESC, q.id LIMIT 1) p ON true
    LEFT JOIN (
      SELECT "municipalityCode", count(*) FILTER (WHERE status = 'ONGOING') AS ongoing,
        count(*) FILTER (WHERE status IN ('PLANNED', 'ONGOING') AND "endsOn" < ${on}::date) AS overdue
      FROM "Action" WHERE "municipalityCode" = ANY(${[...codes]}::text[]) AND status IN ('PLANNED', 'ONGOING') GROUP BY "municipalityCode"
    ) a ON a."municipalityCode" = c.code
    ORDER BY c.n`;
  const cutoff = twoYearsBefore(on);
  return rows.map((row) => {
    const reportOn = row.reportDecidedOn ? new Date(row.reportDecidedOn) : null;
    // The newest plan counts when it was decided on or after the newest lägesbild.
    const planOn = row.planDecidedOn ? new Date(row.planDecidedOn) : null;
    const plan = reportOn && planOn && planOn >= reportOn ? { id: row.planId!, decidedOn: planOn } : null;
    const hasCurrentSituationReport = !!reportOn && reportOn >= cutoff;
    return {
      municipalityCode: row.code,
      situationReport: reportOn ? { id: row.reportId!, decidedOn: reportOn, joint: !!row.reportJoint } : null,
      hasCurrentSituationReport,
      actionPlan: plan,
      ongoingActions: row.ongoing,
      overdueActions: row.overdue,
      compliant: hasCurrentSituationReport && !!plan,
    };
  });
}
