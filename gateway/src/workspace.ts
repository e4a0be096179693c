import { repositoryPath } from '@samverkan/hub';
import { sendGraphQLError } from '@samverkan/server';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * The analysts' workspace (Arbetsytan): the web app's built files (`web/dist`), served at `/` from
 * local files, and how it signs users in (`/workspace-config.json`).
 */
export interface WorkspaceOptions {
  /** The built web app's folder. @default `web/dist` of the repository (`npm run build` writes it) */
  directory?: string;
  /**
   * How users sign in: `"oidc"` (the identity provider below), `"token"` (paste a token from
   * `npm run token`) or `"none"` (anonymous only). @default "oidc" when `oidc` is set, else "token"
   * outside production and "none" when NODE_ENV=production
   */
  signIn?: 'token' | 'oidc' | 'none';
  /**
   * The identity provider of the authorization-code flow with PKCE, for `signIn: "oidc"`.
   * @default none; set by `SAMVERKAN_OIDC_AUTHORIZATION_URL`, `SAMVERKAN_OIDC_TOKEN_URL` and
   * `SAMVERKAN_OIDC_CLIENT_ID` together (`SAMVERKAN_OIDC_SCOPE`, default "openid")
   */
  oidc?: OidcSettings;
}

/** The identity provider the workspace signs users in with. */
export interface OidcSettings {
  /** Its authorization endpoint (`SAMVERKAN_OIDC_AUTHORIZATION_URL`). */
  authorizationEndpoint: string;
  /** Its token endpoint, which the browser asks for the token (`SAMVERKAN_OIDC_TOKEN_URL`). */
  tokenEndpoint: string;
  /** The workspace's client id at the provider (`SAMVERKAN_OIDC_CLIENT_ID`). */
  clientId: string;
  /** The scopes asked for. @default "openid" (`SAMVERKAN_OIDC_SCOPE`) */
  scope?: string;
}

/** Reads the workspace's options from the environment; the OIDC settings only when all three URLs and the client id are set. */
export function workspaceOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkspaceOptions {
  const authorizationEndpoint = env.SAMVERKAN_OIDC_AUTHORIZATION_URL;
  const tokenEndpoint = env.SAMVERKAN_OIDC_TOKEN_URL;
  const clientId = env.SAMVERKAN_OIDC_CLIENT_ID;
  if (!authorizationEndpoint || !tokenEndpoint || !clientId) return {};
  for (const [name, value] of [['SAMVERKAN_OIDC_AUTHORIZATION_URL', authorizationEndpoint], ['SAMVERKAN_OIDC_TOKEN_URL', tokenEndpoint]] as const) {
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new Error(`${name} must be an http(s) URL, not "${value}".`);
  }
  return { oidc: { authorizationEndpoint, tokenEndpoint, clientId, scope: env.SAMVERKAN_OIDC_SCOPE || 'openid' } };
}

/** The gateway's `workspace` option from the environment: none when no workspace variable is set. */
export function gatewayWorkspaceFromEnv(env: NodeJS.ProcessEnv = process.env): { workspace?: WorkspaceOptions } {
  const workspace = workspaceOptionsFromEnv(env);
  return Object.keys(workspace).length ? { workspace } : {};
}

/** What /workspace-config.json answers. */
export interface WorkspaceConfig {
  signIn: 'token' | 'oidc' | 'none';
  oidc?: Required<OidcSettings>;
}

/** The sign-in settings the web app reads. */
export function workspaceConfig(options: WorkspaceOptions, production = process.env.NODE_ENV === 'production'): WorkspaceConfig {
  const signIn = options.signIn ?? (options.oidc ? 'oidc' : production ? 'none' : 'token');
  if (signIn !== 'oidc') return { signIn };
  if (!options.oidc) throw new Error('The workspace signs in with OIDC only when its provider is set (SAMVERKAN_OIDC_AUTHORIZATION_URL, SAMVERKAN_OIDC_TOKEN_URL, SAMVERKAN_OIDC_CLIENT_ID).');
  return { signIn, oidc: { ...options.oidc, scope: options.oidc.scope ?? 'openid' } };
}

/** Content types by extension; anything else is sent as bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Types worth compressing (text); images and fonts are compressed already. */
const compressible = (type: string) => /^(text\/|application\/(json|geo\+json|manifest\+json|javascript)|image\/svg\+xml)/.test(type);

