import { builder } from '../builder';

/* The enums of this subgraph, shared by its types and their inputs. */

export const ActionStatusEnum = builder.enumType('ActionStatus', {
  description: 'Status: where an åtgärd stands.',
  values: {
    PLANNED: { description: 'Planerad: decided, not started.' },
    ONGOING: { description: 'Pågående: under way.' },
    DONE: { description: 'Genomförd: carried out.' },
    CANCELLED: { description: 'Avbruten: stopped before it was carried out.' },
  } as const,
});

export const ActionOriginEnum = builder.enumType('ActionOrigin', {
  description: 'Ursprung: where an åtgärd comes from.',
  values: {
    ACTION_PLAN: { description: 'Åtgärdsplan.' },
    CITIZEN_PROMISE: { description: 'Medborgarlöfte.' },
    AGREEMENT: { description: 'Samverkansöverenskommelse.' },
    STEERING_DOCUMENT: { description: 'Styrdokument: a kommun\'s own plan or programme.' },
  } as const,
});

export const VisibilityEnum = builder.enumType('Visibility', {
  description: 'Synlighet: who may see an åtgärd.',
  values: {
    PUBLIC: { description: 'Offentlig: everyone.' },
    PARTIES: { description: 'Parterna: only the kommun, the police and analysts (some police actions must not be public).' },
  } as const,
});

export const ResponsibleKindEnum = builder.enumType('ResponsibleKind', {
  description: 'Typ av ansvarig.',
  values: {
    MUNICIPAL_DEPARTMENT: { description: 'Kommunal förvaltning or kommunen.' },
    POLICE: { description: 'Polisen.' },
    OTHER: { description: 'Annan aktör, e.g. åklagare, fastighetsägare.' },
  } as const,
});

export const OutcomeEnum = builder.enumType('Outcome', {
  description: 'Utfall: what a follow-up found.',
  values: {
    EFFECTIVE: { description: 'Effektiv: it helped.' },
    PARTLY: { description: 'Delvis effektiv.' },
    NOT_EFFECTIVE: { description: 'Inte effektiv.' },
    TOO_EARLY: { description: 'För tidigt att säga.' },
  } as const,
});

export const TrendEnum = builder.enumType('Trend', {
  description: 'Trend of a problem in a lägesbild.',
  values: {
    INCREASING: { description: 'Ökande.' },
    STABLE: { description: 'Oförändrad.' },
    DECREASING: { description: 'Minskande.' },
    UNKNOWN: { description: 'Okänd.' },
  } as const,
});

