import { inspect } from 'node:util';

/**
 * The services' logger. A line has the time, the level, the service, the message and structured
 * fields (a request id, the trace id when tracing is on, an error …), in one of two formats:
 *
 * - `text`, for people, as the services have always printed: `[gateway] message key=value`;
 * - `json`, one JSON object a line for a log collector:
 *   `{"time":"2025-05-01T12:00:00.000Z","level":"info","service":"gateway","msg":"message","key":"value"}`.
 *
 * `SAMVERKAN_LOG_FORMAT` (`json` or `text`) chooses; without it, `json` when `NODE_ENV=production`,
 * else `text`. Logs may hold an error's stack; answers to clients never do.
 */

/** How lines look. */
export type LogFormat = 'text' | 'json';
/** How important a line is. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** Structured fields of a line. */
export type LogFields = Record<string, unknown>;

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Writes lines for one service. */
export interface Logger {
  readonly service: string;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to each of its lines. */
  child(fields: LogFields): Logger;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** How lines look. @default `SAMVERKAN_LOG_FORMAT`, else `json` when `NODE_ENV=production`, else `text` */
  format?: LogFormat;
  /** The least level written. @default `SAMVERKAN_LOG_LEVEL`, else `info` */
  level?: LogLevel;
  /** Writes one line (without its newline). @default stdout for debug and info, stderr for warn and error */
  write?: (line: string, level: LogLevel) => void;
}

/** The log format the environment asks for (`SAMVERKAN_LOG_FORMAT`; an unknown value counts as unset). */
export function logFormatFromEnv(env: NodeJS.ProcessEnv = process.env): LogFormat {
  const value = env.SAMVERKAN_LOG_FORMAT;
  if (value === 'json' || value === 'text') return value;
  return env.NODE_ENV === 'production' ? 'json' : 'text';
}

/** The least level the environment asks for (`SAMVERKAN_LOG_LEVEL`; an unknown value counts as unset). */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const value = env.SAMVERKAN_LOG_LEVEL;
  return value !== undefined && Object.hasOwn(SEVERITY, value) ? (value as LogLevel) : 'info';
}

let contextFields: (() => LogFields | undefined) | undefined;

/**
 * Sets where the fields of the current context come from (the tracing sets the trace and span id
 * of the active span); `undefined` removes it. They are added to every line of every logger.
 */
export function setLogContext(source: (() => LogFields | undefined) | undefined): void {
  contextFields = source;
}

/** An error as a log field: name, message, code and stack. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { message: typeof error === 'string' ? error : inspect(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(code !== undefined ? { code } : {}), ...(error.stack ? { stack: error.stack } : {}) };
}

const RESERVED = new Set(['time', 'level', 'service', 'msg']);
const jsonValue = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

function jsonLine(level: LogLevel, service: string, msg: string, fields: LogFields): string {
  const record: LogFields = { time: new Date().toISOString(), level, service, msg };
  for (const [key, value] of Object.entries(fields)) {
    if (!RESERVED.has(key) && value !== undefined) record[key] = value instanceof Error ? errorFields(value) : value;
  }
  try {
    return JSON.stringify(record, jsonValue);
  } catch {
    // A field that JSON cannot hold (a cycle): the line keeps its shape, the fields are inspected.
    return JSON.stringify({ time: record.time, level, service, msg, fields: inspect(fields, { depth: 4 }) });
  }
}

function textLine(service: string, msg: string, fields: LogFields): string {
  let line = `[${service}] ${msg}`;
  let error = '';
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value instanceof Error) error += `\n${inspect(value)}`;
    else line += ` ${key}=${typeof value === 'string' && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value, jsonValue)}`;
  }
  return line + error;
}

function defaultWrite(line: string, level: LogLevel): void {
  (SEVERITY[level] >= SEVERITY.warn ? process.stderr : process.stdout).write(`${line}\n`);
}

/** A logger for `service` (its name in every line: `gateway`, `agreements` …). */
export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const format = options.format ?? logFormatFromEnv();
  const least = SEVERITY[options.level ?? logLevelFromEnv()];
  const write = options.write ?? defaultWrite;
  const make = (bound: LogFields): Logger => {
    const log = (level: LogLevel, msg: string, fields?: LogFields) => {
      if (SEVERITY[level] < least) return;
      const all = { ...contextFields?.(), ...bound, ...fields };
      write(format === 'json' ? jsonLine(level, service, msg, all) : textLine(service, msg, all), level);
    };
    return {
      service,
      debug: (msg, fields) => log('debug', msg, fields),
      info: (msg, fields) => log('info', msg, fields),
      warn: (msg, fields) => log('warn', msg, fields),
      error: (msg, fields) => log('error', msg, fields),
      child: (fields) => make({ ...bound, ...fields }),
    };
  };
  return make({});
}
