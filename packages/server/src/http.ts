import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { createLogger, type Logger } from '@samverkan/log';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Tracing } from './tracing';

/** A handler for one path (health, readiness, GraphiQL …). Returns false to pass the request on. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean | void> | boolean | void;

/** Options of {@link createGraphQLHttpHandler}. */
export interface GraphQLHttpOptions<Context extends BaseContext> {
  /** A started Apollo Server. */
  server: ApolloServer<Context>;
  /**
   * Builds the context of one request, from the HTTP request and the GraphQL request it carries (its
   * query and variables, from the JSON body or the URL); a thrown GraphQLError with
   * `extensions.http.status` sets the status.
   */
  context: (request: IncomingMessage, graphql: GraphQLRequestParts) => Promise<Context>;
  /** Where GraphQL is served. @default '/graphql' */
  path?: string;
  /** The largest request body accepted, in bytes. @default 1_000_000 */
  maxBodyBytes?: number;
  /** The largest answer sent, in bytes; a larger one is refused with 400 `RESPONSE_TOO_LARGE`. @default no limit */
  maxResponseBytes?: number;
  /** Other routes by path, tried before GraphQL (e.g. `/health`). The GraphQL path's entry runs first for it. */
  routes?: Record<string, RouteHandler>;
  /** Tried for a path that no route and not GraphQL's path match (e.g. files served by a prefix), before the 404. @default none */
  fallback?: RouteHandler;
  /** Checked before a GraphQL request's body is read; a refusal is sent as a GraphQL error (e.g. a rate limit). */
  admit?: (request: IncomingMessage) => Promise<Refusal | null> | Refusal | null;
  /** Where unexpected errors are logged. @default a logger named `http` */
  log?: Logger;
  /** When set, each request to `path` is handled inside a server span. @default none (tracing off) */
  tracing?: Tracing;
}

/** The query, variables and extensions of a GraphQL request, as its sender sent them (empty when it sent none). */
export interface GraphQLRequestParts {
  query: string;
  variables: Record<string, unknown> | null;
  /** Its `extensions` (e.g. `persistedQuery`), or null when it sent none or not an object. */
  extensions: Record<string, unknown> | null;
}

/** A JSON object sent as such or as text (a GET's URL), or null. */
function jsonObject(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null; // GraphQL refuses such a request itself
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The query, variables and extensions of a POST's JSON body, or of a GET's URL. */
function graphQLRequestParts(body: unknown, search: URLSearchParams): GraphQLRequestParts {
  const source =
    body !== null && typeof body === 'object'
      ? (body as Record<string, unknown>)
      : { query: search.get('query'), variables: search.get('variables'), extensions: search.get('extensions') };
  return {
    query: typeof source.query === 'string' ? source.query : '',
    variables: jsonObject(source.variables),
    extensions: jsonObject(source.extensions),
  };
}

/** Why a request is turned away before it reaches GraphQL. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

/** What a client is told of an answer larger than the limit. */
export function responseTooLargeMessage(maxResponseBytes: number): string {
  return `The answer is larger than ${maxResponseBytes} bytes, the most this server sends (SAMVERKAN_MAX_RESPONSE_BYTES): ask for fewer fields, kommuner or years, or split the query.`;
}

/** Sends a JSON body. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** Sends a GraphQL-shaped error response (for requests that never reach GraphQL execution). */
export function sendGraphQLError(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

class BodyTooLargeError extends Error {}

/** The deepest nesting of arrays and objects accepted in a request's JSON (variables, extensions). */
export const MAX_JSON_DEPTH = 64;

/**
 * How deep `value` nests arrays and objects, counted without recursion (a value nested 90,000
 * levels would overflow the stack of a recursive walk) and stopping as soon as it is over `limit`.
 */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The message for JSON nested deeper than {@link MAX_JSON_DEPTH}, or null when it is not. */
function tooDeep(value: unknown): string | null {
  return jsonDepth(value) > MAX_JSON_DEPTH ? `The request's JSON (its variables or extensions) nests more than ${MAX_JSON_DEPTH} levels deep; at most ${MAX_JSON_DEPTH} are allowed.` : null;
}

/** The deepest nesting of braces, brackets and parentheses accepted in a GraphQL document. */
export const MAX_DOCUMENT_NESTING = 100;

/**
 * How deep a GraphQL document nests `{`, `[` and `(`, outside strings and comments, stopping as
 * soon as it is over `limit`: graphql-js parses recursively, and a document nested thousands deep
 * overflows its stack before any token limit is reached.
 */
export function documentNesting(text: string, limit = MAX_DOCUMENT_NESTING): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i += 1;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        const end = text.indexOf('"""', i + 3);
        i = end < 0 ? text.length : end + 2;
      } else {
        for (i += 1; i < text.length && text[i] !== '"' && text[i] !== '\n'; i += 1) if (text[i] === '\\') i += 1;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === '}' || c === ']' || c === ')') depth -= 1;
  }
  return deepest;
}

/** The parts of a GET request's query string that hold JSON, parsed (unparseable ones are left to Apollo Server to report). */
function jsonOfSearch(search: URLSearchParams): Record<string, unknown> {
  const parsed: Record<string, unknown> = {};
  for (const name of ['variables', 'extensions']) {
    const text = search.get(name);
    if (text === null) continue;
    try {
      parsed[name] = JSON.parse(text);
    } catch {
      // Apollo Server answers it with its own message.
    }
  }
  return parsed;
}

