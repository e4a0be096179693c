import type { ServiceContext } from '@samverkan/server';
import type { PrismaClient } from './db';
import type { Prisma } from './generated/prisma/client';

/** The context of this subgraph's resolvers and of the writes they call. */
export type Context = ServiceContext<PrismaClient>;

/** A transaction's client. */
export type Tx = Prisma.TransactionClient;

/** Reads a written record back as the mutation answers it (with the fields the request selects). */
export type ReadBack<Result> = (tx: Tx, id: string) => Promise<Result>;
