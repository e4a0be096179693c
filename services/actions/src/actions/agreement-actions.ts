import { filteredGroupLoader } from '@samverkan/schema';
import type { Context } from '../db';
import type { Action, AgreementLink } from '../generated/prisma/client';
import { visibleActionsWhere } from './access';
import { ACTION_ORDER, type ActionFilter, actionFilterWhere } from './lists';

/*
 * An agreement's åtgärder: those that come from it (origin AGREEMENT) and those that belong to it
 * (agreementId), each with how the source links the two. An action that comes from the agreement is
 * linked as STATED unless its own `agreementLink` says otherwise.
 */

/** An action in an agreement's list, with its link to that agreement. */
export interface LinkedAction {
  agreementId: string;
  link: AgreementLink;
  action: Action;
}

/** The filter of an agreement's list: the action filters, and the links to include (null: all). */
export interface AgreementActionFilter extends ActionFilter {
  links: AgreementLink[] | null;
}

/** The links of `action` to each of `agreementIds`. */
function linksOf(action: Action, agreementIds: ReadonlySet<string>): LinkedAction[] {
  const linked = new Map<string, AgreementLink>();
  if (action.origin === 'AGREEMENT' && action.originKey && agreementIds.has(action.originKey)) linked.set(action.originKey, 'STATED');
  if (action.agreementId && agreementIds.has(action.agreementId)) linked.set(action.agreementId, action.agreementLink ?? 'STATED');
  return [...linked].map(([agreementId, link]) => ({ agreementId, link, action }));
}

/** For every agreement of a request, in one SQL statement per filter. */
export const actionsLinkedToAgreement = filteredGroupLoader(
  async (keys: readonly string[], filter: AgreementActionFilter, context: Context): Promise<LinkedAction[]> => {
    const { links, ...actionFilter } = filter;
    const actions = await context.db.action.findMany({
      where: {
        AND: [
          { OR: [{ origin: 'AGREEMENT', originKey: { in: [...keys] } }, { agreementId: { in: [...keys] } }] },
          visibleActionsWhere(context),
          actionFilterWhere(actionFilter),
        ],
      },
      orderBy: ACTION_ORDER,
    });
    const ids = new Set(keys);
    return actions.flatMap((action) => linksOf(action, ids)).filter((linked) => !links || links.includes(linked.link));
  },
  (linked) => linked.agreementId,
);
