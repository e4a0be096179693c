import type { OutputRef } from '@pothos/core';
import type { PothosSchemaTypesBuilder } from './builder';
import type { SubgraphContext } from './context';
import { badInput } from './errors';

/*
 * Pages (Relay-style connections) of every list that can grow, the same way in every subgraph:
 * `first` and `after` arguments, `edges { cursor node }`, `pageInfo { hasNextPage endCursor }` and
 * `totalCount`. A list has a stable total order (its sort columns, the id last); a cursor holds the
 * sort values of the row it stands for, so the next page is asked of the database as "the rows
 * after these values" (keyset paging): only the page and one more row are fetched, and rows
 * inserted or deleted while a client walks the list never make an earlier row come again or a
 * later one go missing.
 */

/** The page size when `first` is left out. */
export const DEFAULT_PAGE_SIZE = 50;
/** The largest page a client may ask for. */
export const MAX_PAGE_SIZE = 500;

/** The arguments of a connection field. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** One sort column of a list: its field, direction, and where its nulls go (nullable columns only). */
export interface SortKey<Row> {
  field: keyof Row & string;
  direction: 'asc' | 'desc';
  /** Where null values sort; given for nullable columns only (Prisma refuses it on required ones). */
  nulls?: 'first' | 'last';
}

/** A value of a sort column, as a cursor holds it. */
export type SortValue = string | number | boolean | Date | null;

/** Edge, page information and connection, as resolvers return them. */
export interface Edge<Node> {
  cursor: string;
  node: Node;
}
export interface PageInfoShape {
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfoShape;
  totalCount: number;
}

/** A list's page sizes, where they differ from the hub's (DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE). */
export interface PageLimits {
  /** @default DEFAULT_PAGE_SIZE */
  defaultSize: number;
  /** @default MAX_PAGE_SIZE */
  maxSize: number;
}

const HUB_LIMITS: PageLimits = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE };

/** `first`, checked: the default size when left out; BAD_USER_INPUT outside 1–the maximum. */
export function pageSize(first: number | null | undefined, limits: PageLimits = HUB_LIMITS): number {
  if (first == null) return limits.defaultSize;
  if (!Number.isInteger(first) || first < 1 || first > limits.maxSize) {
    throw badInput(`\`first\` must be between 1 and ${limits.maxSize}, got ${first}. Ask for the next page with \`after\`.`, { argument: 'first' });
  }
  return first;
}

/** The text of the arguments' descriptions, the same on every connection field. */
export const PAGE_ARG_DESCRIPTIONS = {
  first: `How many to return: ${DEFAULT_PAGE_SIZE} when left out, at most ${MAX_PAGE_SIZE} (more is refused).`,
  after: 'Markör: continue after this cursor (an `endCursor` or an edge\'s `cursor` of the same list); a cursor of another list is refused.',
} as const;

/** The `first` and `after` arguments of a connection field, with their descriptions: `args: { ...filters, ...connectionArgs(builder) }`. */
export function connectionArgs<Context extends SubgraphContext, PrismaTypes extends object>(builder: PothosSchemaTypesBuilder<Context, PrismaTypes>) {
  return builder.args((t) => ({
    first: t.int({ description: PAGE_ARG_DESCRIPTIONS.first }),
    after: t.string({ description: PAGE_ARG_DESCRIPTIONS.after }),
  }));
}

/**
 * A list's sort order and cursors. `name` tells the lists apart: a cursor of one list is refused by
 * another. The last key must be unique (the id), so that the order is total.
 */
export class Keyset<Row extends object> {
  constructor(
    readonly name: string,
    readonly keys: readonly SortKey<Row>[],
    readonly limits: PageLimits = HUB_LIMITS,
  ) {}

  /** Prisma's `orderBy` of this order. */
  orderBy(): Record<string, unknown>[] {
    return this.keys.map((key) => ({ [key.field]: key.nulls ? { sort: key.direction, nulls: key.nulls } : key.direction }));
  }

