import { repositoryPath, SUBGRAPHS } from '@samverkan/hub';
import { spawn } from 'node:child_process';

/**
 * Build-time code stays out of the running hub: no subgraph process loads Apollo's composition
 * (it lives in @samverkan/tools). Each built subgraph is started as `npm start` starts it, on an
 * embedded database in memory and a free port, with a preload that reports the library's loading.
 */
const PRELOAD = repositoryPath('test/support/report-composition.js');

/** Runs `args` under node with the preload until `until` appears in its output (or it exits); returns all it printed. */
function run(args: string[], env: NodeJS.ProcessEnv, until: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', PRELOAD, ...args], { cwd: repositoryPath('.'), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "${until.source}" within 90 s:\n${output}`));
    }, 90_000);
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

describe('build time apart from run time', () => {
  it.each(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph] as const))('the %s subgraph runs without loading @apollo/composition', async (_name, subgraph) => {
    const output = await run([repositoryPath(`${subgraph.dir}/dist/index.js`)], { [`${subgraph.envPrefix}_PORT`]: '0', SAMVERKAN_DATA_DIR: 'memory', SAMVERKAN_DEMO_DATA: '0', SAMVERKAN_LOG_FORMAT: 'text' }, /ready at http/);
    expect(output).toMatch(/ready at http/);
    expect(output).not.toContain('LOADED @apollo/composition');
  });

  it('the preload sees the library where it is loaded: the composition command', async () => {
    const output = await run(['-e', "require('@apollo/composition')"], {}, /LOADED/);
    expect(output).toContain('LOADED @apollo/composition');
  });
});
