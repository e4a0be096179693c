import type { TestDatabaseKind } from '@samverkan/db';
import { type RunningSubgraph, startTestSubgraph, type TracingOptions } from '@samverkan/server';
import { type RunningGateway, startGateway } from '../../gateway/src/gateway';
import { actionsSubgraph } from '../../services/actions/src/definition';
import { agreementsSubgraph } from '../../services/agreements/src/definition';
import { surveysSubgraph } from '../../services/surveys/src/definition';

/** The whole hub in this process: three real subgraphs on fresh databases and the real gateway. */
export interface TestHub {
  gateway: RunningGateway;
  agreements: RunningSubgraph<import('../../services/agreements/src/db').PrismaClient>;
  actions: RunningSubgraph<import('../../services/actions/src/db').PrismaClient>;
  surveys: RunningSubgraph<import('../../services/surveys/src/db').PrismaClient>;
  close(): Promise<void>;
}

export const TEST_HOP_SECRET = 'test-hop-secret';
export const TEST_JWT_SECRET = 'test-jwt-secret';

/**
 * Starts the hub. `tracing` turns tracing on for the gateway and every subgraph (each with its own
 * service name); without it tracing is off, whatever the environment says.
 */
export async function startTestHub(kind: TestDatabaseKind, options: { responseCacheMs?: number; tracing?: TracingOptions } = {}): Promise<TestHub> {
  const [agreements, actions, surveys] = await Promise.all([
    startTestSubgraph(agreementsSubgraph, kind, TEST_HOP_SECRET, options.tracing),
    startTestSubgraph(actionsSubgraph, kind, TEST_HOP_SECRET, options.tracing),
    startTestSubgraph(surveysSubgraph, kind, TEST_HOP_SECRET, options.tracing),
  ]);
  // The actions subgraph asks the agreements subgraph whether an action's origin exists.
  const previousAgreementsUrl = process.env.AGREEMENTS_URL;
  process.env.AGREEMENTS_URL = agreements.url;
  const gateway = await startGateway({
    port: 0,
    log: false,
    hopSecret: TEST_HOP_SECRET,
    tokens: { secret: TEST_JWT_SECRET },
    subgraphUrls: { agreements: agreements.url, actions: actions.url, surveys: surveys.url },
    // Tests look at fresh answers; test/cache.test.ts turns the cache of anonymous reads on.
    responseCache: { ttlMs: options.responseCacheMs ?? 0 },
    ...(options.tracing ? { tracing: options.tracing } : {}),
  });
  return {
    gateway,
    agreements,
    actions,
    surveys,
    close: async () => {
      if (previousAgreementsUrl === undefined) delete process.env.AGREEMENTS_URL;
      else process.env.AGREEMENTS_URL = previousAgreementsUrl;
      await gateway.close();
      await Promise.all([agreements.close(), actions.close(), surveys.close()]);
    },
  };
}
