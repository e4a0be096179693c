import { addChangeEventFields, SUBGRAPH_SCHEMA_OPTIONS } from '@samverkan/schema';
import { OUTBOX_RULES } from '../outbox/rules';
import { builder } from '../builder';
// Each file adds its types and fields to the builder; the order of the imports is the order of the
// fields of Query, Mutation and the extended entities in the printed schema.
import './action';
import './follow-up';
import './situation-report';
import './action-plan';
import './action-counts';
import './compliance';
import './extended-entities';
import './action-pages';
import './record-pages';
import './search';
import './import';

/*
 * Lägesbilder, åtgärdsplaner, åtgärder and uppföljningar; the law's check (compliance). This
 * subgraph refers to kommuner, agreements, medborgarlöften and fokusområden by key only.
 */

// The outbox, for the notifications subgraph only (@inaccessible).
addChangeEventFields(builder, OUTBOX_RULES);

/** This subgraph's schema, with its federation directives. */
export const schema = builder.toSubGraphSchema(SUBGRAPH_SCHEMA_OPTIONS);
