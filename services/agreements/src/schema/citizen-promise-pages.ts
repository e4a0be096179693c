import { connectionArgs, defineConnection, Keyset } from '@samverkan/schema';
import { builder } from '../builder';
import type { CitizenPromise as CitizenPromiseRow, Prisma } from '../generated/prisma/client';
import { CitizenPromise, CitizenPromiseFilter, type CitizenPromiseFilterValue, promiseListWhere } from './citizen-promise';

/* Pages of medborgarlöften: `citizenPromisesConnection`, beside the plain `citizenPromises`. */

const PROMISE_PAGES = new Keyset<CitizenPromiseRow>('citizenPromises', [
  { field: 'municipalityCode', direction: 'asc' },
  { field: 'validFrom', direction: 'desc', nulls: 'last' },
  { field: 'id', direction: 'asc' },
]);

const CitizenPromiseConnection = defineConnection(builder, CitizenPromise, { name: 'CitizenPromise', nodes: 'medborgarlöften', order: 'by kommun code, newest start first (those without one last), then id' });

builder.queryField('citizenPromisesConnection', (t) =>
  t.field({
    type: CitizenPromiseConnection,
    description: 'Medborgarlöften matching the filter, a page at a time, by kommun and newest first; only those you may read.',
    args: { filter: t.arg({ type: CitizenPromiseFilter, description: 'Urval.' }), ...connectionArgs(builder) },
    resolve: (_root, args, context) => {
      const where = promiseListWhere(context.actor, args.filter as CitizenPromiseFilterValue | null);
      return PROMISE_PAGES.page(
        args,
        (page) => context.db.citizenPromise.findMany({ where: { AND: [where, page.where as Prisma.CitizenPromiseWhereInput] }, orderBy: page.orderBy as Prisma.CitizenPromiseOrderByWithRelationInput[], take: page.take }),
        () => context.db.citizenPromise.count({ where }),
      );
    },
  }),
);
