import { SUBGRAPH_SCHEMA_OPTIONS } from '@samverkan/schema';
import { builder } from '../builder';
// The order of these imports is the order of the Query fields in the printed schema.
import './webhook-delivery';
import './webhook-subscription';

/*
 * Change notifications (webhooks): subscriptions, and the deliveries of the events gathered for
 * them from the other subgraphs' outboxes. This subgraph refers to their records by type and id only.
 */

/** This subgraph's schema, with its federation directives. */
export const schema = builder.toSubGraphSchema(SUBGRAPH_SCHEMA_OPTIONS);
