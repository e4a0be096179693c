import { ApolloServer } from '@apollo/server';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { documentNesting, jsonDepth } from './http';
import { DEFAULT_LIMITS, limitRules, useCostLimit } from './limits';

const schema = buildSchema(`
  type Query { municipalities(codes: [ID!]): [Municipality!]! municipality(code: ID!): Municipality indicators: [Indicator!]! agreements(first: Int): AgreementConnection! actions(first: Int): ActionConnection! }
  type Municipality { code: ID! name: String! neighbours: [Municipality!]! surveyResults(indicator: ID, from: Int, to: Int, origins: [String!]): [Result!] actionsConnection(first: Int): ActionConnection! }
  type ActionConnection { totalCount: Int! edges: [ActionEdge!]! }
  type ActionEdge { cursor: ID! node: Action! }
  type Action { code: ID! followUpsConnection(first: Int): ActionConnection! }
  type Indicator { code: ID! }
  type Result { year: Int! value: Float! }
  type AgreementConnection { totalCount: Int! edges: [AgreementEdge!]! }
  type AgreementEdge { cursor: ID! }
`);

/** Validates `source` with the standard rules and the limits; returns the error codes. */
function refusals(source: string): string[] {
  const errors = validate(schema, parse(source), [...specifiedRules, ...limitRules(DEFAULT_LIMITS)]);
  return errors.map((error) => String(error.extensions.code ?? error.message));
}

/** `fragment F<i> on Query { ...F<i-1> ...F<i-1> }`: each fragment doubles the one before. */
function fragmentFanOut(n: number, leaf = 'indicators { code }'): string {
  const fragments = [`fragment F0 on Query { ${leaf} }`];
  for (let i = 1; i <= n; i += 1) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `{ ...F${n} }\n${fragments.join('\n')}`;
}

