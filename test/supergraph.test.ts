import { composeSupergraph, CompositionError, printSubgraphSdl, readSupergraphConfig, SUPERGRAPH_HEADER } from '@samverkan/schema';
import { buildSchema, isEnumType, isInputObjectType, isObjectType, isScalarType } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { schema as actions } from '../services/actions/src/schema';
import { schema as agreements } from '../services/agreements/src/schema';
import { schema as surveys } from '../services/surveys/src/schema';

const root = path.join(__dirname, '..');
const STALE = 'is stale: run `npm run compose` and commit the result';

describe('the committed supergraph', () => {
  it.each([
    ['agreements', agreements],
    ['actions', actions],
    ['surveys', surveys],
  ])('services/%s/schema.graphql matches the subgraph the code builds', async (name, schema) => {
    const committed = fs.readFileSync(path.join(root, 'services', name, 'schema.graphql'), 'utf8');
    const printed = await printSubgraphSdl(schema);
    if (printed !== committed) throw new Error(`services/${name}/schema.graphql ${STALE}`);
  });

  it('gateway/supergraph.graphql is the composition of the committed subgraph SDLs', () => {
    const composed = SUPERGRAPH_HEADER + composeSupergraph(readSupergraphConfig(path.join(root, 'gateway', 'supergraph.config.json')));
    const committed = fs.readFileSync(path.join(root, 'gateway', 'supergraph.graphql'), 'utf8');
    if (composed !== committed) throw new Error(`gateway/supergraph.graphql ${STALE}`);
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
