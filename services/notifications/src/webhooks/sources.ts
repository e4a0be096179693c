import { type Actor, signActorHeaders } from '@samverkan/schema';

/*
 * The other subgraphs as this one asks them: directly (not through the gateway), signed with the
 * trusted hop as a subscription's owner, exactly as the gateway signs for a caller. So each
 * subgraph answers with what that owner may read, by its own rules.
 */

/** The subgraphs whose outboxes are read. */
export const SOURCES = ['agreements', 'actions', 'surveys'] as const;
export type SourceName = (typeof SOURCES)[number];

/** Asks one subgraph a GraphQL question as an actor. */
export type AskSource = <T>(source: SourceName, actor: Actor, query: string, variables?: Record<string, unknown>) => Promise<T>;

/** How long a subgraph may take to answer. @default 10000 */
const SOURCE_TIMEOUT_MS = 10_000;

/** An `AskSource` on the peers' URL settings (one URL, or replicas separated by commas: taken in turn). */
export function sourceAsker(peers: Readonly<Record<string, string>>, hopSecret: string): AskSource {
  let turn = 0;
  return async <T>(source: SourceName, actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const setting = peers[source];
    if (!setting) throw new Error(`no URL for the ${source} subgraph`);
    const urls = setting.split(',').map((url) => url.trim()).filter(Boolean);
    const url = urls[turn++ % urls.length]!;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signActorHeaders(actor, hopSecret, { subgraph: source, query, variables }) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(SOURCE_TIMEOUT_MS),
    });
    const answer = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (answer.errors?.length || !answer.data) throw new Error(`${source}: ${answer.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`}`);
    return answer.data;
  };
}
