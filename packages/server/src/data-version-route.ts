import type { Logger } from '@samverkan/log';
import { type AuditedClient, dataVersionHopRequest, readDataVersion, SnapshotError, verifyActorHeaders } from '@samverkan/schema';
import { randomUUID } from 'node:crypto';
import { type RouteHandler, sendJson } from './http';

/**
 * `GET /data-version?since=<snapshot>` of every subgraph: whether an audited write committed in its
 * database since that snapshot, and the snapshot to ask with next (see `readDataVersion` in
 * @samverkan/schema). The gateway asks it for each request that its caches may answer, so that no
 * cached answer is older than a write that finished before the request began, whichever way the
 * write came (through the gateway, an import command, another gateway).
 *
 * A subgraph that keeps a copy of the police organisation (actions, surveys: their police callers'
 * rights are read from it) counts the copy's revision too: after the organisation changed, no
 * cached answer reflects the old copy once the subgraph has the new one.
 *
 * Only over the trusted hop: a request without a valid signature made for this subgraph and this
 * question is refused, so that nobody else learns when records they may not read were written.
 */
export function dataVersionRoute(
  subgraph: string,
  db: Pick<AuditedClient, '$queryRawUnsafe'>,
  hopSecret: string,
  log: Logger,
  /** The subgraph's other state its answers depend on (see `readDataVersion`): none by default. */
  otherState: () => Promise<string | null> = async () => null,
): RouteHandler {
  // This process, in every moment: a restarted subgraph (new code, reference data loaded again) reads as changed.
  const thisProcess = `p${randomUUID().slice(0, 8)}`;
  return async (request, response) => {
    if (request.method !== 'GET') {
      response.setHeader('allow', 'GET');
      sendJson(response, 405, { error: 'Ask the data version with GET.' });
      return;
    }
    const since = new URL(request.url ?? '/', 'http://localhost').searchParams.get('since');
    if (!verifyActorHeaders(request.headers, hopSecret, dataVersionHopRequest(subgraph, since)).signed) {
      sendJson(response, 403, { error: 'Only the gateway may ask the data version (a request signed over the trusted hop).' });
      return;
    }
    try {
      const other = await otherState();
      sendJson(response, 200, await readDataVersion(db, since, other === null ? thisProcess : `${thisProcess}.${other}`));
    } catch (error) {
      const message = (error as Error).message;
      if (error instanceof SnapshotError) {
        sendJson(response, 400, { error: message });
        return;
      }
      log.warn(`data version not read: ${message}`);
      sendJson(response, 503, { error: 'The data version could not be read.' });
    }
  };
}
