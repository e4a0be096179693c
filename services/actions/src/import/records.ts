import {
  actorSubject,
  auditCreated,
  importRecord,
  type JsonReader,
  READABLE_BY_ALL,
  RecordFormatError,
  type RecordImportLog,
  sameSnapshot,
  StoredRecords,
  todayInSweden,
  isoDateToUtc,
  unversioned,
  withExternalId,
} from '@samverkan/schema';
import { mayReadAction, requireWriterOf } from '../actions/access';
import { checkRecordsOfKommun } from '../actions/origin';
import { actionSnapshot } from '../actions/snapshot';
import { checkTransition } from '../actions/status';
import { checkedNewAction, insertAction, writeChanges } from '../actions/write';
import type { Context, Tx } from '../db';
import type { Action, ActionResponsible } from '../generated/prisma/client';
import { checkedItems, checkedNewActionPlan, checkReportsOf, insertActionPlan, planSnapshot } from '../plans/write';
import { checkedSituationReport, reportSnapshot } from '../situation-reports/write';
import { actionOf, actionPlanOf, externalIdOf, type OriginReference, situationReportOf } from './format';

/*
 * The records of an onboarding file that this subgraph owns, each written with its mutation's own
 * checks and writes through the shared write kit, keyed by the kommun's external id. Administrators
 * import any kommun; the parties those whose åtgärder they may write (`requireWriterOf`).
 */

export const IMPORT_OPERATION = 'importActionRecords';

/** An agreement or medborgarlöfte of the agreements subgraph, by its kommun's external id: its id, or null for one a dry run would create. */
export interface ImportedOrigin {
  municipalityCode: string;
  kind: 'AGREEMENT' | 'CITIZEN_PROMISE';
  externalId: string;
  id: string | null;
}

/** What the records of one kommun are written with. */
export interface KommunImport {
  tx: Tx;
  writer: Context;
  code: string;
  log: RecordImportLog;
  origins: readonly ImportedOrigin[];
  /** The agreements subgraph's answer for each origin id of the kommun (asked once each). */
  originChecks: Map<string, Promise<void>>;
  /** The kommun's stored actions that the file names, read at once ({@link storedActions}). */
  actions: StoredRecords<StoredAction>;
}

/** A stored action with its responsible parties (in their order): what an import compares. */
export type StoredAction = Action & { responsible: ActionResponsible[] };

/** The kommun's stored actions with these external ids, with their responsible parties: two queries however many. */
export function storedActions(tx: Tx, code: string, log: RecordImportLog, externalIds: Iterable<string>): StoredRecords<StoredAction> {
  return new StoredRecords(log, externalIds, async (ids) => {
    if (!ids.length) return new Map();
    const actions = await tx.action.findMany({ where: { municipalityCode: code, externalId: { in: [...ids] } } });
    const responsible = actions.length ? await tx.actionResponsible.findMany({ where: { actionId: { in: actions.map((a) => a.id) } }, orderBy: [{ actionId: 'asc' }, { position: 'asc' }] }) : [];
    const byAction = new Map<string, ActionResponsible[]>();
    for (const party of responsible) {
      const list = byAction.get(party.actionId);
      if (list) list.push(party);
      else byAction.set(party.actionId, [party]);
    }
    return new Map(actions.map((action) => [action.externalId!, { ...action, responsible: byAction.get(action.id) ?? [] }]));
  });
}

/**
 * What an import writes of an action (its fields through `writeChanges`, its origin, its status),
 * as stored or as the file gives it: equal, the import would change nothing. Dates compared as days,
 * responsible parties in their order, as the action's snapshot compares them.
 */
function importedContent(action: Omit<Action, 'id' | 'municipalityCode' | 'sources' | 'agreementId' | 'agreementLink' | 'externalId' | 'seedHash' | 'seededVersion' | 'seedKey' | 'version' | 'createdAt' | 'updatedAt'> & { responsible: readonly Pick<ActionResponsible, 'kind' | 'name' | 'lead'>[] }) {
  const day = (value: Date | null) => value?.toISOString().slice(0, 10) ?? null;
  return {
    title: action.title,
    description: action.description,
    focusAreaCode: action.focusAreaCode,
    origin: action.origin,
    originKey: action.originKey,
    actionPlanId: action.actionPlanId,
    place: action.place,
    latitude: action.latitude,
    longitude: action.longitude,
    method: action.method,
    visibility: action.visibility,
    startsOn: day(action.startsOn),
    endsOn: day(action.endsOn),
    status: action.status,
    responsible: action.responsible.map((r) => ({ kind: r.kind, name: r.name, lead: r.lead })),
  };
}

