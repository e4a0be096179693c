import { testDatabaseKinds } from '@samverkan/db/testing';
import { signDevelopmentToken } from '@samverkan/schema';
import { startGateway } from '../gateway/src/gateway';
import { startTestHub, type TestHub } from './support/hub';

/**
 * Malformed and hostile requests through the real gateway: each gets a clear error, the hub keeps
 * answering, and no data changes.
 */

interface Attempt {
  name: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  search?: string;
  status: number;
  message: RegExp;
}

const json = (value: unknown) => JSON.stringify(value);
const q = (query: string, variables?: Record<string, unknown>) => json({ query, variables });
const nested = (depth: number) => `{ localPoliceAreas { ${'municipalities { localPoliceAreas { '.repeat(depth)}id${' } }'.repeat(depth)} } }`;
const DROP = `1281'; DROP TABLE "Municipality"; --`;

const attempts: Attempt[] = [
  { name: 'truncated JSON', body: '{"query": "{ municipalities { code }', status: 400, message: /not valid JSON/ },
  { name: 'JSON that is a string', body: '"hej"', status: 400, message: /POST body|JSON object|query/i },
  { name: 'a batch of operations', body: json([{ query: '{ __typename }' }]), status: 400, message: /batch/i },
  { name: 'no query', body: '{}', status: 400, message: /POST body missing, invalid Content-Type, or JSON object has no keys/ },
  { name: 'a query that is a number', body: '{"query": 42}', status: 400, message: /GraphQL queries must be strings/ },
  { name: 'variables that are a string', body: '{"query": "{ __typename }", "variables": "x"}', status: 400, message: /`variables`.*object/ },
  { name: 'a syntax error', body: q('{ municipalities { code }'), status: 400, message: /Syntax Error: Expected Name, found <EOF>/ },
  { name: 'an unknown field', body: q('{ municipalities { password } }'), status: 400, message: /Cannot query field "password" on type "Municipality"/ },
  { name: 'a body over the size limit', body: q(`{ __typename } # ${'x'.repeat(300_000)}`), status: 413, message: /larger than 200000 bytes/ },
  { name: 'a huge string argument', body: q(`{ municipality(code: "${'9'.repeat(150_000)}") { name } }`), status: 200, message: /^.{1,520}\(message shortened\)$/ },
  { name: 'deep nesting', body: q(nested(10)), status: 400, message: /nests fields \d+ deep; at most 15 levels/ },
  { name: 'an alias bomb', body: q(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: __typename`).join(' ')} }`), status: 400, message: /uses 200 aliases; at most 50/ },
  {
    name: 'nested lists that would cost too much',
    body: q('{ policeRegions { counties { municipalities { localPoliceAreas { municipalities { agreements { focusAreas { title } } } } } } } }'),
    status: 400,
    message: /estimated to cost \d+ .* at most 100000/,
  },
  { name: 'a token bomb', body: q(`{ ${'__typename '.repeat(6000)}}`), status: 400, message: /Document contains more th.. 5000 tokens/ },
  { name: 'a fragment cycle', body: q('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'), status: 400, message: /Cannot spread fragment "A" within itself/ },
  { name: 'a variable of the wrong type', body: q('query ($c: MunicipalityCode!) { municipality(code: $c) { name } }', { c: 1281 }), status: 400, message: /\$c/ },
  { name: 'an unknown kommun code', body: q('{ municipality(code: "9999") { name } }'), status: 200, message: /No kommun has the code 9999/ },
  { name: 'SQL in a kommun code', body: q('query ($c: MunicipalityCode!) { municipality(code: $c) { name } }', { c: DROP }), status: 400, message: /\$c/ },
  { name: 'SQL in an id', body: q('query ($id: ID!) { agreement(id: $id) { title } }', { id: `x' OR '1'='1` }), status: 200, message: /^$/ },
  { name: 'SQL in a search text', body: q('query ($s: String) { agreements(filter: { search: $s }) { totalCount } }', { s: `'; DELETE FROM "Agreement"; --` }), status: 200, message: /^$/ },
  { name: 'a NUL byte in a search text', body: q('query ($s: String) { agreements(filter: { search: $s }) { totalCount } }', { s: 'Lund\u0000' }), status: 400, message: /Text may not contain the NUL character/ },
  { name: 'invalid UTF-8 in a string', body: Buffer.concat([Buffer.from('{"query": "{ municipality(code: \\"12'), Buffer.from([0xff, 0xfe]), Buffer.from('81\\") { name } }"}')]), status: 200, message: /is not a kommun code/ },
  { name: 'invalid UTF-8 in the document', body: Buffer.concat([Buffer.from('{"query": "{ '), Buffer.from([0xc3, 0x28]), Buffer.from(' }"}')]), status: 400, message: /Syntax Error: Unexpected character/ },
  { name: 'an impossible date', body: q('{ agreements(filter: { on: "2023-02-30" }) { totalCount } }'), status: 200, message: /"2023-02-30" is not a date: 2023-02 has 28 days/ },
  { name: 'an integer beyond 32 bits', body: q('{ indicatorComparison(indicator: "PROBLEM_INDEX", year: 99999999999) { median } }'), status: 400, message: /Int cannot represent non 32-bit signed integer/ },
  { name: 'a year far out of range', body: q('{ indicatorComparison(indicator: "PROBLEM_INDEX", year: -5) { median } }'), status: 200, message: /`year` -5 is not a survey year/ },
  { name: 'an unknown operation name', body: json({ query: 'query A { __typename }', operationName: 'B' }), status: 400, message: /Unknown operation named "B"/ },
  { name: 'two operations and no name', body: q('query A { __typename } query B { __typename }'), status: 400, message: /holds 2 operations: name the one to run/ },
  { name: 'a subscription', body: q('subscription { __typename }'), status: 400, message: /Subscriptions are not served/ },
  { name: 'a write without a token', body: q('mutation { createAction(input: { municipalityCode: "1281", title: "x", responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "x", lead: true }] }) { id } }'), status: 200, message: /sign|token|not allowed|Forbidden|may/i },
  { name: 'a forged token', body: q('{ __typename }'), headers: { authorization: 'Bearer abc.def.ghi' }, status: 401, message: /Not signed in/ },
  { name: 'a token signed with another secret', body: q('{ __typename }'), headers: { authorization: `Bearer ${'TOKEN_OTHER_SECRET'}` }, status: 401, message: /Not signed in/ },
  { name: 'a plain-text POST (CSRF)', body: '{ __typename }', headers: { 'content-type': 'text/plain' }, status: 400, message: /Cross-Site Request Forgery/ },
  { name: 'a GET without a preflight header (CSRF)', body: '', method: 'GET', search: '?query=%7B__typename%7D', headers: {}, status: 400, message: /Cross-Site Request Forgery/ },
  { name: 'a mutation by GET', body: '', method: 'GET', search: '?query=mutation%7BapproveAgreement(id%3A%22lund-2024%22)%7Bid%7D%7D', headers: { 'apollo-require-preflight': 'true' }, status: 405, message: /GET requests only support query operations, not mutation operations/ },
];

