import { REPOSITORY_ROOT } from '@samverkan/hub';
import { signDevelopmentToken } from '@samverkan/schema';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse, type OperationDefinitionNode } from 'graphql';
import { chromium } from 'playwright-core';
import type { RunningGateway } from '../gateway/src/gateway';
import { TRUSTED_DOCUMENT_SOURCES, TRUSTED_DOCUMENTS_PATH } from '../gateway/src/trusted-documents';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/*
 * Trusted documents through the real gateway on PGlite: one hub, and beside its gateway
 * (allow-arbitrary, the default) a second gateway on the same subgraphs with
 * SAMVERKAN_TRUSTED_DOCUMENTS=only, loading the manifest the gateway's build wrote. The workspace
 * is also driven in headless Chromium against the second (skipped without Chromium, unless
 * REQUIRE_BROWSER=1); it needs the built web app and gateway (npm run build).
 */

jest.setTimeout(180_000);

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = fs.existsSync(executablePath);
if (!haveBrowser && process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${executablePath} (apt-get install chromium)`);
const itWithBrowser = haveBrowser ? it : it.skip;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every trusted document of the apps' generated files (hex hash → document). */
function sourceDocuments(): Map<string, { file: string; document: string }> {
  const documents = new Map<string, { file: string; document: string }>();
  for (const file of TRUSTED_DOCUMENT_SOURCES) {
    const entries = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8')) as Record<string, string>;
    for (const [hash, document] of Object.entries(entries)) documents.set(hash.replace(/^sha256:/, ''), { file, document });
  }
  return documents;
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

describe('trusted documents', () => {
  let hub: TestHub;
  let only: RunningGateway;
  let token: string;

  const post = async (url: string, body: unknown): Promise<Answer> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const byHash = (hash: string, extra: Record<string, unknown> = {}) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, ...extra });
  const codes = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code);

  beforeAll(async () => {
    hub = await startTestHub('pglite');
    only = await hub.startGateway({
            trustedDocuments: { mode: 'only' },
    });
    token = await signDevelopmentToken({ role: 'analyst', subject: 'anna', policeRegionCode: 'SYD' }, TEST_JWT_SECRET);
  });

  afterAll(async () => {
    await only?.close();
    await hub?.close();
  });

  it('the built manifest holds every operation of the workspace and of the example app, each the hash of its text', () => {
    const built = JSON.parse(fs.readFileSync(TRUSTED_DOCUMENTS_PATH, 'utf8')) as Record<string, string>;
    const sources = sourceDocuments();
    expect(sources.size).toBeGreaterThan(0);
    expect([...sources.values()].map((source) => source.file)).toEqual(expect.arrayContaining([...TRUSTED_DOCUMENT_SOURCES]));
    for (const [hash, { document }] of sources) expect(built[hash]).toBe(document);
    for (const [hash, document] of Object.entries(built)) expect(sha256(document)).toBe(hash);
  });

  it('with only, every trusted operation runs by its hash alone; those without required variables answer data', async () => {
    for (const [hash, { file, document }] of sourceDocuments()) {
      const operation = parse(document).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
      const answer = await post(only.url, byHash(hash, { operationName: operation.name?.value, variables: {} }));
      // Refused or unknown would be PERSISTED_QUERY_NOT_ALLOWED / _NOT_FOUND; a missing variable is the operation's own error.
      expect({ file, operation: operation.name?.value, codes: codes(answer).filter((code) => code?.startsWith('PERSISTED_QUERY')) }).toEqual({ file, operation: operation.name?.value, codes: [] });
      const needsVariables = (operation.variableDefinitions ?? []).some((v) => v.type.kind === 'NonNullType' && !v.defaultValue);
      if (!needsVariables && operation.operation === 'query') {
        expect({ operation: operation.name?.value, errors: answer.body.errors ?? [] }).toEqual({ operation: operation.name?.value, errors: [] });
        expect(answer.body.data).toBeTruthy();
      }
    }
  });

  it('with only, the example\'s Viewer answers by hash, and with its own text sent along too', async () => {
    const [hash, { document }] = [...sourceDocuments()].find(([, source]) => source.document.startsWith('query Viewer'))!;
    for (const body of [byHash(hash), byHash(hash, { query: document }), byHash(`sha256:${hash}`)]) {
      const answer = await post(only.url, body);
      expect(answer).toEqual({ status: 200, body: { data: { viewer: { municipalityCode: null, role: 'analyst' } } } });
    }
  });

  it('with only, an ad-hoc document, an unknown hash or another text under a trusted hash is refused with 400 before it is parsed', async () => {
    const [trusted] = [...sourceDocuments().keys()];
    const refused = [
      { query: '{ viewer { role } }' },
      { query: '{ viewer { role ' }, // would fail to parse: refused before that
      { query: '{ __schema { types { name } } }' },
      byHash('0'.repeat(64)),
      byHash(sha256('{ viewer { role } }'), { query: '{ viewer { role } }' }),
      byHash(trusted!, { query: '{ viewer { role } }' }),
    ];
    for (const body of refused) {
      const answer = await post(only.url, body);
      expect(answer.status).toBe(400);
      expect(codes(answer)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
      expect(answer.body.errors![0]!.message).toMatch(/only trusted documents.*docs\/kommun-app\.md/);
    }
    // (A GET without a preflight header is refused by the CSRF check before it gets this far.)
    const get = await fetch(`${only.url}?query=${encodeURIComponent('{ viewer { role } }')}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
    expect(((await get.json()) as Answer['body']).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('with only, a trusted operation also runs by GET with its hash', async () => {
    const [hash] = [...sourceDocuments()].find(([, source]) => source.document.startsWith('query Viewer'))!;
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    const response = await fetch(`${only.url}?operationName=Viewer&extensions=${extensions}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { viewer: { municipalityCode: null, role: 'analyst' } } });
  });

  it('with only, the gateway\'s own downloads (operations it runs itself) keep working', async () => {
    const url = new URL('/downloads/efterlevnad.csv?policeRegion=SYD&on=2026-12-01', only.url);
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Lund');
  });

  itWithBrowser('with only, the workspace (web/dist) in headless Chromium gets every answer of its four views', async () => {
    const browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const problems: string[] = [];
    let answers = 0;
    try {
      for (const view of ['#/karta', '#/rangordning', '#/kommun/1281', '#/efterlevnad']) {
        const context = await browser.newContext();
        await context.addInitScript((value) => sessionStorage.setItem('samverkan.token', value), token);
        const page = await context.newPage();
        const pending: Promise<void>[] = [];
        page.on('response', (response) => {
          if (new URL(response.url()).pathname !== '/graphql') return;
          pending.push(
            response.text().then((text) => {
              answers += 1;
              if (response.status() !== 200 || text.includes('"errors"')) problems.push(`${view}: ${response.status()} ${text.slice(0, 300)}`);
            }),
          );
        });
        page.on('pageerror', (error) => problems.push(`${view}: ${error.message}`));
        await page.goto(`${new URL(only.url).origin}/${view}`, { waitUntil: 'networkidle' });
        await Promise.all(pending);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    expect(problems).toEqual([]);
    expect(answers).toBeGreaterThanOrEqual(8);
  });

  it('with allow-arbitrary, ad-hoc documents work, trusted hashes work alone, and a new document is registered the APQ way', async () => {
    const adHoc = await post(hub.gateway.url, { query: '{ viewer { role } }' });
    expect(adHoc).toEqual({ status: 200, body: { data: { viewer: { role: 'analyst' } } } });
    const [hash] = [...sourceDocuments()].find(([, source]) => source.document.startsWith('query Viewer'))!;
    expect((await post(hub.gateway.url, byHash(hash))).body.data).toEqual({ viewer: { municipalityCode: null, role: 'analyst' } });
    const document = '{ viewer { policeRegionCode } }';
    expect(codes(await post(hub.gateway.url, byHash(sha256(document))))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect((await post(hub.gateway.url, byHash(sha256(document), { query: document }))).body.data).toEqual({ viewer: { policeRegionCode: 'SYD' } });
    expect((await post(hub.gateway.url, byHash(sha256(document)))).body.data).toEqual({ viewer: { policeRegionCode: 'SYD' } });
  });
});
