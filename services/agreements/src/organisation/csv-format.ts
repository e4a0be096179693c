import type { CsvLine } from '@samverkan/geo';
import { type CsvTable, readCsvTable, type RefusedRow } from '@samverkan/schema';
import { optionalDate, type Period, periodProblem, unitIdProblem } from './rules';
import type { SourceValues } from './state';

/*
 * The police organisation's CSV format (docs/police-organisation-import.md): one record per line,
 * its kind in the `record` column. This file checks each row on its own; references between rows
 * and to stored units are resolved by the import, across the whole file.
 */

export const ORGANISATION_COLUMNS = [
  'record', 'id', 'name', 'parent', 'municipality_code', 'part', 'valid_from', 'valid_to',
  'source_title', 'source_published_on', 'source_url', 'source_note', 'attests_on',
] as const;
type Column = (typeof ORGANISATION_COLUMNS)[number];

/** The columns each kind requires; the ones it does not use must be empty. */
const KINDS = {
  district: { required: ['id', 'name', 'parent'], unused: ['municipality_code', 'part'] },
  lpo: { required: ['id', 'name', 'parent'], unused: ['municipality_code', 'part'] },
  link: { required: ['id', 'municipality_code'], unused: ['name', 'parent'] },
  succession: { required: ['id', 'parent', 'valid_from'], unused: ['name', 'municipality_code', 'part', 'valid_to'] },
} as const satisfies Record<string, { required: readonly Column[]; unused: readonly Column[] }>;
export type RecordKind = keyof typeof KINDS;

/** One checked row. `parent` is a region code or district id (district, lpo) or the successor (succession). */
export interface OrganisationRow extends Period {
  line: number;
  kind: RecordKind;
  id: string;
  name: string;
  parent: string;
  municipalityCode: string;
  part: boolean;
  source: SourceValues;
}

export interface CheckedOrganisationFile {
  rows: number;
  records: OrganisationRow[];
  refused: RefusedRow[];
}

/** Checks every row of a file on its own (kind, required and unused columns, ids, dates, periods). */
export function checkOrganisationFile(text: string): CheckedOrganisationFile {
  const table = readCsvTable(text, ORGANISATION_COLUMNS, ['record', 'id', 'source_title'], 'one line per record');
  const checked: CheckedOrganisationFile = { rows: table.rows.length, records: [], refused: [] };
  for (const row of table.rows) {
    const result = checkRow(row, table);
    if ('reason' in result) checked.refused.push(result);
    else checked.records.push(result);
  }
  return checked;
}

function checkRow(row: CsvLine, table: CsvTable<Column>): OrganisationRow | RefusedRow {
  const refuse = (column: Column | undefined, reason: string): RefusedRow => ({ line: row.line, ...(column ? { column } : {}), reason });
  if (row.fields.length !== table.columns) return refuse(undefined, `${row.fields.length} fields, but the header has ${table.columns}`);
  const field = (name: Column) => table.field(row, name);
  const kind = field('record').toLowerCase();
  if (!(kind in KINDS)) return refuse('record', `unknown record kind "${field('record')}" (known: ${Object.keys(KINDS).join(', ')})`);
  const rules = KINDS[kind as RecordKind];
  for (const column of rules.required) if (!field(column)) return refuse(column, `a ${kind} row needs ${column}`);
  for (const column of rules.unused) if (field(column)) return refuse(column, `a ${kind} row leaves ${column} empty`);
  if (!field('source_title')) return refuse('source_title', 'every row needs source_title: the source the fact rests on');
  const idProblem = unitIdProblem(field('id'));
  if (idProblem) return refuse('id', idProblem);
  if (kind === 'succession' && unitIdProblem(field('parent'))) return refuse('parent', unitIdProblem(field('parent'))!);

  const dates: Partial<Record<Column, string | null>> = {};
  for (const column of ['valid_from', 'valid_to', 'source_published_on', 'attests_on'] as const) {
    const date = optionalDate(field(column));
    if (typeof date === 'string') return refuse(column, date);
    dates[column] = date.date;
  }
  const period = { validFrom: dates.valid_from ?? null, validTo: dates.valid_to ?? null };
  const backwards = periodProblem(period);
  if (backwards) return refuse('valid_to', backwards);
  const partText = field('part').toLowerCase();
  if (partText && partText !== 'true' && partText !== 'false') return refuse('part', `part is true or false, not "${field('part')}"`);
  const url = field('source_url');
  if (url && !/^https?:\/\/\S+$/.test(url)) return refuse('source_url', `"${url}" is not an http(s) address`);

  return {
    line: row.line,
    kind: kind as RecordKind,
    id: field('id'),
    name: field('name'),
    parent: field('parent'),
    municipalityCode: field('municipality_code'),
    part: partText === 'true',
    ...period,
    source: {
      title: field('source_title'),
      publishedOn: dates.source_published_on ?? null,
      url: url || null,
      note: field('source_note') || null,
      attestsOn: dates.attests_on ?? null,
    },
  };
}
