import { createLogger } from '@samverkan/log';
import { gatewayOptionsFromEnv, startGateway } from './gateway';

startGateway(gatewayOptionsFromEnv()).then(
  (gateway) => {
    const stop = () => gateway.close().then(() => process.exit(0), () => process.exit(1));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    createLogger('gateway').error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
