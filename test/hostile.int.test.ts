import { testDatabaseKinds } from '@samverkan/db/testing';
import { signActorHeaders, signDevelopmentToken } from '@samverkan/schema';
import type { RequestLimits } from '@samverkan/server';
import fs from 'node:fs';
import path from 'node:path';
import { type RunningGateway, startGateway } from '../gateway/src/gateway';
import { startTestHub, TEST_HOP_SECRET, type TestHub } from './support/hub';

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
  /**
   * Which gateway is asked: the hub's; one started with the options production uses (no
   * suggestions, no introspection); or one that sends answers of at most 5,000 bytes. @default 'hub'
   */
  target?: 'hub' | 'production' | 'small answers';
}

const json = (value: unknown) => JSON.stringify(value);
const q = (query: string, variables?: Record<string, unknown>) => json({ query, variables });
const nested = (depth: number) => `{ localPoliceAreas { ${'municipalities { localPoliceAreas { '.repeat(depth)}id${' } }'.repeat(depth)} } }`;
const DROP = `1281'; DROP TABLE "Municipality"; --`;
/** `fragment F<i> on Query { ...F<i-1> ...F<i-1> }`: each fragment doubles the one before. */
const fragmentFanOut = (n: number, leaf = 'municipalities { code }') =>
  `{ ...F${n} } fragment F0 on Query { ${leaf} } ${Array.from({ length: n }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ')}`;
