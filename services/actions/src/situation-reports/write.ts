import { auditCreated, checkedPeriod, isoDateToUtc, optionalText, requiredText, type Snapshot, TITLE_MAX } from '@samverkan/schema';
import { requireWriterOf } from '../actions/access';
import { checkedFocusArea } from '../actions/validate';
import type { Context, ReadBack, Tx } from '../db';
import type { Trend } from '../generated/prisma/client';

/** A new lägesbild as given. */
export interface NewSituationReport {
  municipalityCode: string;
  title: string;
  localPoliceAreaIds?: readonly string[] | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  decidedOn: string;
  decidedBy?: string | null;
  joint: boolean;
  summary?: string | null;
  findings?: readonly { problem: string; area?: string | null; focusAreaCode?: string | null; trend?: Trend | null }[] | null;
  dataSources?: readonly string[] | null;
}

/** Checks a new lägesbild's input; returns its row, findings in the order given. */
export function checkedSituationReport(input: NewSituationReport) {
  const dates = checkedPeriod(input.periodFrom, input.periodTo, { from: 'periodFrom', to: 'periodTo' });
  return {
    municipalityCode: input.municipalityCode,
    title: requiredText(input.title, 'title', TITLE_MAX),
    localPoliceAreaIds: [...(input.localPoliceAreaIds ?? [])],
    periodFrom: dates.from,
    periodTo: dates.to,
    decidedOn: isoDateToUtc(input.decidedOn),
    decidedBy: optionalText(input.decidedBy, 'decidedBy', TITLE_MAX),
    joint: input.joint,
    summary: optionalText(input.summary, 'summary'),
    dataSources: (input.dataSources ?? []).map((source, index) => requiredText(source, `dataSources[${index}]`, TITLE_MAX)),
    findings: (input.findings ?? []).map((finding, index) => ({
      position: index + 1,
      problem: requiredText(finding.problem, `findings[${index}].problem`, 2000),
      area: optionalText(finding.area, `findings[${index}].area`, TITLE_MAX),
      focusAreaCode: checkedFocusArea(finding.focusAreaCode, `findings[${index}].focusAreaCode`),
      trend: finding.trend ?? 'UNKNOWN',
    })),
  };
}

/** Writes a new lägesbild of a kommun, with its findings in the order given. */
export async function createSituationReport<Result>(context: Context, input: NewSituationReport, readBack: ReadBack<Result>): Promise<Result> {
  requireWriterOf(context, input.municipalityCode);
  const { findings, ...report } = checkedSituationReport(input);
  return context.db.$transaction(async (tx) => {
    const { id } = await tx.situationReport.create({ data: { ...report, findings: { create: findings } } });
    await auditCreated(tx, context, 'createSituationReport', { type: 'SituationReport', key: id }, reportSnapshot);
    return readBack(tx, id);
  });
}

/** A lägesbild's audited fields. */
export async function reportSnapshot(tx: Tx, id: string): Promise<Snapshot | null> {
  const row = await tx.situationReport.findUnique({ where: { id }, include: { findings: { orderBy: { position: 'asc' } } } });
  if (!row) return null;
  return {
    municipalityCode: row.municipalityCode,
    title: row.title,
    localPoliceAreaIds: row.localPoliceAreaIds,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    decidedOn: row.decidedOn,
    decidedBy: row.decidedBy,
    joint: row.joint,
    summary: row.summary,
    dataSources: row.dataSources,
    findings: row.findings.map((f) => ({ problem: f.problem, area: f.area, focusAreaCode: f.focusAreaCode, trend: f.trend })),
  };
}
