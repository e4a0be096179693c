import { runSubgraphProcess } from '@samverkan/server';
import { agreementsSubgraph } from './definition';

runSubgraphProcess(agreementsSubgraph);
