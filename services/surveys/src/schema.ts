import { SUBGRAPH_SCHEMA_OPTIONS } from '@samverkan/schema';
import { builder } from './builder';
import './schema/catalogue';
import './schema/comparison';
import './schema/imports';
import './schema/results';

/*
 * Trygghetsmätningar (safety surveys): the indicator catalogue, instruments and their yearly rounds,
 * results per area, comparisons across areas and trends over years. This subgraph refers to
 * kommuner and lokalpolisområden by key only; the gateway joins the agreements subgraph's facts.
 */

/** This subgraph's schema, with its federation directives. */
export const schema = builder.toSubGraphSchema(SUBGRAPH_SCHEMA_OPTIONS);