/** Who may import this kommun's records: administrators, and those who may write its åtgärder. */
function authorize(writer: Context, municipalityCode: string): void {
  if (writer.actor.role !== 'admin') requireWriterOf(writer, municipalityCode);
}

const byExternalId = (code: string, externalId: string) => ({ where: { municipalityCode_externalId: { municipalityCode: code, externalId } }, select: { id: true } });

/** What every record's import names: where it is, its key, and the stored record, if any. */
function keyOf(record: JsonReader, externalId: string, existing: { id: string } | null, entityType: string, noun: string) {
  return { path: record.path, externalId, operation: IMPORT_OPERATION, existingId: existing?.id ?? null, entityType, noun };
}

async function idOf(find: () => Promise<{ id: string } | null>, path: string, noun: string, externalId: string, code: string): Promise<string> {
  const found = await find();
  if (!found) throw new RecordFormatError(path, `No ${noun} with externalId "${externalId}" in kommun ${code} (in this file before it, or stored).`);
  return found.id;
}

export async function importSituationReport(k: KommunImport, record: JsonReader): Promise<void> {
  const { tx, writer } = k;
  authorize(writer, k.code);
  const externalId = externalIdOf(record);
  const { findings, ...report } = checkedSituationReport(situationReportOf(record, k.code));
  const existing = await tx.situationReport.findUnique(byExternalId(k.code, externalId));
  const snapshot = withExternalId(reportSnapshot, async (tx: Tx, id) => (await tx.situationReport.findUnique({ where: { id } }))?.externalId);
  const load = unversioned((tx: Tx, id: string) => tx.situationReport.findUnique({ where: { id } }));
  await importRecord(tx, writer, k.log, {
    ...keyOf(record, externalId, existing, 'SituationReport', 'lägesbild'),
    insert: async () => {
      const { id } = await tx.situationReport.create({ data: { ...report, externalId, findings: { create: findings } } });
      await auditCreated(tx, writer, IMPORT_OPERATION, { type: 'SituationReport', key: id }, snapshot);
      return id;
    },
    load,
    mayRead: READABLE_BY_ALL,
    authorize: (row) => authorize(writer, row.municipalityCode),
    snapshot,
    write: async (tx, row) => void (await tx.situationReport.update({ where: { id: row.id }, data: { ...report, findings: { deleteMany: {}, create: findings } } })),
  });
}

export async function importActionPlan(k: KommunImport, record: JsonReader): Promise<void> {
  const { tx, writer } = k;
  authorize(writer, k.code);
  const externalId = externalIdOf(record);
  const { input, basedOn } = actionPlanOf(record, k.code);
  const situationReportIds: string[] = [];
  for (const [index, reportId] of basedOn.entries()) {
    situationReportIds.push(await idOf(() => tx.situationReport.findUnique(byExternalId(k.code, reportId)), record.at(`basedOn/${index}`), 'lägesbild', reportId, k.code));
  }
  const plan = checkedNewActionPlan({ ...input, situationReportIds });
  const existing = await tx.actionPlan.findUnique(byExternalId(k.code, externalId));
  const snapshot = withExternalId(planSnapshot, async (tx: Tx, id) => (await tx.actionPlan.findUnique({ where: { id } }))?.externalId);
  await importRecord(tx, writer, k.log, {
    ...keyOf(record, externalId, existing, 'ActionPlan', 'åtgärdsplan'),
    insert: () => insertActionPlan(tx, writer, IMPORT_OPERATION, { ...input, situationReportIds }, plan, externalId),
    load: (tx, id) => tx.actionPlan.findUnique({ where: { id }, include: { revisions: { orderBy: { number: 'desc' }, take: 1 } } }),
    mayRead: READABLE_BY_ALL,
    authorize: (row) => authorize(writer, row.municipalityCode),
    snapshot,
    write: async (tx, row) => {
      await checkReportsOf(tx, plan.reportIds, input);
      await tx.actionPlan.update({
        where: { id: row.id },
        data: { ...plan.data, version: { increment: 1 }, basedOn: { deleteMany: {}, create: plan.reportIds.map((situationReportId) => ({ situationReportId })) } },
      });
      // Items that differ from the current revision's are a new revision, as reviseActionPlan records one.
      const last = row.revisions[0];
      if (JSON.stringify(last?.items ?? null) !== JSON.stringify(checkedItems(input.items))) {
        await tx.actionPlanRevision.create({ data: { actionPlanId: row.id, number: (last?.number ?? 0) + 1, decidedOn: plan.data.decidedOn, items: plan.items as never } });
      }
    },
  });
}

