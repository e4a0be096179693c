import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/prisma/client';

export type { PrismaClient };

/** Makes this service's Prisma client on a driver adapter (PGlite's socket or PostgreSQL). */
export function createClient(adapter: SqlDriverAdapterFactory): PrismaClient {
  return new PrismaClient({ adapter });
}
