import { type ActionCount } from '../actions/lists';
import { builder } from '../builder';
import { focusAreaOf, FocusAreaRef } from './references';

export const ActionCountRef = builder.objectRef<ActionCount>('ActionCount').implement({
  description: 'Antal åtgärder of a kommun for one fokusområde (or none), by status.',
  fields: (t) => ({
    focusArea: t.field({ type: FocusAreaRef, nullable: true, description: 'Fokusområde; null for actions without one.', resolve: (c) => focusAreaOf(c.focusAreaCode) }),
    planned: t.exposeInt('planned', { description: 'Planerade.' }),
    ongoing: t.exposeInt('ongoing', { description: 'Pågående.' }),
    done: t.exposeInt('done', { description: 'Genomförda.' }),
    cancelled: t.exposeInt('cancelled', { description: 'Avbrutna.' }),
  }),
});
