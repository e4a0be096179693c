import { type CsvLine, parseCsvLines } from '@samverkan/geo';

/*
 * What every CSV import of the hub shares: the file's header read against the columns the format
 * has, rows with the line they start on, and a refused row's shape. Each format checks its own rows.
 */

/** A row an import refused, and why. */
export interface RefusedRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  /** The column at fault, where one is. */
  column?: string;
  reason: string;
}

/** The whole file cannot be read (no header, a missing column): nothing is imported. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** A file's rows, with each row's fields by column name. */
export interface CsvTable<Column extends string> {
  /** The rows after the header. */
  rows: CsvLine[];
  /** The number of columns of the header: a row with another number is malformed. */
  columns: number;
  /** The trimmed text of a row's column; empty when the file has no such column. */
  field(row: CsvLine, name: Column): string;
}

/** A semicolon before any comma on the header line means a Swedish-style file (`;`, decimal comma). */
function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.includes(';') ? ';' : ',';
}

/**
 * Reads a CSV file with a header of the format's columns (in any order, any case). A file that is
 * not CSV (a quoted field never closed), has no header, an unknown, missing or repeated column is
 * refused whole with {@link ImportFileError}.
 */
export function readCsvTable<Column extends string>(text: string, known: readonly Column[], required: readonly Column[], what = 'one line per row'): CsvTable<Column> {
  let lines: CsvLine[];
  try {
    lines = parseCsvLines(text, delimiterOf(text));
  } catch (error) {
    // parseCsvLines throws only for text that is not CSV; its message names the line.
    throw new ImportFileError((error as Error).message);
  }
  const [header, ...rows] = lines;
  if (!header) throw new ImportFileError(`The file is empty: it needs a header line and ${what}.`);
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !(known as readonly string[]).includes(name));
  if (unknown.length) throw new ImportFileError(`Unknown column(s) ${unknown.map((n) => `"${n}"`).join(', ')}: the columns are ${known.join(', ')}.`);
  const missing = required.filter((name) => !names.includes(name));
  if (missing.length) throw new ImportFileError(`Missing column(s) ${missing.join(', ')}: every file needs ${required.join(', ')}.`);
  const duplicated = names.filter((name, index) => names.indexOf(name) !== index);
  if (duplicated.length) throw new ImportFileError(`Column(s) ${[...new Set(duplicated)].join(', ')} appear twice.`);
  const index = new Map(names.map((name, i) => [name, i]));
  return {
    rows,
    columns: names.length,
    field: (row, name) => {
      const at = index.get(name);
      return at === undefined ? '' : (row.fields[at] ?? '').trim();
    },
  };
}

/**
 * The transaction options of a one-transaction import: a large file takes a while on the embedded
 * database, and the default of 5 s is for requests.
 */
export const IMPORT_TRANSACTION_OPTIONS = { timeout: 30 * 60_000, maxWait: 60_000 } as const;
