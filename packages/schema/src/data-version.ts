/**
 * The data version of a subgraph's database, for the gateway's caches (issue #17): has any audited
 * write committed since a moment the gateway saw?
 *
 * A moment is a PostgreSQL snapshot (`pg_current_snapshot()`, `xmin:xmax:in-progress…`). A
 * transaction that commits after snapshot S has an id at or above S's `xmax` (it began after S) or
 * one of S's in-progress ids; every other transaction was already committed (or will never be) at
 * S. So the question "did an audited write commit since S?" is exact: is there a visible
 * `AuditEntry` whose `txid` is ≥ S's xmax or among its in-progress ids? Both use the index on
 * (`txid`, `seq`). Every write of the hub goes through the audited write kit (write.ts), which
 * stores its `AuditEntry` rows in the write's own transaction, so they become visible together with
 * the change.
 *
 * Cheap and lock-free: it reads, never writes, and no writer waits for it.
 *
 * What it does not see: a write that leaves no `AuditEntry` (the reference data a subgraph loads
 * when it starts — the route counts the subgraph's process in its moment, so a restarted subgraph
 * reads as changed; the delivery bookkeeping of the notifications subgraph, whose answers the
 * entity cache never keeps). A database replaced under a running subgraph (ids that run lower than
 * the moment's) reads as changed.
 */
import type { AuditedClient } from './write';

/** What a subgraph answers about its data since a snapshot the gateway gave. */
export interface DataVersionAnswer {
  /** The moment of this answer (`xmin:xmax:xip,…`, then `|` and the subgraph's other state, if any): ask with it next time. */
  snapshot: string;
  /** Whether an audited write committed, or the other state changed, after `since` (true without `since`). */
  changed: boolean;
}

/** The longest moment accepted: the in-progress list is bounded by the server's connections. */
export const MAX_SNAPSHOT_LENGTH = 64 * 1024;
/** A transaction id as a snapshot writes it (xid8 within bigint's range: at most 19 digits). */
const TXID = /^\d{1,19}$/;

/** A moment the question cannot be asked with (the route answers 400). */
export class SnapshotError extends Error {}
/** What a subgraph's other state may look like in a moment (a revision number). */
const OTHER_STATE = /^[\w.-]{0,64}$/;

/**
 * A moment's parts: the snapshot's xmax and in-progress ids, and the other state after `|`.
 * Throws for anything else.
 */
export function parseSnapshot(text: string): { xmax: string; inProgress: string[]; other: string | null } {
  if (text.length > MAX_SNAPSHOT_LENGTH) throw new SnapshotError(`A snapshot is at most ${MAX_SNAPSHOT_LENGTH} characters.`);
  const bar = text.indexOf('|');
  const snapshot = bar < 0 ? text : text.slice(0, bar);
  const other = bar < 0 ? null : text.slice(bar + 1);
  const parts = snapshot.split(':');
  const [xmin, xmax, list] = parts;
  const inProgress = list ? list.split(',') : [];
  if (parts.length !== 3 || !TXID.test(xmin!) || !TXID.test(xmax!) || !inProgress.every((id) => TXID.test(id)) || (other !== null && !OTHER_STATE.test(other))) {
    throw new SnapshotError(`"${text.slice(0, 40)}" is not a snapshot (xmin:xmax:xip,…).`);
  }
  return { xmax: xmax!, inProgress, other };
}

/**
 * Whether an audited write committed after `since` (the moment of an earlier answer), and the
 * moment to ask with next time. One statement: its snapshot is both the one returned and the one
 * the question is answered in.
 *
 * @param other the subgraph's answers' other state, when they depend on more than its database (a
 *   copy of another subgraph's data, e.g. the police organisation's revision): a change of it is a
 *   change too. Read it before calling, so that answers read after this one are at least as new.
 */
export async function readDataVersion(db: Pick<AuditedClient, '$queryRawUnsafe'>, since: string | null, other: string | null = null): Promise<DataVersionAnswer> {
  if (other !== null && !OTHER_STATE.test(other)) throw new Error(`"${other.slice(0, 40)}" is not a state a moment can hold.`); // the subgraph's own, never a caller's
  const earlier = since === null ? null : parseSnapshot(since);
  const rows = await db.$queryRawUnsafe<{ snapshot: string; changed: boolean }[]>(
    `SELECT pg_current_snapshot()::text AS "snapshot",
            ($1::text IS NULL
              -- a database whose ids run lower than the moment's (replaced, restored): not the one asked about
              OR (pg_snapshot_xmax(pg_current_snapshot())::text)::bigint < $1::text::bigint
              OR EXISTS (
                SELECT 1 FROM "AuditEntry"
                 WHERE "txid" >= $1::text::bigint
                    OR "txid" = ANY (string_to_array($2::text, ',')::bigint[]))) AS "changed"`,
    earlier?.xmax ?? null,
    earlier?.inProgress.join(',') ?? '',
  );
  const row = rows[0]!;
  return {
    snapshot: other === null ? row.snapshot : `${row.snapshot}|${other}`,
    changed: earlier === null || Boolean(row.changed) || earlier.other !== other,
  };
}

/** Where a subgraph answers the question (GET, `?since=<snapshot>`), signed over the trusted hop. */
export const DATA_VERSION_PATH = '/data-version';

/** The request a data-version question is signed for (see trusted-hop.ts): the path in place of a query, `since` as its variable. */
export function dataVersionHopRequest(subgraph: string, since: string | null): { subgraph: string; query: string; variables: Record<string, unknown> | null } {
  return { subgraph, query: `GET ${DATA_VERSION_PATH}`, variables: since === null ? null : { since } };
}
