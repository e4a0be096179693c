import { runSubgraphProcess } from '@samverkan/server';
import { surveysSubgraph } from './definition';

runSubgraphProcess(surveysSubgraph);
