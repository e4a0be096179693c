import { municipalities } from '@samverkan/geo';
import { type Connection, countyArgument, Keyset, type PageArgs, policeRegionArgument } from '@samverkan/schema';
import type { Context } from '../db';
import type { Action, AgreementLink, FollowUp, Prisma } from '../generated/prisma/client';
import { visibleActionsWhere } from './access';
import { type ActionFilter, actionFilterWhere } from './lists';

/*
 * Pages of åtgärder: the whole hub's (`Query.actions`) and those of a kommun, an agreement, a
 * medborgarlöfte or a fokusområde. One order for all: start date (those without one last), then id.
 * Each page is one SQL statement for the page and one to count, of the actions the caller may see.
 */

/** The order of every page of actions, and its cursors. */
export const ACTION_PAGES = new Keyset<Action>('actions', [
  { field: 'startsOn', direction: 'asc', nulls: 'last' },
  { field: 'id', direction: 'asc' },
]);

/** The filter of the root list: the action filters, and a polisregion or a län. */
export interface RootActionFilter extends Partial<ActionFilter> {
  policeRegion?: string | number | null;
  county?: string | number | null;
}

/** The kommuner of a polisregion and/or a län (checked); null when neither is given. */
function areaCodes(filter: RootActionFilter): string[] | null {
  const region = policeRegionArgument(filter.policeRegion, 'filter.policeRegion');
  const county = countyArgument(filter.county, 'filter.county');
  if (!region && !county) return null;
  return municipalities.filter((m) => (!region || m.policeRegionCode === region) && (!county || m.countyCode === county)).map((m) => m.code);
}

/** The `where` of the root list's filter. */
export function rootActionWhere(filter: RootActionFilter | null | undefined): Prisma.ActionWhereInput {
  const value = filter ?? {};
  const codes = areaCodes(value);
  return {
    AND: [
      actionFilterWhere({ activeOn: value.activeOn ?? null, status: value.status ?? null, focusArea: value.focusArea ?? null, municipality: value.municipality ?? null }),
      codes ? { municipalityCode: { in: codes } } : {},
    ],
  };
}

/** The `where` of an agreement's actions: those that come from it and those the sources place with it, linked as `links` says (all when null). */
export function agreementActionsWhere(agreementId: string, links: readonly AgreementLink[] | null): Prisma.ActionWhereInput {
  const fromIt: Prisma.ActionWhereInput = { origin: 'AGREEMENT', originKey: agreementId, OR: [{ agreementId: null }, { agreementId: { not: agreementId } }] };
  if (!links) return { OR: [fromIt, { agreementId }] };
  // An action placed with the agreement is linked as its own `agreementLink` says (STATED when it says nothing); one that only comes from it, as STATED.
  const placed: Prisma.ActionWhereInput[] = links.map((link) => (link === 'STATED' ? { agreementId, OR: [{ agreementLink: null }, { agreementLink: 'STATED' }] } : { agreementId, agreementLink: link }));
  return { OR: [...placed, ...(links.includes('STATED') ? [fromIt] : [])] };
}

/** One page of the actions matching `where` that the caller may see. */
export function actionPage(context: Context, where: Prisma.ActionWhereInput, args: PageArgs): Promise<Connection<Action>> {
  const visible: Prisma.ActionWhereInput = { AND: [visibleActionsWhere(context), where] };
  return ACTION_PAGES.page(
    args,
    (page) => context.db.action.findMany({ where: { AND: [visible, page.where as Prisma.ActionWhereInput] }, orderBy: page.orderBy as Prisma.ActionOrderByWithRelationInput[], take: page.take }),
    () => context.db.action.count({ where: visible }),
  );
}

/** The order of an åtgärd's follow-ups: by date, then id. */
export const FOLLOW_UP_PAGES = new Keyset<FollowUp>('followUps', [
  { field: 'date', direction: 'asc' },
  { field: 'id', direction: 'asc' },
]);

/** One page of an åtgärd's follow-ups (the caller reads the åtgärd, so its follow-ups too). */
export function followUpPage(context: Context, actionId: string, args: PageArgs): Promise<Connection<FollowUp>> {
  return FOLLOW_UP_PAGES.page(
    args,
    (page) => context.db.followUp.findMany({ where: { AND: [{ actionId }, page.where as Prisma.FollowUpWhereInput] }, orderBy: page.orderBy as Prisma.FollowUpOrderByWithRelationInput[], take: page.take }),
    () => context.db.followUp.count({ where: { actionId } }),
  );
}
