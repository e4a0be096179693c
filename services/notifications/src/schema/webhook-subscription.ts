import { PAGE_ARG_DESCRIPTIONS } from '@samverkan/schema';
import { builder } from '../builder';
import type { WebhookSubscription as SubscriptionRow } from '../generated/prisma/client';
import { managedWhere, RECORD_TYPES } from '../webhooks/access';
import { createSubscription, DEFAULT_EXPIRING_WITHIN_DAYS, deleteSubscription, managedSubscription, rotateSecret, updateSubscription, type WithSecret } from '../webhooks/write';
import { deliveryPage, DeliveryStatusEnum, WebhookDeliveryConnection } from './webhook-delivery';

/*
 * Webhookprenumerationer: an app registered by an administrator (any kommuner, or all) or by a kommun
 * user (their own kommun) is told by a signed HTTP POST of changes to records its owner may read
 * and of deadlines. Seen and changed by their owner and by administrators only.
 */

const RECORD_TYPE_TEXT = RECORD_TYPES.join(', ');

export const WebhookSubscription = builder.prismaObject('WebhookSubscription', {
  description: 'Webhookprenumeration: where and about what the hub POSTs signed change notifications (see docs/kommun-app.md, Webhooks).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    url: t.exposeString('url', { description: 'Adress: where events are POSTed.' }),
    description: t.exposeString('description', { nullable: true, description: 'Beskrivning.' }),
    ownerRole: t.exposeString('ownerRole', { description: 'Ägarens roll: admin or kommun. Events are those the owner may read.' }),
    ownerSubject: t.exposeString('ownerSubject', { description: 'Ägare: the user id of who registered it.' }),
    municipalityCodes: t.field({ type: ['MunicipalityCode'], description: 'Kommuner: only records of these; empty: every kommun (administrators only).', resolve: (s) => s.municipalityCodes }),
    recordTypes: t.exposeStringList('recordTypes', { description: `Posttyper: only records of these types (${RECORD_TYPE_TEXT}); empty: all.` }),
    expiringWithinDays: t.exposeInt('expiringWithinDays', { description: 'Tell of agreements whose stated end is within this many days (agreement.expiring); 0: never.' }),
    active: t.exposeBoolean('active', { description: 'Aktiv: false pauses delivery (events are still gathered).' }),
    version: t.exposeInt('version', { description: 'Version: name it when changing the subscription.' }),
    createdAt: t.string({ description: 'Skapad (ISO 8601). Events of changes from then on are delivered.', resolve: (s) => s.createdAt.toISOString() }),
    secretCreatedAt: t.string({ description: 'When the current secret was made (ISO 8601). The secret itself is shown only when it is made.', resolve: (s) => s.secretCreatedAt.toISOString() }),
    deliveries: t.field({
      type: WebhookDeliveryConnection,
      description: 'Leveranser: the events stored for this subscription and where each delivery stands, oldest first.',
      args: {
        status: t.arg({ type: DeliveryStatusEnum, required: false, description: 'Only deliveries with this status.' }),
        first: t.arg.int({ required: false, description: PAGE_ARG_DESCRIPTIONS.first }),
        after: t.arg.string({ required: false, description: PAGE_ARG_DESCRIPTIONS.after }),
      },
      resolve: (subscription, args, context) => deliveryPage(context, subscription.id, args),
    }),
  }),
});

const WithSecretRef = builder.objectRef<WithSecret>('WebhookSubscriptionWithSecret').implement({
  description: 'A subscription with its signing secret: shown this once; keep it where the receiver can read it.',
  fields: (t) => ({
    subscription: t.field({ type: WebhookSubscription, description: 'The subscription.', resolve: (made) => made.subscription as SubscriptionRow }),
    secret: t.exposeString('secret', { description: 'Hemlighet: the HMAC-SHA256 key of `Samverkan-Webhook-Signature` (as UTF-8 text). Not shown again.' }),
  }),
});

