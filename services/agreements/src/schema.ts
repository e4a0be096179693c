import { SUBGRAPH_SCHEMA_OPTIONS } from '@samverkan/schema';
import { builder } from './builder';
import './schema/geography';
import './schema/agreements';
import './schema/mutations';

builder.queryType({ description: 'Frågor: what can be read from the hub.' });
builder.mutationType({ description: 'Ändringar: what can be written to the hub. Every write is checked against who is asking.',
  // Only the parties write here (kommun users and police); each mutation then checks the record.
  authScopes: { party: true },
});

/** This subgraph's schema, with its federation directives. */
export const schema = builder.toSubGraphSchema(SUBGRAPH_SCHEMA_OPTIONS);
