import { addChangeEventFields, SUBGRAPH_SCHEMA_OPTIONS } from '@samverkan/schema';
import { OUTBOX_RULES } from '../outbox/rules';
import { builder } from '../builder';
// The order of these imports is the order of the Query fields in the printed schema.
import './indicator';
import './survey-instrument';
import './safety-survey';
import './survey-area';
import './survey-result';
import './empty-answer';
import './municipality';
import './local-police-area';
import './result-pages';
import './comparison';
import './import';

/*
 * Trygghetsmätningar (safety surveys): the indicator catalogue, instruments and their yearly rounds,
 * results per area, comparisons across areas and trends over years. This subgraph refers to
 * kommuner and lokalpolisområden by key only; the gateway joins the agreements subgraph's facts.
 */

// The outbox, for the notifications subgraph only (@inaccessible).
addChangeEventFields(builder, OUTBOX_RULES);

/** This subgraph's schema, with its federation directives. */
export const schema = builder.toSubGraphSchema(SUBGRAPH_SCHEMA_OPTIONS);
