import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';

/**
 * PostgreSQL's internal catalog types that Prisma's pg adapter does not map: it throws "Column type
 * 'char' could not be deserialized" when the schema engine describes a database (`pg_class.relkind`
 * and `pg_constraint.contype` are `"char"`). node-postgres parses them all as strings.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;
const CATALOG_TEXT_OIDS = new Set([
  19, // name
  22, // int2vector
  24, // regproc
  30, // oidvector
  194, // pg_node_tree
  1033, // aclitem
  2205, // regclass
]);

interface PgResult {
  fields: { dataTypeID: number }[];
}

/** The adapter's internals we reach into: its `queryRaw` reads column types from `performIO`'s result. */
interface PgQueryableInternals {
  performIO(query: SqlQuery): Promise<PgResult>;
  queryRaw(query: SqlQuery): Promise<SqlResultSet>;
}

/**
 * Makes a pg adapter's `queryRaw` report `"char"` columns as characters and other catalog types as
 * text, which is what the schema engine's describer expects. Each call works on its own view of the
 * adapter, so concurrent queries do not share state.
 */
function describeCatalogTypes<A extends SqlDriverAdapter>(adapter: A): A {
  const internals = adapter as unknown as PgQueryableInternals;
  if (typeof internals.performIO !== 'function') return adapter;
  const queryRaw = internals.queryRaw;
  const performIO = internals.performIO;
  const patched = Object.create(adapter) as A & PgQueryableInternals;
  patched.queryRaw = async (query: SqlQuery): Promise<SqlResultSet> => {
    const charColumns: number[] = [];
    const call = Object.create(adapter) as PgQueryableInternals;
    call.performIO = async (q: SqlQuery) => {
      const result = await performIO.call(adapter, q);
      result.fields.forEach((field, index) => {
        if (field.dataTypeID === CHAR_OID) charColumns.push(index);
        if (field.dataTypeID === CHAR_OID || CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
      });
      return result;
    };
    const resultSet = await queryRaw.call(call, query);
    for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return patched;
}

/** Wraps a pg adapter factory for the schema engine (see {@link describeCatalogTypes}). */
export function schemaEngineAdapterFactory(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => describeCatalogTypes(await factory.connect()),
    connectToShadowDb: async () => describeCatalogTypes(await factory.connectToShadowDb()),
  };
}
