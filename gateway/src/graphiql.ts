import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { exampleOperations } from './examples';

/**
 * GraphiQL, served from this process: the page and its scripts are one self-contained file from
 * `@graphql-yoga/render-graphiql`, so nothing is loaded from a CDN (police and kommun networks are
 * often closed).
 */
export interface GraphiQLPage {
  /** Whether a request asks for the page (GET with Accept: text/html and no query). */
  wanted(request: IncomingMessage): boolean;
  /** Sends the page, gzipped when the browser accepts it. */
  send(request: IncomingMessage, response: ServerResponse): void;
}

/** The page, for a gateway that serves GraphQL at `/graphql`. */
export function createGraphiQLPage(): GraphiQLPage {
  let html: Buffer | undefined;
  let gzipped: Buffer | undefined;
  const page = () => {
    if (!html) {
      html = Buffer.from(
        renderGraphiQL({
          title: 'Samverkan hub — GraphiQL',
          endpoint: '/graphql',
          defaultTabs: exampleOperations.map((example) => ({
            query: example.query,
            ...(example.variables ? { variables: JSON.stringify(example.variables, null, 2) } : {}),
          })),
          defaultEditorToolsVisibility: true,
        }),
      );
      gzipped = gzipSync(html);
    }
    return { html, gzipped: gzipped! };
  };
  return {
    wanted(request) {
      if (request.method !== 'GET' || !(request.headers.accept ?? '').includes('text/html')) return false;
      return !new URL(request.url ?? '/', 'http://localhost').searchParams.has('query');
    },
    send(request, response) {
      const { html: body, gzipped: compressed } = page();
      const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        'content-length': (gzip ? compressed : body).length,
      });
      response.end(gzip ? compressed : body);
    },
  };
}
