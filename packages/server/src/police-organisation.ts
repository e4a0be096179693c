/**
 * The police organisation as the other subgraphs keep it: a copy of what the agreements subgraph
 * publishes (`policeOrganisation`), in memory, per process. Which kommuner a police unit covers is
 * read from it, with the rules of `@samverkan/geo` (`coveredBy`, `unitsCovering`), so that no request
 * asks agreements anything: at most one small `policeOrganisationRevision` query per TTL, and the
 * whole copy only when the revision has moved.
 *
 * When agreements does not answer, the last copy is kept (for up to ten minutes, with a warning);
 * with no copy at all, {@link OrganisationCopy.current} fails with SERVICE_UNAVAILABLE naming the
 * agreements subgraph, and reads go on as if no police unit covered anything (fail closed).
 */
import { EMPTY_ORGANISATION, type OrganisationSnapshot } from '@samverkan/geo';
import { subgraphEntry, subgraphUrl } from '@samverkan/hub';
import type { Logger } from '@samverkan/log';
import { ErrorCode, hubError } from '@samverkan/schema';
import { replicaFetcher, replicaUrls } from './replicas';
import { traceHeaders } from './tracing';

/** How long a copy is used before its revision is asked again, in ms: `SAMVERKAN_ORGANISATION_TTL_MS`, default 30 s. */
export function organisationTtlFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.SAMVERKAN_ORGANISATION_TTL_MS;
  if (setting === undefined || setting === '') return 30_000;
  const ms = Number(setting);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`SAMVERKAN_ORGANISATION_TTL_MS must be a whole number of milliseconds (0 or more), not "${setting}"`);
  return ms;
}

/** How long the last copy stands in while agreements does not answer. */
export const ORGANISATION_MAX_STALE_MS = 10 * 60_000;

/** How long agreements may take to answer, in ms. */
const TIMEOUT_MS = 5000;

/** Where a subgraph's copy of the organisation comes from. */
export interface OrganisationCopy {
  /** The current copy; SERVICE_UNAVAILABLE when there is none to be had. */
  current(): Promise<OrganisationSnapshot>;
}

/** Options of {@link remoteOrganisation}. */
export interface RemoteOrganisationOptions {
  /** @default `SAMVERKAN_ORGANISATION_TTL_MS`, else 30 s */
  ttlMs?: number;
  /** @default {@link ORGANISATION_MAX_STALE_MS} */
  maxStaleMs?: number;
  log?: Logger;
  /** The clock (tests). */
  now?: () => number;
}

const REVISION_QUERY = '{ policeOrganisationRevision }';
const PERIOD = 'validFrom validTo';
const ORGANISATION_QUERY =
  `{ policeOrganisation { revision districts { id name policeRegionCode ${PERIOD} } ` +
  `localPoliceAreas { id name policeRegionCode policeDistrictId ${PERIOD} } links { unit unitKind municipalityCode part ${PERIOD} } } }`;

/**
 * A copy kept from the agreements subgraph at `agreementsSetting` (one URL, or replicas separated by
 * commas). Calls while a refresh runs share it.
 */
export function remoteOrganisation(agreementsSetting: string, options: RemoteOrganisationOptions = {}): OrganisationCopy {
  const fetchFrom = replicaFetcher(replicaUrls(agreementsSetting), TIMEOUT_MS);
  const ttlMs = options.ttlMs ?? organisationTtlFromEnv();
  const maxStaleMs = options.maxStaleMs ?? ORGANISATION_MAX_STALE_MS;
  const now = options.now ?? Date.now;
  let kept: { snapshot: OrganisationSnapshot; checkedAt: number; confirmedAt: number } | null = null;
  let refreshing: Promise<OrganisationSnapshot> | null = null;

  const ask = async <Data>(query: string): Promise<Data> => {
    const response = await fetchFrom('', { method: 'POST', headers: { 'content-type': 'application/json', ...traceHeaders() }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data?: Data | null; errors?: { message: string }[] };
    if (!body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
    return body.data;
  };

  const refresh = async (): Promise<OrganisationSnapshot> => {
    const started = now();
    try {
      const { policeOrganisationRevision: revision } = await ask<{ policeOrganisationRevision: number }>(REVISION_QUERY);
      const snapshot = kept && kept.snapshot.revision === revision ? kept.snapshot : (await ask<{ policeOrganisation: OrganisationSnapshot }>(ORGANISATION_QUERY)).policeOrganisation;
      kept = { snapshot, checkedAt: started, confirmedAt: started };
      return snapshot;
    } catch (error) {
      const reason = (error as Error).message;
      if (kept && started - kept.confirmedAt <= maxStaleMs) {
        // Asked again after the TTL, not at every request while agreements is away.
        kept.checkedAt = started;
        options.log?.warn(`police organisation: the agreements subgraph did not answer (${reason}); using the copy of revision ${kept.snapshot.revision}`);
        return kept.snapshot;
      }
      throw hubError(
        ErrorCode.ServiceUnavailable,
        `The police organisation is not available: the agreements subgraph did not answer (${reason}). Try again later.`,
        { service: 'agreements' },
      );
    }
  };

  return {
    current: () => {
      if (kept && now() - kept.checkedAt < ttlMs) return Promise.resolve(kept.snapshot);
      refreshing ??= refresh().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
  };
}

/** A subgraph without a source of the organisation: every question is SERVICE_UNAVAILABLE. */
export const NO_ORGANISATION: OrganisationCopy = {
  current: () =>
    Promise.reject(
      hubError(ErrorCode.ServiceUnavailable, 'The police organisation is not available: this subgraph was started without the agreements subgraph\'s URL (peers.agreements).', {
        service: 'agreements',
      }),
    ),
};

/**
 * The organisation for a read: the request's copy, or — with none to be had — no unit below the
 * regions, so the read answers without police coverage rather than failing (fail closed).
 */
export function organisationForReads(context: { organisation(): Promise<OrganisationSnapshot> }): Promise<OrganisationSnapshot> {
  return context.organisation().catch(() => EMPTY_ORGANISATION);
}

/** The copy a command keeps (outside a running subgraph): from the agreements subgraph at `AGREEMENTS_URL`, else its local port. */
export function organisationFromEnvironment(env: NodeJS.ProcessEnv = process.env): OrganisationCopy {
  return remoteOrganisation(subgraphUrl(subgraphEntry('agreements'), env), { ttlMs: organisationTtlFromEnv(env) });
}
