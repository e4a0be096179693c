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
  /** Builds the context of one request; a thrown GraphQLError with `extensions.http.status` sets the status. */
  context: (request: IncomingMessage) => Promise<Context>;
  /** Where GraphQL is served. @default '/graphql' */
  path?: string;
  /** The largest request body accepted, in bytes. @default 1_000_000 */
  maxBodyBytes?: number;
  /** Other routes by path, tried before GraphQL (e.g. `/health`). The GraphQL path's entry runs first for it. */
  routes?: Record<string, RouteHandler>;
  /** Checked before a GraphQL request's body is read; a refusal is sent as a GraphQL error (e.g. a rate limit). */
  admit?: (request: IncomingMessage) => Promise<Refusal | null> | Refusal | null;
  /** Where unexpected errors are logged. @default a logger named `http` */
  log?: Logger;
  /** When set, each request to `path` is handled inside a server span. @default none (tracing off) */
  tracing?: Tracing;
}

/** Why a request is turned away before it reaches GraphQL. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
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
      const httpGraphQLRequest: HTTPGraphQLRequest = { method: (request.method ?? 'GET').toUpperCase(), headers, search: url.search, body };
      const result = await options.server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context(request) });
      const responseHeaders: Record<string, string> = {};
      for (const [key, value] of result.headers) responseHeaders[key] = value;
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
