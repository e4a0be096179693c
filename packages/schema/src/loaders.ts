import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders: one loader per context object, so batching and caching never cross
 * requests. Every entity reference and every list field that hangs off an entity loads through one,
 * so N parents cost one SQL statement, not N.
 */

function perContext<Context extends object, Loader>(make: (context: Context) => Loader): (context: Context) => Loader {
  const loaders = new WeakMap<Context, Loader>();
  return (context) => {
    let loader = loaders.get(context);
    if (!loader) {
      loader = make(context);
      loaders.set(context, loader);
    }
    return loader;
  };
}

/**
 * A loader of records by their key: `load(keys)` fetches all of them in one go (e.g. one
 * `findMany({ where: { code: { in: keys } } })`); missing keys resolve to null.
 */
export function recordLoader<Context extends object, Key extends string | number, Row>(
  load: (keys: readonly Key[], context: Context) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
): (context: Context) => DataLoader<Key, Row | null> {
  return perContext(
    (context: Context) =>
      new DataLoader<Key, Row | null>(async (keys) => {
        const rows = await load(keys, context);
        const byKey = new Map(rows.map((row) => [keyOf(row), row]));
        return keys.map((key) => byKey.get(key) ?? null);
      }),
  );
}

/**
 * A loader of the records that belong to each key (one-to-many, e.g. a kommun's actions), fetched
 * for all keys in one go and kept in the order `load` returns them.
 */
export function groupLoader<Context extends object, Key extends string | number, Row>(
  load: (keys: readonly Key[], context: Context) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
): (context: Context) => DataLoader<Key, Row[]> {
  return perContext(
    (context: Context) =>
      new DataLoader<Key, Row[]>(async (keys) => {
        const rows = await load(keys, context);
        const groups = new Map<Key, Row[]>(keys.map((key) => [key, []]));
        for (const row of rows) groups.get(keyOf(row))?.push(row);
        return keys.map((key) => groups.get(key) ?? []);
      }),
  );
}

/**
 * A {@link groupLoader} whose lists also depend on a filter (a date, a year): `load(key, filter)`.
 * All keys asked for with the same filter in one tick are fetched with one `load(keys, filter)`.
 */
export function filteredGroupLoader<Context extends object, Filter, Row>(
  load: (keys: readonly string[], filter: Filter, context: Context) => Promise<Row[]>,
  keyOf: (row: Row) => string,
): (context: Context) => { load(key: string, filter: Filter): Promise<Row[]> } {
  const loader = groupLoader(
    async (compositeKeys: readonly string[], context: Context) => {
      const keysByFilter = new Map<string, { filter: Filter; keys: string[] }>();
      for (const compositeKey of compositeKeys) {
        const [key, filter] = JSON.parse(compositeKey) as [string, Filter];
        const filterKey = JSON.stringify(filter);
        const entry = keysByFilter.get(filterKey) ?? { filter, keys: [] };
        entry.keys.push(key);
        keysByFilter.set(filterKey, entry);
      }
      const batches = await Promise.all(
        [...keysByFilter.values()].map(async ({ filter, keys }) =>
          (await load(keys, filter, context)).map((row) => ({ compositeKey: JSON.stringify([keyOf(row), filter]), row })),
        ),
      );
      return batches.flat();
    },
    (entry) => entry.compositeKey,
  );
  return (context) => ({
    load: async (key, filter) => (await loader(context).load(JSON.stringify([key, filter]))).map((entry) => entry.row),
  });
}
