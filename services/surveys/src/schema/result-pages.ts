import { connectionArgs, defineConnection } from '@samverkan/schema';
import { builder } from '../builder';
import type { ResultOrigin } from '../generated/prisma/client';
import { resultPage } from '../results/pages';
import { AreaLevelEnum, LocalPoliceAreaRef, MunicipalityRef } from './survey-area';
import { ResultOriginEnum, SurveyResult } from './survey-result';

/*
 * Pages of survey results: `Query.surveyResults`, and `surveyResultsConnection` beside the plain
 * `surveyResults` of a kommun and a lokalpolisområde.
 */

const SurveyResultConnection = defineConnection(builder, SurveyResult, { name: 'SurveyResult', nodes: 'resultat (survey results)', order: 'by year, indicator and instrument, then id' });

const pageArgs = connectionArgs(builder);

const SurveyResultFilter = builder.inputType('SurveyResultFilter', {
  description: 'Urval av resultat: which survey results to list. All given conditions must hold.',
  fields: (t) => ({
    level: t.field({ type: AreaLevelEnum, description: 'Områdesnivå: only results for areas of this level (kommun, lokalpolisområde, delområde…).' }),
    municipality: t.field({ type: 'MunicipalityCode', description: 'Kommun: only results of this kommun (its own level and its delområden).' }),
    policeRegion: t.id({ description: 'Polisregion: only results of areas in this region (e.g. SYD).' }),
    indicator: t.id({ description: 'Indikator: only this indicator\'s results (code).' }),
    instrument: t.id({ description: 'Mätinstrument: only this instrument\'s results (code, e.g. POLISEN_SYD).' }),
    from: t.int({ description: 'From this year (inclusive).' }),
    to: t.int({ description: 'To this year (inclusive).' }),
    origins: t.field({ type: [ResultOriginEnum], description: 'Which values: published ones (when left out), demo ones, or both. Real and demo values are never mixed unless asked for.' }),
  }),
});

builder.queryField('surveyResults', (t) =>
  t.field({
    type: SurveyResultConnection,
    description: 'Resultat: a page of the survey results matching the filter, of every area and instrument (published ones unless `origins` says otherwise).',
    args: { filter: t.arg({ type: SurveyResultFilter, description: 'Urval.' }), ...pageArgs },
    resolve: (_root, args, context) => resultPage(context, args.filter ?? {}, args),
  }),
);

/** The arguments of an area's `surveyResultsConnection`, as its plain `surveyResults` takes them. */
const areaArgs = builder.args((t) => ({
  indicator: t.id({ description: 'Only this indicator\'s results (code).' }),
  from: t.int({ description: 'From this year (inclusive).' }),
  to: t.int({ description: 'To this year (inclusive).' }),
  origins: t.field({ type: [ResultOriginEnum], defaultValue: ['PUBLISHED'], description: 'Which values: published ones (the default), demo ones, or both.' }),
}));

interface AreaArgs {
  indicator?: string | number | null;
  from?: number | null;
  to?: number | null;
  origins?: ResultOrigin[] | null;
}

const areaFilter = (args: AreaArgs) => ({ indicator: args.indicator ?? null, from: args.from ?? null, to: args.to ?? null, origins: args.origins ?? null });

builder.objectFields(MunicipalityRef, (t) => ({
  surveyResultsConnection: t.field({
    type: SurveyResultConnection,
    description: 'Resultat: the kommun\'s trygghetsmätning results (kommun level), a page at a time, by year; filtered by indicator, years and origin.',
    args: { ...areaArgs, ...pageArgs },
    resolve: (m, args, context) => resultPage(context, { level: 'MUNICIPALITY', areaCode: m.code, ...areaFilter(args) }, args),
  }),
}));

builder.objectFields(LocalPoliceAreaRef, (t) => ({
  surveyResultsConnection: t.field({
    type: SurveyResultConnection,
    description: 'Resultat: the lokalpolisområde\'s trygghetsmätning results, a page at a time, by year; filtered by indicator, years and origin.',
    args: { ...areaArgs, ...pageArgs },
    resolve: (area, args, context) => resultPage(context, { level: 'LOCAL_POLICE_AREA', areaCode: area.id, ...areaFilter(args) }, args),
  }),
}));
