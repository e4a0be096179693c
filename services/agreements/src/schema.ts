import { SUBGRAPH_SCHEMA_OPTIONS } from '@samverkan/schema';
import { builder } from './builder';
import './schema/geography';
import './schema/agreements';
import './schema/mutations';

/** This subgraph's schema, with its federation directives. */
export const schema = builder.toSubGraphSchema(SUBGRAPH_SCHEMA_OPTIONS);
