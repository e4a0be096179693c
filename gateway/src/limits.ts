import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

// The limits on a request's document are shared with the subgraphs, which apply them too.
export { DEFAULT_LIMITS, effectiveLimits, hideSuggestions, LIST_SIZE_ESTIMATE, LIST_SIZES, limitRules, limitsFromEnv, type RequestLimits } from '@samverkan/server';

/**
 * A per-client rate limit: at most `perMinute` requests in any fixed minute window per key.
 * Returns how long to wait when a request is over the limit.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
      if (perMinute <= 0) return { allowed: true };
      const time = now();
      let window = windows.get(key);
      if (!window || time - window.start >= 60_000) {
        if (windows.size > 10_000) for (const [k, w] of windows) if (time - w.start >= 60_000) windows.delete(k);
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= perMinute) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + 60_000 - time) / 1000)) };
    },
  };
}

/**
 * Refuses, with 400 and a clear message, an operation the document does not hold (an unknown
 * `operationName`, or several operations and no name) and subscriptions, which the hub does not
 * serve. Without it the gateway's planner throws and the client sees a 500.
 */
export function useOperationChecks<Context extends object>(): ApolloServerPlugin<Context> {
  const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          const operationName = request.operationName;
          if (!operation) {
            const count = document.definitions.filter((d) => d.kind === 'OperationDefinition').length;
            throw badRequest(operationName ? `Unknown operation named "${operationName}".` : `The document holds ${count} operations: name the one to run with \`operationName\`.`);
          }
          if (operation.operation === 'subscription') throw badRequest('Subscriptions are not served by the hub: use a query.');
        },
      };
    },
  };
}
