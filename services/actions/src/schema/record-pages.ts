import { connectionArgs, defineConnection } from '@samverkan/schema';
import { actionPage, followUpPage } from '../actions/pages';
import { actionPlanPage, revisionPage, situationReportPage } from '../plans/pages';
import { builder } from '../builder';
import { Action } from './action';
import { ActionConnection } from './action-pages';
import { ActionPlan, ActionPlanRevision } from './action-plan';
import { FollowUp } from './follow-up';
import { MunicipalityRef } from './references';
import { SituationReport } from './situation-report';

/*
 * Pages of the other lists that grow, beside their plain lists: a kommun's lägesbilder and
 * åtgärdsplaner, a plan's revisions and åtgärder, an åtgärd's follow-ups.
 */

const SituationReportConnection = defineConnection(builder, SituationReport, { name: 'SituationReport', nodes: 'lägesbilder', order: 'newest decision first (undated ones last), then id' });
const ActionPlanConnection = defineConnection(builder, ActionPlan, { name: 'ActionPlan', nodes: 'åtgärdsplaner', order: 'newest decision first (undated ones last), then id' });
const RevisionConnection = defineConnection(builder, ActionPlanRevision, { name: 'ActionPlanRevision', nodes: 'revideringar of an åtgärdsplan', order: 'oldest first (by number)' });
const FollowUpConnection = defineConnection(builder, FollowUp, { name: 'FollowUp', nodes: 'uppföljningar', order: 'by date, then id' });

const pageArgs = connectionArgs(builder);

builder.objectFields(MunicipalityRef, (t) => ({
  situationReportsConnection: t.field({
    type: SituationReportConnection,
    description: 'Lägesbilder of the kommun, a page at a time, newest first.',
    args: pageArgs,
    resolve: (m, args, context) => situationReportPage(context, m.code, args),
  }),
  actionPlansConnection: t.field({
    type: ActionPlanConnection,
    description: 'Åtgärdsplaner of the kommun, a page at a time, newest first.',
    args: pageArgs,
    resolve: (m, args, context) => actionPlanPage(context, m.code, args),
  }),
}));

builder.prismaObjectFields(ActionPlan, (t) => ({
  revisionsConnection: t.field({
    type: RevisionConnection,
    description: 'Revideringar, a page at a time, oldest first.',
    args: pageArgs,
    resolve: (plan, args, context) => revisionPage(context, plan.id, args),
  }),
  actionsConnection: t.field({
    type: ActionConnection,
    description: 'Åtgärder in the plan that you may see, a page at a time, by start date then id.',
    args: pageArgs,
    resolve: (plan, args, context) => actionPage(context, { actionPlanId: plan.id }, args),
  }),
}));

builder.prismaObjectFields(Action, (t) => ({
  followUpsConnection: t.field({
    type: FollowUpConnection,
    description: 'Uppföljningar, a page at a time, oldest first.',
    args: pageArgs,
    resolve: (action, args, context) => followUpPage(context, action.id, args),
  }),
}));