/** `count` aliases of one selection. */
const aliased = (count: number, selection: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;
/** JSON of `value` inside `depth` nested arrays, built as text (JSON.stringify would overflow). */
const deepJson = (depth: number, value = '1') => `${'['.repeat(depth)}${value}${']'.repeat(depth)}`;
const RESULTS = 'municipalities { surveyResults(origins: [DEMO]) { year value } }';

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
  { name: 'a mutation by GET', body: '', method: 'GET', search: '?query=mutation%7BapproveAgreement(id%3A%22lund-2024%22%2Cversion%3A1)%7Bid%7D%7D', headers: { 'apollo-require-preflight': 'true' }, status: 405, message: /GET requests only support query operations, not mutation operations/ },
  // Fan-out: documents that are small but ask for far more than they look.
  { name: 'fragments spreading each other 2^40 times', body: q(fragmentFanOut(40)), status: 400, message: /estimated to cost/ },
  { name: 'fragments spreading each other 2^16 times over kommuner', body: q(fragmentFanOut(16, 'municipalities { name county { name } }')), status: 400, message: /estimated to cost/ },
  { name: 'fragments spreading survey results 2^6 times', body: q(fragmentFanOut(6, RESULTS)), status: 400, message: /estimated to cost/ },
  { name: '50 aliases of every kommun\'s survey results', body: q(aliased(50, RESULTS)), status: 400, message: /estimated to cost \d+ .*290 kommuner.* at most 100000/ },
  { name: '3 aliases of every kommun\'s survey results', body: q(aliased(3, RESULTS)), status: 400, message: /estimated to cost/ },
  { name: '50 aliases of the national compliance report with survey results', body: q(aliased(50, 'compliance { municipality { surveyResults { value } } }')), status: 400, message: /estimated to cost/ },
  { name: '40 aliases of every region\'s kommuner and their results', body: q(aliased(40, 'policeRegions { municipalities { surveyResults(indicator: "PROBLEM_INDEX") { value } } }')), status: 400, message: /estimated to cost/ },
  { name: '30 aliases of every kommun\'s trend', body: q(aliased(30, 'indicatorTrend(indicator: "PROBLEM_INDEX", origins: [DEMO]) { series { points { year value } } }')), status: 400, message: /estimated to cost/ },
  { name: 'a page of 200 agreements with their histories, 30 times', body: q(aliased(30, 'agreements(first: 200) { edges { node { history { changes { field } } } } }')), status: 400, message: /estimated to cost/ },
  { name: '50 aliases of one named kommun\'s results (a list argument counts its items)', body: q(aliased(50, 'municipalities(codes: ["1281"]) { surveyResults(origins: [DEMO]) { year } }')), status: 200, message: /^$/ },
  { name: 'nested lists through fragments and inline fragments', body: q('{ ...R } fragment R on Query { policeRegions { ... on PoliceRegion { counties { municipalities { localPoliceAreas { municipalities { surveyResults { value } } } } } } } }'), status: 400, message: /estimated to cost/ },
  // Deep JSON: variables and extensions that would overflow the stack of a recursive reader.
  { name: 'variables nested 90,000 deep', body: `{"query":"query ($v: [Int]) { __typename }","variables":{"v":${deepJson(90_000)}}}`, status: 400, message: /nests more than \d+ levels deep; at most \d+/ },
  { name: 'an undeclared variable nested 90,000 deep', body: `{"query":"{ __typename }","variables":{"v":${deepJson(90_000)}}}`, status: 400, message: /nests more than \d+ levels deep/ },
  { name: 'extensions nested 90,000 deep', body: `{"query":"{ __typename }","extensions":{"v":${deepJson(90_000)}}}`, status: 400, message: /nests more than \d+ levels deep/ },
  { name: 'objects nested 30,000 deep', body: `{"query":"{ __typename }","variables":{"v":${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}}}`, status: 400, message: /nests more than \d+ levels deep/ },
  { name: 'deep variables by GET', body: '', method: 'GET', search: `?query=%7B__typename%7D&variables=${encodeURIComponent(`{"v":${deepJson(2000)}}`)}`, headers: { 'apollo-require-preflight': 'true' }, status: 400, message: /nests more than \d+ levels deep/ },
  { name: 'a list literal nested 3,000 deep', body: q(`{ municipalities(codes: ${deepJson(3000, '"1281"')}) { code } }`), status: 400, message: /The document nests more than \d+ levels deep/ },
  { name: 'an object literal nested 2,000 deep', body: q(`{ agreements(filter: ${'{ a: '.repeat(2000)}1${' }'.repeat(2000)}) { totalCount } }`), status: 400, message: /The document nests more than \d+ levels deep/ },
  { name: 'selections nested 2,000 deep', body: q(`${'{ a '.repeat(2000)}${'}'.repeat(2000)}`), status: 400, message: /The document nests more than \d+ levels deep/ },
  // Custom scalars given as variables: refused like inline values, without the subgraph's address.
  { name: 'an impossible date as a variable', body: q('query ($on: Date) { agreements(filter: { on: $on }) { totalCount } }', { on: '2023-02-30' }), status: 200, message: /"2023-02-30" is not a date: 2023-02 has 28 days/ },
  { name: 'a date that is not text, as a variable', body: q('query ($on: Date!) { municipality(code: "1281") { actions(activeOn: $on) { title } } }', { on: 20230230 }), status: 200, message: /\$on/ },
  { name: 'an invalid kommun code as a variable', body: q('query ($c: [MunicipalityCode!]) { municipalities(codes: $c) { name } }', { c: ['12x1'] }), status: 200, message: /"12x1" is not a kommun code/ },
  { name: 'SQL in a kommun code list variable', body: q('query ($c: [MunicipalityCode!]) { compliance(municipalities: $c) { compliant } }', { c: [DROP] }), status: 200, message: /is not a kommun code/ },
  // What the schema holds is not suggested in production.
  { name: 'a misspelt field in production', target: 'production', body: q('{ municipalities { nam } }'), status: 400, message: /^Cannot query field "nam" on type "Municipality"\.$/ },
  { name: 'a misspelt argument in production', target: 'production', body: q('{ municipalities(code: ["1281"]) { name } }'), status: 400, message: /^Unknown argument "code" on field "Query\.municipalities"\.$/ },
  { name: 'a misspelt enum value in production', target: 'production', body: q('{ municipality(code: "1281") { surveyResults(origins: [DEM]) { year } } }'), status: 400, message: /^Value "DEM" does not exist in "ResultOrigin" enum\.$/ },
  { name: 'a misspelt enum value in a variable in production', target: 'production', body: q('query ($o: [ResultOrigin!]) { municipality(code: "1281") { surveyResults(origins: $o) { year } } }', { o: ['DEM'] }), status: 400, message: /does not exist in "ResultOrigin" enum\.$/ },
  { name: 'a misspelt input field in a variable in production', target: 'production', body: q('query ($f: AgreementFilter) { agreements(filter: $f) { totalCount } }', { f: { serch: 'x' } }), status: 400, message: /Field "serch" is not defined by type "AgreementFilter"\.$/ },
  { name: 'a misspelt type in production', target: 'production', body: q('query ($c: MunicipalityCod) { municipality(code: $c) { name } }'), status: 400, message: /^Unknown type "MunicipalityCod"\.[^?]*$/ },
  // Answers over the size limit are refused, not sent.
  { name: 'an answer over the size limit from one subgraph', target: 'small answers', body: q('{ municipalities { code name county { name } } }'), status: 400, message: /The answer is larger than 5000 bytes/ },
  { name: 'an answer over the size limit from several subgraphs', target: 'small answers', body: q('{ municipalities(county: "12") { code name county { name } compliance { compliant hasCurrentSituationReport ongoingActions overdueActions } } }'), status: 400, message: /The answer is larger than 5000 bytes/ },
  { name: 'an answer within the size limit', target: 'small answers', body: q('{ municipality(code: "1281") { name } }'), status: 200, message: /^$/ },
  { name: 'introspection in production', target: 'production', body: q('{ __schema { types { name } } }'), status: 400, message: /introspection is not allowed/i },
];

