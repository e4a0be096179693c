import { badInput, municipalityCodesMatching } from '@samverkan/schema';
import { visibleActionsWhere } from '../actions/access';
import type { Context } from '../db';
import type { Action } from '../generated/prisma/client';

/*
 * Swedish full-text search over åtgärder (title, description, place and method), on PostgreSQL's
 * `swedish` text search configuration, which PGlite has too. The search itself is asked through
 * the agreements subgraph's `search`; this subgraph reads the arguments back from the id of its
 * `SearchResult` and checks them again by the same rules (the agreements subgraph's
 * src/search/arguments.ts). SQL finds and ranks; who may see a hit is decided by loading the
 * records with the same visibility rule as every other read, never in SQL.
 */

/** The most characters a search text may have, and the most hits a search may ask for. */
const TEXT_MAX = 200;
const FIRST_MAX = 100;

/**
 * The GIN index's expression (the migration `…_search_indexes` contains it to the letter, tested):
 * the title weighs most (A), the description, place and method next (B). The query repeats it
 * exactly, which is what lets PostgreSQL use the index.
 */
export const ACTION_VECTOR =
  `setweight(to_tsvector('swedish', "title"), 'A') || ` +
  `setweight(to_tsvector('swedish', coalesce("description", '') || ' ' || coalesce("place", '') || ' ' || coalesce("method", '')), 'B')`;
const ACTION_TEXT = `"title" || ' ' || coalesce("description", '') || ' ' || coalesce("place", '') || ' ' || coalesce("method", '')`;
const QUERY = `to_tsquery('swedish', $1)`;

/**
 * A page of the åtgärder that match `$1` (a tsquery), best first (rank, then id), of the kommuner
 * `$2` (null: all); `$3`: ts_headline's options, `$4`/`$5`: limit and offset. Snippets are made
 * for the page only.
 */
export const RANKED_SQL = `SELECT id, rank, ts_headline('swedish', ${ACTION_TEXT}, ${QUERY}, $3) AS snippet FROM (
  SELECT id, ts_rank(${ACTION_VECTOR}, ${QUERY}) AS rank FROM "Action"
  WHERE ${ACTION_VECTOR} @@ ${QUERY} AND ($2::text[] IS NULL OR "municipalityCode" = ANY($2::text[]))
  ORDER BY rank DESC, id LIMIT $4 OFFSET $5
) AS page JOIN "Action" USING (id) ORDER BY rank DESC, id`;

/** Matches in «» rather than HTML, up to two fragments. */
const SNIPPET_OPTIONS = 'StartSel=«, StopSel=», MaxWords=25, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "';

/** A search as the id of a `SearchResult` carries it: the text, the kommuner it is limited to (null: all) and how many hits. */
export interface ActionSearch {
  text: string;
  municipalityCodes: string[] | null;
  first: number;
}

/** The search a `SearchResult` id carries (base64url of `[text, municipality, policeRegion, first]` as JSON), checked; BAD_USER_INPUT otherwise. */
export function actionSearchOf(id: string): ActionSearch {
  const [text, municipality, policeRegion, first] = parsedId(id);
  const codeOrNull = (code: unknown): code is string | null => code === null || typeof code === 'string';
  if (typeof text !== 'string' || text.length > TEXT_MAX || typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > FIRST_MAX || !codeOrNull(municipality) || !codeOrNull(policeRegion)) {
    throw badInput('Not the id of a search result: take it from `search`.', { argument: 'id' });
  }
  const scoped = municipality !== null || policeRegion !== null;
  return { text, first, municipalityCodes: scoped ? municipalityCodesMatching({ policeRegion, municipalities: municipality === null ? null : [municipality] }) : null };
}

function parsedId(id: string): unknown[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
    return Array.isArray(value) && value.length === 4 ? value : [];
  } catch {
    return [];
  }
}

/**
 * The words of a search text as a tsquery that takes them literally: runs of letters and digits,
 * each a prefix ("kamera" finds "kamerabevakning"), all required; anything else only separates words.
 */
function prefixQuery(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => `${word}:*`).join(' & ');
}

/** An åtgärd that matches, its rank (higher is better) and a snippet with the matches in «». */
export interface ActionHit {
  action: Action;
  rank: number;
  snippet: string;
}

/**
 * The first `first` åtgärder that match and that the actor may see, best first: pages of ranked
 * matches are read until enough of them are visible or none are left.
 */
export async function searchActions(context: Context, search: ActionSearch): Promise<ActionHit[]> {
  const query = prefixQuery(search.text);
  const pageSize = Math.max(2 * search.first, 50);
  const hits: ActionHit[] = [];
  let page: { id: string; rank: number; snippet: string }[] = [];
  for (let offset = 0; query && hits.length < search.first && (offset === 0 || page.length === pageSize); offset += pageSize) {
    page = await context.db.$queryRawUnsafe(RANKED_SQL, query, search.municipalityCodes, SNIPPET_OPTIONS, pageSize, offset);
    const visible = await context.db.action.findMany({ where: { AND: [{ id: { in: page.map((row) => row.id) } }, visibleActionsWhere(context)] } });
    const byId = new Map(visible.map((action) => [action.id, action]));
    hits.push(...page.flatMap((row) => (byId.has(row.id) ? [{ action: byId.get(row.id)!, rank: Number(row.rank), snippet: row.snippet }] : [])));
  }
  return hits.slice(0, search.first);
}
