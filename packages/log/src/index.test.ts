import { createLogger, type LogLevel, logFormatFromEnv, logLevelFromEnv, setLogContext } from './index';

function capture() {
  const lines: { line: string; level: LogLevel }[] = [];
  return { lines, write: (line: string, level: LogLevel) => lines.push({ line, level }) };
}

describe('the JSON format', () => {
  it('writes one JSON object a line: time, level, service, msg, then the fields', () => {
    const out = capture();
    const log = createLogger('gateway', { format: 'json', write: out.write });
    log.info('ready', { port: 4000, url: 'http://localhost:4000/graphql' });
    expect(out.lines).toHaveLength(1);
    const { line, level } = out.lines[0]!;
    expect(level).toBe('info');
    expect(line).not.toContain('\n');
    const record = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(record)).toEqual(['time', 'level', 'service', 'msg', 'port', 'url']);
    expect(record).toMatchObject({ level: 'info', service: 'gateway', msg: 'ready', port: 4000, url: 'http://localhost:4000/graphql' });
    expect(new Date(record.time as string).toISOString()).toBe(record.time);
  });

  it('writes an error as name, message, code and stack', () => {
    const out = capture();
    const log = createLogger('agreements', { format: 'json', write: out.write });
    log.error('unexpected error', { requestId: 'r-1', error: Object.assign(new TypeError('x is not a function'), { code: 'E_X' }) });
    const record = JSON.parse(out.lines[0]!.line) as { level: string; requestId: string; error: Record<string, string> };
    expect(out.lines[0]!.level).toBe('error');
    expect(record.level).toBe('error');
    expect(record.requestId).toBe('r-1');
    expect(record.error).toMatchObject({ name: 'TypeError', message: 'x is not a function', code: 'E_X' });
    expect(record.error.stack).toContain('TypeError: x is not a function\n    at ');
  });

  it('keeps its own fields from being overwritten, and survives fields JSON cannot hold', () => {
    const out = capture();
    const log = createLogger('surveys', { format: 'json', write: out.write });
    const cycle: Record<string, unknown> = { big: 12n };
    log.warn('odd', { level: 'error', service: 'other', msg: 'other', count: 12n });
    cycle.self = cycle;
    log.warn('cycle', { cycle });
    const first = JSON.parse(out.lines[0]!.line) as Record<string, unknown>;
    expect(first).toMatchObject({ level: 'warn', service: 'surveys', msg: 'odd', count: '12' });
    const second = JSON.parse(out.lines[1]!.line) as Record<string, unknown>;
    expect(second).toMatchObject({ level: 'warn', service: 'surveys', msg: 'cycle' });
    expect(second.fields).toContain('[Circular');
  });
});

describe('the text format', () => {
  it('reads as the services always printed, fields after the message, an error below it', () => {
    const out = capture();
    const log = createLogger('actions', { format: 'text', write: out.write });
    log.info('ready at http://127.0.0.1:8080/graphql');
    log.warn('actor headers refused', { reason: 'bad signature', requestId: 'r 2' });
    log.error('unexpected error', { error: new Error('boom') });
    expect(out.lines[0]!.line).toBe('[actions] ready at http://127.0.0.1:8080/graphql');
    expect(out.lines[1]!.line).toBe('[actions] actor headers refused reason="bad signature" requestId="r 2"');
    expect(out.lines[2]!.line).toMatch(/^\[actions\] unexpected error\nError: boom\n {4}at /);
    expect(out.lines.map((l) => l.level)).toEqual(['info', 'warn', 'error']);
  });
});

describe('levels, children and context', () => {
  afterEach(() => setLogContext(undefined));

  it('leaves out lines below the least level', () => {
    const out = capture();
    const log = createLogger('gateway', { format: 'json', level: 'warn', write: out.write });
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(out.lines.map((l) => (JSON.parse(l.line) as { msg: string }).msg)).toEqual(['c', 'd']);
    const quiet = capture();
    createLogger('gateway', { format: 'json', write: quiet.write }).debug('not by default');
    expect(quiet.lines).toEqual([]);
  });

  it('adds a child’s fields and the context’s fields (the trace id) to every line', () => {
    const out = capture();
    setLogContext(() => ({ traceId: 'abc' }));
    const log = createLogger('gateway', { format: 'json', write: out.write }).child({ requestId: 'r-3' });
    log.info('one', { n: 1 });
    expect(JSON.parse(out.lines[0]!.line)).toMatchObject({ msg: 'one', traceId: 'abc', requestId: 'r-3', n: 1 });
    setLogContext(() => undefined);
    log.info('two');
    expect(JSON.parse(out.lines[1]!.line)).not.toHaveProperty('traceId');
  });
});

describe('settings from the environment', () => {
  it('chooses JSON in production and text otherwise, unless SAMVERKAN_LOG_FORMAT says', () => {
    expect(logFormatFromEnv({})).toBe('text');
    expect(logFormatFromEnv({ NODE_ENV: 'production' })).toBe('json');
    expect(logFormatFromEnv({ NODE_ENV: 'production', SAMVERKAN_LOG_FORMAT: 'text' })).toBe('text');
    expect(logFormatFromEnv({ SAMVERKAN_LOG_FORMAT: 'json' })).toBe('json');
    expect(logFormatFromEnv({ SAMVERKAN_LOG_FORMAT: 'yaml' })).toBe('text');
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ SAMVERKAN_LOG_LEVEL: 'debug' })).toBe('debug');
    expect(logLevelFromEnv({ SAMVERKAN_LOG_LEVEL: 'loud' })).toBe('info');
  });
});
