import { addChangeEventFields, SUBGRAPH_SCHEMA_OPTIONS } from '@samverkan/schema';
import { OUTBOX_RULES } from '../outbox/rules';
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
import './citizen-promise-pages';
import './police-party';
import './commitment';
import './milestone';
import './search';
import './import';
import './police-organisation-admin';

// The outbox, for the notifications subgraph only (@inaccessible).
addChangeEventFields(builder, OUTBOX_RULES);

/** This subgraph's schema, with its federation directives. */
export const schema = builder.toSubGraphSchema(SUBGRAPH_SCHEMA_OPTIONS);
