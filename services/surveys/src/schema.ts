import { filteredGroupLoader, SUBGRAPH_SCHEMA_OPTIONS } from '@samverkan/schema';
import { builder, type Context } from './builder';

/*
 * Trygghetsmätningar (safety surveys). This first cut holds what the foundation needs to prove the
 * federated join: a result's indicator, year and value, and `Municipality.surveyResults`.
 * Instruments, surveys, the indicator catalogue and comparisons follow in the surveys issue.
 */

/** Kommun, owned by the agreements subgraph; this subgraph adds its survey results. */
export const MunicipalityRef = builder.externalRef('Municipality', builder.selection<{ code: string }>('code'));

export const SurveyResult = builder.prismaObject('SurveyResult', {
  description: 'Resultat: one indicator\'s value for one kommun in one year\'s trygghetsmätning.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id: the result\'s stable identifier.' }),
    indicatorCode: t.exposeString('indicatorCode', { description: 'Indikatorkod: which question or index, e.g. PROBLEM_INDEX.' }),
    year: t.exposeInt('year', { description: 'År: the survey year.' }),
    value: t.exposeFloat('value', { description: 'Värde: the result, in the indicator\'s unit (index 0–6 or per cent).' }),
    respondents: t.exposeInt('respondents', { nullable: true, description: 'Antal svarande (n): respondents behind the value, if known.' }),
    municipality: t.field({
      type: MunicipalityRef,
      description: 'Kommun: the kommun the result is for.',
      resolve: (result) => ({ code: result.municipalityCode }),
    }),
  }),
});

/** A kommun's results, for every kommun of one `_entities` call in one SQL statement per year filter. */
const resultsOfMunicipality = filteredGroupLoader(
  (codes: readonly string[], year: number | null, context: Context) =>
    context.db.surveyResult.findMany({
      where: { municipalityCode: { in: [...codes] }, ...(year === null ? {} : { year }) },
      orderBy: [{ year: 'asc' }, { indicatorCode: 'asc' }],
    }),
  (row) => row.municipalityCode,
);

MunicipalityRef.implement({
  externalFields: (t) => ({ code: t.id({ description: 'Kommunkod: SCB\'s four-digit code.' }) }),
  fields: (t) => ({
    surveyResults: t.field({
      type: [SurveyResult],
      description: 'Resultat: the kommun\'s trygghetsmätning results, by year and indicator; with `year`, that year\'s only.',
      args: { year: t.arg.int({ description: 'Only results of this survey year.' }) },
      resolve: (municipality, args, context) => resultsOfMunicipality(context).load(municipality.code, args.year ?? null),
    }),
  }),
});

builder.queryType({
  fields: (t) => ({
    surveyResult: t.prismaField({
      type: 'SurveyResult',
      nullable: true,
      description: 'Resultat: one survey result by id, or null when there is none.',
      args: { id: t.arg.id({ required: true, description: 'The result\'s id.' }) },
      resolve: (query, _root, args, context) => context.db.surveyResult.findUnique({ ...query, where: { id: String(args.id) } }),
    }),
  }),
});

/** This subgraph's schema, with its federation directives. */
export const schema = builder.toSubGraphSchema(SUBGRAPH_SCHEMA_OPTIONS);
