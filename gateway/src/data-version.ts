import type { ApolloServerPlugin } from '@apollo/server';
import { ANONYMOUS, DATA_VERSION_PATH, type DataVersionAnswer, dataVersionHopRequest, signActorHeaders } from '@samverkan/schema';
import type { GatewayContext } from './context';

/**
 * The data version a request may be answered from, for the gateway's caches (the entity cache, the
 * cache of anonymous answers, answers shared in flight): exact, so that **no cached answer is older
 * than a write that finished before the request began**, whichever way the write came (through this
 * gateway, an import command, another gateway).
 *
 * For each request the gateway asks every subgraph (`GET /data-version`, see
 * `@samverkan/schema`'s data-version.ts) whether an audited write committed since the snapshot of
 * its last answer. The question is sent after the request began, so every write that finished
 * before is seen. Each subgraph's data has an epoch, a number that changes whenever a question
 * finds a write; a request's version is the epochs of all subgraphs, and cached answers are kept
 * and found under it. An answer kept under an epoch was read after the question that opened the
 * epoch (or one that found nothing new since), so it is never older than what that version means.
 *
 * **Batched**: a question to a subgraph in flight serves only requests that began before it was
 * sent; requests that arrive meanwhile wait for the next one, which is sent as soon as the one in
 * flight is answered. Under load each subgraph gets one small question per round trip, not one
 * per request.
 *
 * A subgraph that does not answer the question (down, slow, an error) gives no version: the
 * request is answered without the caches.
 */
export interface DataVersionSource {
  /** The subgraph's name (as in the supergraph). */
  subgraph: string;
  /** Asks the subgraph whether an audited write committed since `since` (null: its first question). */
  ask(since: string | null): Promise<DataVersionAnswer>;
}

interface SubgraphState {
  source: DataVersionSource;
  /** The epoch of the subgraph's data as last seen, and the snapshot it was seen at. */
  epoch: number;
  snapshot: string | null;
  /** The question in flight, if any. */
  inFlight: Promise<unknown> | null;
  /** The question that waits for the one in flight (requests that began after it was sent). */
  next: Promise<number | null> | null;
}

export class DataVersions {
  private readonly states: SubgraphState[];
  private nextEpoch = 1;
  /** Questions sent to subgraphs, for tests and metrics. */
  questions = 0;

  /**
   * @param sources the subgraphs whose data the caches hold answers from
   * @param onChange called when a subgraph's data changed: older versions are never asked for again
   */
  constructor(sources: readonly DataVersionSource[], private readonly onChange: () => void = () => {}) {
    this.states = sources.map((source) => ({ source, epoch: 0, snapshot: null, inFlight: null, next: null }));
  }

  /**
   * The version of every subgraph's data as of a moment after this call: a text to key cached
   * answers with, or null when a subgraph gave none.
   */
  async current(): Promise<string | null> {
    const epochs = await Promise.all(this.states.map((state) => this.epochOf(state)));
    return epochs.includes(null) ? null : epochs.join('.');
  }

  private epochOf(state: SubgraphState): Promise<number | null> {
    if (!state.inFlight) return this.send(state);
    // A question in flight was sent before this request began: wait for the next one.
    state.next ??= state.inFlight.then(() => {
      state.next = null;
      return this.send(state);
    });
    return state.next;
  }

  private send(state: SubgraphState): Promise<number | null> {
    const since = state.snapshot;
    const epochAsked = state.epoch;
    this.questions += 1;
    const asked = state.source.ask(since).then(
      (answer) => {
        if (since !== null && !answer.changed) return epochAsked;
        // Changed (or the first question): a new epoch from this answer's snapshot on.
        state.epoch = this.nextEpoch++;
        state.snapshot = answer.snapshot;
        this.onChange();
        return state.epoch;
      },
      () => null,
    );
    const inFlight = asked.finally(() => {
      if (state.inFlight === inFlight) state.inFlight = null;
    });
    state.inFlight = inFlight;
    return asked;
  }
}

/**
 * Asks a subgraph over HTTP, signed over the trusted hop (as anonymous: the question reads no
 * record). Replicas share one database: the first that answers is enough.
 */
export function httpDataVersionSource(subgraph: string, replicas: readonly string[], hopSecret: string, timeoutMs: number): DataVersionSource {
  return {
    subgraph,
    async ask(since) {
      const headers = signActorHeaders(ANONYMOUS, hopSecret, dataVersionHopRequest(subgraph, since));
      const path = since === null ? DATA_VERSION_PATH : `${DATA_VERSION_PATH}?since=${encodeURIComponent(since)}`;
      let lastError: unknown = new Error(`${subgraph} has no replica to ask`);
      for (const replica of replicas) {
        try {
          const response = await fetch(new URL(path, replica), { headers, signal: AbortSignal.timeout(timeoutMs) });
          if (!response.ok) throw new Error(`${subgraph} answered the data version with HTTP ${response.status}`);
          const answer = (await response.json()) as Partial<DataVersionAnswer>;
          if (typeof answer.snapshot !== 'string' || typeof answer.changed !== 'boolean') throw new Error(`${subgraph} gave no data version`);
          return { snapshot: answer.snapshot, changed: answer.changed };
        } catch (error) {
          lastError = error;
        }
      }
      throw lastError;
    },
  };
}

/**
 * Asks for the data version of each query that passed every check (the limits refuse before it is
 * asked), just before it is executed; mutations get none. Put it before the caches' plugins.
 */
export function useDataVersion(versions: DataVersions | null): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, contextValue }) {
          contextValue.dataVersion = versions && operation.operation === 'query' ? versions.current() : Promise.resolve(null);
          return null;
        },
      };
    },
  };
}
