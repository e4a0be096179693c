import { type Connection, Keyset, type PageArgs } from '@samverkan/schema';
import type { Context } from '../db';
import type { ActionPlan, ActionPlanRevision, Prisma, SituationReport } from '../generated/prisma/client';

/*
 * Pages of a kommun's åtgärdsplaner and lägesbilder (newest decision first, undated ones last, then
 * id) and of a plan's revisions (by number). These records are read by everyone.
 */

export const ACTION_PLAN_PAGES = new Keyset<ActionPlan>('actionPlans', [
  { field: 'decidedOn', direction: 'desc', nulls: 'last' },
  { field: 'id', direction: 'asc' },
]);

export const SITUATION_REPORT_PAGES = new Keyset<SituationReport>('situationReports', [
  { field: 'decidedOn', direction: 'desc', nulls: 'last' },
  { field: 'id', direction: 'asc' },
]);

export const REVISION_PAGES = new Keyset<ActionPlanRevision>('actionPlanRevisions', [
  { field: 'number', direction: 'asc' },
  { field: 'id', direction: 'asc' },
]);

/** One page of a kommun's åtgärdsplaner. */
export function actionPlanPage(context: Context, municipalityCode: string, args: PageArgs): Promise<Connection<ActionPlan>> {
  const where: Prisma.ActionPlanWhereInput = { municipalityCode };
  return ACTION_PLAN_PAGES.page(
    args,
    (page) => context.db.actionPlan.findMany({ where: { AND: [where, page.where as Prisma.ActionPlanWhereInput] }, orderBy: page.orderBy as Prisma.ActionPlanOrderByWithRelationInput[], take: page.take }),
    () => context.db.actionPlan.count({ where }),
  );
}

/** One page of a kommun's lägesbilder. */
export function situationReportPage(context: Context, municipalityCode: string, args: PageArgs): Promise<Connection<SituationReport>> {
  const where: Prisma.SituationReportWhereInput = { municipalityCode };
  return SITUATION_REPORT_PAGES.page(
    args,
    (page) =>
      context.db.situationReport.findMany({ where: { AND: [where, page.where as Prisma.SituationReportWhereInput] }, orderBy: page.orderBy as Prisma.SituationReportOrderByWithRelationInput[], take: page.take }),
    () => context.db.situationReport.count({ where }),
  );
}

/** One page of a plan's revisions. */
export function revisionPage(context: Context, actionPlanId: string, args: PageArgs): Promise<Connection<ActionPlanRevision>> {
  const where: Prisma.ActionPlanRevisionWhereInput = { actionPlanId };
  return REVISION_PAGES.page(
    args,
    (page) =>
      context.db.actionPlanRevision.findMany({ where: { AND: [where, page.where as Prisma.ActionPlanRevisionWhereInput] }, orderBy: page.orderBy as Prisma.ActionPlanRevisionOrderByWithRelationInput[], take: page.take }),
    () => context.db.actionPlanRevision.count({ where }),
  );
}
