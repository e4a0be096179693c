import { repositoryPath, SUBGRAPHS } from '@samverkan/hub';
import { API_SCHEMA_HEADER, composeApiSchema, composeSupergraph, CompositionError, printSubgraphSdl, registeredSubgraphSources, SUPERGRAPH_HEADER } from '@samverkan/tools';
import { buildSchema, type GraphQLSchema, isEnumType, isInputObjectType, isObjectType, isScalarType } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
const STALE = 'is stale: run `npm run compose` and commit the result';

describe('the committed supergraph', () => {
  it.each(SUBGRAPHS.map((subgraph) => [subgraph.sdlPath, subgraph] as const))('%s matches the subgraph the code builds', async (sdlPath, subgraph) => {
    const committed = fs.readFileSync(repositoryPath(sdlPath), 'utf8');
    // The service's schema from its sources (each registered service has `src/schema`).
    const { schema } = require(repositoryPath(`${subgraph.dir}/src/schema`)) as { schema: GraphQLSchema }; // eslint-disable-line @typescript-eslint/no-require-imports
    const printed = await printSubgraphSdl(schema);
    if (printed !== committed) throw new Error(`${sdlPath} ${STALE}`);
  });

  it('gateway/supergraph.graphql is the composition of the committed subgraph SDLs', () => {
    const composed = SUPERGRAPH_HEADER + composeSupergraph(registeredSubgraphSources());
    const committed = fs.readFileSync(path.join(root, 'gateway', 'supergraph.graphql'), 'utf8');
    if (composed !== committed) throw new Error(`gateway/supergraph.graphql ${STALE}`);
  });

  it('schema.graphql is the API schema of that composition, without federation\'s directives', () => {
    const api = API_SCHEMA_HEADER + composeApiSchema(registeredSubgraphSources());
    const committed = fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8');
    if (api !== committed) throw new Error(`schema.graphql ${STALE}`);
    expect(committed).not.toMatch(/@join__|@link|_entities|_Service/);
    expect(buildSchema(committed).getQueryType()?.getFields().municipality).toBeDefined();
  });

  it('describes every type, field, argument and enum value of the public API', () => {
    const supergraph = fs.readFileSync(path.join(root, 'gateway', 'supergraph.graphql'), 'utf8');
    const schema = buildSchema(supergraph, { assumeValidSDL: true });
    const internal = (name: string) => name.startsWith('_') || name.startsWith('join__') || name.startsWith('link__');
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (internal(type.name) || type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (internal(field.name)) continue;
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      if (isScalarType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });

  it('refuses subgraphs that do not compose, naming the conflict', () => {
    const bad = [
      { name: 'one', url: 'http://one/graphql', sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])\ntype Query { a: Int }\ntype Municipality @key(fields: "code") { code: ID! name: String }' },
      { name: 'two', url: 'http://two/graphql', sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])\ntype Query { b: Int }\ntype Municipality @key(fields: "code") { code: ID! name: Int }' },
    ];
    expect(() => composeSupergraph(bad)).toThrow(CompositionError);
    expect(() => composeSupergraph(bad)).toThrow(/Municipality\.name/);
  });
});
