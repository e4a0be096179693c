import type { ApolloServerPlugin } from '@apollo/server';
import type { PlanNode, QueryPlan, SubscriptionNode } from '@apollo/query-planner';
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
 * subgraph's epoch, so that a write elsewhere leaves it alone. A subgraph with replicas is asked at
 * every replica, each with its own moment (each keeps its own copy of the organisation and has its
 * own process), and its epoch is theirs together: an answer from any replica is never older than
 * what its version means, and a replica that does not answer leaves the subgraph uncached. Answers that may draw on every
 * subgraph (the cache of anonymous answers, answers shared in flight) are kept under all epochs.
 * Both also carry the number of mutations this gateway has sent, counted when each is sent and
 * when it is answered: a write through the gateway is never missed, even one that changed nothing
 * the audit trail records.
 */
export interface DataVersionSource {
  /** The subgraph's name (as in the supergraph); a subgraph's replicas are sources of the same name. */
  subgraph: string;
  /** Asks the subgraph whether an audited write committed since `since` (null: its first question). */
  ask(since: string | null): Promise<DataVersionAnswer>;
}

/** The data version of one request: per subgraph, and as a whole. */
export interface RequestVersion {
  /** The version of one subgraph's data, to keep its entity answers under; null: not from the cache. */
  of(subgraph: string): Promise<string | null>;
  /**
   * The version of the data of every subgraph the request draws on (its plan's, once known; else
   * all), for answers that may draw on all of them; null: not from the caches.
   */
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
   * The version of the data of the subgraphs a request's plan fetches from (`planned`; every
   * subgraph while its plan is not known) as of a moment after this call. The questions are sent
   * (or joined) at once; each answer is awaited at most `deadlineMs`. `all()` is read over the
   * plan's subgraphs as known when it is called: a request whose plan was learnt while it ran keeps
   * its answer under the version later requests of the same operation look for.
   */
  current(planned: () => ReadonlySet<string> | null = () => null): RequestVersion {
    const writes = this.writes;
    const asking = planned();
    const epochs = new Map<string, Promise<number | null>[]>();
    for (const state of this.states) {
      if (asking && !asking.has(state.source.subgraph)) continue;
      const asked = withDeadline(this.epochOf(state), this.deadlineMs);
      epochs.set(state.source.subgraph, [...(epochs.get(state.source.subgraph) ?? []), asked]);
    }
    // "actions:4.9" (two replicas' epochs): the subgraphs are named, so that versions of different sets never read alike.
    const versionOf = async (subgraph: string) => {
      const asked = epochs.get(subgraph);
      if (!asked) return null; // not asked for this request: no version
      const answers = await Promise.all(asked);
      return answers.includes(null) ? null : `${subgraph}:${answers.join('.')}`;
    };
    return {
      of: async (subgraph) => {
        const version = await versionOf(subgraph);
        return version === null ? null : `${version}w${writes}`;
      },
      all: async () => {
        const subgraphs = [...(planned() ?? epochs.keys())].sort();
        const versions = await Promise.all(subgraphs.map(versionOf));
        return versions.includes(null) ? null : `${versions.join(' ')}w${writes}`;
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
 * Asks each replica of a subgraph over HTTP, signed over the trusted hop (as anonymous: the question
 * reads no record): one source per replica, each with its own moment.
 */
export function httpDataVersionSources(subgraph: string, replicas: readonly string[], hopSecret: string, timeoutMs: number): DataVersionSource[] {
  return replicas.map((replica) => ({
    subgraph,
    async ask(since) {
      const headers = signActorHeaders(ANONYMOUS, hopSecret, dataVersionHopRequest(subgraph, since));
      const path = since === null ? DATA_VERSION_PATH : `${DATA_VERSION_PATH}?since=${encodeURIComponent(since)}`;
      const response = await fetch(new URL(path, replica), { headers, signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`${subgraph} at ${replica} answered the data version with HTTP ${response.status}`);
      const answer = (await response.json()) as Partial<DataVersionAnswer>;
      if (typeof answer.snapshot !== 'string' || typeof answer.changed !== 'boolean') throw new Error(`${subgraph} at ${replica} gave no data version`);
      return { snapshot: answer.snapshot, changed: answer.changed };
    },
  }));
}

/**
 * The subgraphs each operation's query plan fetches from, learnt from the plans Apollo Gateway makes
 * (`experimental_didResolveQueryPlan`), by the same key as its own store of plans: the document's
 * hash and the operation's name. The same document always gets the same plan from the same
 * supergraph, so from its second request on, an operation's data version asks only those subgraphs
 * (an answer draws on nothing else); the first request of a document asks every subgraph. At most
 * `maxEntries` operations are remembered, the oldest forgotten first.
 */
export class PlannedSubgraphs {
  private readonly known = new Map<string, ReadonlySet<string>>();

  /** @param maxEntries operations remembered. @default 10000 */
  constructor(private readonly maxEntries = 10_000) {}

  /** The subgraphs of an operation's plan, when it has been planned before; null otherwise. */
  of(queryHash: string, operationName: string | null | undefined): ReadonlySet<string> | null {
    return this.known.get(planKey(queryHash, operationName)) ?? null;
  }

  /** Remembers the subgraphs of a plan the gateway made. */
  learn(queryHash: string, operationName: string | null | undefined, plan: QueryPlan): void {
    const key = planKey(queryHash, operationName);
    if (this.known.has(key)) return;
    if (this.known.size >= this.maxEntries) this.known.delete(this.known.keys().next().value!);
    const subgraphs = new Set<string>();
    if (plan.node) collectSubgraphs(plan.node, subgraphs);
    this.known.set(key, subgraphs);
  }
}

function planKey(queryHash: string, operationName: string | null | undefined): string {
  return operationName ? `${queryHash}:${operationName}` : queryHash;
}

/** Every subgraph a plan node may fetch from: both branches of a condition, deferred parts too. */
function collectSubgraphs(node: PlanNode | SubscriptionNode, into: Set<string>): void {
  switch (node.kind) {
    case 'Fetch':
      into.add(node.serviceName);
      return;
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) collectSubgraphs(child, into);
      return;
    case 'Flatten':
      collectSubgraphs(node.node, into);
      return;
    case 'Condition':
      if (node.ifClause) collectSubgraphs(node.ifClause, into);
      if (node.elseClause) collectSubgraphs(node.elseClause, into);
      return;
    case 'Defer':
      if (node.primary.node) collectSubgraphs(node.primary.node, into);
      for (const deferred of node.deferred) if (deferred.node) collectSubgraphs(deferred.node, into);
      return;
    case 'Subscription':
      collectSubgraphs(node.primary, into);
      if (node.rest) collectSubgraphs(node.rest, into);
      return;
  }
}

/**
 * Asks for the data version of each query that passed every check (the limits refuse before it is
 * asked), just before it is executed: of the subgraphs its plan fetches from when `plans` knows
 * them, else of every subgraph. Mutations get none, and are counted when sent and answered. Put it
 * before the caches' plugins.
 */
export function useDataVersion(versions: DataVersions | null, plans: PlannedSubgraphs | null = null): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'mutation') versions?.wrote();
        },
        async responseForOperation({ operation, contextValue, queryHash, request }) {
          contextValue.dataVersion =
            versions && operation.operation === 'query' ? versions.current(() => (queryHash && plans?.of(queryHash, request.operationName)) || null) : NO_VERSION;
          return null;
        },
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') versions?.wrote();
        },
      };
    },
  };
}
