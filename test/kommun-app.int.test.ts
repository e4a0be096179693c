import { REPOSITORY_ROOT } from '@samverkan/hub';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RunningGateway } from '../gateway/src/gateway';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/*
 * The example kommun app (examples/kommun-app) as a kommun developer would use it: generated,
 * typechecked and built with its own scripts, then run as a child process against the hub on
 * PGlite with a kommun user's token from `samverkan-token` — once against the gateway as it
 * starts by default, once against a gateway that answers only trusted documents and has
 * introspection off. And the contract it is generated from, served at /schema.graphql.
 */

jest.setTimeout(300_000);

const run = promisify(execFile);
const EXAMPLE = path.join(REPOSITORY_ROOT, 'examples', 'kommun-app');
const KOMMUN = '1281';

describe('the example kommun app', () => {
  let hub: TestHub;
  let strict: RunningGateway;
  let token: string;

  const graphql = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- the answers' shapes are asserted below
  };
  const actionCount = async () => (await graphql(hub.gateway.url, 'query ($m: MunicipalityCode!) { actions(filter: { municipality: $m }, first: 1) { totalCount } }', { m: KOMMUN })).data!.actions.totalCount as number;
  const runApp = (url: string) =>
    run('node', ['dist/main.js'], { cwd: EXAMPLE, env: { ...process.env, HUB_URL: url, HUB_TOKEN: token, HUB_PAGE_SIZE: '2', NODE_OPTIONS: '' }, timeout: 60_000 });

  beforeAll(async () => {
    // The example's own scripts, as its README-level docs give them (docs/kommun-app.md).
    for (const script of ['generate', 'typecheck', 'build']) await run('npm', ['run', script], { cwd: EXAMPLE, env: { ...process.env, NODE_OPTIONS: '' } });
    hub = await startTestHub('pglite');
    strict = await hub.startGateway({
            limits: { introspection: false },
      trustedDocuments: { mode: 'only' },
    });
    // A kommun user's token, from the command the docs give (signed with the test hub's secret).
    const printed = await run('node', [path.join(REPOSITORY_ROOT, 'packages/tools/bin/samverkan-token.js'), '--role', 'kommun', '--kommun', KOMMUN], {
      env: { ...process.env, SAMVERKAN_JWT_SECRET: TEST_JWT_SECRET, NODE_OPTIONS: '' },
    });
    token = printed.stdout.trim();
  });

  afterAll(async () => {
    await strict?.close();
    await hub?.close();
  });

  it('lists the kommun\'s actions page by page, creates one, updates it at its version and recovers from a conflict', async () => {
    const before = await actionCount();
    expect(before).toBeGreaterThanOrEqual(3); // more than one page of two
    const { stdout } = await runApp(hub.gateway.url);
    expect(stdout).toContain(`Signed in to ${hub.gateway.url} as a user of kommun ${KOMMUN}.`);
    expect(stdout).toContain(`Listed ${before} of ${before} actions in ${Math.ceil(before / 2)} page(s) of at most 2.`);
    const id = /Created action (\S+) "Trygghetsvandring i centrum" \(PLANNED, version 1\)\./.exec(stdout)?.[1];
    expect(id).toBeDefined();
    expect(stdout).toContain(`Updated action ${id}: version 1 → 2.`);
    expect(stdout).toContain('Conflict, as expected: The åtgärd has changed since you read it (your version 1, now 2); read it again and redo your change. Current version: 2.');
    expect(stdout).toContain('Read it again at version 2 (description: "Kvällsvandring med fastighetsägare, polis och boende."); redoing the change.');
    expect(stdout).toContain(`Updated action ${id}: version 2 → 3, place "Stortorget".`);

    // What it wrote, through the API.
    const { data } = await graphql(hub.gateway.url, 'query ($id: ID!) { action(id: $id) { title description place version municipality { code } responsible { name lead } } }', { id });
    expect(data!.action).toEqual({
      title: 'Trygghetsvandring i centrum',
      description: 'Kvällsvandring med fastighetsägare, polis och boende.',
      place: 'Stortorget',
      version: 3,
      municipality: { code: KOMMUN },
      responsible: [{ name: 'Kommunledningskontoret', lead: true }],
    });
    expect(await actionCount()).toBe(before + 1);
  });

  it('works as well against a hub that answers only trusted documents, with introspection off', async () => {
    const before = await actionCount();
    const { stdout } = await runApp(strict.url);
    expect(stdout).toContain(`Listed ${before} of ${before} actions in ${Math.ceil(before / 2)} page(s) of at most 2.`);
    expect(stdout).toMatch(/Updated action \S+: version 2 → 3, place "Stortorget"\./);
    expect(await actionCount()).toBe(before + 1);
    // The same hub refuses a document the app did not ship.
    const adHoc = await graphql(strict.url, '{ viewer { role } }');
    expect(adHoc.errors).toEqual([expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } })]);
  });

  it('stops with a clear message without a token', async () => {
    const failed = await run('node', ['dist/main.js'], { cwd: EXAMPLE, env: { ...process.env, HUB_URL: hub.gateway.url, HUB_TOKEN: '', NODE_OPTIONS: '' } }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringContaining('Set HUB_TOKEN') });
  });

  describe('the API schema at /schema.graphql', () => {
    // Read now that the gateways have read it (another checkout's `npm run compose` may rewrite it).
    let committed: string;
    beforeAll(() => {
      committed = fs.readFileSync(path.join(REPOSITORY_ROOT, 'schema.graphql'), 'utf8');
    });

    it('serves the committed schema as UTF-8 text with an ETag, and answers 304 to a client that has it', async () => {
      const url = new URL('/schema.graphql', hub.gateway.url);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toBe(committed);
      const etag = response.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await fetch(url, { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const head = await fetch(url, { method: 'HEAD' });
      expect([head.status, head.headers.get('etag'), await head.text()]).toEqual([200, etag, '']);
      expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    });

    it('serves it where introspection is off, as in production', async () => {
      const introspection = await fetch(strict.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) });
      expect(((await introspection.json()) as { errors?: unknown[] }).errors).toBeDefined();
      const response = await fetch(new URL('/schema.graphql', strict.url));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(committed);
    });
  });
});
