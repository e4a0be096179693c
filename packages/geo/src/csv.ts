import { CsvError, parse } from 'csv-parse/sync';

/** One row of a CSV file and the line (from 1) it starts on. */
export interface CsvLine {
  line: number;
  fields: string[];
}

/** A line break as CSV files write them: Windows, Unix or classic Mac. */
const LINE_BREAK = /\r\n|\n|\r/g;

function lineBreaksIn(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/**
 * Parses CSV text (RFC 4180: double-quoted fields with "" escapes, CRLF, LF or CR line ends) into
 * rows of strings, each with the line it starts on (a quoted field may span lines). Blank lines are
 * skipped, a byte order mark is ignored, rows may have any number of fields (the caller says what a
 * short row means) and a quote inside an unquoted field is kept as it is. The delimiter is a comma
 * unless told otherwise (Swedish spreadsheets write `;`). Throws when a quoted field is never closed.
 */
export function parseCsvLines(text: string, delimiter: ',' | ';' | '\t' = ','): CsvLine[] {
  // Line numbers are counted from each row's raw text: csv-parse's own `info.lines` counts a CRLF
  // inside a quoted field as two lines, which would put every later row on the wrong line.
  const rows: CsvLine[] = [];
  let nextLine = 1;
  try {
    parse(text, {
      bom: true,
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      raw: true,
      on_record: (record, { raw = '' }) => {
        // With `raw`, csv-parse hands `on_record` the row as { record, raw }; its types say string[].
        const { record: fields } = record as unknown as { record: string[] };
        // The raw text starts with the blank lines skipped before the row and ends with its line break.
        rows.push({ line: nextLine + lineBreaksIn(/^(\r\n|\n|\r)*/.exec(raw)![0]), fields });
        nextLine += lineBreaksIn(raw);
        return null; // collected here, with its line: parse's own result is not needed
      },
    });
    return rows;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') throw new Error(`A quoted field in the row from line ${nextLine} on is never closed (a " without its closing ").`);
    throw new Error(`Not valid CSV after line ${nextLine - 1}: ${error.message}`);
  }
}

/** Parses CSV text into rows of strings (see {@link parseCsvLines}). A header row, if any, is the first row. */
export function parseCsv(text: string, delimiter: ',' | ';' | '\t' = ','): string[][] {
  return parseCsvLines(text, delimiter).map((row) => row.fields);
}

/** Parses CSV text with a header row into one record per line, keyed by the header's names. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}
