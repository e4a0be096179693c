import { estimateCost } from '@samverkan/server';
import { buildASTSchema, type OperationDefinitionNode, parse, specifiedRules, validate } from 'graphql';
import fs from 'node:fs';
import { exampleOperations } from './examples';
import { DEFAULT_LIMITS, limitRules } from './limits';
import { SUPERGRAPH_PATH } from './supergraph';

/** The committed supergraph's types and fields, as the gateway measures a client's query against them. */
const schema = buildASTSchema(parse(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });

/**
 * Validates `source` with the standard rules and the default limits, and measures its cost with
 * `variables` as the gateway does before planning (useCostLimit); returns the messages.
 */
const refusals = (source: string, variables: Record<string, unknown> = {}) => {
  const document = parse(source);
  const messages = validate(schema, document, [...specifiedRules, ...limitRules(DEFAULT_LIMITS)]).map((error) => error.message);
  if (messages.length) return messages;
  for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')) {
    const { cost } = estimateCost(schema, document, operation, variables);
    if (cost > DEFAULT_LIMITS.maxCost) messages.push(`${operation.name?.value ?? 'the operation'} is estimated to cost ${cost}; at most ${DEFAULT_LIMITS.maxCost} is allowed`);
  }
  return messages;
};

describe('the default limits on the hub\'s own schema', () => {
  it.each(exampleOperations.map((example) => [example.title, example.query, example.variables ?? {}] as const))(
    'let GraphiQL\'s example "%s" through, with its variables, for the whole country too',
    (_title, query, variables) => {
      expect(refusals(query, variables)).toEqual([]);
      // The region overview leaves out $region for the whole country: the estimate counts all kommuner
      // anyway. It asks for more of every kommun than the national overview of `npm run bench`
      // (bench/src/operations.ts), the largest legitimate query, which is therefore let through too.
      expect(refusals(query.replace(/\$region: ID = "SYD"/, '$region: ID'), { ...variables, region: null })).toEqual([]);
    },
  );

  it('refuse fifty aliases of every kommun\'s survey results (a 13 MB answer)', () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: municipalities { surveyResults(origins: [DEMO]) { year value } }`).join(' ');
    expect(refusals(`{ ${aliases} }`)).toEqual([expect.stringMatching(/estimated to cost \d+ .*; at most 100000 is allowed/)]);
  });
});
