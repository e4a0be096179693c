import { badInput, defineConnection, pageSize } from '@samverkan/schema';
import { builder, type Context } from '../builder';
import type { DeliveryStatus, WebhookDelivery as DeliveryRow } from '../generated/prisma/client';

/*
 * Leveranser: every event stored for a subscription, with where its delivery stands and how its
 * attempts went; a page of them hangs off `WebhookSubscription.deliveries`.
 */

export const DeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: 'Leveransstatus: where a delivery stands.',
  values: {
    PENDING: { description: 'Väntar: not yet attempted (or waiting behind an earlier delivery of the same subscription).' },
    DELIVERED: { description: 'Levererad: the receiver answered 2xx.' },
    RETRYING: { description: 'Nytt försök: an attempt failed; the next is due at `nextAttemptAt`, and later deliveries wait for it.' },
  } as const,
});

const iso = (value: Date | null) => value?.toISOString() ?? null;

export const WebhookDelivery = builder.prismaObject('WebhookDelivery', {
  description: 'Leverans: one event for one subscription, with its delivery attempts.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id of the delivery.' }),
    eventId: t.exposeString('eventId', { description: 'Händelse-id: the event\'s id, sent as `Samverkan-Webhook-Id` and in the body.' }),
    type: t.exposeString('type', { description: 'Händelsetyp, e.g. action.updated, agreement.signed, agreement.expiring, situationReport.overdue.' }),
    recordType: t.exposeString('recordType', { description: 'Posttyp: the record\'s type, e.g. Action (Municipality for an overdue lägesbild).' }),
    recordId: t.exposeString('recordId', { description: 'Post: the record\'s id (a kommun\'s code for an overdue lägesbild).' }),
    occurredAt: t.string({ description: 'Tidpunkt for the change (ISO 8601, UTC).', resolve: (d) => d.occurredAt.toISOString() }),
    body: t.exposeString('body', { description: 'Innehåll: the JSON body POSTed, as sent (the signed bytes).' }),
    status: t.field({ type: DeliveryStatusEnum, description: 'Status.', resolve: (d) => d.status }),
    attempts: t.exposeInt('attempts', { description: 'Försök: attempts made.' }),
    lastStatusCode: t.exposeInt('lastStatusCode', { nullable: true, description: 'The HTTP status of the last attempt, if it got one.' }),
    lastError: t.exposeString('lastError', { nullable: true, description: 'Why the last attempt failed, if it did.' }),
    lastAttemptAt: t.string({ nullable: true, description: 'Senaste försök (ISO 8601).', resolve: (d) => iso(d.lastAttemptAt) }),
    nextAttemptAt: t.string({ nullable: true, description: 'Nästa försök (ISO 8601): when it is due; null once delivered.', resolve: (d) => (d.status === 'DELIVERED' ? null : d.nextAttemptAt.toISOString()) }),
    deliveredAt: t.string({ nullable: true, description: 'Levererad (ISO 8601).', resolve: (d) => iso(d.deliveredAt) }),
  }),
});

export const WebhookDeliveryConnection = defineConnection(builder, WebhookDelivery, {
  name: 'WebhookDelivery',
  nodes: 'leveranser (deliveries)',
  order: 'in the order they are made (oldest first)',
});

const CURSOR_PREFIX = 'WebhookDelivery:';

function cursorOf(row: DeliveryRow): string {
  return Buffer.from(`${CURSOR_PREFIX}${row.seq}`).toString('base64url');
}

function seqOf(cursor: string): bigint {
  const text = cursor.length <= 100 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = new RegExp(`^${CURSOR_PREFIX}(\\d{1,19})$`).exec(text);
  if (!match) throw badInput('`after` is not a cursor of this list (WebhookDelivery): pass an `endCursor` or a `cursor` this list gave you.', { argument: 'after' });
  return BigInt(match[1]!);
}

/** A page of a subscription's deliveries, oldest first, perhaps of one status. */
export async function deliveryPage(context: Context, subscriptionId: string, args: { status?: DeliveryStatus | null; first?: number | null; after?: string | null }) {
  const first = pageSize(args.first);
  const where = { subscriptionId, ...(args.status ? { status: args.status } : {}) };
  const [rows, totalCount] = await Promise.all([
    context.db.webhookDelivery.findMany({ where: { ...where, ...(args.after ? { seq: { gt: seqOf(args.after) } } : {}) }, orderBy: { seq: 'asc' }, take: first + 1 }),
    context.db.webhookDelivery.count({ where }),
  ]);
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