describe('the request limits', () => {
  it('refuses a document whose fragments spread each other 2^40 times, measuring each fragment once', () => {
    // Measured without reuse this would take days; the test would never finish.
    expect(refusals(fragmentFanOut(40))).toContain('QUERY_TOO_COSTLY');
  });

  it('counts a fragment spread twice twice', () => {
    expect(refusals(fragmentFanOut(3))).toEqual([]);
    // 2^14 spreads × (1 + 8 indicators × 1 field) = 147,456 > 100,000
    expect(refusals(fragmentFanOut(14))).toContain('QUERY_TOO_COSTLY');
    expect(refusals(fragmentFanOut(13))).toEqual([]);
    // 2^9 spreads × (1 + 290 kommuner × 1 field) = 148,992 > 100,000
    expect(refusals(fragmentFanOut(9, 'municipalities { code }'))).toContain('QUERY_TOO_COSTLY');
    expect(refusals(fragmentFanOut(8, 'municipalities { code }'))).toEqual([]);
  });

  it('counts what a list holds: 290 kommuner, fewer when named, 8 indicators × 10 years of results, a page\'s `first`', () => {
    const aliases = (count: number, selection: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;
    // 1 + 290 × (1 + 8 × 10 × 2) = 46,691 each
    expect(refusals(aliases(2, 'municipalities { surveyResults(origins: ["DEMO"]) { year value } }'))).toEqual([]);
    expect(refusals(aliases(3, 'municipalities { surveyResults(origins: ["DEMO"]) { year value } }'))).toContain('QUERY_TOO_COSTLY');
    expect(refusals(aliases(50, 'municipalities { surveyResults(origins: ["DEMO"]) { year value } }'))).toContain('QUERY_TOO_COSTLY');
    // Two named kommuner, one indicator, three years: 1 + 2 × (1 + 3 × 2) = 15 each
    expect(refusals(aliases(50, 'municipalities(codes: ["1281", "1280"]) { surveyResults(indicator: "P", from: 2023, to: 2025) { year value } }'))).toEqual([]);
    // A variable's length is not known to the rule: the operation is left to useCostLimit.
    expect(refusals(`query ($c: [ID!]) { ${aliases(3, 'municipalities(codes: $c) { surveyResults(origins: ["DEMO"]) { year value } }').slice(2)}`)).toEqual([]);
    // A page of 200 counts its selection 200 times: 1 + 200 × (1 + 1 + 1 × 1) = 601
    expect(refusals(aliases(50, 'agreements(first: 200) { totalCount edges { cursor } }'))).toEqual([]);
    expect(refusals('{ agreements(first: 200) { edges { cursor } totalCount } municipality(code: "1") { neighbours { code } } }')).toEqual([]);
  });

  it('counts a connection\'s page as its `first`: 50 when left out, the maximum when out of range', () => {
    const aliases = (count: number, selection: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;
    // Every kommun's first page of 5 actions: 1 + 290 × (1 + 5 × (1 + 1 + 1 + 1)) = 6,091
    expect(refusals('{ municipalities { actionsConnection(first: 5) { edges { cursor node { code } } } } }')).toEqual([]);
    // The same with pages of 100: 1 + 290 × (1 + 100 × 4) = 116,291 > 100,000
    expect(refusals('{ municipalities { actionsConnection(first: 100) { edges { cursor node { code } } } } }')).toContain('QUERY_TOO_COSTLY');
    // Left out: 50 each, 1 + 290 × (1 + 50 × 4) = 58,291
    expect(refusals('{ municipalities { actionsConnection { edges { cursor node { code } } } } }')).toEqual([]);
    // A variable: left to useCostLimit, which knows its value
    expect(refusals('query ($n: Int) { municipalities { actionsConnection(first: $n) { edges { cursor node { code } } } } }')).toEqual([]);
    // Out of 1–500 (the resolver refuses it): 500, 1 + 290 × (1 + 500 × 4) = 580,291
    expect(refusals('{ municipalities { actionsConnection(first: 0) { edges { cursor node { code } } } } }')).toContain('QUERY_TOO_COSTLY');
    // Twenty pages of 500 in one request: 20 × (1 + 500 × (1 + 4)) = 50,020
    expect(refusals(aliases(20, 'actions(first: 500) { totalCount edges { cursor node { code } } }'))).toEqual([]);
  });

  it('measures depth through fragments', () => {
    const deep = `{ municipality(code: "1") { ...N0 } }\n${Array.from({ length: 16 }, (_, i) => `fragment N${i} on Municipality { neighbours { ${i < 15 ? `...N${i + 1}` : 'code'} } }`).join('\n')}`;
    expect(refusals(deep)).toContain('QUERY_TOO_DEEP');
  });

  it('shares fragment measures across the operations of one document', () => {
    const operations = Array.from({ length: 50 }, (_, i) => `query Q${i} { ...F30 }`).join('\n');
    const document = `${operations}\n${fragmentFanOut(30).split('\n').slice(1).join('\n')}`;
    const codes = refusals(document);
    expect(codes.filter((code) => code === 'QUERY_TOO_COSTLY')).toHaveLength(50);
  });
});

describe('the cost with the request\'s variables (useCostLimit), in an Apollo Server with the limit rules', () => {
  const server = new ApolloServer({ schema, validationRules: limitRules(DEFAULT_LIMITS), plugins: [useCostLimit(DEFAULT_LIMITS)] });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  /** The request's status and the messages of the errors that refuse it before it runs (unresolved fields answer null, with errors of their own). */
  async function ask(query: string, variables?: Record<string, unknown>) {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single answer');
    const refusals = (response.body.singleResult.errors ?? []).filter((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
    return { status: response.http.status ?? 200, refusals: refusals.map((error) => error.message) };
  }
  const PASSES = { status: 200, refusals: [] };
  const refused = (cost: number) => ({ status: 400, refusals: [expect.stringMatching(new RegExp(`estimated to cost ${cost}( with the values of its variables)? .*; at most 100000 is allowed`))] });
  const KOMMUN_PAGES = 'query ($n: Int) { municipalities { actionsConnection(first: $n) { edges { cursor node { code } } } } }';
  const NESTED_PAGES = 'query ($n: Int) { actions(first: $n) { edges { node { followUpsConnection(first: $n) { edges { node { code } } } } } } }';

  it('refuses every kommun\'s page of 500 given as a variable as it refuses the literal, with the code and status of a validation error', async () => {
    // 1 + 290 × (1 + 500 × (1 + 1 + 1 × 1 + 1)) = 580,291
    expect(await ask(KOMMUN_PAGES, { n: 500 })).toEqual(refused(580_291));
    expect(await ask(KOMMUN_PAGES.replace('($n: Int) ', '').replace('$n', '500'))).toEqual(refused(580_291));
    const [variable, literal] = [await server.executeOperation({ query: KOMMUN_PAGES, variables: { n: 500 } }), await server.executeOperation({ query: KOMMUN_PAGES.replace('($n: Int) ', '').replace('$n', '500') })];
    const codes = [variable, literal].map((response) => (response.body.kind === 'single' ? response.body.singleResult.errors?.map((error) => error.extensions?.code) : []));
    expect(codes).toEqual([['GRAPHQL_VALIDATION_FAILED'], ['GRAPHQL_VALIDATION_FAILED']]);
  });

  it('refuses nested pages of 500 given as one variable, and lets small pages through', async () => {
    // 1 + 500 × (edges 1 + (node 1 + (followUps 1 + 500 × (edges 1 + (node 1 + 1))))) = 751,501
    expect(await ask(NESTED_PAGES, { n: 500 })).toEqual(refused(751_501));
    expect(await ask(NESTED_PAGES.replace('($n: Int) ', '').replaceAll('$n', '500'))).toEqual(refused(751_501));
    // 1 + 10 × (1 + (1 + (1 + 10 × 3))) = 331
    expect(await ask(NESTED_PAGES, { n: 10 })).toEqual(PASSES);
  });

  it('counts the value within the limit, and the default when the variable is left out or null', async () => {
    // Pages of 5: 1 + 290 × (1 + 5 × 4) = 6,091; of 100: 116,291
    expect(await ask(KOMMUN_PAGES, { n: 5 })).toEqual(PASSES);
    expect(await ask(KOMMUN_PAGES, { n: 100 })).toEqual(refused(116_291));
    // Left out or null: the resolver's default, 50: 58,291
    expect(await ask(KOMMUN_PAGES)).toEqual(PASSES);
    expect(await ask(KOMMUN_PAGES, { n: null })).toEqual(PASSES);
    // The operation's default counts when the request leaves the variable out.
    expect(await ask(KOMMUN_PAGES.replace('$n: Int', '$n: Int = 500'))).toEqual(refused(580_291));
    expect(await ask(KOMMUN_PAGES.replace('$n: Int', '$n: Int = 500'), { n: 5 })).toEqual(PASSES);
  });

  it('counts a value that is not a valid page size as the largest page, 500', async () => {
    expect(await ask(KOMMUN_PAGES, { n: 100_000 })).toEqual(refused(580_291));
    expect(await ask(KOMMUN_PAGES, { n: 0 })).toEqual(refused(580_291));
    expect(await ask(KOMMUN_PAGES, { n: 'all of them' })).toEqual(refused(580_291));
  });

  it('counts a list variable\'s length, and all 290 kommuner when it is left out', async () => {
    // Three times 1 + 2 × (1 + 8 × 10 × 2) = 323; left out, 3 × 46,691
    const results = 'query ($c: [ID!]) { a: municipalities(codes: $c) { surveyResults(origins: ["DEMO"]) { year value } } b: municipalities(codes: $c) { surveyResults(origins: ["DEMO"]) { year value } } c: municipalities(codes: $c) { surveyResults(origins: ["DEMO"]) { year value } } }';
    expect(await ask(results, { c: ['1281', '1280'] })).toEqual(PASSES);
    expect(await ask(results)).toEqual(refused(3 * 46_691));
  });

  it('counts variables inside fragments, each fragment once per request however often it is spread', async () => {
    const spreadPages = 'query ($n: Int) { ...Pages } fragment Pages on Query { municipalities { ...Page } } fragment Page on Municipality { actionsConnection(first: $n) { edges { cursor node { code } } } }';
    expect(await ask(spreadPages, { n: 500 })).toEqual(refused(580_291));
    expect(await ask(spreadPages, { n: 5 })).toEqual(PASSES);
    // 2^40 spreads of a page of `$n`: measured without reuse this would never finish.
    const fanOut = fragmentFanOut(40, 'actions(first: $n) { totalCount }').replace('{ ...F40 }', 'query ($n: Int) { ...F40 }');
    expect(refusals(fanOut)).toEqual([]); // left to useCostLimit
    expect(await ask(fanOut, { n: 1 })).toEqual(refused(2 ** 40 * 2));
    // A fragment with a page of `$n`, spread twice, and a literal page: 2 × (1 + 1 × 1) + (1 + 3 × 1) = 8
    expect(await ask('query ($n: Int) { ...A ...B three: actions(first: 3) { totalCount } } fragment A on Query { actions(first: $n) { totalCount } } fragment B on Query { ...A }', { n: 1 })).toEqual(PASSES);
  });
});

describe('how deep JSON nests', () => {
  it('is counted without recursion, and stops once over the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(jsonDepth(deep, 64)).toBe(65);
    expect(jsonDepth({ a: [{ b: 1 }], c: 'x' })).toBe(3);
    expect(jsonDepth('text')).toBe(0);
  });
  it('counts a document\'s nesting outside strings and comments', () => {
    expect(documentNesting('{ a(b: [[1]]) { c } }')).toBe(4);
    expect(documentNesting('{ a(b: "{{{{[[[[") # ((((\n c(d: """{{{{""") }')).toBe(2);
    expect(documentNesting('['.repeat(100_000), 100)).toBe(101);
  });
});
