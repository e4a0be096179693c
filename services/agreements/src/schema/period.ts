import type { ObjectRef } from '@pothos/core';
import { periodFacts, type StatusFacts } from '../lifecycle/status';
import { builder } from '../builder';

/*
 * What agreements and medborgarlöften show of their period besides the stored dates: the start the
 * status rule reads and what it rests on, whether each end is stated, the assumed end of an open
 * one, and the decision the start may rest on.
 */

export const StartBasisEnum = builder.enumType('StartBasis', {
  description: 'Startgrund: which stated date a record\'s start is taken from (the first stated of these, in this order).',
  values: {
    VALID_FROM: { description: 'Gäller från: the start of validity the sources state.' },
    SIGNED_ON: { description: 'Undertecknad: the signing day, where no start of validity is stated.' },
    DECIDED_ON: { description: 'Beslutad: the day it was decided, where neither a start of validity nor a signing day is stated.' },
    UNKNOWN: { description: 'Okänd: the sources state none of these; the record is never counted as in force (status UNDATED).' },
  } as const,
});

/** A record of either kind, as its object type resolves it. */
type PeriodShape = StatusFacts & { decidedOn: Date | null; decidedBy: string | null };

/** Type SchemaTypes of this subgraph's builder. */
type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/** Adds the period fields to an agreement's or a medborgarlöfte's object type. */
export function addPeriodFields<Shape extends PeriodShape>(ref: ObjectRef<SchemaTypes, Shape>, noun: string): void {
  builder.objectFields(ref, (t) => ({
    decidedOn: t.field({ type: 'Date', nullable: true, description: `Beslutad: the day the ${noun} was decided (e.g. by KSAU), if the sources say.`, resolve: (r) => r.decidedOn }),
    decidedBy: t.string({ nullable: true, description: 'Beslutad av: the body that decided it, if the sources name one.', resolve: (r) => r.decidedBy }),
    startsOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Start: the day the status rule counts it from: `validFrom`, else the signing day, else the decision day; null when none is known.',
      resolve: (r) => periodFacts(r).startsOn,
    }),
    startBasis: t.field({ type: StartBasisEnum, description: 'Startgrund: which date `startsOn` is.', resolve: (r) => periodFacts(r).startBasis }),
    validFromKnown: t.boolean({ description: 'Whether the sources state a start of validity (`validFrom`).', resolve: (r) => periodFacts(r).validFromKnown }),
    validToKnown: t.boolean({
      description: 'Whether the sources state an end of validity (`validTo`). False: the end is open, and the record counts as in force for at most the configured years after its start (`assumedValidTo`).',
      resolve: (r) => periodFacts(r).validToKnown,
    }),
    assumedValidTo: t.field({
      type: 'Date',
      nullable: true,
      description:
        'Antaget slutdatum: with no stated end, the last day it counts as in force: SAMVERKAN_OPEN_END_YEARS years (default 4) after `startsOn`, less a day; null when the end is stated or no start is known.',
      resolve: (r) => periodFacts(r).assumedValidTo,
    }),
  }));
}
