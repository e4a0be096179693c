import {
  type Actor,
  type AuditEntryData,
  badInput,
  checkedPeriod,
  conflict,
  forbidden,
  findIndicator,
  indicatorCatalogue,
  isFocusAreaCode,
  isoDateToUtc,
  notFound,
  optionalText,
  requiredText,
  storeChanges,
  type SubgraphContext,
  todayInSweden,
} from '@samverkan/schema';
import { actionSnapshot, lockRow, planSnapshot, reportSnapshot, writeAudit } from './audit';
import type { Prisma, ResponsibleKind } from './generated/prisma/client';
import { mayWriteActionsOf } from './access';
import { checkOriginExists } from './references';
import { builder } from './builder';
import type { ActionStatus } from './generated/prisma/client';
import { ActionOriginEnum, ActionStatusEnum, OutcomeEnum, ResponsibleKindEnum, TrendEnum, VisibilityEnum } from './enums';
import type { PlanItem } from './revisions';

/*
 * Writing lägesbilder, åtgärdsplaner, åtgärder and uppföljningar. Every write checks who is asking,
 * validates its input, and runs in one transaction: nothing is half-written on failure.
 */

type Tx = Prisma.TransactionClient;

/** Records one write to one record in the audit trail, in the write's transaction. */
const audit = (tx: Tx, writer: SubgraphContext, operation: string, entity: { type: 'Action' | 'ActionPlan' | 'SituationReport'; key: string }) => ({
  created: async (snapshot: (tx: Tx, id: string) => Promise<Record<string, unknown> | null>) =>
    storeChanges((entry: AuditEntryData) => writeAudit(tx, entry), writer, operation, entity, null, await snapshot(tx, entity.key)),
  changed: async (before: Record<string, unknown> | null, snapshot: (tx: Tx, id: string) => Promise<Record<string, unknown> | null>) =>
    storeChanges((entry: AuditEntryData) => writeAudit(tx, entry), writer, operation, entity, before, await snapshot(tx, entity.key)),
});

