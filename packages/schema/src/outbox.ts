import { type AuditEntryRow, type Snapshot, statesAround } from './audit';
import type { SubgraphContext } from './context';
import type { AuditedClient } from './write';

/*
 * The outbox of change notifications, read from the audit trail. Every write already stores its
 * `AuditEntry` rows in its own transaction (the write kit), each with a sequence number and its
 * transaction's id, so the trail is the outbox: nothing is written twice, and an event exists
 * exactly when its change was committed.
 *
 * Order and completeness: entries are read by (txid, seq) and only those of transactions that have
 * ended before every transaction still running (`pg_snapshot_xmin`): a transaction still open can
 * only commit entries after every position read so far, so a reader that moves its cursor forward
 * never passes over one. Within a record, writes are serialised by its row lock, and a write that
 * begins with that lock (every `versionedChange` in a transaction of its own) gets its transaction
 * id there, so a record's events come in the order they were made. The exception: a transaction
 * that wrote other rows first (an import) and then waited for a record's lock held by a later
 * transaction is ordered before it, so that record's two events may arrive the other way round.
 *
 * Access: an event is shown to the asker only when the asker could read the record both before and
 * after the change (the rule of `history`, on the record's audited fields as they stood then): a
 * subscriber never learns of a record its owner may not read, nor of a change that hid it.
 */

/** How a service's record type is read and named in events. */
export interface OutboxRecordRule<Context extends SubgraphContext> {
  /** The record's type as the audit trail and the API name it, e.g. "Action". */
  type: string;
  /** Whether the asker may read the record when its audited fields are `state` (as `history` asks). */
  mayRead(state: Snapshot, context: Context): boolean;
  /**
   * The records' fields as they are now, by id: the fields the trail never mentions (a record loaded
   * before it was audited) hold these values throughout. Absent: the trail alone.
   */
  current?(context: Context, ids: readonly string[]): Promise<Map<string, Snapshot>>;
  /** The kommuner a record concerns, from its fields after the change. @default its `municipalityCode` */
  municipalityCodes?(state: Snapshot): string[];
}

/** The kinds of change an event names. */
export type ChangeKind = 'created' | 'updated' | 'statusChanged' | 'signed' | 'withdrawn';

/** One change notification as a domain subgraph gives it to the notifications subgraph. */
export interface ChangeEvent {
  /** The audit entry's id: stable, the event's id. */
  id: string;
  /** Its position in the outbox ("txid:seq"), for the reader's cursor. */
  position: string;
  occurredAt: Date;
  recordType: string;
  recordId: string;
  kind: ChangeKind;
  municipalityCodes: string[];
  changedFields: string[];
}

/** A page of the outbox: the events the asker may read, and where the next page starts. */
export interface ChangeEventPage {
  events: ChangeEvent[];
  /** The position of the last entry looked at (readable or not); the same as `after` when none. */
  cursor: string;
  /** Whether entries past `cursor` were already there to be read. */
  more: boolean;
}

/** The largest page the outbox answers. @default 500 */
export const MAX_CHANGE_EVENTS = 500;

/** A cursor "txid:seq" as two numbers (as text, for bigint parameters); null for none. */
export function parsePosition(position: string | null | undefined): [string, string] | null {
  if (!position) return null;
  const match = /^(\d{1,19}):(\d{1,19})$/.exec(position);
  if (!match) throw new Error(`"${position}" is not an outbox position (txid:seq)`);
  return [match[1]!, match[2]!];
}

/** The largest seq: a position after every entry of a transaction. */
const LAST_SEQ = '9223372036854775807';

/**
 * The position before every entry not yet readable: what a new subscription starts from, so that it
 * is told of what is committed from now on.
 */
export async function outboxHead(db: AuditedClient): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ xmin: string }[]>(`SELECT (pg_snapshot_xmin(pg_current_snapshot())::text) AS xmin`);
  return `${BigInt(rows[0]!.xmin) - 1n}:${LAST_SEQ}`;
}

