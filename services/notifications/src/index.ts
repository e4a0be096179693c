import { runSubgraphProcess } from '@samverkan/server';
import { subgraph as notificationsSubgraph } from './definition';

runSubgraphProcess(notificationsSubgraph);
