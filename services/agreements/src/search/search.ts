import type { Actor } from '@samverkan/schema';
import type { Context } from '../db';
import type { Agreement, CitizenPromise } from '../generated/prisma/client';
import { visibleAgreementsWhere, visiblePromisesWhere } from '../lifecycle/access';
import { prefixQuery, type SearchArguments, searchScope } from './arguments';

/*
 * Swedish full-text search over agreements (their title, syfte, mål, uppföljning and fokusområden)
 * and medborgarlöften (their title and löften), on PostgreSQL's `swedish` text search configuration,
 * which PGlite has too. Each table has a GIN index on its weighted tsvector (the migration
 * `…_search_indexes`); the query repeats that expression exactly, which is what lets PostgreSQL use
 * the index. SQL finds and ranks; who may see a hit is decided by loading the records with the
 * same visibility rule as every other read, never in SQL.
 */

/** One searched table: its weighted tsvector (the index's expression), the text a snippet is cut from, and the record a hit is. */
export interface SearchedTable {
  table: string;
  /** The GIN index's expression: the migration contains it to the letter (tested). */
  vector: string;
  text: string;
  /** The column naming the record a hit returns: the row's own id, or its agreement's or medborgarlöfte's. */
  recordId: string;
  /** The condition that the record belongs to one of the kommuner `$2`. */
  inScope: string;
}

/** Samverkansöverenskommelse: the title weighs most (A), syfte, mål and uppföljning next (B). */
export const AGREEMENT_VECTOR =
  `setweight(to_tsvector('swedish', "title"), 'A') || ` +
  `setweight(to_tsvector('swedish', coalesce("purpose", '') || ' ' || coalesce("goals", '') || ' ' || coalesce("followUp", '')), 'B')`;
/** An agreement's fokusområde in its own words: its title (B) and text (C). */
export const AGREEMENT_FOCUS_AREA_VECTOR = `setweight(to_tsvector('swedish', "title"), 'B') || setweight(to_tsvector('swedish', coalesce("description", '')), 'C')`;
/** Medborgarlöfte: its title (A). */
export const CITIZEN_PROMISE_VECTOR = `setweight(to_tsvector('swedish', "title"), 'A')`;
/** One löfte of a medborgarlöfte (B). */
export const PROMISE_ITEM_VECTOR = `setweight(to_tsvector('swedish', "text"), 'B')`;

const OWN_KOMMUN = `"municipalityCode" = ANY($2::text[])`;

const AGREEMENT_TABLES: SearchedTable[] = [
  {
    table: 'Agreement',
    vector: AGREEMENT_VECTOR,
    text: `"title" || ' ' || coalesce("purpose", '') || ' ' || coalesce("goals", '') || ' ' || coalesce("followUp", '')`,
    recordId: 'id',
    inScope: OWN_KOMMUN,
  },
  {
    table: 'AgreementFocusArea',
    vector: AGREEMENT_FOCUS_AREA_VECTOR,
    text: `"title" || ' ' || coalesce("description", '')`,
    recordId: '"agreementId"',
    inScope: `"agreementId" IN (SELECT id FROM "Agreement" WHERE ${OWN_KOMMUN})`,
  },
];

const PROMISE_TABLES: SearchedTable[] = [
  { table: 'CitizenPromise', vector: CITIZEN_PROMISE_VECTOR, text: '"title"', recordId: 'id', inScope: OWN_KOMMUN },
  {
    table: 'PromiseItem',
    vector: PROMISE_ITEM_VECTOR,
    text: '"text"',
    recordId: '"citizenPromiseId"',
    inScope: `"citizenPromiseId" IN (SELECT id FROM "CitizenPromise" WHERE ${OWN_KOMMUN})`,
  },
];

/** Every searched table of this subgraph (the migration has an index on each). */
export const SEARCHED_TABLES = [...AGREEMENT_TABLES, ...PROMISE_TABLES];

/** A record that matches, its rank (higher is better) and a snippet of its text with the matches in «». */
export interface Hit<Row> {
  record: Row;
  rank: number;
  snippet: string;
}

interface RankedRow {
  id: string;
  rank: number;
  snippet: string;
}

const QUERY = `to_tsquery('swedish', $1)`;
/** ts_headline's options: matches in «» rather than HTML, up to two fragments. */
const SNIPPET_OPTIONS = 'StartSel=«, StopSel=», MaxWords=25, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "';

/**
 * A page of the records that match `$1` (a tsquery) in any of the tables, best first (rank, then
 * id), each with the rank and snippet of its best-matching row. `$2`: the kommuner (null: all),
 * `$3`: the snippet options, `$4`/`$5`: limit and offset. The snippets are made for the page only.
 */
export function rankedSql(tables: readonly SearchedTable[]): string {
  const branches = tables.map(
    (t) =>
      `SELECT ${t.recordId} AS id, ts_rank(${t.vector}, ${QUERY}) AS rank, ${t.text} AS text FROM "${t.table}" ` +
      `WHERE ${t.vector} @@ ${QUERY} AND ($2::text[] IS NULL OR ${t.inScope})`,
  );
  return `SELECT id, rank, ts_headline('swedish', text, ${QUERY}, $3) AS snippet FROM (
  SELECT id, rank, text FROM (
    SELECT DISTINCT ON (id) id, rank, text FROM (${branches.join(' UNION ALL ')}) AS branch ORDER BY id, rank DESC
  ) AS best ORDER BY rank DESC, id LIMIT $4 OFFSET $5
) AS page ORDER BY rank DESC, id`;
}

/**
 * The first `first` hits the actor may see: pages of ranked matches are read until enough of them
 * pass `visible` (which loads the records the actor may see among some ids) or none are left.
 */
async function visibleHits<Row extends { id: string }>(
  context: Context,
  tables: readonly SearchedTable[],
  args: SearchArguments,
  visible: (ids: string[], actor: Actor) => Promise<Row[]>,
): Promise<Hit<Row>[]> {
  const query = prefixQuery(args.text);
  if (!query) return [];
  const sql = rankedSql(tables);
  const pageSize = Math.max(2 * args.first, 50);
  const hits: Hit<Row>[] = [];
  for (let offset = 0; hits.length < args.first; offset += pageSize) {
    const page = await context.db.$queryRawUnsafe<RankedRow[]>(sql, query, searchScope(args), SNIPPET_OPTIONS, pageSize, offset);
    const records = new Map((await visible(page.map((row) => row.id), context.actor)).map((record) => [record.id, record]));
    for (const row of page) {
      const record = records.get(row.id);
      if (record && hits.length < args.first) hits.push({ record, rank: Number(row.rank), snippet: row.snippet });
    }
    if (page.length < pageSize) break;
  }
  return hits;
}

/** Samverkansöverenskommelser that match the search and that the actor may see, best first. */
export function searchAgreements(context: Context, args: SearchArguments): Promise<Hit<Agreement>[]> {
  return visibleHits(context, AGREEMENT_TABLES, args, (ids, actor) => context.db.agreement.findMany({ where: { AND: [{ id: { in: ids } }, visibleAgreementsWhere(actor)] } }));
}

/** Medborgarlöften that match the search and that the actor may see, best first. */
export function searchCitizenPromises(context: Context, args: SearchArguments): Promise<Hit<CitizenPromise>[]> {
  return visibleHits(context, PROMISE_TABLES, args, (ids, actor) => context.db.citizenPromise.findMany({ where: { AND: [{ id: { in: ids } }, visiblePromisesWhere(actor)] } }));
}
