import { ImportFileError, JsonReader, type OnboardingKommun, readCsvTable, RecordFormatError } from '@samverkan/schema';
import type { ActionStatus, ResponsibleKind, Trend, Visibility } from '../generated/prisma/client';
import type { NewAction } from '../actions/write';
import type { NewActionPlan } from '../plans/write';
import type { NewSituationReport } from '../situation-reports/write';

/*
 * The actions subgraph's part of an onboarding file (docs/onboarding-import.md), read into the
 * mutations' own inputs, and the flat CSV of actions read into the same records. What the file
 * names by the kommun's external ids (basedOn, origin) is resolved by the import.
 */

export const SITUATION_REPORT_FIELDS = ['externalId', 'title', 'localPoliceAreas', 'periodFrom', 'periodTo', 'decidedOn', 'decidedBy', 'joint', 'summary', 'findings', 'dataSources'];
export const ACTION_PLAN_FIELDS = ['externalId', 'title', 'decidedOn', 'decidedBy', 'periodFrom', 'periodTo', 'basedOn', 'items'];
export const ACTION_FIELDS = ['externalId', 'title', 'description', 'focusArea', 'origin', 'status', 'visibility', 'place', 'latitude', 'longitude', 'method', 'startsOn', 'endsOn', 'responsible'];

/** The file's names of the fields whose input names differ, for the paths of refusals. */
export const FILE_NAMES: Readonly<Record<string, string>> = {
  focusAreaCode: 'focusArea',
  situationReportIds: 'basedOn',
  actionPlanId: 'origin',
  originKey: 'origin',
  localPoliceAreaIds: 'localPoliceAreas',
};

const STATUSES: readonly ActionStatus[] = ['PLANNED', 'ONGOING', 'DONE', 'CANCELLED'];
const RESPONSIBLE_KINDS: readonly ResponsibleKind[] = ['MUNICIPAL_DEPARTMENT', 'POLICE', 'OTHER'];
const TRENDS: readonly Trend[] = ['INCREASING', 'STABLE', 'DECREASING', 'UNKNOWN'];

/** The kommun's own id of a record: 1–100 characters. */
export function externalIdOf(record: JsonReader): string {
  const id = record.text('externalId').trim();
  if (!id || id.length > 100) throw new RecordFormatError(record.at('externalId'), 'must be 1–100 characters.');
  return id;
}

/** A date the format requires. */
function requiredDate(record: JsonReader, key: string): string {
  const day = record.optionalDate(key);
  if (!day) throw new RecordFormatError(record.at(key), 'is required (a date, YYYY-MM-DD).');
  return day;
}

export function situationReportOf(record: JsonReader, municipalityCode: string): NewSituationReport {
  return {
    municipalityCode,
    title: record.text('title'),
    localPoliceAreaIds: record.texts('localPoliceAreas'),
    periodFrom: record.optionalDate('periodFrom'),
    periodTo: record.optionalDate('periodTo'),
    decidedOn: requiredDate(record, 'decidedOn'),
    decidedBy: record.optionalText('decidedBy'),
    joint: record.optionalBoolean('joint') ?? false,
    summary: record.optionalText('summary'),
    dataSources: record.texts('dataSources'),
    findings: record.list('findings').map(({ item, path }) => {
      const finding = JsonReader.of(item, path, ['problem', 'area', 'focusArea', 'trend']);
      return { problem: finding.text('problem'), area: finding.optionalText('area'), focusAreaCode: finding.optionalText('focusArea'), trend: finding.choice('trend', TRENDS, 'UNKNOWN') };
    }),
  };
}

/** An åtgärdsplan of the file: the input (its lägesbilder by external id, in `basedOn`). */
export function actionPlanOf(record: JsonReader, municipalityCode: string): { input: Omit<NewActionPlan, 'situationReportIds'>; basedOn: string[] } {
  const input = {
    municipalityCode,
    title: record.text('title'),
    decidedOn: requiredDate(record, 'decidedOn'),
    decidedBy: record.optionalText('decidedBy'),
    periodFrom: record.optionalDate('periodFrom'),
    periodTo: record.optionalDate('periodTo'),
    items: record.list('items').map(({ item, path }) => {
      const planItem = JsonReader.of(item, path, ['key', 'title', 'responsible', 'focusArea']);
      return { key: planItem.text('key'), title: planItem.text('title'), responsible: planItem.optionalText('responsible'), focusAreaCode: planItem.optionalText('focusArea') };
    }),
  };
  return { input, basedOn: record.texts('basedOn') };
}

/** Where an action comes from, by the kommun's external id of that record. */
export type OriginReference = { kind: 'AGREEMENT' | 'CITIZEN_PROMISE' | 'ACTION_PLAN'; externalId: string; path: string };

