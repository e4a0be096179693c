import { runSubgraphProcess } from '@samverkan/server';
import { subgraph as actionsSubgraph } from './definition';

runSubgraphProcess(actionsSubgraph);