  /** The cursor of a row: its list's name and sort values, base64url. */
  cursorOf(row: Row): string {
    const values = this.keys.map((key) => encodeValue(row[key.field] as SortValue));
    return Buffer.from(`${this.name}:${JSON.stringify(values)}`).toString('base64url');
  }

  /** The sort values a cursor holds; BAD_USER_INPUT when it is no cursor of this list. */
  valuesOf(cursor: string): SortValue[] {
    const refuse = () => badInput(`\`after\` is not a cursor of this list (${this.name}): pass an \`endCursor\` or a \`cursor\` this list gave you.`, { argument: 'after' });
    if (cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!text.startsWith(`${this.name}:`)) throw refuse();
    let values: unknown;
    try {
      values = JSON.parse(text.slice(this.name.length + 1));
    } catch {
      throw refuse();
    }
    if (!Array.isArray(values) || values.length !== this.keys.length) throw refuse();
    const decoded = values.map(decodeValue);
    if (decoded.some((value) => value === undefined) || decoded.at(-1) === null) throw refuse();
    return decoded as SortValue[];
  }

  /**
   * Prisma's `where` of the rows after a cursor's values in this order: for some key, the keys
   * before it equal and it after; a null sorts as `nulls` says.
   */
  after(values: readonly SortValue[]): Record<string, unknown> {
    const alternatives: Record<string, unknown>[] = [];
    this.keys.forEach((key, index) => {
      const beyond = beyondWhere(key, values[index]!);
      if (!beyond) return;
      const equal = this.keys.slice(0, index).map((earlier, i) => ({ [earlier.field]: values[i] ?? null }));
      alternatives.push({ AND: [...equal, beyond] });
    });
    return alternatives.length ? { OR: alternatives } : { OR: [] };
  }

  /**
   * One page: `fetch` is asked for `first + 1` rows after the cursor (`where`: the keyset
   * condition, `orderBy`: the order), `count` for the total.
   */
  async page<Node extends Row>(
    args: PageArgs,
    fetch: (request: { where: Record<string, unknown>; orderBy: Record<string, unknown>[]; take: number }) => Promise<Node[]>,
    count: () => Promise<number>,
  ): Promise<Connection<Node>> {
    const first = pageSize(args.first, this.limits);
    const where = args.after ? this.after(this.valuesOf(args.after)) : {};
    const [rows, totalCount] = await Promise.all([fetch({ where, orderBy: this.orderBy(), take: first + 1 }), count()]);
    return this.connection(rows, first, totalCount);
  }

