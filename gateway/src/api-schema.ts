import { repositoryPath } from '@samverkan/hub';
import { sendGraphQLError } from '@samverkan/server';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';

/** The committed API schema (`npm run compose` writes it): the published contract of the hub. */
export const API_SCHEMA_PATH = repositoryPath('schema.graphql');

/** The path at which the gateway serves it. */
export const API_SCHEMA_ROUTE = '/schema.graphql';

/**
 * The handler of GET (and HEAD) `/schema.graphql`: the committed API schema as UTF-8 text, read
 * once at start, with a strong ETag (its SHA-256) so that a client or a build asks again cheaply
 * (`If-None-Match` → 304). Served whatever the introspection setting: it is the published contract
 * that kommun apps generate their types from, not a view of the running server.
 */
export function createApiSchemaRoute(schemaPath: string = API_SCHEMA_PATH) {
  const text = fs.readFileSync(schemaPath, 'utf8');
  const body = Buffer.from(text, 'utf8');
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  return (request: http.IncomingMessage, response: http.ServerResponse): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendGraphQLError(response, 405, 'METHOD_NOT_ALLOWED', `${API_SCHEMA_ROUTE} is read with GET.`, { allow: 'GET, HEAD' });
      return;
    }
    const headers = { etag, 'cache-control': 'no-cache', 'content-type': 'text/plain; charset=utf-8' };
    const wanted = request.headers['if-none-match'];
    if (wanted && wanted.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}
