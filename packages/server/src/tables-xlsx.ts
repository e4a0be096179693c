import ExcelJS from 'exceljs';

/** A column as @samverkan/tables defines it (its shape repeated here: the server does not depend on the tables). */
export interface XlsxColumn {
  key: string;
  header: string;
  kind: 'text' | 'integer' | 'decimal' | 'percent' | 'date';
  decimals?: number;
}

/** What {@link tableXlsx} writes. */
export interface XlsxTable {
  /** The sheet's title (its tab, at most 31 characters, and the workbook's title). */
  title: string;
  columns: readonly XlsxColumn[];
  rows: readonly Readonly<Record<string, string | number | null>>[];
  /** The workbook's creation time. @default now */
  created?: Date;
  /** A second sheet of label–value pairs saying what the table is (e.g. its indicator, year and unit). @default none */
  about?: { title: string; pairs: readonly (readonly [string, string | number | null])[] };
}

/** The media type of an Excel workbook. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's number format for a column: whole numbers, fixed decimals, per cent (values 0–100), ISO dates. */
function numberFormat(column: XlsxColumn): string | undefined {
  const decimals = column.decimals ?? (column.kind === 'percent' ? 1 : 2);
  const fixed = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  switch (column.kind) {
    case 'integer':
      return '0';
    case 'decimal':
      return fixed;
    case 'percent':
      return `${fixed}" %"`;
    case 'date':
      return 'yyyy-mm-dd';
    default:
      return undefined;
  }
}

/** A cell's value as Excel should hold it: numbers as numbers, dates as dates, the rest as text. */
function cellValue(value: string | number | null | undefined, column: XlsxColumn): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(year, month - 1, day));
  }
  if (column.kind !== 'text' && column.kind !== 'date' && typeof value === 'number') return Number.isFinite(value) ? value : null;
  return String(value);
}

/** A sheet name Excel accepts: no : \ / ? * [ ], at most 31 characters. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Tabell';
}

/**
 * A table as an Excel workbook of one sheet, named by the title: the header row bold and frozen,
 * numbers as numbers with the column's format, dates as dates. Text is written as text (never as a
 * formula), so a cell starting with `=` stays what it is.
 */
export async function tableXlsx(table: XlsxTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samverkan hub';
  workbook.title = table.title;
  workbook.created = table.created ?? new Date();
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => {
    const format = numberFormat(column);
    return { key: column.key, width: Math.min(50, Math.max(10, column.header.length + 2)), ...(format ? { style: { numFmt: format } } : {}) };
  });
  const header = sheet.getRow(1);
  header.values = table.columns.map((column) => column.header);
  header.font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(Object.fromEntries(table.columns.map((column) => [column.key, cellValue(row[column.key], column)])));
  }
  if (table.about) {
    const about = workbook.addWorksheet(sheetName(table.about.title));
    for (const [label, value] of table.about.pairs) about.addRow([label, value === null ? null : typeof value === 'number' ? value : String(value)]);
    about.getColumn(1).font = { bold: true };
    about.getColumn(1).width = 18;
    about.getColumn(2).width = 60;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
