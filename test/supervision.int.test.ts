import { repositoryPath, SUBGRAPHS } from '@samverkan/hub';
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

/**
 * `npm start` supervises its processes: a subgraph killed with SIGKILL is started again, meanwhile
 * the gateway answers with the other subgraphs' parts and names the missing one, and nothing else is
 * restarted. The built hub runs as `npm start` runs it, on embedded databases in memory and free ports.
 */

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// A part from every subgraph: the notifications subgraph's is a subscription nobody has (null, as for anyone without it).
const QUERY = '{ municipality(code: "1281") { name actions { title } surveyResults(origins: [PUBLISHED]) { year } } webhookSubscription(id: "none") { id } }';

describe('npm start supervises the hub', () => {
  let hub: ChildProcess;
  let output = '';
  let gatewayUrl: string;
  const pidsOf = (name: string) => [...output.matchAll(new RegExp(`^${name} +\\| started \\(pid (\\d+)\\)`, 'gm'))].map((m) => Number(m[1]));

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, SAMVERKAN_DATA_DIR: 'memory', SAMVERKAN_DEMO_DATA: '0', SAMVERKAN_LOG_FORMAT: 'text', SAMVERKAN_RESPONSE_CACHE_MS: '0', PORT: String(await freePort()) };
    for (const subgraph of SUBGRAPHS) {
      env[`${subgraph.envPrefix}_PORT`] = String(await freePort());
      delete env[`${subgraph.envPrefix}_URL`];
    }
    gatewayUrl = `http://127.0.0.1:${env.PORT}/graphql`;
    hub = spawn(process.execPath, [repositoryPath('packages/hub/dist/start.js')], { cwd: repositoryPath('.'), env, stdio: ['ignore', 'pipe', 'pipe'] });
    hub.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    hub.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 150_000;
    while (!output.includes('Samverkan hub is running')) {
      if (Date.now() > deadline || hub.exitCode !== null) throw new Error(`the hub did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 180_000);

  afterAll(async () => {
    if (hub && hub.exitCode === null) {
      const exited = new Promise((resolve) => hub.once('exit', resolve));
      hub.kill('SIGTERM');
      await exited;
    }
  });

  const ask = async () => {
    const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    return (await response.json()) as { data?: { municipality: { name: string; actions: unknown[] | null; surveyResults: unknown[] | null } | null }; errors?: { message: string; extensions?: { code?: string } }[] };
  };

  it.each(SUBGRAPHS.filter((s) => s.name !== 'agreements').map((s) => s.name))(
    'SIGKILL of the %s subgraph: partial answers naming it meanwhile, back within 30 s, nothing else restarted',
    async (name) => {
      const before = Object.fromEntries([...SUBGRAPHS.map((s) => s.name), 'gateway'].map((part) => [part, pidsOf(part)]));
      expect(before[name]).toHaveLength(1);
      const whole = await ask();
      expect(whole.errors).toBeUndefined();

      process.kill(before[name]![0]!, 'SIGKILL');
      const killedAt = Date.now();
      let partial: Awaited<ReturnType<typeof ask>> | undefined;
      for (;;) {
        const answer = await ask();
        if (answer.errors) partial ??= answer;
        if (!answer.errors && pidsOf(name).length === 2) break;
        // Restarted after 0.5 s, a subgraph is ready in about 6 s on a quiet machine (PGlite, migrations); CI runs other suites beside this one.
        if (Date.now() - killedAt > 30_000) throw new Error(`${name} was not back within 30 s:\n${output.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // While it was gone, the answer held the others' parts and named the missing subgraph.
      expect(partial?.data?.municipality?.name).toBe('Lund');
      expect(partial?.errors?.map((e) => e.message).join(' ')).toContain(name);
      expect(output).toMatch(new RegExp(`${name} +\\| stopped unexpectedly \\(SIGKILL\\); starting it again`));
      // Only the killed subgraph was started again.
      for (const [part, pids] of Object.entries(before)) if (part !== name) expect(pidsOf(part)).toEqual(pids);
      // Reset for the next case: the restarted process is the one now running.
      output = output.replace(new RegExp(`^${name} +\\| started \\(pid ${before[name]![0]}\\)`, 'm'), '');
    },
    60_000,
  );

  it('Ctrl-C stops every process', async () => {
    const exited = new Promise<number | null>((resolve) => hub.once('exit', (code) => resolve(code)));
    hub.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Samverkan hub stopped.');
  }, 30_000);
});