interface OutboxRow extends AuditEntryRow {
  position: string;
}

/** The kind of change an entry made, from the fields before and after it. */
export function changeKind(before: Snapshot | null, after: Snapshot, changed: readonly string[]): ChangeKind {
  if (before === null) return 'created';
  const statusField = changed.includes('state') ? 'state' : changed.includes('status') ? 'status' : null;
  if (!statusField) return 'updated';
  const now = String(after[statusField]);
  if (now === 'WITHDRAWN') return 'withdrawn';
  if (now === 'SIGNED') return 'signed';
  return 'statusChanged';
}

/**
 * The events after `after` (a position) that the asker may read, looking at `first` entries at
 * most of the given record types. Without `after`: those written since `since` (a reader's first
 * page: a subscription made at that time), else those from now on.
 */
export async function readChangeEvents<Context extends SubgraphContext & { db: AuditedClient }>(
  context: Context,
  rules: readonly OutboxRecordRule<Context>[],
  after: string | null,
  first: number,
  since: Date | null = null,
): Promise<ChangeEventPage> {
  const from = after || !since ? parsePosition(after ?? (await outboxHead(context.db)))! : (['0', '0'] as [string, string]);
  const limit = Math.max(1, Math.min(MAX_CHANGE_EVENTS, Math.trunc(first)));
  const types = rules.map((rule) => rule.type);
  const rows = await context.db.$queryRawUnsafe<OutboxRow[]>(
    `SELECT "id", "at", "actorRole", "actorSubject", "requestId", "operation", "entityType", "entityKey", "changes",
            "txid"::text || ':' || "seq"::text AS "position"
       FROM "AuditEntry"
      WHERE ("txid", "seq") > ($1::bigint, $2::bigint)
        AND "txid" < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
        AND "entityType" = ANY($3::text[])
        AND ($5::timestamp IS NULL OR "at" >= $5::timestamp)
      ORDER BY "txid", "seq"
      LIMIT $4`,
    from[0],
    from[1],
    types,
    limit + 1,
    after ? null : (since?.toISOString() ?? null),
  );
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  // A first page by time that found nothing starts the reader at the head, not at the beginning.
  const cursor = page.length ? page[page.length - 1]!.position : after || !since ? `${from[0]}:${from[1]}` : await outboxHead(context.db);
  const events: ChangeEvent[] = [];
  for (const rule of rules) {
    const ofType = page.filter((row) => row.entityType === rule.type);
    if (!ofType.length) continue;
    const ids = [...new Set(ofType.map((row) => row.entityKey))];
    const trails = await context.db.auditEntry.findMany({ where: { entityType: rule.type, entityKey: { in: ids } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    const current = rule.current ? await rule.current(context, ids) : new Map<string, Snapshot>();
    const around = new Map<string, { before: Snapshot | null; after: Snapshot }>();
    for (const id of ids) {
      const trail = trails.filter((row) => row.entityKey === id);
      const states = statesAround(trail, current.get(id) ?? {});
      trail.forEach((row, index) => around.set(row.id, states[index]!));
    }
    for (const row of ofType) {
      const states = around.get(row.id);
      if (!states) continue;
      const { before, after } = states;
      if ((before !== null && !rule.mayRead(before, context)) || !rule.mayRead(after, context)) continue;
      const changedFields = (Array.isArray(row.changes) ? (row.changes as { field: string }[]) : []).map((change) => change.field);
      const codes = rule.municipalityCodes ? rule.municipalityCodes(after) : typeof after.municipalityCode === 'string' ? [after.municipalityCode] : [];
      events.push({
        id: row.id,
        position: row.position,
        occurredAt: row.at,
        recordType: rule.type,
        recordId: row.entityKey,
        kind: changeKind(before, after, changedFields),
        municipalityCodes: codes,
        changedFields,
      });
    }
  }
  // The page's order (txid, seq), whatever the order of the rules.
  const order = new Map(page.map((row, index) => [row.id, index]));
  events.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { events, cursor, more };
}