const NewSubscriptionInput = builder.inputType('WebhookSubscriptionInput', {
  description: 'Ny webhookprenumeration.',
  fields: (t) => ({
    url: t.string({ required: true, description: 'Adress (http or https). In production not an internal address unless SAMVERKAN_WEBHOOK_ALLOW_PRIVATE=1.' }),
    description: t.string({ required: false, description: 'Beskrivning, at most 500 characters.' }),
    municipalityCodes: t.field({ type: ['MunicipalityCode'], required: false, description: 'Kommuner: a kommun user names their own; an administrator any, or none for all.' }),
    recordTypes: t.stringList({ required: false, description: `Posttyper (${RECORD_TYPE_TEXT}); none: all.` }),
    expiringWithinDays: t.int({ required: false, description: `Days ahead for agreement.expiring, 0–3650 (0: none). @default ${DEFAULT_EXPIRING_WITHIN_DAYS}` }),
  }),
});

const SubscriptionChangesInput = builder.inputType('WebhookSubscriptionChanges', {
  description: 'Ändringar av en webhookprenumeration: the fields given are changed.',
  fields: (t) => ({
    url: t.string({ required: false, description: 'Adress.' }),
    description: t.string({ required: false, description: 'Beskrivning.' }),
    municipalityCodes: t.field({ type: ['MunicipalityCode'], required: false, description: 'Kommuner (as when registered).' }),
    recordTypes: t.stringList({ required: false, description: 'Posttyper.' }),
    expiringWithinDays: t.int({ required: false, description: 'Days ahead for agreement.expiring, 0–3650.' }),
    active: t.boolean({ required: false, description: 'Aktiv: false pauses delivery.' }),
  }),
});

builder.queryFields((t) => ({
  webhookSubscriptions: t.prismaField({
    type: [WebhookSubscription],
    description: 'Webhookprenumerationer: your own (an administrator: all), oldest first; none for an anonymous caller.',
    resolve: (query, _root, _args, context) => context.db.webhookSubscription.findMany({ ...query, where: managedWhere(context.actor), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 1000 }),
  }),
  webhookSubscription: t.prismaField({
    type: WebhookSubscription,
    nullable: true,
    description: 'One webhook subscription by id; null when there is none that you may see (as for an anonymous caller).',
    args: { id: t.arg.id({ required: true, description: 'Id.' }) },
    resolve: async (_query, _root, args, context) => managedSubscription(context, String(args.id)).catch(() => null),
  }),
}));

/** Mutations: signed-in callers at the field (the type admits administrators only); each write checks who asks. */
const open = { skipTypeScopes: true, authScopes: { authenticated: true } } as const;
const idArgs = (t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0]) => ({
  id: t.arg.id({ required: true, description: 'Id.' }),
  version: t.arg.int({ required: true, description: 'Version: the one you read.' }),
});

builder.mutationFields((t) => ({
  createWebhookSubscription: t.field({
    ...open,
    type: WithSecretRef,
    description: 'Registrera webhook: an administrator for any kommuner or all, a kommun user for their own kommun. Answers the secret, this once.',
    args: { input: t.arg({ type: NewSubscriptionInput, required: true, description: 'The subscription.' }) },
    resolve: (_root, args, context) => createSubscription(context, args.input),
  }),
  updateWebhookSubscription: t.field({
    ...open,
    type: WebhookSubscription,
    description: 'Ändra webhook: URL, filters, days ahead, active. CONFLICT when it changed since `version`.',
    args: { ...idArgs(t), changes: t.arg({ type: SubscriptionChangesInput, required: true, description: 'Ändringar.' }) },
    resolve: (_root, args, context) => updateSubscription(context, String(args.id), args.version, args.changes),
  }),
  rotateWebhookSecret: t.field({
    ...open,
    type: WithSecretRef,
    description: 'Ny hemlighet: a new signing secret, answered this once; every attempt from now on (retries too) is signed with it.',
    args: idArgs(t),
    resolve: (_root, args, context) => rotateSecret(context, String(args.id), args.version),
  }),
  deleteWebhookSubscription: t.id({
    ...open,
    description: 'Ta bort webhook, with its deliveries. Answers its id.',
    args: idArgs(t),
    resolve: (_root, args, context) => deleteSubscription(context, String(args.id), args.version),
  }),
}));
