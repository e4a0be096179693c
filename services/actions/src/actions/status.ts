import { badInput } from '@samverkan/schema';
import type { ActionStatus } from '../generated/prisma/client';

/** The status changes an åtgärd may make: DONE and CANCELLED are final. */
export const ALLOWED_TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  PLANNED: ['ONGOING', 'CANCELLED'],
  ONGOING: ['DONE', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
};

/** Refuses (BAD_USER_INPUT) a status change the åtgärd may not make, naming those it may. */
export function checkTransition(from: ActionStatus, to: ActionStatus): void {
  const allowed = ALLOWED_TRANSITIONS[from];
  if (allowed.includes(to)) return;
  throw badInput(`An åtgärd that is ${from} cannot become ${to}${allowed.length ? `; it can become ${allowed.join(' or ')}` : '; it is final'}.`, { field: 'status' });
}
