import type { DataVersionAnswer } from '@samverkan/schema';
import { DataVersions, type DataVersionSource } from './data-version';

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
    expect(v1).toMatch(/^\d+\.\d+w0$/);
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
    expect(v3!.split('.')[0]).toBe(v1!.split('.')[0]); // a did not change
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

  it('answers without a version when a subgraph does not answer within the deadline', async () => {
    const a = subgraph('a');
    const versions = new DataVersions([a.source], () => {}, 20);
    const version = versions.current();
    expect(await version.all()).toBeNull(); // never answered
    expect(await version.of('a')).toBeNull();
    expect(await version.of('unknown')).toBeNull();
  });
});
