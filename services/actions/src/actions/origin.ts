import { badInput, ErrorCode, hubError } from '@samverkan/schema';
import { replicaFetcher, replicaUrls, traceHeaders } from '@samverkan/server';
import type { ActionOrigin } from '../generated/prisma/client';

/**
 * Checks that an action's origin record exists when it lives in another subgraph (an agreement or
 * a medborgarlöfte in `agreements`). This subgraph never reads another's tables: it asks the
 * agreements subgraph by key, as the gateway would (`_entities`), at the URL its start-up was given
 * in `context.peers` (the registry's `dependsOn`: `AGREEMENTS_URL` by default, the same setting the
 * gateway reads, with its replicas).
 * Only published records can be referenced: the question is asked without an actor.
 */
const TYPENAME: Partial<Record<ActionOrigin, string>> = { AGREEMENT: 'Agreement', CITIZEN_PROMISE: 'CitizenPromise' };

/** How long the agreements subgraph may take to answer, in ms. */
const TIMEOUT_MS = 5000;

/** A fetcher per URL setting, which may name several replicas (separated by commas). */
const fetchers = new Map<string, ReturnType<typeof replicaFetcher>>();
function agreementsFetcher(setting: string): ReturnType<typeof replicaFetcher> {
  let fetcher = fetchers.get(setting);
  if (!fetcher) {
    fetcher = replicaFetcher(replicaUrls(setting), TIMEOUT_MS);
    fetchers.set(setting, fetcher);
  }
  return fetcher;
}

/**
 * Checks the origin at the agreements subgraph, whose URL setting (one URL, or replicas separated by
 * commas) is `peers.agreements`. Origins of this subgraph or of no subgraph need no question.
 */
export async function checkOriginExists(peers: Readonly<Record<string, string>>, origin: ActionOrigin | null | undefined, key: string | null): Promise<void> {
  const typename = origin ? TYPENAME[origin] : undefined;
  if (!typename || !key) return;
  const agreementsUrl = peers.agreements;
  if (!agreementsUrl) {
    // A start-up that did not pass the registry's peers: an operator's mistake, said as such.
    throw hubError(ErrorCode.ServiceUnavailable, `Cannot check that ${typename} "${key}" exists: this subgraph was started without the agreements subgraph's URL (peers.agreements).`, {
      field: 'originKey',
    });
  }
  const fetchFromAgreements = agreementsFetcher(agreementsUrl);
  let found: boolean;
  try {
    const response = await fetchFromAgreements('', {
      method: 'POST',
      // With tracing on, the agreements subgraph's span joins this request's trace.
      headers: { 'content-type': 'application/json', ...traceHeaders() },
      body: JSON.stringify({
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`,
        variables: { r: [{ __typename: typename, id: key }] },
      }),
    });
    const body = (await response.json()) as { data?: { _entities?: ({ id: string } | null)[] } };
    found = !!body.data?._entities?.[0]?.id;
  } catch (error) {
    throw hubError(ErrorCode.ServiceUnavailable, `Cannot check that ${typename} "${key}" exists: the agreements subgraph did not answer (${(error as Error).message}). Try again later.`, {
      field: 'originKey',
    });
  }
  if (!found) throw badInput(`No published ${typename === 'Agreement' ? 'agreement' : 'medborgarlöfte'} has the id "${key}".`, { field: 'originKey' });
}