/** The action's origin as its input names it: an id of this subgraph's plan, or one the agreements subgraph has (asked once). */
async function originOf(k: KommunImport, origin: OriginReference | null) {
  if (!origin) return {};
  if (origin.kind === 'ACTION_PLAN') {
    const planId = await idOf(() => k.tx.actionPlan.findUnique(byExternalId(k.code, origin.externalId)), origin.path, 'åtgärdsplan', origin.externalId, k.code);
    return { origin: 'ACTION_PLAN' as const, originKey: planId, actionPlanId: planId };
  }
  const noun = origin.kind === 'AGREEMENT' ? 'agreement' : 'medborgarlöfte';
  const known = k.origins.find((o) => o.kind === origin.kind && o.municipalityCode === k.code && o.externalId === origin.externalId);
  if (!known) throw new RecordFormatError(origin.path, `No ${noun} with externalId "${origin.externalId}" in kommun ${k.code} was imported (\`origins\` names none).`);
  // A dry run's record that the agreements subgraph would create: nothing to ask (nothing is kept).
  if (known.id === null) return { origin: origin.kind, originKey: `pending:${origin.externalId}` };
  let check = k.originChecks.get(known.id);
  if (!check) {
    const typename = origin.kind === 'AGREEMENT' ? 'Agreement' : 'CitizenPromise';
    check = checkRecordsOfKommun(k.writer.peers, [{ typename, id: known.id, field: 'originKey' }], k.code);
    // Awaited below and by every later action that names the same record.
    check.catch(() => undefined);
    k.originChecks.set(known.id, check);
  }
  await check;
  return { origin: origin.kind, originKey: known.id };
}

export async function importAction(k: KommunImport, record: JsonReader): Promise<void> {
  const { tx, writer } = k;
  authorize(writer, k.code);
  const externalId = externalIdOf(record);
  const { input, origin, status } = actionOf(record, k.code);
  const from = await originOf(k, origin);
  const data = checkedNewAction({ ...input, ...from });
  const existing = await k.actions.get(externalId);
  const wanted = importedContent({ ...data, status, responsible: data.responsible.create });
  await importRecord(tx, writer, k.log, {
    ...keyOf(record, externalId, existing, 'Action', 'åtgärd'),
    stored: existing,
    holds: (stored: StoredAction) => sameSnapshot(importedContent(stored), wanted),
    insert: () => insertAction(tx, writer, IMPORT_OPERATION, { ...data, externalId }, status),
    load: (tx, id) => tx.action.findUnique({ where: { id } }),
    mayRead: (action) => writer.actor.role === 'admin' || mayReadAction(writer, action),
    authorize: (action) => authorize(writer, action.municipalityCode),
    snapshot: withExternalId(actionSnapshot, async (tx: Tx, id) => (await tx.action.findUnique({ where: { id } }))?.externalId),
    write: async (tx, action) => {
      await writeChanges(tx, action, input);
      await tx.action.update({ where: { id: action.id }, data: { origin: data.origin, originKey: data.originKey, actionPlanId: data.actionPlanId } });
      if (status !== action.status) {
        checkTransition(action.status, status);
        await tx.action.update({ where: { id: action.id }, data: { status } });
        await tx.actionStatusChange.create({
          data: { actionId: action.id, fromStatus: action.status, toStatus: status, changedOn: isoDateToUtc(todayInSweden()), changedBy: actorSubject(writer.actor), note: IMPORT_OPERATION },
        });
      }
    },
  });
}
