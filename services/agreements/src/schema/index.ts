import { SUBGRAPH_SCHEMA_OPTIONS } from '@samverkan/schema';
import { builder } from '../builder';
// In the order of their query fields in the printed schema.
import './viewer';
import './geography';
import './police-organisation';
import './coverage';
import './focus-area';
import './lifecycle';
import './agreement';
import './agreement-list';
import './citizen-promise';
import './police-party';
import './commitment';
import './milestone';
import './search';
import './import';
import './police-organisation-admin';

/** This subgraph's schema, with its federation directives. */
export const schema = builder.toSubGraphSchema(SUBGRAPH_SCHEMA_OPTIONS);
