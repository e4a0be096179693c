/**
 * A small typed client of the Samverkan hub: plain fetch, the documents GraphQL Code Generator's
 * client preset generates (each carries its result and variables types, and its hash), and the
 * automatic-persisted-queries protocol that a hub with trusted documents requires:
 *
 * 1. send the operation's hash alone (`extensions.persistedQuery.sha256Hash`);
 * 2. if the hub answers PERSISTED_QUERY_NOT_FOUND (it has not seen the document yet), send it again
 *    with its text, taken from the generated persisted-documents.json.
 *
 * A hub that answers only trusted documents (SAMVERKAN_TRUSTED_DOCUMENTS=only) knows every hash of
 * this app already, and refuses anything else with PERSISTED_QUERY_NOT_ALLOWED.
 */
import type { TypedDocumentString } from './generated/graphql';
import documents from './generated/persisted-documents.json';

/** An error the hub answered with: its message, its code (e.g. CONFLICT) and its extensions. */
export class HubError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Where the hub is and who asks. */
export interface HubOptions {
  /** The hub's GraphQL URL, e.g. http://localhost:4000/graphql */
  url: string;
  /** A bearer token (a kommun user's; `npm run token -- --role kommun --kommun 1281` in development). */
  token: string;
}

/** A function that runs one generated operation with its variables and gives its typed data. */
export type Request = <TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables) => Promise<TResult>;

const texts = documents as Record<string, string>;

export function createHub(options: HubOptions): Request {
  const post = async <T>(body: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(body),
    });
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('json')) throw new HubError(`The hub answered ${response.status} ${response.statusText} without GraphQL.`, undefined, {});
    return (await response.json()) as GraphQLResponse<T>;
  };

  return async <TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> => {
    const id = document.__meta__?.hash as string | undefined;
    if (!id) throw new Error('The document has no hash: run `npm run generate`.');
    const operationName = /\b(?:query|mutation)\s+(\w+)/.exec(String(document))?.[1];
    const base = { operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, '') } } };
    let answer = await post<TResult>(base);
    if (answer.errors?.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
      const query = texts[id];
      if (!query) throw new Error(`The document ${id} is not in persisted-documents.json: run \`npm run generate\`.`);
      answer = await post<TResult>({ ...base, query });
    }
    const first = answer.errors?.[0];
    if (first) throw new HubError(first.message, first.extensions?.code as string | undefined, first.extensions ?? {});
    if (!answer.data) throw new HubError('The hub answered without data.', undefined, {});
    return answer.data;
  };
}
