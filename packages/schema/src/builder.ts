// The plugins extend Pothos's types globally; these references keep those extensions visible to
// every service that uses the builder from this package's declarations.
/// <reference types="@pothos/plugin-directives" preserve="true" />
/// <reference types="@pothos/plugin-federation" preserve="true" />
/// <reference types="@pothos/plugin-prisma" preserve="true" />
/// <reference types="@pothos/plugin-scope-auth" preserve="true" />
import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { HistoryEntryShape } from './audit';
import { type Connection, defineConnection, type PageInfoShape } from './connection';
import { type AuthScopes, authScopesFor } from './auth';
import { forbidden } from './errors';
import type { SubgraphContext } from './context';
import { DateScalar, MunicipalityCodeScalar } from './scalars';

/** The schema types every subgraph shares: context, scalars, auth scopes, non-null by default. */
export interface SharedSchemaTypes<Context extends SubgraphContext, PrismaTypes extends object> {
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Objects: {
    HistoryEntry: HistoryEntryShape;
    FieldChange: HistoryEntryShape['changes'][number];
    PageInfo: PageInfoShape;
    HistoryEntryConnection: Connection<HistoryEntryShape>;
  };
  Scalars: {
    ID: { Input: string; Output: string | number };
    Date: { Input: string; Output: string | Date };
    MunicipalityCode: { Input: string; Output: string };
  };
}

/** Options of {@link createSubgraphBuilder}. */
export interface SubgraphBuilderOptions<Context extends SubgraphContext> {
  /** The request's Prisma client (the service keeps one per process and puts it in the context). */
  prismaClient: (context: Context) => unknown;
  /** The service's generated Pothos datamodel (`getDatamodel()`): Prisma 7 no longer exposes its DMMF. */
  dmmf: { datamodel: unknown };
  /** Who may call the subgraph's mutations at all (each mutation then checks the record), e.g. `{ party: true }`. */
  mutationAuthScopes: MutationAuthScopes;
}

/** The scopes a subgraph's `Mutation` type may require. */
export type MutationAuthScopes = { party: true } | { admin: true };

/** The descriptions of the root types, the same in every subgraph (and so in the supergraph). */
export const ROOT_TYPE_DESCRIPTIONS = {
  Query: 'Frågor: what can be read from the hub.',
  Mutation: 'Ändringar: what can be written to the hub. Every write is checked against who is asking.',
} as const;

/**
 * Makes the Pothos builder of one subgraph. Every subgraph gets the same plugins, in the same order
 * (scope-auth first, so that federation's reference resolvers are wrapped too; the directives plugin
 * turns federation's `@key` and friends into schema directives), the same scalars, and its `Query`
 * and `Mutation` root types, declared here once: each file under a service's `src/schema/` adds its
 * own fields with `builder.queryFields` and `builder.mutationFields`.
 */
export function createSubgraphBuilder<Context extends SubgraphContext, PrismaTypes extends object>(
  options: SubgraphBuilderOptions<Context>,
) {
  const builder = new SchemaBuilder<SharedSchemaTypes<Context, PrismaTypes>>({
    defaultFieldNullability: false,
    plugins: [ScopeAuthPlugin, DirectivesPlugin, PrismaPlugin, FederationPlugin],
    scopeAuth: {
      authScopes: (context) => authScopesFor(context),
      // A field the actor may not see is null with an error naming it, never a crash.
      treatErrorsAsUnauthorized: true,
      unauthorizedError: (_parent, context, info) =>
        forbidden(
          context.actor.role === 'anonymous'
            ? `Sign in: ${info.parentType.name}.${info.fieldName} is not open to anonymous callers.`
            : `A user with the role ${context.actor.role} may not use ${info.parentType.name}.${info.fieldName}.`,
        ),
    },
    prisma: {
      // The Prisma client type is each service's own; Pothos checks queries against PrismaTypes.
      client: options.prismaClient as never,
      dmmf: options.dmmf,
      exposeDescriptions: true,
      onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
    },
  });
  builder.addScalarType('Date', DateScalar);
  builder.addScalarType('MunicipalityCode', MunicipalityCodeScalar);
  definePageInfo(builder);
  defineHistoryTypes(builder);
  builder.queryType({ description: ROOT_TYPE_DESCRIPTIONS.Query });
  builder.mutationType({ description: ROOT_TYPE_DESCRIPTIONS.Mutation, authScopes: options.mutationAuthScopes });
  return builder;
}

