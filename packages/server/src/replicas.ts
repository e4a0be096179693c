/**
 * Replicas of one subgraph: the same service several times, on one database. A setting such as
 * `AGREEMENTS_URL` may name several, separated by commas; callers (the gateway, a subgraph asking
 * another) take turns between them with {@link replicaFetcher}.
 */

/** The URLs of a setting that names one or more replicas, separated by commas. */
export function replicaUrls(setting: string): string[] {
  return setting
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}

/** A connection that failed before any answer came: refused, reset or closed by the other side. */
function connectionFailed(error: unknown): 'refused' | 'broken' | null {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'broken';
  return null;
}

/**
 * A fetch that reads only: a GraphQL query's body starts with `{"query":"query …` or
 * `{"query":"{ …` (as the gateway and the subgraphs send them); anything else (a mutation) counts
 * as a write.
 */
const readOnlyFetch = (body: unknown) => typeof body === 'string' && /^\{"query":"(query\b|\{)/.test(body);

/**
 * Fetches from the replicas of one subgraph, round-robin, with Node's fetch (undici keeps the
 * connections alive) and a deadline per fetch. When a replica goes away, nothing is lost unseen:
 * a fetch that a replica refused to connect never reached it and goes to the next replica (even a
 * mutation); a read whose connection broke before the answer is asked again of the next replica
 * (reading twice changes nothing); a write whose connection broke is reported, never repeated,
 * since it may have been carried out. A timeout is reported, never repeated.
 */
export function replicaFetcher(replicas: readonly string[], timeoutMs: number) {
  let next = 0;
  return async (_url: string, init: RequestInit): Promise<Response> => {
    const start = next++ % replicas.length;
    const repeatable = readOnlyFetch(init.body);
    let lastError: unknown;
    for (let i = 0; i < replicas.length; i += 1) {
      try {
        return await fetch(replicas[(start + i) % replicas.length]!, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        const failure = connectionFailed(error);
        if (failure !== 'refused' && !(failure === 'broken' && repeatable)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  };
}
