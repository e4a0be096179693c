import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { ServiceContext } from '@samverkan/server';
import { type Prisma, PrismaClient } from './generated/prisma/client';

export type { PrismaClient };

/** The context of this subgraph's resolvers and of the writes they call. */
export type Context = ServiceContext<PrismaClient>;

/** A transaction's client. */
export type Tx = Prisma.TransactionClient;

/** Makes this service's Prisma client on a driver adapter (PGlite's socket or PostgreSQL). */
export function createClient(adapter: SqlDriverAdapterFactory): PrismaClient {
  // Writers may queue for a connection (the embedded database serves one at a time): wait, do not fail.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
}
