import { policeRegionArgument } from '@samverkan/schema';
import { builder } from '../builder';
import { MunicipalityRef } from './survey-area';

/* Trygghetsmätningar: the yearly rounds of the instruments. */

const SurveyModeEnum = builder.enumType('SurveyMode', {
  description: 'Svarssätt: how respondents can answer.',
  values: {
    POST: { description: 'Papper, per post.' },
    WEB: { description: 'Webben.' },
  } as const,
});

const ReportedPrecisionEnum = builder.enumType('ReportedPrecision', {
  description: 'Precision: how exact a report date is as the source gives it.',
  values: {
    DAY: { description: 'Dag.' },
    MONTH: { description: 'Månad: the date is the month\'s last day.' },
    YEAR: { description: 'År: the date is the year\'s last day.' },
  } as const,
});

export const SafetySurvey = builder.prismaObject('SafetySurvey', {
  description: 'Trygghetsmätning: one yearly round of an instrument.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id: the instrument\'s code and the year, e.g. "POLISEN_SYD-2025".' }),
    year: t.exposeInt('year', { description: 'År.' }),
    instrument: t.relation('instrument', { description: 'Mätinstrument.' }),
    sentOn: t.field({ type: 'Date', nullable: true, description: 'Utskick: the day the survey was sent, when known.', resolve: (s) => s.sentOn }),
    closesOn: t.field({ type: 'Date', nullable: true, description: 'Sista svarsdag, when known.', resolve: (s) => s.closesOn }),
    fieldingNote: t.exposeString('fieldingNote', { nullable: true, description: 'Fältperiod in the source\'s words, when it gives no dates (e.g. "utskick i mitten av augusti").' }),
    modes: t.field({ type: [SurveyModeEnum], description: 'Svarssätt: post, web.', resolve: (s) => s.modes }),
    languages: t.exposeStringList('languages', { description: 'Språk, when the source names them.' }),
    languageCount: t.exposeInt('languageCount', { nullable: true, description: 'Antal språk, when the source gives the number only.' }),
    ageFrom: t.exposeInt('ageFrom', { nullable: true, description: 'Lägsta ålder i urvalet.' }),
    ageTo: t.exposeInt('ageTo', { nullable: true, description: 'Högsta ålder i urvalet.' }),
    sampleSize: t.exposeInt('sampleSize', { nullable: true, description: 'Urval: how many were sent the survey.' }),
    responses: t.exposeInt('responses', { nullable: true, description: 'Svar: how many answered.' }),
    responseRate: t.float({
      nullable: true,
      description: 'Svarsfrekvens in per cent: responses / sample size, when both are known.',
      resolve: (s) => (s.responses !== null && s.sampleSize ? Math.round((1000 * s.responses) / s.sampleSize) / 10 : null),
    }),
    source: t.exposeString('source', { nullable: true, description: 'Källa.' }),
    reportedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Redovisad: when its results were reported, where a source says; with `reportedPrecision` MONTH the last day of that month.',
      resolve: (s) => s.reportedOn,
    }),
    reportedPrecision: t.field({ type: ReportedPrecisionEnum, nullable: true, description: 'Precision of `reportedOn`.', resolve: (s) => s.reportedPrecision as 'DAY' | 'MONTH' | 'YEAR' | null }),
    findings: t.relation('findings', { description: 'Iakttagelser: what sources say in words of kommuners\' results in this round.', query: { orderBy: [{ municipalityCode: 'asc' }, { id: 'asc' }] } }),
  }),
});

builder.prismaObject('SurveyFinding', {
  description: 'Iakttagelse: a statement a source makes about a kommun\'s results in a trygghetsmätning, quoted; no values are read into it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    survey: t.relation('survey', { description: 'Trygghetsmätning: the round it is about.' }),
    municipality: t.field({ type: MunicipalityRef, description: 'Kommun it is about.', resolve: (f) => ({ code: f.municipalityCode }) }),
    text: t.exposeString('text', { description: 'Text: the statement, quoted from the source.' }),
    sourceTitle: t.exposeString('sourceTitle', { description: 'Källa: the title of the document that makes it.' }),
    sourcePublishedOn: t.field({ type: 'Date', nullable: true, description: 'Källans datum, if it gives one.', resolve: (f) => f.sourcePublishedOn }),
  }),
});

builder.objectFields(MunicipalityRef, (t) => ({
  surveyFindings: t.prismaField({
    type: ['SurveyFinding'],
    description: 'Iakttagelser: statements sources make in words about the kommun\'s trygghetsmätning results, by year.',
    resolve: (query, municipality, _args, context) =>
      context.db.surveyFinding.findMany({ ...query, where: { municipalityCode: municipality.code }, orderBy: [{ survey: { year: 'asc' } }, { id: 'asc' }] }),
  }),
}));

builder.asEntity(SafetySurvey, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, context) => context.db.safetySurvey.findUnique({ where: { id } }),
});

builder.queryFields((t) => ({
  safetySurveys: t.prismaField({
    type: ['SafetySurvey'],
    description: 'Trygghetsmätningar: the yearly rounds, by instrument and year, filtered as asked.',
    args: {
      instrument: t.arg.id({ description: 'Only this instrument\'s rounds.' }),
      year: t.arg.int({ description: 'Only this year\'s rounds.' }),
      policeRegion: t.arg.id({ description: 'Only rounds of instruments this polisregion runs.' }),
      includeDemo: t.arg.boolean({ defaultValue: false, description: 'Also the rounds of made-up demo instruments.' }),
    },
    resolve: (query, _root, args, context) => {
      const policeRegion = policeRegionArgument(args.policeRegion);
      return context.db.safetySurvey.findMany({
        ...query,
        where: {
          ...(args.instrument != null ? { instrumentCode: String(args.instrument) } : {}),
          ...(args.year != null ? { year: args.year } : {}),
          instrument: {
            ...(policeRegion !== null ? { policeRegionCode: policeRegion } : {}),
            ...(args.includeDemo ? {} : { demo: false }),
          },
        },
        orderBy: [{ instrumentCode: 'asc' }, { year: 'asc' }],
      });
    },
  }),
  safetySurvey: t.prismaField({
    type: 'SafetySurvey',
    nullable: true,
    description: 'Trygghetsmätning by id (e.g. "POLISEN_SYD-2025"), or null.',
    args: { id: t.arg.id({ required: true, description: 'Id.' }) },
    resolve: (query, _root, args, context) => context.db.safetySurvey.findUnique({ ...query, where: { id: String(args.id) } }),
  }),
}));