/** The builder type of a subgraph. */
export type SubgraphBuilder<Context extends SubgraphContext, PrismaTypes extends object> = ReturnType<
  typeof createSubgraphBuilder<Context, PrismaTypes>
>;

/** The federation options every subgraph's `toSubGraphSchema` takes: Federation 2.6 and the directives we use. */
export const SUBGRAPH_SCHEMA_OPTIONS = {
  linkUrl: 'https://specs.apollo.dev/federation/v2.6',
  federationDirectives: ['@key', '@shareable', '@external', '@extends', '@requires', '@provides', '@inaccessible'],
};

/** A value of a changed field as text: strings as they are, anything else as JSON; null stays null. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * `HistoryEntry` and `FieldChange`, the same in every subgraph (value types, shareable): what a
 * record's `history` field shows of the audit trail.
 */
function defineHistoryTypes<Context extends SubgraphContext, PrismaTypes extends object>(
  builder: PothosSchemaTypesBuilder<Context, PrismaTypes>,
): void {
  builder.objectType('FieldChange', {
    description: 'Ändrat fält: one field a write changed, with its value before and after (as text; JSON for lists and objects).',
    shareable: true,
    fields: (t) => ({
      field: t.exposeString('field', { description: 'Fält: the field\'s name in the API.' }),
      before: t.string({ nullable: true, description: 'Före: the value before (null when there was none).', resolve: (change) => asText(change.before) }),
      after: t.string({ nullable: true, description: 'Efter: the value after (null when it was cleared).', resolve: (change) => asText(change.after) }),
    }),
  });
  const entry = builder.objectType('HistoryEntry', {
    description: 'Ändring: one write to a record, from the audit trail: who, when, which operation, and what it changed.',
    shareable: true,
    fields: (t) => ({
      at: t.string({ description: 'Tidpunkt (ISO 8601, UTC).', resolve: (entry) => entry.at.toISOString() }),
      actorRole: t.exposeString('actorRole', { description: 'Roll of the writer: kommun, police, analyst, admin.' }),
      actorSubject: t.exposeString('actorSubject', { description: 'Användare: the writer\'s user id (the token\'s subject).' }),
      operation: t.exposeString('operation', { description: 'Operation: the mutation or command, e.g. createAction.' }),
      changes: t.field({ type: ['FieldChange'], description: 'Ändringar: the fields it changed.', resolve: (entry) => entry.changes }),
    }),
  });
  defineConnection(builder, entry, { name: 'HistoryEntry', nodes: 'ändringar (history entries)', order: 'oldest first', shareable: true });
}

/** `PageInfo`, the same in every subgraph (a value type, shareable): what every connection tells of the pages after its own. */
function definePageInfo<Context extends SubgraphContext, PrismaTypes extends object>(builder: PothosSchemaTypesBuilder<Context, PrismaTypes>): void {
  builder.objectType('PageInfo', {
    description: 'Sidinformation: whether more follow after a page, and the cursor to continue from.',
    shareable: true,
    fields: (t) => ({
      hasNextPage: t.exposeBoolean('hasNextPage', { description: 'True when more follow after this page.' }),
      endCursor: t.exposeString('endCursor', { nullable: true, description: 'The last cursor of this page (null when it is empty); pass it as `after` for the next.' }),
    }),
  });
}

/** A subgraph's builder as the shared helpers take it (e.g. `defineConnection`). */
export type PothosSchemaTypesBuilder<Context extends SubgraphContext, PrismaTypes extends object> = PothosSchemaTypes.SchemaBuilder<
  PothosSchemaTypes.ExtendDefaultTypes<SharedSchemaTypes<Context, PrismaTypes>>
>;
