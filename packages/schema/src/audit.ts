import type { Actor } from './actor';
import { type Connection, Keyset, type PageArgs } from './connection';
import type { SubgraphContext } from './context';
import { forbidden } from './errors';

/**
 * The audit trail every subgraph keeps: each write records who made it, when, which operation, on
 * which record, and the fields it changed (before and after), in the same transaction as the write.
 * Each service has its own `AuditEntry` table of this shape; the `HistoryEntry` GraphQL type (made
 * by the shared builder) shows it as a record's `history`.
 */

/** One field's change: its value before and after (null where there was none). */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** A row of a service's `AuditEntry` table. */
export interface AuditEntryRow {
  id: string;
  at: Date;
  actorRole: string;
  actorSubject: string;
  requestId: string | null;
  operation: string;
  entityType: string;
  entityKey: string;
  changes: unknown;
}

/** What a service writes to its `AuditEntry` table for one write. */
export interface AuditEntryData {
  actorRole: string;
  actorSubject: string;
  requestId: string | null;
  operation: string;
  entityType: string;
  entityKey: string;
  /** The changed fields in the record's own order (a list: JSONB would reorder an object's keys). */
  changes: ({ field: string } & FieldChange)[];
}

/** A value as the audit trail stores it: dates as ISO text, the rest as JSON has it. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().endsWith('T00:00:00.000Z') ? value.toISOString().slice(0, 10) : value.toISOString();
  if (value === undefined) return null;
  return value;
}

/**
 * The fields whose values differ between `before` and `after` (a created record has no `before`,
 * a deleted one no `after`). Only the listed fields are compared: internal ones (timestamps, the
 * version counter) are left out.
 */
export function changedFields<Row extends object>(before: Row | null, after: Row | null, fields: readonly (keyof Row & string)[]): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    const was = comparable(before ? before[field] : null);
    const is = comparable(after ? after[field] : null);
    if (JSON.stringify(was) !== JSON.stringify(is)) changes[field] = { before: was, after: is };
  }
  return changes;
}

/** Who wrote, as the audit trail names them. */
export function auditActor(actor: Actor): { actorRole: string; actorSubject: string } {
  return { actorRole: actor.role, actorSubject: 'subject' in actor ? actor.subject : 'anonymous' };
}

/** The audit entry of one write by the request's actor. */
export function auditEntry(
  context: SubgraphContext,
  operation: string,
  entity: { type: string; key: string },
  changes: Record<string, FieldChange>,
): AuditEntryData {
  return {
    ...auditActor(context.actor),
    requestId: context.requestId,
    operation,
    entityType: entity.type,
    entityKey: entity.key,
    changes: Object.entries(changes).map(([field, change]) => ({ field, ...change })),
  };
}

/** A record's audited fields, flattened (lists in a stable order), as one write leaves them. */
export type Snapshot = Record<string, unknown>;

/**
 * Stores the audit entry of one write to one record (the fields that differ between the snapshots
 * before and after; nothing when nothing changed). `store` writes to the service's `AuditEntry`
 * table inside the write's transaction.
 */
export async function storeChanges(
  store: (entry: AuditEntryData) => Promise<unknown>,
  writer: SubgraphContext,
  operation: string,
  entity: { type: string; key: string },
  before: Snapshot | null,
  after: Snapshot | null,
): Promise<void> {
  const changes = changedFields(before, after, Object.keys({ ...before, ...after }));
  if (Object.keys(changes).length) await store(auditEntry(writer, operation, entity, changes));
}

