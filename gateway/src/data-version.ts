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
 * A subgraph that does not answer the question within `deadlineMs` (down, slow, its database
 * busy) gives no version: the request is answered without the caches that need it, never later.
 *
 * Each subgraph's answers depend only on its own database and what it counts in its moment (its
 * copy of the police organisation, its process): an entity answer is kept under its own
 * subgraph's epoch, so that a write elsewhere leaves it alone. Answers that may draw on every
 * subgraph (the cache of anonymous answers, answers shared in flight) are kept under all epochs.
 * Both also carry the number of mutations this gateway has sent, counted when each is sent and
 * when it is answered: a write through the gateway is never missed, even one that changed nothing
 * the audit trail records.
 */
export interface DataVersionSource {
  /** The subgraph's name (as in the supergraph). */
  subgraph: string;
  /** Asks the subgraph whether an audited write committed since `since` (null: its first question). */
  ask(since: string | null): Promise<DataVersionAnswer>;
}

/** The data version of one request: per subgraph, and as a whole. */
export interface RequestVersion {
  /** The version of one subgraph's data, to keep its entity answers under; null: not from the cache. */
  of(subgraph: string): Promise<string | null>;
  /** The version of every subgraph's data, for answers that may draw on all of them; null: not from the caches. */
  all(): Promise<string | null>;
}

/** A request's version when the caches may not answer it (a mutation). */
export const NO_VERSION: RequestVersion = { of: async () => null, all: async () => null };

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
  /** Mutations sent through this gateway, counted when each is sent and when it is answered. */
  private writes = 0;
  /** Questions sent to subgraphs, for tests and metrics. */
  questions = 0;

  /**
   * @param sources the subgraphs whose data the caches hold answers from
   * @param onChange called when a subgraph's data changed: answers kept under every epoch are never asked for again
   * @param deadlineMs how long a request waits for a subgraph's answer before going without the caches. @default 1000
   */
  constructor(
    sources: readonly DataVersionSource[],
    private readonly onChange: () => void = () => {},
    private readonly deadlineMs = 1000,
  ) {
    this.states = sources.map((source) => ({ source, epoch: 0, snapshot: null, inFlight: null, next: null }));
  }

  /** Counts a mutation through this gateway: call it when the mutation is sent and when it is answered. */
  wrote(): void {
    this.writes += 1;
    this.onChange();
  }

  /**
   * The version of every subgraph's data as of a moment after this call. The questions are sent
   * (or joined) at once; each answer is awaited at most `deadlineMs`.
   */
  current(): RequestVersion {
    const writes = this.writes;
    const epochs = new Map(this.states.map((state) => [state.source.subgraph, withDeadline(this.epochOf(state), this.deadlineMs)] as const));
    return {
      of: async (subgraph) => {
        const epoch = await epochs.get(subgraph);
        return epoch === undefined || epoch === null ? null : `${epoch}w${writes}`;
      },
      all: async () => {
        const all = await Promise.all(epochs.values());
        return all.includes(null) ? null : `${all.join('.')}w${writes}`;
      },
    };
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

/** `promise`'s value, or null when it has none within `ms`. */
function withDeadline<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
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
 * asked), just before it is executed; mutations get none, and are counted when sent and answered.
 * Put it before the caches' plugins.
 */
export function useDataVersion(versions: DataVersions | null): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'mutation') versions?.wrote();
        },
        async responseForOperation({ operation, contextValue }) {
          contextValue.dataVersion = versions && operation.operation === 'query' ? versions.current() : NO_VERSION;
          return null;
        },
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') versions?.wrote();
        },
      };
    },
  };
}