describe.each(testDatabaseKinds())('hostile requests through the gateway on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  });
  afterAll(() => hub?.close());

  const counts = async () => ({
    agreements: await hub.agreements.client.agreement.count(),
    municipalities: await hub.agreements.client.municipality.count(),
    actions: await hub.actions.client.action.count(),
    results: await hub.surveys.client.surveyResult.count(),
  });

  it(`answers each of ${attempts.length} malformed or hostile requests with a clear error, keeps answering, and changes no data`, async () => {
    expect(attempts.length).toBeGreaterThanOrEqual(30);
    const before = await counts();
    const otherSecretToken = await signDevelopmentToken({ role: 'admin', subject: 'mallory' }, 'not-the-hub-secret');
    const outcomes: string[] = [];
    for (const attempt of attempts) {
      const headers: Record<string, string> = { ...(attempt.method === 'GET' ? {} : { 'content-type': 'application/json' }), ...attempt.headers };
      if (headers.authorization === 'Bearer TOKEN_OTHER_SECRET') headers.authorization = `Bearer ${otherSecretToken}`;
      const response = await fetch(`${hub.gateway.url}${attempt.search ?? ''}`, {
        method: attempt.method ?? 'POST',
        headers,
        ...(attempt.method === 'GET' ? {} : { body: typeof attempt.body === 'string' ? attempt.body : Uint8Array.from(attempt.body) }),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      const messages = (body.errors ?? []).map((e) => e.message).join(' | ');
      if (response.status !== attempt.status || !attempt.message.test(messages)) {
        outcomes.push(`${attempt.name}: got ${response.status} "${messages.slice(0, 300)}"`);
      }
      expect(messages).not.toMatch(/at .*\.(js|ts):\d+/); // no stack traces
    }
    expect(outcomes).toEqual([]);
    // Still answering, and nothing changed.
    const alive = await fetch(hub.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: q('{ municipality(code: "1281") { name } }') });
    expect(await alive.json()).toEqual({ data: { municipality: { name: 'Lund' } } });
    expect(await counts()).toEqual(before);
  });
});

describe('limits of the gateway', () => {
  it('refuses a client over the rate limit with 429 and Retry-After, and counts clients apart', async () => {
    const gateway = await startGateway({ port: 0, log: false, limits: { rateLimitPerMinute: 3 }, tokens: { secret: 'rate-test' } });
    try {
      const ask = (headers: Record<string, string> = {}) =>
        fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: q('{ __typename }') });
      for (let i = 0; i < 3; i += 1) expect((await ask()).status).toBe(200);
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/Too many requests: at most 3 a minute per client/);
      const token = await signDevelopmentToken({ role: 'analyst', subject: 'anna', policeRegionCode: 'SYD' }, 'rate-test');
      expect((await ask({ authorization: `Bearer ${token}` })).status).toBe(200); // another client
    } finally {
      await gateway.close();
    }
  });

  it('turns introspection off when configured, with a clear error', async () => {
    const gateway = await startGateway({ port: 0, log: false, limits: { introspection: false } });
    try {
      const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: q('{ __schema { types { name } } }') });
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/introspection is not allowed/i);
    } finally {
      await gateway.close();
    }
  });
});