/** The status changes an åtgärd may make. */
export const ALLOWED_TRANSITIONS: Record<ActionStatus, ActionStatus[]> = {
  PLANNED: ['ONGOING', 'CANCELLED'],
  ONGOING: ['DONE', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
};

function requireWriter(actor: Actor, municipalityCode: string): string {
  if (!mayWriteActionsOf(actor, municipalityCode)) {
    throw forbidden(`Only a user of kommun ${municipalityCode} or police of a lokalpolisområde covering it may write its åtgärder${actor.role === 'anonymous' ? ': sign in' : ''}.`, {
      municipalityCode,
    });
  }
  return 'subject' in actor ? actor.subject : 'unknown';
}

const text = requiredText;
const optional = optionalText;
const period = (from: string | null | undefined, to: string | null | undefined, fromField: string, toField: string) => checkedPeriod(from, to, { from: fromField, to: toField });

function focusArea(code: string | number | null | undefined, field: string): string | null {
  if (code == null) return null;
  if (!isFocusAreaCode(String(code))) throw badInput(`No fokusområde has the code "${code}"; see \`focusAreas\` for the catalogue.`, { field });
  return String(code);
}

function checkCoordinates(latitude: number | null | undefined, longitude: number | null | undefined): void {
  if (latitude != null && (latitude < -90 || latitude > 90)) throw badInput('`latitude` must be between -90 and 90.', { field: 'latitude' });
  if (longitude != null && (longitude < -180 || longitude > 180)) throw badInput('`longitude` must be between -180 and 180.', { field: 'longitude' });
  if ((latitude == null) !== (longitude == null)) throw badInput('Give both `latitude` and `longitude`, or neither.', { field: 'longitude' });
}

function checkedResponsible(responsible: readonly { kind: ResponsibleKind; name: string; lead?: boolean | null }[]) {
  if (responsible.length === 0) throw badInput('Name at least one responsible party.', { field: 'responsible' });
  const leads = responsible.filter((r) => r.lead).length;
  if (leads !== 1) throw badInput(`Exactly one responsible party must lead; ${leads} do.`, { field: 'responsible' });
  return responsible.map((r, index) => ({ kind: r.kind, name: text(r.name, `responsible[${index}].name`, 300), lead: !!r.lead, position: index + 1 }));
}

const ResponsibleInput = builder.inputType('ActionResponsibleInput', {
  description: 'Ansvarig.',
  fields: (t) => ({
    kind: t.field({ type: ResponsibleKindEnum, required: true, description: 'Typ.' }),
    name: t.string({ required: true, description: 'Namn.' }),
    lead: t.boolean({ description: 'Huvudansvarig: exactly one responsible party leads.' }),
  }),
});

const ActionInput = builder.inputType('ActionInput', {
  description: 'Ny åtgärd.',
  fields: (t) => ({
    municipalityCode: t.field({ type: 'MunicipalityCode', required: true, description: 'Kommun.' }),
    title: t.string({ required: true, description: 'Titel (at most 300 characters).' }),
    description: t.string({ description: 'Beskrivning.' }),
    focusAreaCode: t.id({ description: 'Fokusområde (catalogue code).' }),
    origin: t.field({ type: ActionOriginEnum, description: 'Ursprung.' }),
    originKey: t.string({ description: 'The originating record\'s key (an agreement\'s or medborgarlöfte\'s id, a plan\'s id, a styrdokument\'s title).' }),
    actionPlanId: t.id({ description: 'The åtgärdsplan of the same kommun it belongs to.' }),
    place: t.string({ description: 'Plats.' }),
    latitude: t.float({ description: 'Latitud (WGS 84), -90–90.' }),
    longitude: t.float({ description: 'Longitud (WGS 84), -180–180.' }),
    method: t.string({ description: 'Metod, e.g. trygghetsvandring.' }),
    visibility: t.field({ type: VisibilityEnum, description: 'Synlighet; PUBLIC by default.' }),
    startsOn: t.field({ type: 'Date', description: 'Startdatum.' }),
    endsOn: t.field({ type: 'Date', description: 'Slutdatum; not before the start.' }),
    responsible: t.field({ type: [ResponsibleInput], required: true, description: 'Ansvariga: at least one, exactly one of them the lead.' }),
  }),
});

const ActionChangesInput = builder.inputType('ActionChangesInput', {
  description: 'Ändringar av en åtgärd: the fields to change. A field left out stays as it is; null clears an optional field. Status changes go through changeActionStatus.',
  fields: (t) => ({
    title: t.string({ description: 'Titel (at most 300 characters).' }),
    description: t.string({ description: 'Beskrivning.' }),
    focusAreaCode: t.id({ description: 'Fokusområde (catalogue code).' }),
    place: t.string({ description: 'Plats.' }),
    latitude: t.float({ description: 'Latitud (WGS 84), -90–90; give it with the longitude.' }),
    longitude: t.float({ description: 'Longitud (WGS 84), -180–180; give it with the latitude.' }),
    method: t.string({ description: 'Metod.' }),
    visibility: t.field({ type: VisibilityEnum, description: 'Synlighet.' }),
    startsOn: t.field({ type: 'Date', description: 'Startdatum.' }),
    endsOn: t.field({ type: 'Date', description: 'Slutdatum; not before the start.' }),
    responsible: t.field({ type: [ResponsibleInput], description: 'Ansvariga (all of them): at least one, exactly one the lead.' }),
  }),
});

const FollowUpInput = builder.inputType('FollowUpInput', {
  description: 'Ny uppföljning.',
  fields: (t) => ({
    date: t.field({ type: 'Date', required: true, description: 'Datum.' }),
    text: t.string({ required: true, description: 'Text.' }),
    outcome: t.field({ type: OutcomeEnum, required: true, description: 'Utfall.' }),
    indicatorCodes: t.stringList({ description: 'Indikatorer (trygghetsmätning), by code.' }),
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

const PlanItemInput = builder.inputType('ActionPlanItemInput', {
  description: 'Punkt i åtgärdsplanen. Keep an item\'s key across revisions so that they can be compared.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Nyckel.' }),
    title: t.string({ required: true, description: 'Titel.' }),
    responsible: t.string({ description: 'Ansvarig.' }),
    focusAreaCode: t.id({ description: 'Fokusområde (catalogue code).' }),
  }),
});

const ActionPlanInput = builder.inputType('ActionPlanInput', {
  description: 'Ny åtgärdsplan, with its first revision.',
  fields: (t) => ({
    municipalityCode: t.field({ type: 'MunicipalityCode', required: true, description: 'Kommun.' }),
    title: t.string({ required: true, description: 'Titel.' }),
    decidedOn: t.field({ type: 'Date', required: true, description: 'Beslutad.' }),
    decidedBy: t.string({ description: 'Beslutad av.' }),
    periodFrom: t.field({ type: 'Date', description: 'Period från.' }),
    periodTo: t.field({ type: 'Date', description: 'Period till.' }),
    situationReportIds: t.idList({ required: true, description: 'Lägesbilder of the same kommun it is based on, decided on or before it.' }),
    items: t.field({ type: [PlanItemInput], required: true, description: 'Punkter.' }),
  }),
});

function checkedItems(items: readonly { key: string; title: string; responsible?: string | null; focusAreaCode?: string | number | null }[]): PlanItem[] {
  const keys = new Set<string>();
  return items.map((item, index) => {
    const key = text(item.key, `items[${index}].key`, 100);
    if (keys.has(key)) throw badInput(`Two items have the key "${key}"; keys must be unique within a revision.`, { field: `items[${index}].key` });
    keys.add(key);
    return {
      key,
      title: text(item.title, `items[${index}].title`, 300),
      responsible: optional(item.responsible, `items[${index}].responsible`, 300),
      focusAreaCode: focusArea(item.focusAreaCode, `items[${index}].focusAreaCode`),
    };
  });
}

builder.mutationFields((t) => ({
  createAction: t.prismaField({
    type: 'Action',
    description: 'Ny åtgärd: writes an action of a kommun (its users, or police of a lokalpolisområde covering it).',
    args: { input: t.arg({ type: ActionInput, required: true, description: 'The åtgärd.' }) },
    resolve: async (query, _root, { input }, context) => {
      const author = requireWriter(context.actor, input.municipalityCode);
      const dates = period(input.startsOn, input.endsOn, 'startsOn', 'endsOn');
      checkCoordinates(input.latitude, input.longitude);
      const responsible = checkedResponsible(input.responsible);
      if (input.originKey && !input.origin) throw badInput('`originKey` needs an `origin`.', { field: 'origin' });
      await checkOriginExists(context.peers.agreements!, input.origin, optional(input.originKey, 'originKey', 200));
      return context.db.$transaction(async (tx) => {
        const planId = input.actionPlanId == null ? null : String(input.actionPlanId);
        if (planId) {
          const plan = await tx.actionPlan.findUnique({ where: { id: planId } });
          if (!plan) throw badInput(`No åtgärdsplan has the id "${planId}".`, { field: 'actionPlanId' });
          if (plan.municipalityCode !== input.municipalityCode) throw badInput(`Åtgärdsplan "${plan.title}" belongs to kommun ${plan.municipalityCode}.`, { field: 'actionPlanId' });
        }
        const action = await tx.action.create({
          data: {
            municipalityCode: input.municipalityCode,
            title: text(input.title, 'title', 300),
            description: optional(input.description, 'description'),
            focusAreaCode: focusArea(input.focusAreaCode, 'focusAreaCode'),
            origin: input.origin ?? (planId ? 'ACTION_PLAN' : null),
            originKey: optional(input.originKey, 'originKey', 200) ?? planId,
            actionPlanId: planId,
            place: optional(input.place, 'place', 300),
            latitude: input.latitude ?? null,
            longitude: input.longitude ?? null,
            method: optional(input.method, 'method', 100),
            visibility: input.visibility ?? 'PUBLIC',
            startsOn: dates.from,
            endsOn: dates.to,
            responsible: { create: responsible },
            statusHistory: { create: { fromStatus: null, toStatus: 'PLANNED', changedOn: isoDateToUtc(todayInSweden()), changedBy: author } },
          },
        });
        await audit(tx, context, 'createAction', { type: 'Action', key: action.id }).created(actionSnapshot);
        return tx.action.findUniqueOrThrow({ ...query, where: { id: action.id } });
      });
    },
  }),
  updateAction: t.prismaField({
    type: 'Action',
    description: 'Ändra en åtgärd at the version you read: the fields given change, the rest stay. A stale version is refused with the current one.',
    args: {
      id: t.arg.id({ required: true, description: 'The åtgärd.' }),
      version: t.arg.int({ required: true, description: 'The version you read.' }),
      changes: t.arg({ type: ActionChangesInput, required: true, description: 'What to change.' }),
    },
    resolve: (query, _root, args, context) =>
      context.db.$transaction(async (tx) => {
        await lockRow(tx, 'Action', String(args.id));
        const action = await tx.action.findUnique({ where: { id: String(args.id) } });
        if (!action) throw notFound(`No åtgärd has the id "${args.id}".`, { field: 'id' });
        requireWriter(context.actor, action.municipalityCode);
        if (action.version !== args.version) {
          throw conflict(`The åtgärd has changed since you read it (your version ${args.version}, now ${action.version}); read it again.`, { currentVersion: action.version });
        }
        const changes = args.changes;
        const given = (field: keyof typeof changes) => changes[field] !== undefined;
        const data: Prisma.ActionUpdateInput = { version: { increment: 1 } };
        if (given('title')) data.title = text(changes.title ?? '', 'title', 300);
        if (given('description')) data.description = optional(changes.description, 'description');
        if (given('focusAreaCode')) data.focusAreaCode = focusArea(changes.focusAreaCode, 'focusAreaCode');
        if (given('place')) data.place = optional(changes.place, 'place', 300);
        if (given('method')) data.method = optional(changes.method, 'method', 100);
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
          const dates = period(given('startsOn') ? changes.startsOn : day(action.startsOn), given('endsOn') ? changes.endsOn : day(action.endsOn), 'startsOn', 'endsOn');
          data.startsOn = dates.from;
          data.endsOn = dates.to;
        }
        const before = await actionSnapshot(tx, action.id);
        if (given('responsible')) {
          if (changes.responsible == null) throw badInput('`responsible` cannot be cleared: an åtgärd has at least one responsible party.', { field: 'responsible' });
          const responsible = checkedResponsible(changes.responsible);
          await tx.actionResponsible.deleteMany({ where: { actionId: action.id } });
          data.responsible = { create: responsible };
        }
        await tx.action.update({ where: { id: action.id }, data });
        await audit(tx, context, 'updateAction', { type: 'Action', key: action.id }).changed(before, actionSnapshot);
        return tx.action.findUniqueOrThrow({ ...query, where: { id: action.id } });
      }),
  }),
  changeActionStatus: t.prismaField({
    type: 'Action',
    description: 'Ändra status: PLANNED → ONGOING or CANCELLED; ONGOING → DONE or CANCELLED. Recorded in the status history.',
    args: {
      id: t.arg.id({ required: true, description: 'The åtgärd.' }),
      version: t.arg.int({ required: true, description: 'The version you read.' }),
      status: t.arg({ type: ActionStatusEnum, required: true, description: 'The new status.' }),
      on: t.arg({ type: 'Date', description: 'The day of the change; today by default.' }),
      note: t.arg.string({ description: 'Anmärkning.' }),
    },
    resolve: (query, _root, args, context) =>
      context.db.$transaction(async (tx) => {
        await lockRow(tx, 'Action', String(args.id));
        const action = await tx.action.findUnique({ where: { id: String(args.id) } });
        if (!action) throw notFound(`No åtgärd has the id "${args.id}".`, { field: 'id' });
        const author = requireWriter(context.actor, action.municipalityCode);
        const before = await actionSnapshot(tx, action.id);
        if (action.version !== args.version) {
          throw conflict(`The åtgärd has changed since you read it (your version ${args.version}, now ${action.version}); read it again.`, { currentVersion: action.version });
        }
        if (!ALLOWED_TRANSITIONS[action.status].includes(args.status)) {
          const allowed = ALLOWED_TRANSITIONS[action.status];
          throw badInput(`An åtgärd that is ${action.status} cannot become ${args.status}${allowed.length ? `; it can become ${allowed.join(' or ')}` : '; it is final'}.`, { field: 'status' });
        }
        const updated = await tx.action.updateMany({ where: { id: action.id, version: action.version }, data: { status: args.status, version: { increment: 1 } } });
        if (updated.count !== 1) throw conflict('The åtgärd changed while you were changing it; read it again.', { field: 'version' });
        await tx.actionStatusChange.create({
          data: { actionId: action.id, fromStatus: action.status, toStatus: args.status, changedOn: isoDateToUtc(args.on ?? todayInSweden()), changedBy: author, note: optional(args.note, 'note', 2000) },
        });
        await audit(tx, context, 'changeActionStatus', { type: 'Action', key: action.id }).changed(before, actionSnapshot);
        return tx.action.findUniqueOrThrow({ ...query, where: { id: action.id } });
      }),
  }),
  addFollowUp: t.prismaField({
    type: 'Action',
    description: 'Ny uppföljning of an åtgärd.',
    args: {
      actionId: t.arg.id({ required: true, description: 'The åtgärd.' }),
      input: t.arg({ type: FollowUpInput, required: true, description: 'The follow-up.' }),
    },
    resolve: (query, _root, args, context) =>
      context.db.$transaction(async (tx) => {
        await lockRow(tx, 'Action', String(args.actionId));
        const action = await tx.action.findUnique({ where: { id: String(args.actionId) } });
        if (!action) throw notFound(`No åtgärd has the id "${args.actionId}".`, { field: 'actionId' });
        const author = requireWriter(context.actor, action.municipalityCode);
        const before = await actionSnapshot(tx, action.id);
        const codes = (args.input.indicatorCodes ?? []).map((code, index) => {
          if (!findIndicator(code)) {
            throw badInput(`\`indicatorCodes[${index}]\` "${code}" is not in the indicator catalogue: use ${indicatorCatalogue.map((i) => i.code).join(', ')}.`, { field: `indicatorCodes[${index}]` });
          }
          return code;
        });
        await tx.followUp.create({
          data: { actionId: action.id, date: isoDateToUtc(args.input.date), author, text: text(args.input.text, 'text', 20_000), outcome: args.input.outcome, indicatorCodes: codes },
        });
        await tx.action.update({ where: { id: action.id }, data: { version: { increment: 1 } } });
        await audit(tx, context, 'addFollowUp', { type: 'Action', key: action.id }).changed(before, actionSnapshot);
        return tx.action.findUniqueOrThrow({ ...query, where: { id: action.id } });
      }),
  }),
  createSituationReport: t.prismaField({
    type: 'SituationReport',
    description: 'Ny lägesbild of a kommun.',
    args: { input: t.arg({ type: SituationReportInput, required: true, description: 'The lägesbild.' }) },
    resolve: async (query, _root, { input }, context) => {
      requireWriter(context.actor, input.municipalityCode);
      const dates = period(input.periodFrom, input.periodTo, 'periodFrom', 'periodTo');
      return context.db.$transaction(async (tx) => {
      const report = await tx.situationReport.create({
        data: {
          municipalityCode: input.municipalityCode,
          title: text(input.title, 'title', 300),
          localPoliceAreaIds: (input.localPoliceAreaIds ?? []).map(String),
          periodFrom: dates.from,
          periodTo: dates.to,
          decidedOn: isoDateToUtc(input.decidedOn),
          decidedBy: optional(input.decidedBy, 'decidedBy', 300),
          joint: input.joint,
          summary: optional(input.summary, 'summary'),
          dataSources: (input.dataSources ?? []).map((source, index) => text(source, `dataSources[${index}]`, 300)),
          findings: {
            create: (input.findings ?? []).map((finding, index) => ({
              position: index + 1,
              problem: text(finding.problem, `findings[${index}].problem`, 2000),
              area: optional(finding.area, `findings[${index}].area`, 300),
              focusAreaCode: focusArea(finding.focusAreaCode, `findings[${index}].focusAreaCode`),
              trend: finding.trend ?? 'UNKNOWN',
            })),
          },
        },
      });
      await audit(tx, context, 'createSituationReport', { type: 'SituationReport', key: report.id }).created(reportSnapshot);
      return tx.situationReport.findUniqueOrThrow({ ...query, where: { id: report.id } });
      });
    },
  }),
  createActionPlan: t.prismaField({
    type: 'ActionPlan',
    description: 'Ny åtgärdsplan, based on lägesbilder of the same kommun; its items become revision 1.',
    args: { input: t.arg({ type: ActionPlanInput, required: true, description: 'The plan.' }) },
    resolve: async (query, _root, { input }, context) => {
      requireWriter(context.actor, input.municipalityCode);
      const dates = period(input.periodFrom, input.periodTo, 'periodFrom', 'periodTo');
      const items = checkedItems(input.items);
      const reportIds = [...new Set(input.situationReportIds.map(String))];
      if (reportIds.length === 0) throw badInput('An åtgärdsplan is based on at least one lägesbild: give `situationReportIds`.', { field: 'situationReportIds' });
      return context.db.$transaction(async (tx) => {
        const reports = await tx.situationReport.findMany({ where: { id: { in: reportIds } } });
        for (const id of reportIds) {
          const report = reports.find((r) => r.id === id);
          if (!report) throw badInput(`No lägesbild has the id "${id}".`, { field: 'situationReportIds' });
          if (report.municipalityCode !== input.municipalityCode) throw badInput(`Lägesbild "${report.title}" belongs to kommun ${report.municipalityCode}.`, { field: 'situationReportIds' });
          if (report.decidedOn && report.decidedOn > isoDateToUtc(input.decidedOn)) {
            throw badInput(`Lägesbild "${report.title}" was decided after ${input.decidedOn}; a plan is decided from an earlier lägesbild.`, { field: 'decidedOn' });
          }
        }
        const plan = await tx.actionPlan.create({
          data: {
            municipalityCode: input.municipalityCode,
            title: text(input.title, 'title', 300),
            decidedOn: isoDateToUtc(input.decidedOn),
            decidedBy: optional(input.decidedBy, 'decidedBy', 300),
            periodFrom: dates.from,
            periodTo: dates.to,
            basedOn: { create: reportIds.map((situationReportId) => ({ situationReportId })) },
            revisions: { create: { number: 1, decidedOn: isoDateToUtc(input.decidedOn), items: items as never } },
          },
        });
        await audit(tx, context, 'createActionPlan', { type: 'ActionPlan', key: plan.id }).created(planSnapshot);
        return tx.actionPlan.findUniqueOrThrow({ ...query, where: { id: plan.id } });
      });
    },
  }),
  reviseActionPlan: t.prismaField({
    type: 'ActionPlan',
    description: 'Revidera: records a new revision of an åtgärdsplan (the whole list of items); earlier revisions are kept.',
    args: {
      id: t.arg.id({ required: true, description: 'The plan.' }),
      version: t.arg.int({ required: true, description: 'The version you read.' }),
      decidedOn: t.arg({ type: 'Date', required: true, description: 'When the revision was decided.' }),
      note: t.arg.string({ description: 'Anmärkning.' }),
      items: t.arg({ type: [PlanItemInput], required: true, description: 'All items of the revised plan.' }),
    },
    resolve: (query, _root, args, context) =>
      context.db.$transaction(async (tx) => {
        await lockRow(tx, 'ActionPlan', String(args.id));
        const plan = await tx.actionPlan.findUnique({ where: { id: String(args.id) }, include: { revisions: { orderBy: { number: 'desc' }, take: 1 } } });
        if (!plan) throw notFound(`No åtgärdsplan has the id "${args.id}".`, { field: 'id' });
        const before = await planSnapshot(tx, plan.id);
        requireWriter(context.actor, plan.municipalityCode);
        if (plan.version !== args.version) throw conflict(`The plan has changed since you read it (your version ${args.version}, now ${plan.version}).`, { currentVersion: plan.version });
        const last = plan.revisions[0];
        if (last?.decidedOn && isoDateToUtc(args.decidedOn) < last.decidedOn) {
          throw badInput(`A revision cannot be decided before the previous one (${last.decidedOn.toISOString().slice(0, 10)}).`, { field: 'decidedOn' });
        }
        await tx.actionPlanRevision.create({
          data: { actionPlanId: plan.id, number: (last?.number ?? 0) + 1, decidedOn: isoDateToUtc(args.decidedOn), note: optional(args.note, 'note', 2000), items: checkedItems(args.items) as never },
        });
        await tx.actionPlan.update({ where: { id: plan.id }, data: { version: { increment: 1 } } });
        await audit(tx, context, 'reviseActionPlan', { type: 'ActionPlan', key: plan.id }).changed(before, planSnapshot);
        return tx.actionPlan.findUniqueOrThrow({ ...query, where: { id: plan.id } });
      }),
  }),
}));
