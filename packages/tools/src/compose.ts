import { composeServices } from '@apollo/composition';
import fs from 'node:fs';
import { defaultSubgraphUrl, repositoryPath, SUBGRAPHS } from '@samverkan/hub';
import { graphql, type GraphQLSchema, parse, printSchema } from 'graphql';

/** One subgraph as the composition reads it. */
export interface SubgraphSource {
  /** The subgraph's name in the supergraph, e.g. "agreements". */
  name: string;
  /** Where the gateway reaches it by default (overridable at run time). */
  url: string;
  /** Its SDL, as printed by the service (`schema.graphql`). */
  sdl: string;
}

/** Thrown when the subgraphs do not compose; the message lists every composition error. */
export class CompositionError extends Error {
  override name = 'CompositionError';
}

/** The composition of subgraph SDLs (Federation 2), or a {@link CompositionError} listing every error. */
function compose(subgraphs: SubgraphSource[]) {
  const result = composeServices(subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.sdl) })));
  if (result.errors || !result.supergraphSdl) {
    const messages = (result.errors ?? []).map((error) => `- ${error.message}`).join('\n');
    throw new CompositionError(`The subgraphs do not compose:\n${messages}`);
  }
  return result;
}

/** Composes subgraph SDLs into a supergraph SDL with Apollo's composition (Federation 2). */
export function composeSupergraph(subgraphs: SubgraphSource[]): string {
  return compose(subgraphs).supergraphSdl;
}

/**
 * The API schema that clients see: the composed supergraph without federation's directives and
 * types (what `/schema.graphql` serves and a kommun app generates its types from).
 */
export function composeApiSchema(subgraphs: SubgraphSource[]): string {
  return `${printSchema(compose(subgraphs).schema.toAPISchema().toGraphQLJSSchema()).trim()}\n`;
}

/** The subgraphs of the registry with their committed SDL files, as the supergraph is composed from them. */
export function registeredSubgraphSources(): SubgraphSource[] {
  return SUBGRAPHS.map((subgraph) => ({
    name: subgraph.name,
    url: defaultSubgraphUrl(subgraph),
    sdl: fs.readFileSync(repositoryPath(subgraph.sdlPath), 'utf8'),
  }));
}

/** Where the composed supergraph is committed. */
export const SUPERGRAPH_PATH = repositoryPath('gateway/supergraph.graphql');

/** Where the client-facing API schema is committed. */
export const API_SCHEMA_PATH = repositoryPath('schema.graphql');

/** The header written above the committed API schema. */
export const API_SCHEMA_HEADER =
  '# The Samverkan hub\'s API, as clients see it (served at /schema.graphql). Written by `npm run compose`\n# from the subgraphs of packages/hub/src/registry.ts. Do not edit: a test fails when this file is stale.\n';

/** The header written above a committed supergraph. */
export const SUPERGRAPH_HEADER =
  '# Composed by `npm run compose` from the subgraphs of packages/hub/src/registry.ts. Do not edit:\n# a test fails when this file is stale.\n';

/**
 * A subgraph's SDL with its federation directives, exactly as it serves it at `_service { sdl }`
 * (which is what a composer reads from a running subgraph).
 */
export async function printSubgraphSdl(schema: GraphQLSchema): Promise<string> {
  const result = await graphql({ schema, source: '{ _service { sdl } }' });
  const sdl = (result.data?._service as { sdl?: string } | undefined)?.sdl;
  if (result.errors?.length || !sdl) {
    throw new Error(`the schema has no _service { sdl }: ${result.errors?.map((e) => e.message).join('; ') ?? 'not a subgraph schema'}`);
  }
  return `${sdl.trim()}\n`;
}
