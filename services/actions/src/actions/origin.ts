import { findMunicipality } from '@samverkan/geo';
import { badInput, ErrorCode, hubError } from '@samverkan/schema';
import { replicaFetcher, replicaUrls, traceHeaders } from '@samverkan/server';
import type { ActionOrigin } from '../generated/prisma/client';

/**
 * Checks that the records an action names in another subgraph (its origin, an agreement or a
 * medborgarlöfte, and the agreement it belongs to) exist and belong to the action's own kommun. This
 * subgraph never reads another's tables: it asks the agreements subgraph by key, as the gateway
 * would (`_entities`), at the URL its start-up was given in `context.peers` (the registry's
 * `dependsOn`: `AGREEMENTS_URL` by default, the same setting the gateway reads, with its replicas).
 * Only published records can be referenced: the question is asked without an actor.
 */
const TYPENAME: Partial<Record<ActionOrigin, 'Agreement' | 'CitizenPromise'>> = { AGREEMENT: 'Agreement', CITIZEN_PROMISE: 'CitizenPromise' };
const NOUN = { Agreement: 'agreement', CitizenPromise: 'medborgarlöfte' } as const;

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

/** A record of the agreements subgraph that an action names, and the input field that names it. */
export interface RecordReference {
  typename: 'Agreement' | 'CitizenPromise';
  id: string;
  field: string;
}

/** The reference an origin makes, if its record lives in the agreements subgraph. */
export function originReference(origin: ActionOrigin | null | undefined, key: string | null): RecordReference | null {
  const typename = origin ? TYPENAME[origin] : undefined;
  return typename && key ? { typename, id: key, field: 'originKey' } : null;
}

const kommun = (code: string) => `${code}${findMunicipality(code) ? ` (${findMunicipality(code)!.name})` : ''}`;

type Entity = { id: string; municipality: { code: string } | null } | null;

/** Asks the agreements subgraph for every reference at once; one `_entities` answer per reference, in order. */
async function entitiesOf(peers: Readonly<Record<string, string>>, references: readonly RecordReference[]): Promise<Entity[]> {
  const what = references.length === 1 ? `${references[0]!.typename} "${references[0]!.id}"` : `${references.length} records`;
  const agreementsUrl = peers.agreements;
  if (!agreementsUrl) {
    // A start-up that did not pass the registry's peers: an operator's mistake, said as such.
    throw hubError(ErrorCode.ServiceUnavailable, `Cannot check that ${what} exists: this subgraph was started without the agreements subgraph's URL (peers.agreements).`, {
      field: references[0]!.field,
    });
  }
  try {
    const response = await agreementsFetcher(agreementsUrl)('', {
      method: 'POST',
      // With tracing on, the agreements subgraph's span joins this request's trace.
      headers: { 'content-type': 'application/json', ...traceHeaders() },
      body: JSON.stringify({
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Agreement { id municipality { code } } ... on CitizenPromise { id municipality { code } } } }',
        variables: { r: references.map((reference) => ({ __typename: reference.typename, id: reference.id })) },
      }),
    });
    const body = (await response.json()) as { data?: { _entities?: Entity[] } };
    return references.map((_reference, index) => body.data?._entities?.[index] ?? null);
  } catch (error) {
    throw hubError(ErrorCode.ServiceUnavailable, `Cannot check that ${what} exists: the agreements subgraph did not answer (${(error as Error).message}). Try again later.`, {
      field: references[0]!.field,
    });
  }
}

/**
 * Checks, in one question to the agreements subgraph, that each referenced record is published and
 * belongs to kommun `municipalityCode` (BAD_USER_INPUT on the field that names it otherwise).
 */
export async function checkRecordsOfKommun(peers: Readonly<Record<string, string>>, references: readonly RecordReference[], municipalityCode: string): Promise<void> {
  if (!references.length) return;
  const entities = await entitiesOf(peers, references);
  for (const [index, reference] of references.entries()) {
    const entity = entities[index];
    if (!entity?.id) throw badInput(`No published ${NOUN[reference.typename]} has the id "${reference.id}".`, { field: reference.field });
    const code = entity.municipality?.code;
    if (code !== municipalityCode) {
      const record = `${reference.typename === 'Agreement' ? 'Agreement' : 'Medborgarlöfte'} "${reference.id}"`;
      throw badInput(`${record} belongs to kommun ${code ? kommun(code) : 'unknown'}, not ${kommun(municipalityCode)}: an action's ${reference.field === 'originKey' ? 'origin' : 'agreement'} must be a record of its own kommun.`, {
        field: reference.field,
      });
    }
  }
}

/**
 * Checks an action's origin (and the agreement it belongs to, when given) at the agreements
 * subgraph, whose URL setting is `peers.agreements`. Origins of this subgraph or of no subgraph need
 * no question.
 */
export function checkOrigin(
  peers: Readonly<Record<string, string>>,
  origin: ActionOrigin | null | undefined,
  key: string | null,
  municipalityCode: string,
  agreementId: string | null = null,
): Promise<void> {
  const references = [originReference(origin, key), agreementId ? ({ typename: 'Agreement', id: agreementId, field: 'agreementId' } as const) : null];
  return checkRecordsOfKommun(peers, references.filter((reference): reference is RecordReference => reference !== null), municipalityCode);
}
