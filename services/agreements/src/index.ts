import { runSubgraphProcess } from '@samverkan/server';
import { subgraph as agreementsSubgraph } from './definition';

runSubgraphProcess(agreementsSubgraph);