/** An action of the file: the input (its origin by external id), and the status it has. */
export function actionOf(record: JsonReader, municipalityCode: string) {
  let origin: OriginReference | null = null;
  if (record.has('origin')) {
    const from = JsonReader.of(record.value.origin, record.at('origin'), ['agreement', 'citizenPromise', 'actionPlan']);
    const named = (['agreement', 'citizenPromise', 'actionPlan'] as const).filter((key) => from.has(key));
    if (named.length !== 1) throw new RecordFormatError(from.path, 'names one of agreement, citizenPromise or actionPlan.');
    const key = named[0]!;
    origin = { kind: key === 'agreement' ? 'AGREEMENT' : key === 'citizenPromise' ? 'CITIZEN_PROMISE' : 'ACTION_PLAN', externalId: from.text(key), path: from.path };
  }
  const input: Omit<NewAction, 'origin' | 'originKey' | 'actionPlanId'> = {
    municipalityCode,
    title: record.text('title'),
    description: record.optionalText('description'),
    focusAreaCode: record.optionalText('focusArea'),
    place: record.optionalText('place'),
    latitude: record.optionalNumber('latitude'),
    longitude: record.optionalNumber('longitude'),
    method: record.optionalText('method'),
    visibility: record.choice('visibility', ['PUBLIC', 'PARTIES'] as const satisfies readonly Visibility[], 'PUBLIC'),
    startsOn: record.optionalDate('startsOn'),
    endsOn: record.optionalDate('endsOn'),
    responsible: record.list('responsible').map(({ item, path }) => {
      const party = JsonReader.of(item, path, ['kind', 'name', 'lead']);
      return { kind: party.choice('kind', RESPONSIBLE_KINDS, 'OTHER'), name: party.text('name'), lead: party.optionalBoolean('lead') ?? false };
    }),
  };
  return { input, origin, status: record.choice('status', STATUSES, 'PLANNED') };
}

/** The columns of the actions CSV (docs/onboarding-import.md). */
const CSV_COLUMNS = ['municipality', 'externalid', 'title', 'description', 'focusarea', 'origin', 'status', 'visibility', 'place', 'latitude', 'longitude', 'method', 'startson', 'endson', 'responsible'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** An empty field is a missing value; numbers as numbers where they read as one (else the check refuses them). */
function csvValue(column: CsvColumn, text: string): unknown {
  if (text === '') return undefined;
  if (column === 'latitude' || column === 'longitude') return Number.isFinite(Number(text.replace(',', '.'))) ? Number(text.replace(',', '.')) : text;
  if (column === 'origin') {
    const [kind = '', ...rest] = text.split(':');
    return { [kind.trim()]: rest.join(':').trim() };
  }
  if (column === 'responsible') {
    return text.split(';').map((party) => {
      const [kind = '', name = '', lead] = party.split(':').map((part) => part.trim());
      return { kind, name, lead: lead === 'lead' };
    });
  }
  return text;
}

/**
 * Reads the actions CSV into one part per kommun, as an onboarding file's would be; each action's
 * path is its line (`/line/12`). A file without the columns it needs is refused whole.
 */
export function readActionsCsv(text: string): OnboardingKommun[] {
  const table = readCsvTable(text, CSV_COLUMNS, ['municipality', 'externalid', 'title', 'responsible'], 'one line per action');
  const byKommun = new Map<string, { item: unknown; path: string }[]>();
  for (const row of table.rows) {
    if (row.fields.length !== table.columns) throw new ImportFileError(`Line ${row.line} has ${row.fields.length} fields; the header has ${table.columns}.`);
    const record: Record<string, unknown> = {};
    for (const column of CSV_COLUMNS) {
      if (column === 'municipality') continue;
      const key = ACTION_FIELDS.find((field) => field.toLowerCase() === column)!;
      record[key] = csvValue(column, table.field(row, column));
    }
    const code = table.field(row, 'municipality');
    byKommun.set(code, [...(byKommun.get(code) ?? []), { item: record, path: `/line/${row.line}` }]);
  }
  return [...byKommun].map(([code, items]) => {
    // A refusal of the whole kommun names its first line.
    const path = items[0]!.path;
    return { path, code, record: new CsvKommun({ code }, path, items) };
  });
}

/** A kommun's rows of the CSV: its actions listed with their lines as paths. */
class CsvKommun extends JsonReader {
  constructor(
    value: Record<string, unknown>,
    path: string,
    private readonly rows: { item: unknown; path: string }[],
  ) {
    super(value, path);
  }

  override list(key: string): { item: unknown; path: string }[] {
    return key === 'actions' ? this.rows : [];
  }
}
