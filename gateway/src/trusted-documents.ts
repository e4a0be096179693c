import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { repositoryPath } from '@samverkan/hub';
import type { GraphQLRequestParts } from '@samverkan/server';
import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BoundedStore } from './bounded-store';

/**
 * Which documents the gateway answers over HTTP (`SAMVERKAN_TRUSTED_DOCUMENTS`):
 * - `only`: only the trusted documents of the manifest, sent by their hash; any other document or
 *   hash is refused (400 `PERSISTED_QUERY_NOT_ALLOWED`) before it is parsed, and no new document is
 *   registered by automatic persisted queries;
 * - `allow-arbitrary`: any document, as before; the manifest's hashes work without their text too.
 */
export type TrustedDocumentsMode = 'only' | 'allow-arbitrary';

export const TRUSTED_DOCUMENTS_MODES: readonly TrustedDocumentsMode[] = ['only', 'allow-arbitrary'];

/** Options of {@link createTrustedDocuments}. */
export interface TrustedDocumentsOptions {
  /** @default 'allow-arbitrary' (`SAMVERKAN_TRUSTED_DOCUMENTS`), in production too: see docs/kommun-app.md */
  mode?: TrustedDocumentsMode;
  /** The manifest (hex SHA-256 → document). @default the one the gateway's build wrote, {@link TRUSTED_DOCUMENTS_PATH} */
  manifest?: Record<string, string>;
}

/** The error code of a document refused under `only`. */
export const NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED';

/** The manifest the gateway's build writes (`npm run build`), beside the built code. */
export const TRUSTED_DOCUMENTS_PATH = path.join(__dirname, '..', 'dist', 'trusted-documents.json');

/**
 * The persisted-documents files of the apps whose operations are trusted, as GraphQL Code
 * Generator's client preset writes them (`persistedDocuments: { hashAlgorithm: 'sha256' }`): the
 * analysts' workspace and the example kommun app. A kommun app that should work against a hub in
 * `only` mode adds its file here (see docs/kommun-app.md).
 */
export const TRUSTED_DOCUMENT_SOURCES: readonly string[] = ['web/src/generated/gql/persisted-documents.json', 'examples/kommun-app/src/generated/persisted-documents.json'];

/** Apollo Server's prefix of the keys it stores automatic persisted queries under. */
const APQ_PREFIX = 'apq:';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A hash as a client sends it: hex, or hex after `sha256:` (the GraphQL-over-HTTP document id). */
const hexHash = (hash: string) => hash.replace(/^sha256:/, '');

/** Reads the environment's mode; an unknown value is refused at start. */
export function trustedDocumentsModeFromEnv(env: NodeJS.ProcessEnv = process.env): TrustedDocumentsMode | undefined {
  const value = env.SAMVERKAN_TRUSTED_DOCUMENTS;
  if (value === undefined || value === '') return undefined;
  if (!(TRUSTED_DOCUMENTS_MODES as readonly string[]).includes(value)) {
    throw new Error(`SAMVERKAN_TRUSTED_DOCUMENTS is "${value}": it must be one of ${TRUSTED_DOCUMENTS_MODES.join(', ')}.`);
  }
  return value as TrustedDocumentsMode;
}

/** Checks a manifest: every key the hex SHA-256 of its document. Returns it as a map. */
export function checkManifest(manifest: Record<string, unknown>, where: string): Map<string, string> {
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest)) {
    if (typeof document !== 'string' || sha256(document) !== hash) {
      throw new Error(`${where}: the entry ${hash} is not the SHA-256 (hex) of its document; rebuild the gateway (npm run build).`);
    }
    documents.set(hash, document);
  }
  return documents;
}

