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
  return perContext((context: Context) => groupDataLoader((keys: readonly Key[]) => load(keys, context), keyOf));
}

/** One DataLoader of the rows that belong to each key, all keys of a tick in one `load`. */
function groupDataLoader<Key extends string | number, Row>(load: (keys: readonly Key[]) => Promise<Row[]>, keyOf: (row: Row) => Key): DataLoader<Key, Row[]> {
  return new DataLoader<Key, Row[]>(async (keys) => {
    const rows = await load(keys);
    const groups = new Map<Key, Row[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * A {@link groupLoader} whose lists also depend on a filter (a date, a year): `load(key, filter)`.
 * All keys asked for with the same filter in one tick are fetched with one `load(keys, filter)`:
 * each filter of a request has a loader of its own.
 */
export function filteredGroupLoader<Context extends object, Filter, Row>(
  load: (keys: readonly string[], filter: Filter, context: Context) => Promise<Row[]>,
  keyOf: (row: Row) => string,
): (context: Context) => { load(key: string, filter: Filter): Promise<Row[]> } {
  return perContext((context: Context) => {
    const loaders = new Map<string, DataLoader<string, Row[]>>();
    return {
      load: (key, filter) => {
        const filterKey = JSON.stringify(filter);
        let loader = loaders.get(filterKey);
        if (!loader) {
          loader = groupDataLoader((keys: readonly string[]) => load(keys, filter, context), keyOf);
          loaders.set(filterKey, loader);
        }
        return loader.load(key);
      },
    };
  });
}
