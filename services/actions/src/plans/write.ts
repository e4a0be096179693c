import { auditCreated, badInput, checkedPeriod, isoDateToUtc, optionalText, READABLE_BY_ALL, requiredText, type Snapshot, TITLE_MAX, versionedChange } from '@samverkan/schema';
import { requireWriterOf } from '../actions/access';
import { checkedFocusArea } from '../actions/validate';
import type { Context, ReadBack, Tx } from '../db';
import type { PlanItem } from './revisions';

/*
 * Writing åtgärdsplaner. A plan is a living document: its items are recorded as revisions, every
 * revision kept, so that what each changed can be shown.
 */

/** An item as given. */
export interface PlanItemInput {
  key: string;
  title: string;
  responsible?: string | null;
  focusAreaCode?: string | null;
}

/** A new åtgärdsplan as given, with the items of its first revision. */
export interface NewActionPlan {
  municipalityCode: string;
  title: string;
  decidedOn: string;
  decidedBy?: string | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  situationReportIds: readonly string[];
  items: readonly PlanItemInput[];
}

/** A revision's items, checked: keys unique within the revision. */
export function checkedItems(items: readonly PlanItemInput[]): PlanItem[] {
  const keys = new Set<string>();
  return items.map((item, index) => {
    const key = requiredText(item.key, `items[${index}].key`, 100);
    if (keys.has(key)) throw badInput(`Two items have the key "${key}"; keys must be unique within a revision.`, { field: `items[${index}].key` });
    keys.add(key);
    return {
      key,
      title: requiredText(item.title, `items[${index}].title`, TITLE_MAX),
      responsible: optionalText(item.responsible, `items[${index}].responsible`, TITLE_MAX),
      focusAreaCode: checkedFocusArea(item.focusAreaCode, `items[${index}].focusAreaCode`),
    };
  });
}

/** Refuses lägesbilder that do not exist, belong to another kommun, or were decided after the plan. */
export async function checkReportsOf(tx: Tx, reportIds: readonly string[], plan: { municipalityCode: string; decidedOn: string }): Promise<void> {
  const reports = await tx.situationReport.findMany({ where: { id: { in: [...reportIds] } } });
  for (const id of reportIds) {
    const report = reports.find((r) => r.id === id);
    if (!report) throw badInput(`No lägesbild has the id "${id}".`, { field: 'situationReportIds' });
    if (report.municipalityCode !== plan.municipalityCode) throw badInput(`Lägesbild "${report.title}" belongs to kommun ${report.municipalityCode}.`, { field: 'situationReportIds' });
    if (report.decidedOn && report.decidedOn > isoDateToUtc(plan.decidedOn)) {
      throw badInput(`Lägesbild "${report.title}" was decided after ${plan.decidedOn}; a plan is decided from an earlier lägesbild.`, { field: 'decidedOn' });
    }
  }
}

/** Checks a new åtgärdsplan's input (all but its lägesbilder, which need the database); returns its row, with revision 1. */
export function checkedNewActionPlan(input: NewActionPlan) {
  const dates = checkedPeriod(input.periodFrom, input.periodTo, { from: 'periodFrom', to: 'periodTo' });
  const items = checkedItems(input.items);
  const reportIds = [...new Set(input.situationReportIds)];
  if (reportIds.length === 0) throw badInput('An åtgärdsplan is based on at least one lägesbild: give `situationReportIds`.', { field: 'situationReportIds' });
  return {
    reportIds,
    items,
    data: {
      municipalityCode: input.municipalityCode,
      title: requiredText(input.title, 'title', TITLE_MAX),
      decidedOn: isoDateToUtc(input.decidedOn),
      decidedBy: optionalText(input.decidedBy, 'decidedBy', TITLE_MAX),
      periodFrom: dates.from,
      periodTo: dates.to,
    },
  };
}

