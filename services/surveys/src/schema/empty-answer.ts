import { builder } from '../builder';
import type { EmptyAnswer } from '../comparison/emptiness';
import { SurveyInstrument } from './survey-instrument';

/* Tom fråga: why a comparison, a trend or a kommun's standing has no values. */

export const EmptyReasonEnum = builder.enumType('EmptyReason', {
  description: 'Orsak till tomt svar: why an answer has no values. The checks run in the order listed, so an answer has one reason.',
  values: {
    NO_AREAS_AT_LEVEL: {
      description: 'Inga områden på nivån: the scope has no area of the level asked for, e.g. no lokalpolisområde is registered in the polisregion. Ask at level MUNICIPALITY.',
    },
    NO_INSTRUMENT_FOR_AREA: {
      description:
        'Inget mätinstrument: no survey instrument reports the indicator for the scope and level (or the instrument asked for does not cover the scope), e.g. Stockholm\'s trygghetsmätning reports no problemindex.',
    },
    ONLY_DEMO_VALUES: { description: 'Bara demodata: only made-up demo values exist for that year; ask with origins: [DEMO] to see them.' },
    ONLY_PUBLISHED_VALUES: { description: 'Bara publicerade resultat: demo values alone were asked for, and only published results exist for that year; ask with origins: [PUBLISHED].' },
    NO_PUBLISHED_RESULTS_FOR_YEAR: {
      description:
        'Inga resultat det året: the instrument and scope have values (of the origins asked) in other years, not in the year or years asked; yearsWithPublishedResults names the published ones.',
    },
    NOTHING_PUBLISHED: { description: 'Inget publicerat: an instrument could report it, but nothing has been published for the indicator, scope and level in any year.' },
  } as const,
});

export const EmptyAnswerRef = builder.objectRef<EmptyAnswer>('EmptyAnswer').implement({
  description: 'Tomt svar: why an answer has no values, worked out only when it has none.',
  fields: (t) => ({
    reason: t.field({ type: EmptyReasonEnum, description: 'Orsak, as a code to act on.', resolve: (e) => e.reason }),
    message: t.exposeString('message', { description: 'Förklaring: the reason in words, e.g. naming the years that do have published results.' }),
    yearsWithPublishedResults: t.exposeIntList('yearsWithPublishedResults', {
      description: 'År med publicerade resultat: the years with published values of the indicator for the scope and level (of the instrument asked for, if any), oldest first.',
    }),
    instruments: t.field({
      type: [SurveyInstrument],
      description: 'Mätinstrument that report the indicator for the scope (a polisregion\'s own, the national ones); for NO_INSTRUMENT_FOR_AREA, those that cover the scope but report other indicators.',
      resolve: (e) => e.instruments,
    }),
  }),
});