/** Files under `assets/` named by their content's hash (Vite's `name-HASH.ext`): they never change. */
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** The Content-Security-Policy of the workspace's pages: only this origin (plus the identity provider's token endpoint). */
export function contentSecurityPolicy(config: WorkspaceConfig): string {
  const connect = ["'self'", ...(config.oidc ? [new URL(config.oidc.tokenEndpoint).origin] : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Observable Plot and Preact set style attributes on SVG and elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** One file as it is sent: read and compressed once, kept while it is unchanged on disk. */
interface LoadedFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  type: string;
}

/** Files smaller than this are sent as they are. */
const MIN_GZIP_BYTES = 1024;

/**
 * Serves the workspace: `/` is index.html, other paths are files of the folder, each with its content
 * type, cached for a year when named by hash (else revalidated by ETag), gzip-compressed once when the
 * client accepts it, under a Content-Security-Policy that allows only this origin. Paths that leave
 * the folder, hidden files and unknown files are 404 (JSON); without a built folder, `/` says to run
 * `npm run build`.
 */
export function createWorkspaceServer(options: WorkspaceOptions = {}) {
  const directory = path.resolve(options.directory ?? repositoryPath('web/dist'));
  const config = workspaceConfig(options);
  const policy = contentSecurityPolicy(config);
  const cache = new Map<string, LoadedFile>();
  const securityHeaders = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' };
  const notFound = (response: http.ServerResponse, pathname: string) =>
    sendGraphQLError(response, 404, 'NOT_FOUND', `Nothing is served at ${pathname}: the workspace has no such file; GraphQL is at /graphql.`, securityHeaders);

  /** The real file a URL path names inside the folder, or null. Never a path outside it. */
  const fileOf = async (pathname: string): Promise<{ file: string; relative: string } | null> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return null;
    const relative = path.posix.normalize(decoded === '/' ? '/index.html' : decoded).replace(/^\/+/, '');
    // No parent steps and no hidden files (.env, .git …), before and after normalising.
    if (relative.split('/').some((part) => part.startsWith('.')) || decoded.split('/').some((part) => part === '..')) return null;
    const candidate = path.join(directory, relative);
    if (!candidate.startsWith(directory + path.sep)) return null;
    try {
      // A link inside the folder that points out of it is refused too.
      const [real, root] = await Promise.all([fs.promises.realpath(candidate), fs.promises.realpath(directory)]);
      if (!real.startsWith(root + path.sep)) return null;
      return { file: real, relative };
    } catch {
      return null;
    }
  };

  const load = async (file: string): Promise<LoadedFile | null> => {
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat?.isFile()) return null;
    const kept = cache.get(file);
    if (kept && kept.mtimeMs === stat.mtimeMs && kept.size === stat.size) return kept;
    const body = await fs.promises.readFile(file);
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const gzip = compressible(type) && body.length >= MIN_GZIP_BYTES ? zlib.gzipSync(body, { level: 9 }) : null;
    const loaded = { mtimeMs: stat.mtimeMs, size: stat.size, body, gzip, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    cache.set(file, loaded);
    return loaded;
  };

  return {
    directory,
    config,
    /** GET /workspace-config.json */
    sendConfig(_request: http.IncomingMessage, response: http.ServerResponse): void {
      const text = JSON.stringify(config);
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-cache', ...securityHeaders });
      response.end(text);
    },
    /** Serves a file of the workspace; false for a method it does not serve. */
    async serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (!fs.existsSync(path.join(directory, 'index.html'))) {
        if (pathname !== '/' && pathname !== '/index.html') return notFound(response, pathname), true;
        const text =
          'Arbetsytan är inte byggd: kör `npm run build` i hubbens katalog och starta om (npm start).\n' +
          `The workspace is not built: run \`npm run build\` in the hub's folder and start it again (npm start). Expected ${path.join(directory, 'index.html')}.\n` +
          'GraphiQL is at /graphql.\n';
        response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...securityHeaders });
        response.end(text);
        return true;
      }
      const found = await fileOf(pathname);
      const loaded = found && (await load(found.file));
      if (!found || !loaded) return notFound(response, pathname), true;
      const headers: Record<string, string> = {
        'content-type': loaded.type,
        'cache-control': HASHED_ASSET.test(found.relative) ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag: loaded.etag,
        vary: 'Accept-Encoding',
        ...securityHeaders,
      };
      // On every file, not only pages: an SVG opened on its own is a document too.
      headers['content-security-policy'] = policy;
      if (request.headers['if-none-match'] === loaded.etag) {
        response.writeHead(304, headers);
        response.end();
        return true;
      }
      const gzip = loaded.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const body = gzip ? loaded.gzip! : loaded.body;
      if (gzip) headers['content-encoding'] = 'gzip';
      headers['content-length'] = String(body.length);
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}

/** Answers a method a path does not serve: 405, naming the ones it does. */
export function sendMethodNotAllowed(response: http.ServerResponse, allowed: string): void {
  sendGraphQLError(response, 405, 'METHOD_NOT_ALLOWED', `Only ${allowed.split(', ').join(' and ')} are served here.`, { allow: allowed });
}
