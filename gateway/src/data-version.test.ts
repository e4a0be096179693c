import type { DataVersionAnswer } from '@samverkan/schema';
import type { QueryPlan } from '@apollo/query-planner';
import { DataVersions, type DataVersionSource, PlannedSubgraphs } from './data-version';

/*
 * The data versions on their own, against subgraphs whose answers the test decides: a change gives
 * a new version, no change keeps it, a question in flight serves only requests that began before it
 * was sent, and a subgraph that does not answer gives no version.
 */

/** A subgraph whose answers wait until released, and say "changed" when `writes` grew since the question's snapshot. */
function subgraph(name: string) {
  let writes = 0;
  const waiting: (() => void)[] = [];
  const asked: (string | null)[] = [];
  let failing = false;
  const source: DataVersionSource = {
    subgraph: name,
    ask: (since) => {
      asked.push(since);
      const snapshotAtAsking = writes;
      return new Promise<DataVersionAnswer>((resolve, reject) =>
        waiting.push(() => (failing ? reject(new Error('down')) : resolve({ snapshot: String(snapshotAtAsking), changed: since === null || Number(since) !== snapshotAtAsking }))),
      );
    },
  };
  return {
    source,
    asked,
    write: () => (writes += 1),
    fail: (value: boolean) => (failing = value),
    /** Answers every question asked so far. */
    answerAll: async () => {
      while (waiting.length) waiting.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('data versions', () => {
  it('keep the version while nothing is written and give a new one after a write', async () => {
    const a = subgraph('a');
    const b = subgraph('b');
    let changes = 0;
    const versions = new DataVersions([a.source, b.source], () => (changes += 1));
    const first = versions.current().all();
    await a.answerAll();
    await b.answerAll();
    const v1 = await first;
    expect(v1).toMatch(/^a:\d+ b:\d+w0$/);
    const second = versions.current().all();
    await a.answerAll();
    await b.answerAll();
    expect(await second).toBe(v1);
    b.write();
    const third = versions.current().all();
    await a.answerAll();
    await b.answerAll();
    const v3 = await third;
    expect(v3).not.toBe(v1);
    expect(v3!.split(' ')[0]).toBe(v1!.split(' ')[0]); // a did not change
    expect(changes).toBe(3); // the first answer of each, then b's write
  });

  it('serves a request only with a question sent after it began', async () => {
    const a = subgraph('a');
    const versions = new DataVersions([a.source]);
    const early = versions.current().all();
    expect(a.asked).toHaveLength(1);
    // Two requests arrive while the first question is in flight, then a write finishes.
    a.write();
    const late1 = versions.current().all();
    const late2 = versions.current().all();
    expect(a.asked).toHaveLength(1); // they wait for the next question, sent when this one is answered
    await a.answerAll();
    const v1 = await early;
    expect(a.asked).toHaveLength(2); // one question for both late requests
    await a.answerAll();
    const [l1, l2] = await Promise.all([late1, late2]);
    expect(l1).toBe(l2);
    // The write finished before they began; the first question was asked before it: they may not share its version.
    expect(l1).not.toBe(v1);
  });

  it('gives no version when a subgraph does not answer, and one again when it does', async () => {
    const a = subgraph('a');
    const versions = new DataVersions([a.source]);
    a.fail(true);
    const failed = versions.current().all();
    await a.answerAll();
    expect(await failed).toBeNull();
    a.fail(false);
    const again = versions.current().all();
    await a.answerAll();
    expect(await again).not.toBeNull();
  });

  it("keeps a subgraph's own version when another's data changes, and every version when this gateway sends a mutation", async () => {
    const a = subgraph('a');
    const b = subgraph('b');
    const versions = new DataVersions([a.source, b.source]);
    const ask = async () => {
      const version = versions.current();
      await a.answerAll();
      await b.answerAll();
      return { a: await version.of('a'), b: await version.of('b'), all: await version.all() };
    };
    const first = await ask();
    b.write();
    const second = await ask();
    expect(second.a).toBe(first.a);
    expect(second.b).not.toBe(first.b);
    expect(second.all).not.toBe(first.all);
    versions.wrote();
    const third = await ask();
    expect(third.a).not.toBe(second.a);
    expect(third.all).not.toBe(second.all);
  });

  it("asks every replica of a subgraph: a change at any replica gives the subgraph a new version, and a replica that does not answer leaves it without one", async () => {
    const first = subgraph('actions');
    const second = subgraph('actions');
    const other = subgraph('surveys');
    const versions = new DataVersions([first.source, second.source, other.source]);
    const ask = async () => {
      const version = versions.current();
      await Promise.all([first.answerAll(), second.answerAll(), other.answerAll()]);
      return { actions: await version.of('actions'), surveys: await version.of('surveys'), all: await version.all() };
    };
    const v1 = await ask();
    expect(first.asked).toHaveLength(1);
    expect(second.asked).toHaveLength(1);
    // The second replica's own state changed (say, its copy of the police organisation).
    second.write();
    const v2 = await ask();
    expect(v2.actions).not.toBe(v1.actions);
    expect(v2.surveys).toBe(v1.surveys);
    expect(v2.all).not.toBe(v1.all);
    second.fail(true);
    const v3 = await ask();
    expect(v3.actions).toBeNull();
    expect(v3.surveys).toBe(v1.surveys);
    expect(v3.all).toBeNull();
  });

  it('answers without a version when a subgraph does not answer within the deadline', async () => {
    const a = subgraph('a');
    const versions = new DataVersions([a.source], () => {}, 20);
    const version = versions.current();
    expect(await version.all()).toBeNull(); // never answered
    expect(await version.of('a')).toBeNull();
    expect(await version.of('unknown')).toBeNull();
  });

  it("asks only the subgraphs of the request's plan when they are known", async () => {
    const a = subgraph('a');
    const b = subgraph('b');
    const versions = new DataVersions([a.source, b.source]);
    const version = versions.current(() => new Set(['b']));
    await Promise.all([a.answerAll(), b.answerAll()]);
    expect(a.asked).toHaveLength(0);
    expect(b.asked).toHaveLength(1);
    expect(await version.all()).toMatch(/^b:\d+w0$/);
    expect(await version.of('a')).toBeNull(); // not in the plan: nothing from it is cached
  });

  it('reads the whole version over the plan learnt while the request ran, from the answers asked when it began', async () => {
    const a = subgraph('a');
    const b = subgraph('b');
    const versions = new DataVersions([a.source, b.source]);
    let plan: Set<string> | null = null;
    const first = versions.current(() => plan);
    await Promise.all([a.answerAll(), b.answerAll()]);
    expect(await first.all()).toMatch(/^a:\d+ b:\d+w0$/);
    plan = new Set(['a']); // planned while the first request ran
    const kept = await first.all();
    const second = versions.current(() => plan);
    await Promise.all([a.answerAll(), b.answerAll()]);
    expect(await second.all()).toBe(kept);
    expect(b.asked).toHaveLength(1); // the second request asked a only
  });
});

describe('the subgraphs of a plan', () => {
  const fetch = (serviceName: string) => ({ kind: 'Fetch', serviceName, operation: '{ x }', operationKind: 'query' }) as const;
  const plan = {
    kind: 'QueryPlan',
    node: {
      kind: 'Sequence',
      nodes: [
        fetch('agreements'),
        { kind: 'Parallel', nodes: [{ kind: 'Flatten', path: ['x'], node: fetch('actions') }, { kind: 'Condition', condition: 'c', ifClause: fetch('surveys'), elseClause: fetch('agreements') }] },
      ],
    },
  } as unknown as QueryPlan; // a hand-made plan: only the fields the walk reads

  it('are every fetch of it, both branches of a condition too, known only once planned', () => {
    const plans = new PlannedSubgraphs();
    expect(plans.of('hash', 'Overview')).toBeNull();
    plans.learn('hash', 'Overview', plan);
    expect([...plans.of('hash', 'Overview')!].sort()).toEqual(['actions', 'agreements', 'surveys']);
    // Another operation of the same document is another plan.
    expect(plans.of('hash', 'Other')).toBeNull();
    plans.learn('other', null, { kind: 'QueryPlan', node: fetch('actions') } as unknown as QueryPlan);
    expect([...plans.of('other', undefined)!]).toEqual(['actions']);
  });

  it('forget the oldest past their bound', () => {
    const plans = new PlannedSubgraphs(2);
    for (const hash of ['one', 'two', 'three']) plans.learn(hash, null, plan);
    expect(plans.of('one', null)).toBeNull();
    expect(plans.of('three', null)).not.toBeNull();
  });
});