describe.each(testDatabaseKinds())('hostile requests through the gateway on %s', (kind) => {
  let hub: TestHub;
  const gateways: Partial<Record<'production' | 'small answers', RunningGateway>> = {};
  beforeAll(async () => {
    hub = await startTestHub(kind);
    // More gateways over the hub's subgraphs, with other limits.
    const over = (limits: RequestLimits) =>
      hub.startGateway({
                limits,
      });
    gateways.production = await over({ suggestions: false, introspection: false });
    gateways['small answers'] = await over({ maxResponseBytes: 5000 });
  });
  afterAll(async () => {
    await Promise.all(Object.values(gateways).map((gateway) => gateway.close()));
    await hub?.close();
  });

  const counts = async () => ({
    agreements: await hub.agreements.client.agreement.count(),
    municipalities: await hub.agreements.client.municipality.count(),
    actions: await hub.actions.client.action.count(),
    results: await hub.surveys.client.surveyResult.count(),
  });

  it(`answers each of ${attempts.length} malformed or hostile requests with a clear error, keeps answering, and changes no data`, async () => {
    expect(new Set(attempts.map((attempt) => attempt.name)).size).toBe(attempts.length);
    expect(attempts.length).toBeGreaterThanOrEqual(60);
    const before = await counts();
    const otherSecretToken = await signDevelopmentToken({ role: 'admin', subject: 'mallory' }, 'not-the-hub-secret');
    const outcomes: string[] = [];
    for (const attempt of attempts) {
      const headers: Record<string, string> = { ...(attempt.method === 'GET' ? {} : { 'content-type': 'application/json' }), ...attempt.headers };
      if (headers.authorization === 'Bearer TOKEN_OTHER_SECRET') headers.authorization = `Bearer ${otherSecretToken}`;
      const url = attempt.target && attempt.target !== 'hub' ? gateways[attempt.target]!.url : hub.gateway.url;
      const response = await fetch(`${url}${attempt.search ?? ''}`, {
        method: attempt.method ?? 'POST',
        headers,
        ...(attempt.method === 'GET' ? {} : { body: typeof attempt.body === 'string' ? attempt.body : Uint8Array.from(attempt.body) }),
      });
      const text = await response.text();
      let body: { errors?: { message: string }[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        outcomes.push(`${attempt.name}: got ${response.status} and no JSON: "${text.slice(0, 100)}"`);
        continue;
      }
      const messages = (body.errors ?? []).map((e) => e.message).join(' | ');
      if (response.status !== attempt.status || !attempt.message.test(messages)) {
        outcomes.push(`${attempt.name}: got ${response.status} "${messages.slice(0, 300)}"`);
      }
      // No internal address, no subgraph's raw answer, no suggestion of names in production.
      if (/127\.0\.0\.1|localhost:\d|"response":/.test(text)) outcomes.push(`${attempt.name}: shows an internal address or raw answer: ${text.slice(0, 300)}`);
      if (attempt.target === 'production' && /Did you mean/.test(text)) outcomes.push(`${attempt.name}: suggests names in production: ${messages}`);
      expect(messages).not.toMatch(/at .*\.(js|ts):\d+/); // no stack traces
    }
    expect(outcomes).toEqual([]);
    // Still answering, and nothing changed.
    const alive = await fetch(hub.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: q('{ municipality(code: "1281") { name } }') });
    expect(await alive.json()).toEqual({ data: { municipality: { name: 'Lund' } } });
    for (const gateway of Object.values(gateways)) expect((await fetch(gateway.url.replace('/graphql', '/health'))).status).toBe(200);
    for (const subgraph of Object.values(hub.subgraphs)) expect((await fetch(subgraph.url.replace('/graphql', '/health'))).status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it('treats replayed or altered hop headers, straight at the subgraphs, as anonymous, and writes nothing', async () => {
    const before = await counts();
    const kommun = { role: 'kommun' as const, subject: 'lena', municipalityCode: '1281' };
    const read = { subgraph: 'agreements', query: '{ viewer { role } }' };
    const captured = signActorHeaders(kommun, TEST_HOP_SECRET, read);
    const createAction = `mutation { createAction(input: { municipalityCode: "1281", title: "Omspelad", responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "Lunds kommun", lead: true }] }) { id } }`;
    const draft = 'mutation ($i: AgreementInput!) { createAgreementDraft(input: $i) { id } }';
    const draftInput = { i: { title: 'Omspelad', municipalityCode: '1281', localPoliceAreaIds: ['lund'] } };
    const signedDraft = signActorHeaders(kommun, TEST_HOP_SECRET, { subgraph: 'agreements', query: draft, variables: draftInput });
    const replays: [string, string, string, Record<string, unknown>, Record<string, string>][] = [
      ['a read\'s headers replayed for a write', hub.agreements.url, draft, draftInput, captured],
      ['a read\'s headers replayed at another subgraph, for a write', hub.actions.url, createAction, {}, captured],
      ['a write\'s headers replayed with other variables', hub.agreements.url, draft, { i: { ...draftInput.i, title: 'Ändrad' } }, signedDraft],
      ['a write\'s headers replayed at another subgraph', hub.actions.url, draft, draftInput, signedDraft],
      ['a write\'s headers replayed after the window', hub.agreements.url, draft, draftInput, signActorHeaders(kommun, TEST_HOP_SECRET, { subgraph: 'agreements', query: draft, variables: draftInput }, Date.now() - 60_000)],
      ['headers with the actor swapped for an admin', hub.agreements.url, draft, draftInput, { ...signedDraft, 'x-samverkan-actor': Buffer.from(JSON.stringify({ role: 'admin', subject: 'mallory' })).toString('base64url') }],
    ];
    for (const [name, url, query, variables, headers] of replays) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect({ name, code: body.errors?.[0]?.extensions?.code }).toEqual({ name, code: expect.stringMatching(/FORBIDDEN|GRAPHQL_VALIDATION_FAILED/) });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses pages whose size is a variable as it refuses the same pages written out, at the gateway and at a subgraph, and answers the workspace\'s and a kommun app\'s pages', async () => {
    const ask = async (url: string, query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: q(query, variables) });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      return { status: response.status, codes: (body.errors ?? []).map((e) => e.extensions?.code), message: (body.errors ?? []).map((e) => e.message).join(' | '), data: body.data };
    };
    // 500 actions with 500 follow-ups each: 1 + 500 × (1 + (1 + (1 + 500 × (1 + (1 + 1))))) = 751,501
    const nested = 'query ($n: Int) { actions(first: $n) { edges { node { followUpsConnection(first: $n) { edges { node { id } } } } } } }';
    const written = nested.replace('($n: Int) ', '').replaceAll('$n', '500');
    const refusal = (values: string) => ({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'], message: expect.stringMatching(new RegExp(`^The operation is estimated to cost 751501${values} .*; at most 100000 is allowed`)), data: undefined });
    expect(await ask(hub.gateway.url, written)).toEqual(refusal(''));
    expect(await ask(hub.gateway.url, nested, { n: 500 })).toEqual(refusal(' with the values of its variables'));
    expect(await ask(hub.actions.url, written)).toEqual(refusal(''));
    expect(await ask(hub.actions.url, nested, { n: 500 })).toEqual(refusal(' with the values of its variables'));
    // Every kommun's page given as a variable: of 5 actions it is answered, of 500 refused.
    const kommunPages = 'query ($n: Int) { municipalities { actionsConnection(first: $n) { edges { node { title } } } } }';
    expect(await ask(hub.gateway.url, kommunPages, { n: 5 })).toEqual({ status: 200, codes: [], message: '', data: { municipalities: expect.arrayContaining([expect.objectContaining({ actionsConnection: expect.anything() })]) } });
    expect((await ask(hub.gateway.url, kommunPages, { n: 500 })).message).toMatch(/estimated to cost 435291 with the values of its variables/);
    // The workspace's compliance board for the whole country, and a kommun app's largest page of actions, with their variables.
    const documentOf = (file: string, name: string) => Object.values(JSON.parse(fs.readFileSync(path.join(__dirname, '..', file), 'utf8')) as Record<string, string>).find((text) => text.startsWith(`query ${name}(`))!;
    const board = await ask(hub.gateway.url, documentOf('web/src/generated/gql/persisted-documents.json', 'Efterlevnad'), { on: '2025-06-01', county: null, policeRegion: null });
    expect({ ...board, data: undefined }).toEqual({ status: 200, codes: [], message: '', data: undefined });
    expect((board.data as { compliance: unknown[] }).compliance).toHaveLength(290);
    const page = await ask(hub.gateway.url, documentOf('examples/kommun-app/src/generated/persisted-documents.json', 'ActionsPage'), { municipality: '1281', first: 500 });
    expect({ ...page, data: undefined }).toEqual({ status: 200, codes: [], message: '', data: undefined });
    expect((page.data as { actions: { totalCount: number } }).actions.totalCount).toBeGreaterThan(0);
  });

  it('refuses, in each subgraph too, what is too deep, too aliased or too costly for its own schema, and deep variables', async () => {
    const ask = async (url: string, body: string) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { status: response.status, message: (((await response.json()) as { errors?: { message: string }[] }).errors ?? []).map((e) => e.message).join(' | ') };
    };
    const cases: [string, string, RegExp][] = [
      [hub.agreements.url, q(nested(10)), /nests fields \d+ deep; at most 15 levels/],
      [hub.agreements.url, q(aliased(60, '__typename')), /uses 60 aliases; at most 50/],
      [hub.agreements.url, q(aliased(40, 'municipalities { localPoliceAreas { municipalities { name county { name } } } }')), /estimated to cost/],
      [hub.surveys.url, q('{ indicatorTrend(indicator: "PROBLEM_INDEX") { series { points { history { changes { field before after } } } } } }'), /estimated to cost/],
      [hub.surveys.url, q(fragmentFanOut(40, 'indicators { code }')), /estimated to cost/],
      [hub.actions.url, `{"query":"{ __typename }","variables":{"v":${deepJson(90_000)}}}`, /nests more than \d+ levels deep/],
    ];
    for (const [url, body, message] of cases) expect(await ask(url, body)).toEqual({ status: 400, message: expect.stringMatching(message) });
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

  it('counts GraphiQL\'s page in the rate limit', async () => {
    const gateway = await startGateway({ port: 0, log: false, limits: { rateLimitPerMinute: 2 }, graphiql: true });
    try {
      const page = () => fetch(gateway.url, { headers: { accept: 'text/html' } });
      for (let i = 0; i < 2; i += 1) expect((await page()).headers.get('content-type')).toMatch(/text\/html/);
      const refused = await page();
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/Too many requests: at most 2 a minute/);
    } finally {
      await gateway.close();
    }
  });

  it('serves GraphiQL only when configured: off by default in production', async () => {
    const environment = process.env.NODE_ENV;
    const gateways: RunningGateway[] = [];
    try {
      gateways.push(await startGateway({ port: 0, log: false, graphiql: false }));
      process.env.NODE_ENV = 'production';
      // Production's secrets, strong enough; GraphiQL not asked for.
      gateways.push(await startGateway({ port: 0, log: false, hopSecret: 'h'.repeat(40), tokens: { secret: 's'.repeat(40) } }));
      process.env.NODE_ENV = environment;
      for (const gateway of gateways) {
        const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
        expect(response.status).toBe(404);
        expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/GraphiQL is not served here.*SAMVERKAN_GRAPHIQL/);
      }
    } finally {
      process.env.NODE_ENV = environment;
      await Promise.all(gateways.map((gateway) => gateway.close()));
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
