import { runSubgraphProcess } from '@samverkan/server';
import { actionsSubgraph } from './definition';

runSubgraphProcess(actionsSubgraph);