/** The history shown for a record: entries oldest first, each change as field, before, after. */
export interface HistoryEntryShape {
  at: Date;
  actorRole: string;
  actorSubject: string;
  operation: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

/** Turns a stored entry into what `HistoryEntry` shows. */
export function historyEntryOf(row: AuditEntryRow): HistoryEntryShape {
  const changes = storedChanges(row);
  return {
    at: row.at,
    actorRole: row.actorRole,
    actorSubject: row.actorSubject,
    operation: row.operation,
    changes: changes.map((change) => ({ field: change.field, before: change.before ?? null, after: change.after ?? null })),
  };
}

/** A record's audited fields as they stood around one entry of its trail. */
export interface StatesAround {
  /** Before the entry; null when the entry created the record. */
  before: Snapshot | null;
  after: Snapshot;
}

/** An entry's changes as stored: a list of field, before, after. */
function storedChanges(row: AuditEntryRow): ({ field: string } & Partial<FieldChange>)[] {
  return (Array.isArray(row.changes) ? row.changes : []) as ({ field: string } & Partial<FieldChange>)[];
}

/**
 * The record's audited fields before and after each entry of its trail (oldest first), folded from
 * its creation: the creation entry holds every audited field from null, and each later entry the
 * fields it changed, before and after. A trail that does not begin with the record's creation (a
 * record loaded before it was audited) starts from the first `before` the trail gives of each
 * field, and a field the trail never mentions holds its value in `current` (the record as it is)
 * throughout. An entry is the creation when the trail begins with it and it sets fields only from
 * nothing.
 */
export function statesAround(rows: readonly AuditEntryRow[], current: Snapshot = {}): StatesAround[] {
  const state: Snapshot = {};
  for (const [field, value] of Object.entries(current)) state[field] = comparable(value);
  const seen = new Set<string>();
  for (const row of rows) {
    for (const change of storedChanges(row)) {
      if (seen.has(change.field)) continue;
      seen.add(change.field);
      state[change.field] = change.before ?? null;
    }
  }
  return rows.map((row, index) => {
    const changes = storedChanges(row);
    const created = index === 0 && changes.length > 0 && changes.every((change) => (change.before ?? null) === null);
    const before = created ? null : { ...state };
    for (const change of changes) state[change.field] = change.after ?? null;
    return { before, after: { ...state } };
  });
}

/**
 * The entries of a trail that a caller may read: those after which, and before which, the caller
 * could read the record (`mayRead` on the record's audited fields as they stood then). An entry
 * written while the record was hidden from the caller (a draft, a record shared with the parties
 * only) stays hidden from them, whatever the record became later; so does the entry that made it
 * readable, since its `before` holds what was hidden.
 */
export function readableEntries(rows: readonly AuditEntryRow[], mayRead: (state: Snapshot) => boolean, current: Snapshot = {}): AuditEntryRow[] {
  const states = statesAround(rows, current);
  return rows.filter((_row, index) => {
    const { before, after } = states[index]!;
    return (before === null || mayRead(before)) && mayRead(after);
  });
}

/** The description of every record's `history` field. */
export const HISTORY_DESCRIPTION =
  'Historik: every write to this record, oldest first: who, when, which operation and what changed (from the audit trail). Shown to signed-in users; ' +
  'an entry only to those who could read the record both before and after it (what was written while it was a draft or shared with the parties stays with those who could read it then).';

/** The rule of a record type whose every state is readable by every caller (e.g. lägesbilder, survey results). */
export const READABLE_BY_ALL = (): boolean => true;

/**
 * The options of a record's `history` field, the same on every audited type:
 * `history: t.field(historyField((record, context) => loader(context).load(record.id), (state, context) => ...))`.
 * Anonymous callers get null and an error saying why; signed-in callers see the entries written
 * while they could read the record (`mayRead`: whether the caller may read the record when its
 * audited fields are `state`; see {@link readableEntries}).
 */
export function historyField<Parent extends object, Context extends SubgraphContext>(
  entries: (parent: Parent, context: Context) => Promise<AuditEntryRow[]>,
  mayRead: (state: Snapshot, context: Context) => boolean,
) {
  return {
    type: ['HistoryEntry'] as ['HistoryEntry'],
    nullable: true as const,
    description: HISTORY_DESCRIPTION,
    authScopes: { authenticated: true },
    unauthorizedError: () => forbidden('The history of a record is shown to signed-in parties only.'),
    resolve: async (parent: Parent, _args: object, context: Context) =>
      // The parent is the record's row: its columns are the audited fields the trail never changed.
      readableEntries(await entries(parent, context), (state) => mayRead(state, context), parent as Snapshot).map(historyEntryOf),
  };
}

/** The order of a history's pages: oldest first (time, then the entry's id), and their cursors. */
const HISTORY_PAGES = new Keyset<AuditEntryRow>('history', [
  { field: 'at', direction: 'asc' },
  { field: 'id', direction: 'asc' },
]);

/**
 * The options of a record's `historyConnection` field (beside `history`, the same entries a page at
 * a time): `t.field({ ...historyConnectionField(load, mayRead), args: connectionArgs(builder) })`.
 * The entries a caller may read are chosen entry by entry from the whole trail (what could be read
 * before and after each depends on those before it), so the trail is read whole and cut into pages
 * here; `totalCount` counts the entries the caller may read.
 */
export function historyConnectionField<Parent extends object, Context extends SubgraphContext>(
  entries: (parent: Parent, context: Context) => Promise<AuditEntryRow[]>,
  mayRead: (state: Snapshot, context: Context) => boolean,
) {
  return {
    type: 'HistoryEntryConnection' as const,
    nullable: true as const,
    description: `${HISTORY_DESCRIPTION} A page at a time, oldest first.`,
    authScopes: { authenticated: true },
    unauthorizedError: () => forbidden('The history of a record is shown to signed-in parties only.'),
    resolve: async (parent: Parent, args: PageArgs, context: Context): Promise<Connection<HistoryEntryShape>> => {
      const readable = readableEntries(await entries(parent, context), (state) => mayRead(state, context), parent as Snapshot);
      const page = HISTORY_PAGES.pageOf(readable, args);
      return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: historyEntryOf(edge.node) })) };
    },
  };
}
