/**
 * The workspace's one way to the hub: POST /graphql on the same origin, the APQ way. Each operation
 * is first sent by its hash alone; only when the hub answers PERSISTED_QUERY_NOT_FOUND is it sent
 * again with its text, taken from the persisted-documents manifest (loaded then, as a chunk of its
 * own, so that the page's bundle carries no second copy of the documents).
 */
import type { TypedDocumentString } from './generated/gql/graphql';
import { currentToken } from './auth';

/** An error the hub answered with (or a failure to reach it), in words for the page. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** The GraphQL error code, when the hub gave one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let manifest: Promise<Record<string, string>> | undefined;
function documentText(hash: string): Promise<string | undefined> {
  manifest ??= import('./generated/gql/persisted-documents.json').then((module) => module.default as Record<string, string>);
  return manifest.then((documents) => documents[hash]);
}

/** The Authorization header for the signed-in user, if any. */
export function authorizationHeaders(): Record<string, string> {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function post<T>(body: Record<string, unknown>, signal?: AbortSignal): Promise<GraphQLAnswer<T>> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...authorizationHeaders() },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('Navet svarar inte. Kontrollera anslutningen och försök igen.');
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) throw new ApiError(`Navet svarade ${response.status} ${response.statusText}.`);
  return (await response.json()) as GraphQLAnswer<T>;
}

/**
 * Runs an operation and gives its data. Errors become an {@link ApiError}; a partial answer (data
 * with errors, e.g. a field the role may not read) gives the data.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const hashed = (document.__meta__ as { hash?: string } | undefined)?.hash;
  if (!hashed) throw new ApiError('Operationen saknar hash (kör graphql-codegen).');
  const sha256Hash = hashed.replace(/^sha256:/, '');
  const operationName = /(?:query|mutation)\s+(\w+)/.exec(String(document))?.[1];
  const base = { operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash } } };
  let answer = await post<TResult>(base, signal);
  if (answer.errors?.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
    const query = await documentText(hashed);
    if (!query) throw new ApiError('Operationen finns inte i manifestet.');
    answer = await post<TResult>({ ...base, query }, signal);
  }
  if (answer.data) return answer.data;
  const first = answer.errors?.[0];
  throw new ApiError(first?.message ?? 'Navet gav inget svar.', first?.extensions?.code);
}
