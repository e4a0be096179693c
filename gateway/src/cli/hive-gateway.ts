/**
 * `samverkan-hive-gateway`: Hive Gateway on the committed supergraph, as a process (see
 * `../hive-gateway.ts` for what it does and does not do). Settings: `PORT` (default 4000), `HOST`
 * and each registered subgraph's `<PREFIX>_URL`.
 */
import { GATEWAY_DEFAULT_PORT } from '@samverkan/hub';
import { createLogger } from '@samverkan/log';
import { hiveGatewayOptionsFromEnv, startHiveGateway } from '../hive-gateway';

const log = createLogger('hive-gateway');
Promise.resolve()
  .then(() => startHiveGateway({ port: GATEWAY_DEFAULT_PORT, ...hiveGatewayOptionsFromEnv() }))
  .then(
    (gateway) => {
      log.info(`GraphQL at ${gateway.url}`);
      const stop = () => void gateway.close().then(() => process.exit(0), () => process.exit(1));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      log.error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