  /** A connection of rows already fetched in this order (one more than `first` when more follow). */
  connection<Node extends Row>(rows: readonly Node[], first: number, totalCount: number): Connection<Node> {
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: this.cursorOf(node), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  /** One page of a list held in memory (e.g. a history that is filtered entry by entry): sorted here, then cut as the database would. */
  pageOf<Node extends Row>(all: readonly Node[], args: PageArgs): Connection<Node> {
    const first = pageSize(args.first, this.limits);
    const sorted = [...all].sort((a, b) => this.compareRows(a, b));
    const after = args.after ? this.valuesOf(args.after) : null;
    const rest = after ? sorted.filter((row) => this.compareValues(this.keys.map((key) => row[key.field] as SortValue), after) > 0) : sorted;
    return this.connection(rest.slice(0, first + 1), first, all.length);
  }

  private compareRows(a: Row, b: Row): number {
    return this.compareValues(
      this.keys.map((key) => a[key.field] as SortValue),
      this.keys.map((key) => b[key.field] as SortValue),
    );
  }

  private compareValues(a: readonly SortValue[], b: readonly SortValue[]): number {
    for (const [index, key] of this.keys.entries()) {
      const order = compareOne(a[index] ?? null, b[index] ?? null, key);
      if (order !== 0) return order;
    }
    return 0;
  }
}

/** Two sort values in a key's order: nulls where the key puts them (as PostgreSQL does when it says nothing), the rest by its direction. */
function compareOne<Row>(a: SortValue, b: SortValue, key: SortKey<Row>): number {
  const nullsFirst = key.nulls ? key.nulls === 'first' : key.direction === 'desc';
  if (a === null || b === null) return a === b ? 0 : (a === null) === nullsFirst ? -1 : 1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  const order = x < y ? -1 : x > y ? 1 : 0;
  return key.direction === 'asc' ? order : -order;
}

/** The rows beyond `value` in the key's own column, or null when none can be. */
function beyondWhere<Row>(key: SortKey<Row>, value: SortValue): Record<string, unknown> | null {
  const nullsLast = key.nulls === 'last' || (!key.nulls && key.direction === 'asc');
  const comparison = key.direction === 'asc' ? 'gt' : 'lt';
  if (value === null) return nullsLast ? null : { [key.field]: { not: null } };
  const greater = { [key.field]: { [comparison]: value } };
  return key.nulls && nullsLast ? { OR: [greater, { [key.field]: null }] } : greater;
}

function encodeValue(value: SortValue | undefined): unknown {
  if (value instanceof Date) return { d: value.toISOString() };
  return value ?? null;
}

/** A decoded cursor value; undefined when it is none. */
function decodeValue(value: unknown): SortValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'object' && Object.keys(value).length === 1 && typeof (value as { d?: unknown }).d === 'string') {
    const date = new Date((value as { d: string }).d);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** The names and texts of one connection type and its edge type. */
export interface ConnectionTexts {
  /** The type name of the nodes, e.g. `Action`: the types are `ActionConnection` and `ActionEdge`. */
  name: string;
  /** The nodes in a few words, with the Swedish term, e.g. `åtgärder`. */
  nodes: string;
  /** The order of the list, e.g. `by start date (those without one last), then id`. */
  order: string;
  /** Whether the types are shared by several subgraphs (identical in each). */
  shareable?: boolean;
}

/**
 * Defines `<Name>Connection` and `<Name>Edge` on a subgraph's builder, with the shared `PageInfo`
 * (defined once per subgraph by `createSubgraphBuilder`). Returns the connection type.
 */
export function defineConnection<Context extends SubgraphContext, PrismaTypes extends object, Node>(
  builder: PothosSchemaTypesBuilder<Context, PrismaTypes>,
  node: OutputRef<Node>, texts: ConnectionTexts) {
  const shareable = texts.shareable ? { shareable: true } : {};
  const edge = builder.objectRef<Edge<Node>>(`${texts.name}Edge`).implement({
    description: `Kant: one of the ${texts.nodes} in a page, with its cursor.`,
    ...shareable,
    fields: (t) => ({
      cursor: t.exposeString('cursor', { description: 'Markör: pass it as `after` to continue after this one.' }),
      // The node's type is the caller's; Pothos cannot see through the generic that the edge holds its shape.
      node: t.field({ type: node as never, description: `The ${texts.name} itself.`, resolve: (e: Edge<Node>) => e.node as never }),
    }),
  });
  return builder.objectRef<Connection<Node>>(`${texts.name}Connection`).implement({
    description: `Sida: a page of ${texts.nodes}, ${texts.order}. Ask for the next with \`after: pageInfo.endCursor\` while \`pageInfo.hasNextPage\`.`,
    ...shareable,
    fields: (t) => ({
      edges: t.field({ type: [edge], description: `The ${texts.nodes} of this page, in order.`, resolve: (c) => c.edges }),
      pageInfo: t.field({ type: 'PageInfo', description: 'Sidinformation: whether more follow, and the cursor to continue from.', resolve: (c) => c.pageInfo }),
      totalCount: t.exposeInt('totalCount', { description: `Antal: how many ${texts.nodes} the list holds in all (of those you may see), on every page.` }),
    }),
  });
}
