import { runSubgraphProcess } from '@samverkan/server';
import { subgraph as surveysSubgraph } from './definition';

runSubgraphProcess(surveysSubgraph);
