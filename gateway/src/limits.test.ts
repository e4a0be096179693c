import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { DEFAULT_LIMITS, limitRules } from './limits';

const schema = buildSchema(`
  type Query { municipalities: [Municipality!]! municipality(code: ID!): Municipality }
  type Municipality { code: ID! name: String! neighbours: [Municipality!]! }
`);

/** Validates `source` with the standard rules and the limits; returns the error codes. */
function refusals(source: string): string[] {
  const errors = validate(schema, parse(source), [...specifiedRules, ...limitRules(DEFAULT_LIMITS)]);
  return errors.map((error) => String(error.extensions.code ?? error.message));
}

/** `fragment F<i> on Query { ...F<i-1> ...F<i-1> }`: each fragment doubles the one before. */
function fragmentFanOut(n: number): string {
  const fragments = ['fragment F0 on Query { municipalities { code } }'];
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
    // 2^13 spreads × (1 + 20 items × 1 field) = 172,032 > 100,000
    expect(refusals(fragmentFanOut(13))).toContain('QUERY_TOO_COSTLY');
    expect(refusals(fragmentFanOut(12))).toEqual([]);
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
