import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { documentNesting, jsonDepth } from './http';
import { DEFAULT_LIMITS, limitRules } from './limits';

const schema = buildSchema(`
  type Query { municipalities(codes: [ID!]): [Municipality!]! municipality(code: ID!): Municipality indicators: [Indicator!]! agreements(first: Int): AgreementConnection! actions(first: Int): ActionConnection! }
  type Municipality { code: ID! name: String! neighbours: [Municipality!]! surveyResults(indicator: ID, from: Int, to: Int, origins: [String!]): [Result!] actionsConnection(first: Int): ActionConnection! }
  type ActionConnection { totalCount: Int! edges: [ActionEdge!]! }
  type ActionEdge { cursor: ID! node: Indicator! }
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
    // A variable's length is not known: counted as all 290.
    expect(refusals(`query ($c: [ID!]) { ${aliases(3, 'municipalities(codes: $c) { surveyResults(origins: ["DEMO"]) { year value } }').slice(2)}`)).toContain('QUERY_TOO_COSTLY');
    // A page of 200 counts its selection 200 times: 1 + 200 × (1 + 1 + 1 × 1) = 601
    expect(refusals(aliases(50, 'agreements(first: 200) { totalCount edges { cursor } }'))).toEqual([]);
    expect(refusals('{ agreements(first: 200) { edges { cursor } totalCount } municipality(code: "1") { neighbours { code } } }')).toEqual([]);
  });

  it('counts a connection\'s page as its `first`: 50 when left out or a variable', () => {
    const aliases = (count: number, selection: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;
    // Every kommun's first page of 5 actions: 1 + 290 × (1 + 5 × (1 + 1 + 1 + 1)) = 6,091
    expect(refusals('{ municipalities { actionsConnection(first: 5) { edges { cursor node { code } } } } }')).toEqual([]);
    // The same with pages of 100: 1 + 290 × (1 + 100 × 4) = 116,291 > 100,000
    expect(refusals('{ municipalities { actionsConnection(first: 100) { edges { cursor node { code } } } } }')).toContain('QUERY_TOO_COSTLY');
    // Left out: 50 each, 1 + 290 × (1 + 50 × 4) = 58,291
    expect(refusals('{ municipalities { actionsConnection { edges { cursor node { code } } } } }')).toEqual([]);
    // A variable: 50 each, as the gateway passes a client's `first` to a subgraph
    expect(refusals('query ($n: Int) { municipalities { actionsConnection(first: $n) { edges { cursor node { code } } } } }')).toEqual([]);
    expect(refusals('query ($n: Int) { a: municipalities { actionsConnection(first: $n) { edges { cursor node { code } } } } b: municipalities { actionsConnection(first: $n) { edges { cursor node { code } } } } }')).toContain('QUERY_TOO_COSTLY');
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
