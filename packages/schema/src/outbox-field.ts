import type { SubgraphContext } from './context';
import { badInput } from './errors';
import type { SubgraphBuilder } from './builder';
import { type ChangeEvent, type ChangeEventPage, MAX_CHANGE_EVENTS, type OutboxRecordRule, outboxHead, parsePosition, readChangeEvents } from './outbox';
import type { AuditedClient } from './write';

/**
 * The outbox as a domain subgraph serves it to the notifications subgraph: `changeEvents` and
 * `changeEventsHead`, `@inaccessible` (not part of the API that clients see through the gateway),
 * for signed-in actors only. The notifications subgraph asks it directly, over the trusted hop,
 * signed as a subscription's owner: the answer holds only what that owner may read.
 */
export function addChangeEventFields<Context extends SubgraphContext & { db: AuditedClient }, PrismaTypes extends object>(
  builder: SubgraphBuilder<Context, PrismaTypes>,
  rules: readonly OutboxRecordRule<Context>[],
): void {
  const Event = builder.objectRef<ChangeEvent>('ChangeEvent').implement({
    description: 'Händelse (internal): one change to a record, from the outbox, for the notifications subgraph.',
    shareable: true,
    inaccessible: true,
    fields: (t) => ({
      id: t.exposeString('id', { description: 'Id: the audit entry\'s id.' }),
      position: t.exposeString('position', { description: 'Position in the outbox (txid:seq).' }),
      occurredAt: t.string({ description: 'Tidpunkt (ISO 8601, UTC).', resolve: (event) => event.occurredAt.toISOString() }),
      recordType: t.exposeString('recordType', { description: 'Posttyp, e.g. Action.' }),
      recordId: t.exposeString('recordId', { description: 'Post: the record\'s id.' }),
      kind: t.exposeString('kind', { description: 'Slag: created, updated, statusChanged, signed or withdrawn.' }),
      municipalityCodes: t.exposeStringList('municipalityCodes', { description: 'Kommuner the record concerns.' }),
      changedFields: t.exposeStringList('changedFields', { description: 'Ändrade fält.' }),
    }),
  });
  const Page = builder.objectRef<ChangeEventPage>('ChangeEventPage').implement({
    description: 'Händelser (internal): a page of the outbox.',
    shareable: true,
    inaccessible: true,
    fields: (t) => ({
      events: t.field({ type: [Event], description: 'The events the asker may read.', resolve: (page) => page.events }),
      cursor: t.exposeString('cursor', { description: 'Where the next page starts.' }),
      more: t.exposeBoolean('more', { description: 'Whether more entries were waiting.' }),
    }),
  });
  builder.queryFields((t) => ({
    changeEvents: t.field({
      type: Page,
      shareable: true,
      inaccessible: true,
      authScopes: { authenticated: true },
      description: `Händelser (internal): changes after a position that the asker may read, at most ${MAX_CHANGE_EVENTS} entries looked at.`,
      args: {
        after: t.arg.string({ required: false, description: 'A cursor of an earlier page; none: from `since`, else from now on.' }),
        since: t.arg.string({ required: false, description: 'Without `after`: the entries written since this time (ISO 8601).' }),
        first: t.arg.int({ required: false, description: `How many entries to look at. @default 100, at most ${MAX_CHANGE_EVENTS}` }),
      },
      resolve: async (_root, args, context) => {
        try {
          parsePosition(args.after);
        } catch (error) {
          throw badInput((error as Error).message, { field: 'after' });
        }
        const since = args.since ? new Date(args.since) : null;
        if (since && Number.isNaN(since.getTime())) throw badInput(`"${String(args.since).slice(0, 40)}" is not a time (ISO 8601).`, { field: 'since' });
        return readChangeEvents(context, rules, args.after ?? null, args.first ?? 100, since);
      },
    }),
    changeEventsHead: t.string({
      shareable: true,
      inaccessible: true,
      authScopes: { authenticated: true },
      description: 'Händelser (internal): the position a new reader starts from (after every entry already readable).',
      resolve: async (_root, _args, context) => outboxHead(context.db),
    }),
  }));
}
