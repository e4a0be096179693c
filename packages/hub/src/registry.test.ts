import { GATEWAY_RUNTIME, runtimeEnvironment, SUBGRAPH_RUNTIME, SUBGRAPHS } from './registry';
import { execFileSync } from 'node:child_process';

describe("the parts' memory bounds", () => {
  it('are every subgraph\'s and the gateway\'s: a V8 heap limit and two malloc arenas', () => {
    expect(SUBGRAPHS.every((subgraph) => subgraph.runtime.nodeOptions.some((flag) => flag.startsWith('--max-old-space-size=')))).toBe(true);
    expect(runtimeEnvironment(GATEWAY_RUNTIME, {})).toEqual({ NODE_OPTIONS: GATEWAY_RUNTIME.nodeOptions.join(' '), MALLOC_ARENA_MAX: '2' });
  });

  it("put the deployer's NODE_OPTIONS after ours, and keep the deployer's MALLOC_ARENA_MAX", () => {
    const env = runtimeEnvironment(SUBGRAPH_RUNTIME, { NODE_OPTIONS: '--max-old-space-size=1024 --enable-source-maps', MALLOC_ARENA_MAX: '4' });
    expect(env.NODE_OPTIONS).toBe(`${SUBGRAPH_RUNTIME.nodeOptions.join(' ')} --max-old-space-size=1024 --enable-source-maps`);
    expect(env.MALLOC_ARENA_MAX).toBe('4');
    // V8 takes a flag's last value: the deployer's heap limit is the one a process gets.
    const limit = execFileSync(process.execPath, ['-e', 'console.log(require("v8").getHeapStatistics().heap_size_limit)'], { env: { ...process.env, NODE_OPTIONS: env.NODE_OPTIONS } });
    expect(Number(limit) / 2 ** 20).toBeGreaterThan(1024);
  });

  it('are dropped with SAMVERKAN_MEMORY_LIMITS=0, leaving the environment as it is', () => {
    expect(runtimeEnvironment(SUBGRAPH_RUNTIME, { SAMVERKAN_MEMORY_LIMITS: '0' })).toEqual({});
    expect(runtimeEnvironment(SUBGRAPH_RUNTIME, { SAMVERKAN_MEMORY_LIMITS: '0', NODE_OPTIONS: '--max-old-space-size=512' })).toEqual({ NODE_OPTIONS: '--max-old-space-size=512' });
  });
});
