import {
  actorSubject,
  auditCreated,
  badInput,
  checkedPeriod,
  isoDateToUtc,
  optionalText,
  requiredText,
  TEXT_MAX,
  TITLE_MAX,
  todayInSweden,
  versionedChange,
  type VersionedChange,
} from '@samverkan/schema';
import type { Context, ReadBack, Tx } from '../db';
import type { Action, ActionOrigin, ActionStatus, Outcome, Prisma, ResponsibleKind, Visibility } from '../generated/prisma/client';
import { mayReadAction, requireWriterOf } from './access';
import { checkOrigin } from './origin';
import { actionSnapshot } from './snapshot';
import { checkTransition } from './status';
import { checkCoordinates, checkedFocusArea, checkedIndicatorCodes, checkedResponsible } from './validate';

/*
 * Writing åtgärder: each write checks who is asking and its input, and runs in one transaction
 * (nothing is half-written on failure) through the shared write kit, which audits it.
 */

/** A responsible party as given. */
export interface ResponsibleInput {
  kind: ResponsibleKind;
  name: string;
  lead?: boolean | null;
}

/** A new åtgärd as given. */
export interface NewAction {
  municipalityCode: string;
  title: string;
  description?: string | null;
  focusAreaCode?: string | null;
  origin?: ActionOrigin | null;
  originKey?: string | null;
  actionPlanId?: string | null;
  place?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  method?: string | null;
  visibility?: Visibility | null;
  startsOn?: string | null;
  endsOn?: string | null;
  responsible: readonly ResponsibleInput[];
}

/** Changes to an åtgärd: a field left out (undefined) stays as it is; null clears an optional one. */
export type ActionChanges = { [Field in Exclude<keyof NewAction, 'municipalityCode' | 'origin' | 'originKey' | 'actionPlanId' | 'responsible'>]?: NewAction[Field] | null } & {
  responsible?: readonly ResponsibleInput[] | null;
};

const period = (from: string | null | undefined, to: string | null | undefined) => checkedPeriod(from, to, { from: 'startsOn', to: 'endsOn' });

/** Refuses an åtgärdsplan that does not exist or belongs to another kommun. */
async function checkPlanOf(tx: Tx, planId: string, municipalityCode: string): Promise<void> {
  const plan = await tx.actionPlan.findUnique({ where: { id: planId } });
  if (!plan) throw badInput(`No åtgärdsplan has the id "${planId}".`, { field: 'actionPlanId' });
  if (plan.municipalityCode !== municipalityCode) throw badInput(`Åtgärdsplan "${plan.title}" belongs to kommun ${plan.municipalityCode}.`, { field: 'actionPlanId' });
}

/** Checks a new åtgärd's input (all but its origin record and plan, which need questions); returns its row. */
export function checkedNewAction(input: NewAction) {
  const dates = period(input.startsOn, input.endsOn);
  checkCoordinates(input.latitude, input.longitude);
  const responsible = checkedResponsible(input.responsible);
  if (input.originKey && !input.origin) throw badInput('`originKey` needs an `origin`.', { field: 'origin' });
  const originKey = optionalText(input.originKey, 'originKey', 200);
  const planId = input.actionPlanId ?? null;
  return {
    municipalityCode: input.municipalityCode,
    title: requiredText(input.title, 'title', TITLE_MAX),
    description: optionalText(input.description, 'description'),
    focusAreaCode: checkedFocusArea(input.focusAreaCode, 'focusAreaCode'),
    origin: input.origin ?? (planId ? 'ACTION_PLAN' : null),
    originKey: originKey ?? planId,
    actionPlanId: planId,
    place: optionalText(input.place, 'place', TITLE_MAX),
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    method: optionalText(input.method, 'method', 100),
    visibility: input.visibility ?? 'PUBLIC',
    startsOn: dates.from,
    endsOn: dates.to,
    responsible: { create: responsible },
  } satisfies Prisma.ActionUncheckedCreateInput;
}

/** Writes a checked new åtgärd with the first entry of its status history, and audits it; returns its id. */
export async function insertAction(tx: Tx, writer: Context, operation: string, data: Prisma.ActionUncheckedCreateInput, status: ActionStatus = 'PLANNED'): Promise<string> {
  if (data.actionPlanId) await checkPlanOf(tx, data.actionPlanId, data.municipalityCode);
  const action = await tx.action.create({
    data: { ...data, status, statusHistory: { create: { fromStatus: null, toStatus: status, changedOn: isoDateToUtc(todayInSweden()), changedBy: actorSubject(writer.actor) } } },
  });
  await auditCreated(tx, writer, operation, { type: 'Action', key: action.id }, actionSnapshot);
  return action.id;
}

/** Writes a new åtgärd, PLANNED from today, with the first entry of its status history. */
export async function createAction<Result>(context: Context, input: NewAction, readBack: ReadBack<Result>): Promise<Result> {
  requireWriterOf(context, input.municipalityCode);
  const data = checkedNewAction(input);
  await checkOrigin(context.peers, input.origin, data.originKey, input.municipalityCode);
  return context.db.$transaction(async (tx) => readBack(tx, await insertAction(tx, context, 'createAction', data)));
}

