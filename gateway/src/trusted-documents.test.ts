import type { GraphQLRequest } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { buildManifest, checkManifest, createTrustedDocuments, NOT_ALLOWED, trustedDocumentsModeFromEnv } from './trusted-documents';

const DOCUMENT = 'query Viewer { viewer { role } }';
const HASH = createHash('sha256').update(DOCUMENT).digest('hex');
const OTHER = '{ viewer { role municipalityCode } }';
const manifest = { [HASH]: DOCUMENT };
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

/** The error `check` throws, or null. */
function refusal(check: () => void): GraphQLError | null {
  try {
    check();
    return null;
  } catch (error) {
    return error as GraphQLError;
  }
}

/** Runs the plugin's requestDidStart on a request as Apollo Server would. */
async function start(trusted: ReturnType<typeof createTrustedDocuments>, request: GraphQLRequest) {
  const plugin = trusted.plugin();
  await plugin.requestDidStart?.({ request } as never);
  return request;
}

describe('trusted documents', () => {
  const only = createTrustedDocuments({ mode: 'only', manifest });

  it('under only, answers a trusted document by its hash, with or without its own text', () => {
    expect(refusal(() => only.check({ query: '', extensions: persisted(HASH) }))).toBeNull();
    expect(refusal(() => only.check({ query: DOCUMENT, extensions: persisted(HASH) }))).toBeNull();
    expect(refusal(() => only.check({ query: '', extensions: persisted(`sha256:${HASH}`) }))).toBeNull();
  });

  it('under only, refuses any other document or hash with 400 PERSISTED_QUERY_NOT_ALLOWED', () => {
    const cases = [
      { query: OTHER, extensions: null },
      { query: '', extensions: null },
      { query: '', extensions: persisted('0'.repeat(64)) },
      { query: OTHER, extensions: persisted(HASH) },
      { query: DOCUMENT, extensions: { persistedQuery: { version: 1 } } },
    ];
    for (const request of cases) {
      const error = refusal(() => only.check(request));
      expect(error?.extensions).toEqual({ code: NOT_ALLOWED, http: { status: 400 } });
      expect(error?.message).toMatch(/only trusted documents.*docs\/kommun-app\.md/);
    }
  });

  it('under allow-arbitrary, lets every document through', () => {
    const open = createTrustedDocuments({ mode: 'allow-arbitrary', manifest });
    expect(refusal(() => open.check({ query: OTHER, extensions: null }))).toBeNull();
    expect(refusal(() => open.check({ query: '', extensions: persisted('0'.repeat(64)) }))).toBeNull();
  });

  it('gives an HTTP request naming a trusted hash its document, and leaves the gateway\'s own operations alone', async () => {
    const http = { method: 'POST', headers: new Map(), search: '' } as unknown as GraphQLRequest['http'];
    const byHash = await start(only, { http, extensions: persisted(`sha256:${HASH}`) });
    expect(byHash.query).toBe(DOCUMENT);
    expect(byHash.extensions?.persistedQuery).toEqual({ version: 1, sha256Hash: HASH });
    const internal = await start(only, { query: OTHER });
    expect(internal.query).toBe(OTHER);
  });

  it('under allow-arbitrary, fills in a document registered earlier; under only, registers nothing', async () => {
    const open = createTrustedDocuments({ mode: 'allow-arbitrary', manifest: {} });
    const hash = createHash('sha256').update(OTHER).digest('hex');
    await open.cache.set(`apq:${hash}`, OTHER);
    const http = { method: 'POST', headers: new Map(), search: '' } as unknown as GraphQLRequest['http'];
    expect((await start(open, { http, extensions: persisted(hash) })).query).toBe(OTHER);
    await only.cache.set(`apq:${hash}`, OTHER);
    expect(await only.cache.get(`apq:${hash}`)).toBeUndefined();
  });

  it('builds the manifest from the apps\' files: keys as hex, each the hash of its document, each document valid', () => {
    const schema = 'type Query { viewer: Viewer! } type Viewer { role: String! municipalityCode: String }';
    expect(buildManifest([{ file: 'a.json', documents: { [`sha256:${HASH}`]: DOCUMENT } }], schema)).toEqual(manifest);
    expect(() => buildManifest([{ file: 'a.json', documents: { [HASH]: OTHER } }], schema)).toThrow(/a\.json: the entry .* is not the SHA-256/);
    const invalid = '{ viewer { name } }';
    const invalidHash = createHash('sha256').update(invalid).digest('hex');
    expect(() => buildManifest([{ file: 'b.json', documents: { [invalidHash]: invalid } }], schema)).toThrow(/b\.json: the document .* is not valid against schema\.graphql: Cannot query field "name"/);
    expect(() => checkManifest({ [HASH]: 42 }, 'm.json')).toThrow(/m\.json/);
  });

  it('reads its mode from SAMVERKAN_TRUSTED_DOCUMENTS and refuses an unknown one', () => {
    expect(trustedDocumentsModeFromEnv({})).toBeUndefined();
    expect(trustedDocumentsModeFromEnv({ SAMVERKAN_TRUSTED_DOCUMENTS: 'only' })).toBe('only');
    expect(() => trustedDocumentsModeFromEnv({ SAMVERKAN_TRUSTED_DOCUMENTS: 'on' })).toThrow(/must be one of only, allow-arbitrary/);
  });
});
