import { builder } from '../builder';

/*
 * The agreements subgraph's entities this subgraph refers to, by key only; the fields it adds to
 * them are in ./extended-entities.ts.
 */

export const MunicipalityRef = builder.externalRef('Municipality', builder.selection<{ code: string }>('code'));
export const AgreementRef = builder.externalRef('Agreement', builder.selection<{ id: string }>('id'));
export const CitizenPromiseRef = builder.externalRef('CitizenPromise', builder.selection<{ id: string }>('id'));
export const FocusAreaRef = builder.externalRef('FocusArea', builder.selection<{ code: string }>('code'));

/** A record's fokusområde, by code; null when it has none. */
export const focusAreaOf = (code: string | null) => (code ? { code } : null);

export const AgreementLinkEnum = builder.enumType('AgreementLink', {
  description: 'Koppling: how the sources link an åtgärd to an agreement.',
  values: {
    STATED: { description: 'Angiven: the source says the åtgärd comes from the agreement.' },
    SAME_DECISION: { description: 'Samma beslut: decided at the meeting that approved the agreement.' },
    SAME_PACKAGE: { description: 'Samma paket: presented with the agreement as part of the same programme of measures.' },
  } as const,
});
