import { createSubgraphBuilder } from '@samverkan/schema';
import type { Context } from './db';
import PrismaTypes, { getDatamodel } from './generated/pothos-types';

export type { Context };

/**
 * This subgraph's Pothos builder: the shared one, on this service's Prisma types. Its mutations are
 * open to administrators at the type; each field lets kommun users in too (`skipTypeScopes`) and
 * checks the subscription itself.
 */
export const builder = createSubgraphBuilder<Context, PrismaTypes>({
  prismaClient: (context) => context.db,
  dmmf: getDatamodel(),
  mutationAuthScopes: { admin: true },
});