/** A stack overflow: input nested so deep that a recursive step of handling it ran out of stack. */
const stackOverflow = (error: unknown) => error instanceof RangeError && /call stack/i.test(error.message);

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A Node HTTP handler that serves Apollo Server at `path` (GET and POST), plus extra routes.
 * Malformed requests (bad JSON, too large) get a clear JSON error, never a crash.
 */
export function createGraphQLHttpHandler<Context extends BaseContext>(options: GraphQLHttpOptions<Context>) {
  const graphqlPath = options.path ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const routes = options.routes ?? {};
  const log = options.log ?? createLogger('http');
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const route = routes[url.pathname];
      if (route && (await route(request, response)) !== false) return;
      if (url.pathname !== graphqlPath) {
        if (options.fallback && (await options.fallback(request, response)) !== false) return;
        sendGraphQLError(response, 404, 'NOT_FOUND', `Nothing is served at ${url.pathname}; GraphQL is at ${graphqlPath}.`);
        return;
      }
      const refusal = options.admit ? await options.admit(request) : null;
      if (refusal) {
        // The body is not read: let the connection close rather than drain a large upload.
        sendGraphQLError(response, refusal.status, refusal.code, refusal.message, refusal.headers);
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown = undefined;
      if (request.method === 'POST') {
        let text: string;
        try {
          text = await readBody(request, maxBodyBytes);
        } catch (error) {
          if (error instanceof BodyTooLargeError) {
            // Let the client finish sending (discarded), so that it reads the answer, then close.
            request.resume();
            sendGraphQLError(response, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBodyBytes} bytes.`, { connection: 'close' });
            return;
          }
          throw error;
        }
        // PostgreSQL text cannot hold the NUL character: refuse it here, clearly, for every field.
        if (/\\u0000/i.test(text) || text.includes('\0')) {
          sendGraphQLError(response, 400, 'BAD_USER_INPUT', 'Text may not contain the NUL character (U+0000).');
          return;
        }
        const contentType = headers.get('content-type') ?? '';
        if (contentType.includes('json')) {
          try {
            body = text === '' ? undefined : JSON.parse(text);
          } catch (error) {
            sendGraphQLError(response, 400, 'BAD_REQUEST', `The request body is not valid JSON: ${(error as Error).message}`);
            return;
          }
        } else body = text;
      }
      // JSON nested deeper than any real request needs would overflow the stack of a recursive
      // step further on (coercing variables, hashing them for the cache): refused here, clearly.
      const deep = tooDeep(request.method === 'POST' ? body : jsonOfSearch(url.searchParams));
      if (deep) {
        sendGraphQLError(response, 400, 'BAD_REQUEST', deep);
        return;
      }
      const document = request.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
      if (typeof document === 'string' && documentNesting(document) > MAX_DOCUMENT_NESTING) {
        sendGraphQLError(response, 400, 'BAD_REQUEST', `The document nests more than ${MAX_DOCUMENT_NESTING} levels deep (braces, brackets, parentheses); at most ${MAX_DOCUMENT_NESTING} are allowed.`);
        return;
      }
      const httpGraphQLRequest: HTTPGraphQLRequest = { method: (request.method ?? 'GET').toUpperCase(), headers, search: url.search, body };
      const result = await options.server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context(request, graphQLRequestParts(body, url.searchParams)) });
      const responseHeaders: Record<string, string> = {};
      for (const [key, value] of result.headers) responseHeaders[key] = value;
      if (result.body.kind === 'complete' && options.maxResponseBytes !== undefined && Buffer.byteLength(result.body.string) > options.maxResponseBytes) {
        sendGraphQLError(response, 400, 'RESPONSE_TOO_LARGE', responseTooLargeMessage(options.maxResponseBytes));
        return;
      }
      response.writeHead(result.status ?? 200, responseHeaders);
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      const where = { method: request.method, path: request.url?.split('?')[0] };
      // The client went away while its request was being read or answered: nothing to answer.
      if (request.destroyed || response.destroyed) {
        log.debug('the client closed the connection before its answer', { ...where, reason: (error as Error).message });
        return;
      }
      if (stackOverflow(error) && !response.headersSent) {
        sendGraphQLError(response, 400, 'BAD_REQUEST', 'The request nests too deeply to be handled.');
        return;
      }
      log.error('unexpected error', { ...where, error });
      if (!response.headersSent) sendGraphQLError(response, 500, 'INTERNAL_SERVER_ERROR', 'The server could not handle this request.');
      else response.end();
    }
  };
  const tracing = options.tracing;
  if (!tracing) return handle;
  // Health, readiness and metrics are asked for all the time by machines: only GraphQL is traced.
  return (request: IncomingMessage, response: ServerResponse): Promise<void> =>
    (request.url ?? '/').split('?')[0] === graphqlPath ? tracing.serveRequest(request, response, () => handle(request, response)) : handle(request, response);
}

/**
 * Stops an HTTP server without cutting off the requests it is answering: it takes no new
 * connections, closes idle keep-alive connections at once and the others as soon as their answer
 * is sent, and after `graceMs` closes whatever is left.
 */
export async function closeGracefully(server: Server, graceMs = 5000): Promise<void> {
  await new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}
