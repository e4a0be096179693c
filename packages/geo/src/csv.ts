/** One row of a CSV file and the line (from 1) it starts on. */
export interface CsvLine {
  line: number;
  fields: string[];
}

/**
 * Parses CSV text (RFC 4180: double-quoted fields with "" escapes, CRLF or LF line ends) into rows
 * of strings, each with the line it starts on (a quoted field may span lines). Blank lines are
 * skipped. The delimiter is a comma unless told otherwise (Swedish spreadsheets write `;`).
 */
export function parseCsvLines(text: string, delimiter: ',' | ';' | '\t' = ','): CsvLine[] {
  const rows: CsvLine[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '')) rows.push({ line: rowLine, fields: row });
    row = [];
    field = '';
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      line += 1;
      rowLine = line;
    } else field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
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
