import type { Logger } from '@samverkan/log';

/** The logger interface of Apollo Server and Apollo Gateway (`@apollo/utils.logger`). */
export interface ApolloLogger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

/**
 * Apollo Server's and Apollo Gateway's messages in the service's log. Their `info` is start-up
 * detail (Apollo Gateway does not show it by default either) and is logged as `debug`.
 */
export function apolloLogger(log: Logger): ApolloLogger {
  const write = (level: 'debug' | 'warn' | 'error') => (message?: unknown) =>
    message instanceof Error ? log[level](message.message, { error: message }) : log[level](String(message));
  return { debug: write('debug'), info: write('debug'), warn: write('warn'), error: write('error') };
}
