import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  Transaction,
} from '@prisma/driver-adapter-utils';

/**
 * Runs one SQL statement (`run`) on behalf of the tracing: a span around it. Set on a database only
 * when tracing is on; without it a statement costs nothing more than its count.
 */
export type StatementTracer = <T>(sql: string, run: () => Promise<T>) => Promise<T>;

/** One SQL statement sent to the database. */
export interface RecordedStatement {
  sql: string;
}

/**
 * Counts the SQL statements that a Prisma client sends through its driver adapter.
 *
 * `total` counts every statement; `measure(fn)` counts only those issued inside `fn`'s
 * asynchronous context, so concurrent requests do not mix their counts.
 */
export class StatementCounter {
  /** Statements sent since the counter was made. */
  total = 0;
  private readonly scope = new AsyncLocalStorage<RecordedStatement[]>();

  /** Records one statement (called by the wrapped adapter). */
  record(sql: string): void {
    this.total += 1;
    this.scope.getStore()?.push({ sql });
  }

  /**
   * Runs `fn` and returns its result with the statements sent in its asynchronous context. Work that
   * `fn` triggers in another context (an HTTP request it makes to a server in this process) is not
   * seen: use {@link countDuring} there.
   */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; statements: RecordedStatement[] }> {
    const statements: RecordedStatement[] = [];
    const result = await this.scope.run(statements, fn);
    return { result, statements };
  }

  /** Runs `fn` and returns its result with how many statements were sent meanwhile, by anyone. */
  async countDuring<T>(fn: () => Promise<T>): Promise<{ result: T; count: number }> {
    const before = this.total;
    const result = await fn();
    return { result, count: this.total - before };
  }
}

function countQueryable<Q extends SqlQueryable>(queryable: Q, counter: StatementCounter, tracer: StatementTracer | undefined): Q {
  const { queryRaw, executeRaw } = queryable;
  // Unbound on purpose: a wrapper made with Object.create over this one keeps its own `this`.
  return Object.assign(Object.create(queryable) as Q, {
    queryRaw(this: Q, query: SqlQuery) {
      counter.record(query.sql);
      return tracer ? tracer(query.sql, () => queryRaw.call(this, query)) : queryRaw.call(this, query);
    },
    executeRaw(this: Q, query: SqlQuery) {
      counter.record(query.sql);
      return tracer ? tracer(query.sql, () => executeRaw.call(this, query)) : executeRaw.call(this, query);
    },
  });
}

/**
 * Wraps a driver adapter factory so that every statement it runs is counted by `counter` (and, with
 * a `tracer`, run inside a span).
 */
export function countingAdapterFactory(
  factory: SqlMigrationAwareDriverAdapterFactory,
  counter: StatementCounter,
  tracer?: StatementTracer,
): SqlMigrationAwareDriverAdapterFactory {
  const wrapAdapter = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const counted = countQueryable(adapter, counter, tracer);
    const startTransaction = adapter.startTransaction.bind(adapter);
    return Object.assign(counted, {
      startTransaction: async (...args: Parameters<SqlDriverAdapter['startTransaction']>): Promise<Transaction> =>
        countQueryable(await startTransaction(...args), counter, tracer),
    });
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrapAdapter(await factory.connect()),
    connectToShadowDb: async () => wrapAdapter(await factory.connectToShadowDb()),
  };
}
