import type { Actor } from '@samverkan/schema';
import type { PrismaClient } from '../db';
import type { WebhookSubscription } from '../generated/prisma/client';
import { deliveryOf, eventType, wanted } from './events';
import type { AskSource, SourceName } from './sources';

/*
 * Reading the outboxes: per subscription and subgraph a cursor; each poll asks the subgraph, as the
 * subscription's owner, for the events after it, and stores them as deliveries together with the
 * new cursor in one transaction. A delivery is unique per subscription, subgraph and event, so a
 * poll repeated after a crash stores nothing twice; the cursor moves only with what was stored.
 */

const CHANGE_EVENTS = `query ChangeEvents($after: String, $since: String, $first: Int) {
  changeEvents(after: $after, since: $since, first: $first) {
    cursor more
    events { id occurredAt recordType recordId kind municipalityCodes changedFields }
  }
}`;

interface Page {
  changeEvents: {
    cursor: string;
    more: boolean;
    events: { id: string; occurredAt: string; recordType: string; recordId: string; kind: string; municipalityCodes: string[]; changedFields: string[] }[];
  };
}

/** Entries asked for per page. @default 200 */
const PAGE_SIZE = 200;
/** Pages read per subscription and subgraph in one poll (the rest at the next). @default 25 */
const PAGES_PER_POLL = 25;

/** Reads one subgraph's new events for one subscription; returns how many deliveries it stored. */
export async function pollSource(db: PrismaClient, ask: AskSource, subscription: WebhookSubscription, source: SourceName): Promise<number> {
  const key = { subscriptionId_source: { subscriptionId: subscription.id, source } };
  let position = (await db.webhookCursor.findUnique({ where: key }))?.position ?? null;
  let stored = 0;
  for (let page = 0; page < PAGES_PER_POLL; page += 1) {
    const variables = position ? { after: position, first: PAGE_SIZE } : { since: subscription.createdAt.toISOString(), first: PAGE_SIZE };
    const { changeEvents } = await ask<Page>(source, subscription.owner as unknown as Actor, CHANGE_EVENTS, variables);
    const deliveries = changeEvents.events
      .filter((event) => wanted(subscription, event.recordType, event.municipalityCodes))
      .map((event) =>
        deliveryOf(source, {
          id: event.id,
          type: eventType(event.recordType, event.kind),
          occurredAt: event.occurredAt,
          record: { type: event.recordType, id: event.recordId, municipalityCodes: event.municipalityCodes },
          changedFields: event.changedFields,
        }),
      );
    const next = changeEvents.cursor;
    await db.$transaction(async (tx) => {
      if (deliveries.length) {
        const { count } = await tx.webhookDelivery.createMany({ data: deliveries.map((delivery) => ({ ...delivery, subscriptionId: subscription.id })), skipDuplicates: true });
        stored += count;
      }
      await tx.webhookCursor.upsert({
        where: key,
        create: { subscriptionId: subscription.id, source, position: next, polledAt: new Date(), lastError: null },
        update: { position: next, polledAt: new Date(), lastError: null },
      });
    });
    position = next;
    if (!changeEvents.more) break;
  }
  return stored;
}

/** Notes on the cursor that a subgraph could not be read (it is asked again at the next poll). */
export async function notePollError(db: PrismaClient, subscriptionId: string, source: SourceName, error: unknown): Promise<void> {
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  // A subscription deleted meanwhile has no cursor to note it on.
  if (!(await db.webhookSubscription.findUnique({ where: { id: subscriptionId }, select: { id: true } }))) return;
  await db.webhookCursor.upsert({
    where: { subscriptionId_source: { subscriptionId, source } },
    create: { subscriptionId, source, position: null, polledAt: new Date(), lastError },
    update: { polledAt: new Date(), lastError },
  });
}
