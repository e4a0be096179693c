import { HeaderMap } from '@apollo/server';
import { useResponseCache } from './response-cache';

/*
 * The cache of anonymous answers is bounded in bytes as well as in entries: the oldest answers go
 * first, and an answer larger than the bound is not kept at all.
 */

type Plugin = ReturnType<typeof useResponseCache>;

/** One anonymous read through the plugin's hooks, answered with `result` when not from the cache; whether it was a hit. */
async function read(plugin: Plugin, query: string, result: Record<string, unknown>, version: string | null = '1.1'): Promise<boolean> {
  // The hooks take Apollo Server's request context; only the parts the plugin reads are given here.
  const hooks = (await plugin.requestDidStart!({ contextValue: { actor: { role: 'anonymous' }, dataVersion: { of: async () => version, all: async () => version } } } as never))!;
  const hit = await hooks.responseForOperation!({ request: { query, variables: {} }, operation: { operation: 'query' } } as never);
  if (hit) return true;
  const response = { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: result } };
  await hooks.willSendResponse!({ response, operation: { operation: 'query' } } as never);
  return false;
}

describe('the response cache', () => {
  const answerOf = (bytes: number) => ({ data: { text: 'x'.repeat(bytes - 20) } }); // {"data":{"text":"…"}} is 20 characters besides the text

  it('keeps answers up to maxBytes, dropping the oldest first', async () => {
    const plugin = useResponseCache({ ttlMs: 60_000, shareInFlight: false, maxBytes: 1000 });
    expect(await read(plugin, '{ a }', answerOf(400))).toBe(false);
    expect(await read(plugin, '{ b }', answerOf(400))).toBe(false);
    expect(plugin.bytes).toBe(800);
    expect(await read(plugin, '{ a }', answerOf(400))).toBe(true);
    // A third one does not fit beside both: the oldest (a) goes.
    expect(await read(plugin, '{ c }', answerOf(400))).toBe(false);
    expect(plugin.size).toBe(2);
    expect(plugin.bytes).toBe(800);
    expect(await read(plugin, '{ b }', answerOf(400))).toBe(true);
    expect(await read(plugin, '{ c }', answerOf(400))).toBe(true);
    expect(await read(plugin, '{ a }', answerOf(400))).toBe(false);
  });

  it('does not keep an answer larger than maxBytes, nor drop others for it', async () => {
    const plugin = useResponseCache({ ttlMs: 60_000, shareInFlight: false, maxBytes: 1000 });
    await read(plugin, '{ a }', answerOf(400));
    expect(await read(plugin, '{ big }', answerOf(1001))).toBe(false);
    expect(await read(plugin, '{ big }', answerOf(1001))).toBe(false);
    expect(plugin.size).toBe(1);
    expect(await read(plugin, '{ a }', answerOf(400))).toBe(true);
  });

  it('forgets every answer and its bytes on clear (a write)', async () => {
    const plugin = useResponseCache({ ttlMs: 60_000, shareInFlight: false, maxBytes: 1000 });
    await read(plugin, '{ a }', answerOf(400));
    plugin.clear();
    expect(plugin.bytes).toBe(0);
    expect(await read(plugin, '{ a }', answerOf(400))).toBe(false);
  });

  it('finds an answer only under the data version it was kept in, and keeps none without a version', async () => {
    const plugin = useResponseCache({ ttlMs: 60_000, shareInFlight: false });
    expect(await read(plugin, '{ a }', answerOf(100), '1.1')).toBe(false);
    expect(await read(plugin, '{ a }', answerOf(100), '1.1')).toBe(true);
    expect(await read(plugin, '{ a }', answerOf(100), '1.2')).toBe(false); // written since
    expect(await read(plugin, '{ a }', answerOf(100), null)).toBe(false);
    expect(await read(plugin, '{ b }', answerOf(100), null)).toBe(false);
    expect(await read(plugin, '{ b }', answerOf(100), null)).toBe(false);
  });

  it('uses an answer for ttlMs from when it was made: an answer from memory is not kept again', async () => {
    let clock = 0;
    const plugin = useResponseCache({ ttlMs: 60_000, shareInFlight: false }, () => clock);
    // As Apollo Server runs them: willSendResponse also after an answer from memory.
    const ask = async () => {
      const hooks = (await plugin.requestDidStart!({ contextValue: { actor: { role: 'anonymous' }, dataVersion: { of: async () => '1', all: async () => '1' } } } as never))!;
      const hit = await hooks.responseForOperation!({ request: { query: '{ a }', variables: {} }, operation: { operation: 'query' } } as never);
      const response = hit ?? { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: answerOf(100) } };
      await hooks.willSendResponse!({ response, operation: { operation: 'query' } } as never);
      return hit !== null;
    };
    // In production, where an answer from memory carries no header that says so.
    const mode = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(await ask()).toBe(false);
      clock = 50_000;
      expect(await ask()).toBe(true);
      clock = 70_000;
      expect(await ask()).toBe(false); // made at 0: too old, although last used at 50 s
    } finally {
      process.env.NODE_ENV = mode;
    }
  });

  it('keeps an answer under the version read when it is sent (over the plan learnt meanwhile), found by the next request', async () => {
    const plugin = useResponseCache({ ttlMs: 60_000, shareInFlight: false });
    let plan = 'all';
    const ask = async () => {
      const hooks = (await plugin.requestDidStart!({ contextValue: { actor: { role: 'anonymous' }, dataVersion: { of: async () => plan, all: async () => plan } } } as never))!;
      const hit = await hooks.responseForOperation!({ request: { query: '{ a }', variables: {} }, operation: { operation: 'query' } } as never);
      plan = 'planned'; // learnt while the first request ran
      if (!hit) await hooks.willSendResponse!({ response: { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: answerOf(100) } }, operation: { operation: 'query' } } as never);
      return hit !== null;
    };
    expect(await ask()).toBe(false);
    expect(await ask()).toBe(true);
  });
});
