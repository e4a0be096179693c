import { type Actor, auditCreated, badInput, noSuchRecord, type Snapshot, versionedChange } from '@samverkan/schema';
import type { Context, Tx } from '../db';
import type { WebhookSubscription } from '../generated/prisma/client';
import { checkedExpiringWithin, checkedMunicipalities, checkedRecordTypes, mayManage } from './access';
import { newSecret } from './signature';
import { addressProblem, privateTargetsAllowed, urlProblem } from './target';

/*
 * The writes of subscriptions, through the shared write kit: checked against who asks, audited in
 * the same transaction, versioned. The secret is made here and answered once (at creation and at
 * rotation); it is never audited or shown again.
 */

/** What a client gives for a new subscription. */
export interface NewSubscription {
  url: string;
  description?: string | null;
  municipalityCodes?: readonly string[] | null;
  recordTypes?: readonly string[] | null;
  expiringWithinDays?: number | null;
}

/** What a client may change. */
export interface SubscriptionChanges {
  url?: string | null;
  description?: string | null;
  municipalityCodes?: readonly string[] | null;
  recordTypes?: readonly string[] | null;
  expiringWithinDays?: number | null;
  active?: boolean | null;
}

/** A subscription with the secret, as made or rotated. */
export interface WithSecret {
  subscription: WebhookSubscription;
  secret: string;
}

/** The default of `expiringWithinDays`. @default 60 */
export const DEFAULT_EXPIRING_WITHIN_DAYS = 60;

async function checkedUrl(url: string): Promise<string> {
  const trimmed = url.trim();
  const problem = urlProblem(trimmed) ?? (await addressProblem(trimmed, privateTargetsAllowed()));
  if (problem) throw badInput(problem, { field: 'url' });
  return trimmed;
}

function checkedDescription(text: string | null | undefined): string | null {
  if (text == null || !text.trim()) return null;
  if (text.length > 500) throw badInput('The description is longer than 500 characters.', { field: 'description' });
  return text.trim();
}

/** A subscription's audited fields (never its secret; its time of making instead). */
export async function subscriptionSnapshot(tx: Tx, id: string): Promise<Snapshot | null> {
  const row = await tx.webhookSubscription.findUnique({ where: { id } });
  if (!row) return null;
  return {
    url: row.url,
    description: row.description,
    ownerRole: row.ownerRole,
    ownerSubject: row.ownerSubject,
    municipalityCodes: row.municipalityCodes,
    recordTypes: row.recordTypes,
    expiringWithinDays: row.expiringWithinDays,
    active: row.active,
    secretCreatedAt: row.secretCreatedAt,
  };
}

/** Registers a subscription for the asker; the answer holds the secret, this once. */
export async function createSubscription(context: Context, input: NewSubscription): Promise<WithSecret> {
  const actor = context.actor as Exclude<Actor, { role: 'anonymous' }>;
  const municipalityCodes = checkedMunicipalities(actor, input.municipalityCodes);
  const data = {
    url: await checkedUrl(input.url),
    description: checkedDescription(input.description),
    municipalityCodes,
    recordTypes: checkedRecordTypes(input.recordTypes),
    expiringWithinDays: checkedExpiringWithin(input.expiringWithinDays, DEFAULT_EXPIRING_WITHIN_DAYS),
    ownerRole: actor.role,
    ownerSubject: actor.subject,
    // The actor as the trusted hop carries it: the worker asks the other subgraphs as this owner.
    owner: JSON.parse(JSON.stringify(actor)) as object,
  };
  const secret = newSecret();
  return context.db.$transaction(async (tx) => {
    const { id } = await tx.webhookSubscription.create({ data: { ...data, secret } });
    await auditCreated(tx, context, 'createWebhookSubscription', { type: 'WebhookSubscription', key: id }, subscriptionSnapshot);
    return { subscription: (await tx.webhookSubscription.findUniqueOrThrow({ where: { id } })), secret };
  });
}

function change(context: Context, id: string, version: number, write: (tx: Tx, row: WebhookSubscription) => Promise<void>) {
  return {
    entityType: 'WebhookSubscription',
    noun: 'webhookprenumeration',
    id,
    version,
    load: (tx: Tx, key: string) => tx.webhookSubscription.findUnique({ where: { id: key } }),
    mayRead: (row: WebhookSubscription) => mayManage(context.actor, row),
    authorize: () => undefined,
    snapshot: subscriptionSnapshot,
    write,
  };
}

/** Changes a subscription's settings (its owner stays). */
export async function updateSubscription(context: Context, id: string, version: number, changes: SubscriptionChanges): Promise<WebhookSubscription> {
  const url = changes.url != null ? await checkedUrl(changes.url) : undefined;
  return context.db.$transaction(async (tx) => {
    await versionedChange(tx, context, 'updateWebhookSubscription', change(context, id, version, async (t, row) => {
      const owner = row.owner as unknown as Actor;
      await t.webhookSubscription.update({
        where: { id },
        data: {
          ...(url !== undefined ? { url } : {}),
          ...(changes.description !== undefined ? { description: checkedDescription(changes.description) } : {}),
          // The filter is the owner's: a kommun user's subscription keeps to their kommun even when an administrator edits it.
          ...(changes.municipalityCodes != null ? { municipalityCodes: checkedMunicipalities(owner, changes.municipalityCodes) } : {}),
          ...(changes.recordTypes != null ? { recordTypes: checkedRecordTypes(changes.recordTypes) } : {}),
          ...(changes.expiringWithinDays != null ? { expiringWithinDays: checkedExpiringWithin(changes.expiringWithinDays, row.expiringWithinDays) } : {}),
          ...(changes.active != null ? { active: changes.active } : {}),
          version: { increment: 1 },
        },
      });
    }));
    return tx.webhookSubscription.findUniqueOrThrow({ where: { id } });
  });
}

/** Makes a new secret; deliveries from now on (retries too) are signed with it. */
export async function rotateSecret(context: Context, id: string, version: number): Promise<WithSecret> {
  const secret = newSecret();
  return context.db.$transaction(async (tx) => {
    await versionedChange(tx, context, 'rotateWebhookSecret', change(context, id, version, async (t) => {
      await t.webhookSubscription.update({ where: { id }, data: { secret, secretCreatedAt: new Date(), version: { increment: 1 } } });
    }));
    return { subscription: await tx.webhookSubscription.findUniqueOrThrow({ where: { id } }), secret };
  });
}

/** Removes a subscription with its cursors and deliveries. */
export async function deleteSubscription(context: Context, id: string, version: number): Promise<string> {
  await context.db.$transaction(async (tx) => {
    await versionedChange(tx, context, 'deleteWebhookSubscription', change(context, id, version, async (t) => {
      await t.webhookSubscription.delete({ where: { id } });
    }));
  });
  return id;
}

/** A subscription the asker manages, or NOT_FOUND as for one that does not exist. */
export async function managedSubscription(context: Context, id: string): Promise<WebhookSubscription> {
  const row = await context.db.webhookSubscription.findUnique({ where: { id } });
  if (!row || !mayManage(context.actor, row)) throw noSuchRecord('webhookprenumeration', id);
  return row;
}
