import { createSubgraphBuilder } from '@samverkan/schema';
import type { ServiceContext } from '@samverkan/server';
import type { PrismaClient } from './db';
import PrismaTypes, { getDatamodel } from './generated/pothos-types';

/** The context of this subgraph's resolvers. */
export type Context = ServiceContext<PrismaClient>;

/** This subgraph's Pothos builder: the shared one, on this service's Prisma types. */
export const builder = createSubgraphBuilder<Context, PrismaTypes>({
  prismaClient: (context) => context.db,
  dmmf: getDatamodel(),
  mutationAuthScopes: { party: true },
});
