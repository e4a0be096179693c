import type { Cell, Column, Row } from './types';

/** Characters that make a spreadsheet read a cell as a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** How many decimals a column's numbers are written with. */
export function decimalsOf(column: Column): number {
  if (column.kind === 'integer') return 0;
  return column.decimals ?? (column.kind === 'percent' ? 1 : 2);
}

/** A number as Swedish Excel reads it: decimal comma, no thousands separator, fixed decimals. */
function swedishNumber(value: number, column: Column): string {
  if (!Number.isFinite(value)) return '';
  const decimals = decimalsOf(column);
  const text = column.kind === 'integer' ? String(Math.round(value)) : value.toFixed(decimals);
  // -0,00 reads as a change where there is none.
  return (/^-0(\.0*)?$/.test(text) ? text.slice(1) : text).replace('.', ',');
}

/** One cell as CSV text: numbers with a decimal comma, text made safe from formulas and quoted by RFC 4180. */
function csvCell(value: Cell, column: Column): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && column.kind !== 'text' && column.kind !== 'date') return swedishNumber(value, column);
  let text = String(value);
  // A text cell starting with = + - @ (or a tab or carriage return) is a formula to a spreadsheet: a
  // leading apostrophe keeps it text (OWASP, "CSV Injection").
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The rows as CSV that opens right in Swedish Excel: UTF-8 with a byte-order mark, `;` between
 * fields, decimal comma, CRLF line ends, fields quoted by RFC 4180 where needed, dates as
 * YYYY-MM-DD, and text that would start a formula kept as text.
 */
export function toSwedishCsv(columns: readonly Column[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => csvCell(column.header, { ...column, kind: 'text' })).join(';')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column.key] ?? null, column)).join(';'));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