/** Reads the built manifest; a missing one is empty unless `required`. */
export function readManifest(file: string, required: boolean): Record<string, string> {
  if (!fs.existsSync(file)) {
    if (required) throw new Error(`SAMVERKAN_TRUSTED_DOCUMENTS=only needs the trusted documents at ${file}: run npm run build (the gateway's build writes them).`);
    return {};
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
}

/**
 * Merges the apps' persisted-documents files (keys `sha256:<hex>` or hex) into one manifest keyed by
 * hex, checking that each key is its document's hash and that each document is valid against the
 * API schema (a document that is not would be trusted and still fail). Sorted by hash, so that the
 * same sources give the same file.
 */
export function buildManifest(sources: { file: string; documents: Record<string, unknown> }[], apiSchemaSdl: string): Record<string, string> {
  const schema = buildSchema(apiSchemaSdl);
  const merged = new Map<string, string>();
  for (const source of sources) {
    const documents = checkManifest(Object.fromEntries(Object.entries(source.documents).map(([hash, document]) => [hexHash(hash), document])), source.file);
    for (const [hash, document] of documents) {
      const errors = validate(schema, parse(document));
      if (errors.length) throw new Error(`${source.file}: the document ${hash} is not valid against schema.graphql: ${errors.map((e) => e.message).join('; ')}`);
      merged.set(hash, document);
    }
  }
  return Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Reads the sources of {@link TRUSTED_DOCUMENT_SOURCES} from the repository; a missing one is an error naming the command that writes it. */
export function readManifestSources(files: readonly string[] = TRUSTED_DOCUMENT_SOURCES): { file: string; documents: Record<string, unknown> }[] {
  return files.map((file) => {
    const full = repositoryPath(file);
    if (!fs.existsSync(full)) throw new Error(`trusted documents: ${file} is missing; it is generated by its workspace's \`generate\` script (npm run generate at the root).`);
    return { file, documents: JSON.parse(fs.readFileSync(full, 'utf8')) as Record<string, unknown> };
  });
}

/** The store Apollo Server keeps automatic persisted queries in (its `KeyValueCache` of strings). */
interface PersistedQueryCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/**
 * Apollo Server's store of automatic persisted queries, bounded (about 30 million characters,
 * oldest first out) — or, under `only`, a store that keeps nothing (no new document is registered).
 */
function persistedQueryCache(mode: TrustedDocumentsMode, maxChars = 30_000_000): PersistedQueryCache & { lookup(hash: string): string | undefined } {
  const entries = new BoundedStore<string>(maxChars);
  return {
    async get(key) {
      return entries.get(key);
    },
    async set(key, value) {
      if (mode !== 'only') entries.set(key, value, value.length);
    },
    async delete(key) {
      return entries.delete(key);
    },
    lookup: (hash) => entries.get(APQ_PREFIX + hash),
  };
}

/** The hash a request names in `extensions.persistedQuery.sha256Hash`, if any. */
function requestedHash(extensions: Record<string, unknown> | null | undefined): string | undefined {
  const persisted = extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

/**
 * The gateway's trusted documents: `check` refuses, under `only`, an HTTP request that is not a
 * trusted document (call it when the request's context is built, before anything is parsed);
 * `plugin` gives a request that names a known hash its document (the manifest's, or under
 * `allow-arbitrary` one registered earlier), so that everything after it sees the text; `cache` is
 * Apollo Server's `persistedQueries.cache`. Operations the gateway runs itself
 * (`server.executeOperation`, e.g. downloads) carry no HTTP request and are not checked.
 */
export function createTrustedDocuments(options: TrustedDocumentsOptions = {}) {
  const mode = options.mode ?? 'allow-arbitrary';
  const documents = checkManifest(options.manifest ?? readManifest(TRUSTED_DOCUMENTS_PATH, mode === 'only'), TRUSTED_DOCUMENTS_PATH);
  const cache = persistedQueryCache(mode);
  const refuse = (why: string) =>
    new GraphQLError(`This hub answers only trusted documents, sent by their hash (extensions.persistedQuery.sha256Hash): ${why}. See docs/kommun-app.md.`, {
      extensions: { code: NOT_ALLOWED, http: { status: 400 } },
    });
  return {
    mode,
    /** How many trusted documents the manifest holds. */
    size: documents.size,
    cache,
    check(request: Pick<GraphQLRequestParts, 'query' | 'extensions'>): void {
      if (mode !== 'only') return;
      const hash = requestedHash(request.extensions);
      if (hash === undefined) throw refuse('this request sends a document without a hash');
      const trusted = documents.get(hexHash(hash));
      if (trusted === undefined) throw refuse(`${hash} is not the hash of a trusted document`);
      if (request.query !== '' && request.query !== trusted) throw refuse(`the query sent is not the trusted document ${hash}`);
    },
    plugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
      return {
        async requestDidStart({ request }) {
          if (!request.http) return;
          const persisted = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
          const hash = requestedHash(request.extensions);
          if (!persisted || hash === undefined) return;
          // Apollo Server compares the hex hash with the text's; `sha256:<hex>` names the same one.
          persisted.sha256Hash = hexHash(hash);
          if (request.query !== undefined) return;
          const known = documents.get(hexHash(hash)) ?? (mode === 'allow-arbitrary' ? cache.lookup(hexHash(hash)) : undefined);
          if (known !== undefined) request.query = known;
        },
      };
    },
  };
}

export type TrustedDocuments = ReturnType<typeof createTrustedDocuments>;