/** What every change to one åtgärd shares: the record, who may change it, and its audited fields. */
function changeOfAction<Result>(context: Context, id: string, readBack: ReadBack<Result>) {
  return {
    entityType: 'Action',
    noun: 'åtgärd',
    id,
    load: (tx: Tx, actionId: string) => tx.action.findUnique({ where: { id: actionId } }),
    mayRead: (action: Action) => mayReadAction(context, action),
    authorize: (action: Action) => requireWriterOf(context, action.municipalityCode),
    snapshot: actionSnapshot,
    readBack,
  } satisfies Omit<VersionedChange<Tx, Action, Result>, 'version' | 'write'>;
}

/** Changes the fields given, at the version the writer read. */
export function updateAction<Result>(context: Context, args: { id: string; version: number; changes: ActionChanges }, readBack: ReadBack<Result>): Promise<Result> {
  return context.db.$transaction((tx) =>
    versionedChange(tx, context, 'updateAction', {
      ...changeOfAction(context, args.id, readBack),
      version: args.version,
      write: (tx, action) => writeChanges(tx, action, args.changes),
    }),
  );
}

/** Writes the changes given to an åtgärd and moves its version on (the caller runs it in a versioned change). */
export async function writeChanges(tx: Tx, action: Action, changes: ActionChanges): Promise<void> {
  const given = (field: keyof ActionChanges) => changes[field] !== undefined;
  const data: Prisma.ActionUpdateInput = { version: { increment: 1 } };
  if (given('title')) data.title = requiredText(changes.title ?? '', 'title', TITLE_MAX);
  if (given('description')) data.description = optionalText(changes.description, 'description');
  if (given('focusAreaCode')) data.focusAreaCode = checkedFocusArea(changes.focusAreaCode, 'focusAreaCode');
  if (given('place')) data.place = optionalText(changes.place, 'place', TITLE_MAX);
  if (given('method')) data.method = optionalText(changes.method, 'method', 100);
  if (given('visibility')) {
    if (changes.visibility == null) throw badInput('`visibility` cannot be cleared: give PUBLIC or PARTIES.', { field: 'visibility' });
    data.visibility = changes.visibility;
  }
  if (given('latitude') || given('longitude')) {
    checkCoordinates(changes.latitude, changes.longitude);
    data.latitude = changes.latitude ?? null;
    data.longitude = changes.longitude ?? null;
  }
  if (given('startsOn') || given('endsOn')) {
    const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
    const dates = period(given('startsOn') ? changes.startsOn : day(action.startsOn), given('endsOn') ? changes.endsOn : day(action.endsOn));
    data.startsOn = dates.from;
    data.endsOn = dates.to;
  }
  if (given('responsible')) {
    if (changes.responsible == null) throw badInput('`responsible` cannot be cleared: an åtgärd has at least one responsible party.', { field: 'responsible' });
    const responsible = checkedResponsible(changes.responsible);
    await tx.actionResponsible.deleteMany({ where: { actionId: action.id } });
    data.responsible = { create: responsible };
  }
  await tx.action.update({ where: { id: action.id }, data });
}

/** Moves an åtgärd to a status it may take next, recorded in its status history. */
export function changeActionStatus<Result>(
  context: Context,
  args: { id: string; version: number; status: ActionStatus; on?: string | null; note?: string | null },
  readBack: ReadBack<Result>,
): Promise<Result> {
  return context.db.$transaction((tx) =>
    versionedChange(tx, context, 'changeActionStatus', {
      ...changeOfAction(context, args.id, readBack),
      version: args.version,
      write: async (tx, action) => {
        checkTransition(action.status, args.status);
        await tx.action.update({ where: { id: action.id }, data: { status: args.status, version: { increment: 1 } } });
        await tx.actionStatusChange.create({
          data: {
            actionId: action.id,
            fromStatus: action.status,
            toStatus: args.status,
            changedOn: isoDateToUtc(args.on ?? todayInSweden()),
            changedBy: actorSubject(context.actor),
            note: optionalText(args.note, 'note', 2000),
          },
        });
      },
    }),
  );
}

/** Adds a follow-up, written by the caller; it takes no version: follow-ups only add. */
export function addFollowUp<Result>(
  context: Context,
  args: { actionId: string; input: { date: string; text: string; outcome: Outcome; indicatorCodes?: readonly string[] | null } },
  readBack: ReadBack<Result>,
): Promise<Result> {
  return context.db.$transaction((tx) =>
    versionedChange(tx, context, 'addFollowUp', {
      ...changeOfAction(context, args.actionId, readBack),
      idArgument: 'actionId',
      version: null,
      write: async (tx, action) => {
        const { input } = args;
        const indicatorCodes = checkedIndicatorCodes(input.indicatorCodes ?? []);
        await tx.followUp.create({
          data: { actionId: action.id, date: isoDateToUtc(input.date), author: actorSubject(context.actor), text: requiredText(input.text, 'text', TEXT_MAX), outcome: input.outcome, indicatorCodes },
        });
        await tx.action.update({ where: { id: action.id }, data: { version: { increment: 1 } } });
      },
    }),
  );
}
