import { connectionArgs, historyConnectionField, historyField, historyLoader, READABLE_BY_ALL } from '@samverkan/schema';
import { builder, type Context } from '../builder';
import { createSituationReport } from '../situation-reports/write';
import { dateField } from './date-field';
import { TrendEnum } from './enums';
import { focusAreaOf, FocusAreaRef, MunicipalityRef } from './references';

/* Lägesbild: the type, its findings, and writing one. */

export const SituationFinding = builder.prismaObject('SituationFinding', {
  description: 'Iakttagelse: one finding of a lägesbild.',
  fields: (t) => ({
    problem: t.exposeString('problem', { description: 'Problem.' }),
    area: t.exposeString('area', { nullable: true, description: 'Område: where.' }),
    focusArea: t.field({ type: FocusAreaRef, nullable: true, description: 'Fokusområde.', resolve: (f) => focusAreaOf(f.focusAreaCode) }),
    trend: t.field({ type: TrendEnum, description: 'Trend.', resolve: (f) => f.trend }),
  }),
});

const reportHistory = historyLoader<Context>('SituationReport');

export const SituationReport = builder.prismaObject('SituationReport', {
  description: 'Lägesbild: the picture of crime in a kommun and its causes, at least every other year (Lag 2023:196).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    title: t.exposeString('title', { description: 'Titel.' }),
    municipality: t.field({ type: MunicipalityRef, nullable: true, description: 'Kommun.', resolve: (r) => ({ code: r.municipalityCode }) }),
    localPoliceAreaIds: t.exposeStringList('localPoliceAreaIds', { description: 'Lokalpolisområden that took part, by id.' }),
    periodFrom: t.field({ ...dateField('Period från.'), resolve: (r) => r.periodFrom }),
    periodTo: t.field({ ...dateField('Period till.'), resolve: (r) => r.periodTo }),
    decidedOn: t.field({ ...dateField('Beslutad.'), resolve: (r) => r.decidedOn }),
    decidedBy: t.exposeString('decidedBy', { nullable: true, description: 'Beslutad av.' }),
    joint: t.exposeBoolean('joint', { description: 'Gemensam: made jointly with the police.' }),
    summary: t.exposeString('summary', { nullable: true, description: 'Sammanfattning.' }),
    findings: t.relation('findings', { description: 'Iakttagelser, in order.', query: { orderBy: { position: 'asc' } } }),
    dataSources: t.exposeStringList('dataSources', { description: 'Underlag: the data it draws on.' }),
    history: t.field({ ...historyField((report: { id: string }, context: Context) => reportHistory(context).load(report.id), READABLE_BY_ALL), deprecationReason: 'Use historyConnection: the same list a page at a time, with totalCount.' }),
    historyConnection: t.field({ ...historyConnectionField((report: { id: string }, context: Context) => reportHistory(context).load(report.id), READABLE_BY_ALL), args: connectionArgs(builder) }),
  }),
});

const FindingInput = builder.inputType('SituationFindingInput', {
  description: 'Iakttagelse i lägesbilden.',
  fields: (t) => ({
    problem: t.string({ required: true, description: 'Problem.' }),
    area: t.string({ description: 'Område.' }),
    focusAreaCode: t.id({ description: 'Fokusområde (catalogue code).' }),
    trend: t.field({ type: TrendEnum, description: 'Trend; UNKNOWN by default.' }),
  }),
});

const SituationReportInput = builder.inputType('SituationReportInput', {
  description: 'Ny lägesbild.',
  fields: (t) => ({
    municipalityCode: t.field({ type: 'MunicipalityCode', required: true, description: 'Kommun.' }),
    title: t.string({ required: true, description: 'Titel.' }),
    localPoliceAreaIds: t.idList({ description: 'Lokalpolisområden that took part.' }),
    periodFrom: t.field({ type: 'Date', description: 'Period från.' }),
    periodTo: t.field({ type: 'Date', description: 'Period till.' }),
    decidedOn: t.field({ type: 'Date', required: true, description: 'Beslutad.' }),
    decidedBy: t.string({ description: 'Beslutad av.' }),
    joint: t.boolean({ required: true, description: 'Gemensam med polisen.' }),
    summary: t.string({ description: 'Sammanfattning.' }),
    findings: t.field({ type: [FindingInput], description: 'Iakttagelser, in order.' }),
    dataSources: t.stringList({ description: 'Underlag.' }),
  }),
});

builder.mutationField('createSituationReport', (t) =>
  t.prismaField({
    type: 'SituationReport',
    description: 'Ny lägesbild of a kommun.',
    args: { input: t.arg({ type: SituationReportInput, required: true, description: 'The lägesbild.' }) },
    resolve: (query, _root, { input }, context) => createSituationReport(context, input, (tx, id) => tx.situationReport.findUniqueOrThrow({ ...query, where: { id } })),
  }),
);
