import type { ApolloServer } from '@apollo/server';
import type { Logger } from '@samverkan/log';
import { AuthenticationError, ErrorCode, indicatorCatalogue } from '@samverkan/schema';
import { type Refusal, sendGraphQLError, tableXlsx, XLSX_MEDIA_TYPE } from '@samverkan/server';
import { DOWNLOADS_PREFIX, parseParameters, type RawParams, type TableDefinition, type TableFormat, type TableParams, TableParameterError, tableNamed, TABLES, toSwedishCsv } from '@samverkan/tables';
import type http from 'node:http';
import type { GatewayContext } from './context';

export { DOWNLOADS_PREFIX, downloadPath } from '@samverkan/tables';

/** A download request, understood: its table, format and checked parameters. */
export interface DownloadRequest {
  table: TableDefinition;
  format: TableFormat;
  params: TableParams;
}

/** Why a download request is refused before anything runs. */
export class DownloadRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const INDICATOR_CODES = indicatorCatalogue.map((indicator) => indicator.code);

/**
 * Reads a download's URL: the table by name (404 for an unknown one), the format (csv or xlsx) and
 * its parameters, each checked (400 naming every issue, in Swedish and English). Throws a
 * {@link DownloadRefusal}; runs nothing.
 */
export function parseDownloadUrl(url: URL): DownloadRequest {
  const name = url.pathname.slice(DOWNLOADS_PREFIX.length);
  const tables = Object.keys(TABLES).join(', ');
  const match = /^([a-z0-9-]+)\.(csv|xlsx)$/.exec(name);
  if (!match) {
    throw new DownloadRefusal(404, 'NOT_FOUND', `No download is served at ${url.pathname}: ask for /downloads/<table>.csv or .xlsx, where the table is one of ${tables}.`);
  }
  const table = tableNamed(match[1]!);
  if (!table) throw new DownloadRefusal(404, 'NOT_FOUND', `Okänd tabell "${match[1]}" (unknown table); the tables are ${tables}.`);
  const raw: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    if (values.length > 1) throw new DownloadRefusal(400, 'BAD_USER_INPUT', `${key}: anges flera gånger (given more than once).`);
    raw[key] = values[0]!;
  }
  try {
    return { table, format: match[2] as TableFormat, params: parseParameters(table, raw as RawParams, { indicators: INDICATOR_CODES }) };
  } catch (error) {
    if (error instanceof TableParameterError) throw new DownloadRefusal(400, 'BAD_USER_INPUT', `Felaktiga parametrar (bad parameters) for ${table.name}: ${error.message}`);
    throw error;
  }
}

/** The HTTP status of a GraphQL error's code, for an answer that is no file. */
function statusOf(code: string | undefined, httpStatus: number | undefined): number {
  if (httpStatus && httpStatus >= 400) return httpStatus;
  switch (code) {
    case ErrorCode.Unauthenticated:
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'RATE_LIMITED':
      return 429;
    case ErrorCode.ServiceUnavailable:
      return 503;
    case 'INTERNAL_SERVER_ERROR':
      return 500;
    default:
      // The API refused the parameters (e.g. an unknown kommun, an instrument the region has not).
      return 400;
  }
}

/** What the downloads need of the gateway. */
export interface DownloadsOptions {
  /** The gateway's started Apollo Server: a download runs its table's document through it, as /graphql would. */
  server: ApolloServer<GatewayContext>;
  /** The caller, from the bearer token. */
  actorOf: (request: http.IncomingMessage) => Promise<GatewayContext['actor']>;
  /** The rate limit of /graphql, which counts downloads too. */
  admit: (request: http.IncomingMessage) => Promise<Refusal | null>;
  log: Logger;
}

/**
 * Serves `GET /downloads/<table>.<csv|xlsx>?<parameters>`: checks the parameters, counts the request
 * in the rate limit, runs the table's GraphQL document through the gateway's own Apollo Server with
 * the caller as context (so access and limits apply as for /graphql), and answers a file: CSV for
 * Swedish Excel or an XLSX workbook, with a file name. Errors are JSON, as /graphql's are.
 */
export function createDownloads(options: DownloadsOptions) {
  return async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendGraphQLError(response, 405, 'METHOD_NOT_ALLOWED', 'Downloads are served by GET only.', { allow: 'GET, HEAD' });
      return;
    }
    let download: DownloadRequest;
    try {
      download = parseDownloadUrl(new URL(request.url ?? '/', 'http://localhost'));
    } catch (error) {
      if (!(error instanceof DownloadRefusal)) throw error;
      sendGraphQLError(response, error.status, error.code, error.message);
      return;
    }
    const refusal = await options.admit(request);
    if (refusal) {
      sendGraphQLError(response, refusal.status, refusal.code, refusal.message, refusal.headers);
      return;
    }
    let actor: GatewayContext['actor'];
    try {
      actor = await options.actorOf(request);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      sendGraphQLError(response, 401, ErrorCode.Unauthenticated, `Not signed in: ${error.message}.`);
      return;
    }
    const { table, format, params } = download;
    const result = await options.server.executeOperation(
      { query: table.document, operationName: table.operationName, variables: table.variables(params) },
      { contextValue: { actor } },
    );
    if (result.body.kind !== 'single') throw new Error('A table\'s document answered in parts.');
    const { data, errors } = result.body.singleResult;
    if (errors?.length) {
      // A file with a part missing would mislead: no file, the API's errors instead.
      const first = errors[0]!;
      const status = statusOf(first.extensions?.code as string | undefined, result.http.status);
      if (status >= 500) options.log.warn('a download failed', { table: table.name, error: first.message });
      const text = JSON.stringify({ errors });
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      response.end(text);
      return;
    }
    const rows = table.rows(data, params);
    const body =
      format === 'csv'
        ? Buffer.from(toSwedishCsv(table.columns, rows), 'utf8')
        : await tableXlsx({ title: table.title, columns: table.columns, rows });
    response.writeHead(200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MEDIA_TYPE,
      // The file name is ASCII letters, digits, '-' and '.' only (the tables' fileName), so it needs no escaping.
      'content-disposition': `attachment; filename="${table.fileName(params, format)}"`,
      'content-length': String(body.length),
      // What a file holds depends on who asked: never kept by a shared cache.
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'x-samverkan-rows': String(rows.length),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}