/** Writes a new åtgärdsplan based on lägesbilder of the same kommun; its items become revision 1. */
export async function createActionPlan<Result>(context: Context, input: NewActionPlan, readBack: ReadBack<Result>): Promise<Result> {
  requireWriterOf(context, input.municipalityCode);
  const plan = checkedNewActionPlan(input);
  return context.db.$transaction(async (tx) => readBack(tx, await insertActionPlan(tx, context, 'createActionPlan', input, plan)));
}

/** Writes a checked new åtgärdsplan (its lägesbilder checked here) and audits it; returns its id. */
export async function insertActionPlan(tx: Tx, writer: Context, operation: string, input: NewActionPlan, plan: ReturnType<typeof checkedNewActionPlan>, externalId: string | null = null): Promise<string> {
  await checkReportsOf(tx, plan.reportIds, input);
  const { id } = await tx.actionPlan.create({
    data: {
      ...plan.data,
      externalId,
      basedOn: { create: plan.reportIds.map((situationReportId) => ({ situationReportId })) },
      // A revision's items are a JSON column; PlanItem holds only JSON values.
      revisions: { create: { number: 1, decidedOn: plan.data.decidedOn, items: plan.items as never } },
    },
  });
  await auditCreated(tx, writer, operation, { type: 'ActionPlan', key: id }, planSnapshot);
  return id;
}

/** Records a new revision of a plan (the whole list of items), at the version the writer read. */
export function reviseActionPlan<Result>(
  context: Context,
  args: { id: string; version: number; decidedOn: string; note?: string | null; items: readonly PlanItemInput[] },
  readBack: ReadBack<Result>,
): Promise<Result> {
  return context.db.$transaction((tx) =>
    versionedChange(tx, context, 'reviseActionPlan', {
      entityType: 'ActionPlan',
      noun: 'åtgärdsplan',
      id: args.id,
      version: args.version,
      load: (tx, id) => tx.actionPlan.findUnique({ where: { id }, include: { revisions: { orderBy: { number: 'desc' }, take: 1 } } }),
      // Åtgärdsplaner are public: whoever may not write one is told so.
      mayRead: READABLE_BY_ALL,
      authorize: (plan) => requireWriterOf(context, plan.municipalityCode),
      snapshot: planSnapshot,
      write: async (tx, plan) => {
        const last = plan.revisions[0];
        if (last?.decidedOn && isoDateToUtc(args.decidedOn) < last.decidedOn) {
          throw badInput(`A revision cannot be decided before the previous one (${last.decidedOn.toISOString().slice(0, 10)}).`, { field: 'decidedOn' });
        }
        const items = checkedItems(args.items);
        await tx.actionPlanRevision.create({
          data: { actionPlanId: plan.id, number: (last?.number ?? 0) + 1, decidedOn: isoDateToUtc(args.decidedOn), note: optionalText(args.note, 'note', 2000), items: items as never },
        });
        await tx.actionPlan.update({ where: { id: plan.id }, data: { version: { increment: 1 } } });
      },
      readBack,
    }),
  );
}

/** An åtgärdsplan's audited fields, with its current (latest) revision's items. */
export async function planSnapshot(tx: Tx, id: string): Promise<Snapshot | null> {
  const row = await tx.actionPlan.findUnique({
    where: { id },
    include: { basedOn: { orderBy: { situationReportId: 'asc' } }, revisions: { orderBy: { number: 'desc' }, take: 1 } },
  });
  if (!row) return null;
  const current = row.revisions[0];
  return {
    municipalityCode: row.municipalityCode,
    title: row.title,
    decidedOn: row.decidedOn,
    decidedBy: row.decidedBy,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    situationReportIds: row.basedOn.map((b) => b.situationReportId),
    revision: current?.number ?? null,
    items: ((current?.items ?? []) as unknown as PlanItem[]).map((item) => ({ key: item.key, title: item.title, responsible: item.responsible ?? null, focusAreaCode: item.focusAreaCode ?? null })),
  };
}
