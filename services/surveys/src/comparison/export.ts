import ExcelJS from 'exceljs';
import { UNIT_RANGES } from '@samverkan/schema';
import type { Comparison } from './compare';

/** A comparison as a file. */
export interface ExportFile {
  fileName: string;
  mediaType: string;
  /** The file's bytes. */
  content: Buffer;
}

/** The table's columns: Swedish headings (the users' language) and how to read each from a row. */
const COLUMNS: { heading: string; value: (row: Comparison['rows'][number], comparison: Comparison) => string | number | null }[] = [
  { heading: 'Rang', value: (row) => row.rank },
  { heading: 'Område', value: (row) => row.area.name },
  { heading: 'Områdesnivå', value: (row) => row.area.level },
  { heading: 'Områdeskod', value: (row) => row.area.code },
  { heading: 'Värde', value: (row) => row.value },
  { heading: 'Antal svarande (n)', value: (row) => row.result.respondents },
  { heading: 'Percentil', value: (row) => row.percentile },
  { heading: 'Föregående år', value: (row) => row.previousValue },
  { heading: 'Förändring mot föregående år', value: (row) => row.changeFromPreviousYear },
  { heading: 'Basår', value: (row, comparison) => (row.baseValue === null ? null : comparison.baseYear) },
  { heading: 'Värde basår', value: (row) => row.baseValue },
  { heading: 'Förändring mot basår', value: (row) => row.changeFromBaseYear },
  { heading: 'Polisregionens värde', value: (row) => row.policeRegionValue },
  { heading: 'Ursprung', value: (row) => (row.result.origin === 'DEMO' ? 'DEMO (påhittat)' : 'Publicerat') },
];

function baseName(comparison: Comparison): string {
  return `jamforelse-${comparison.indicator.code}-${comparison.instrument?.code ?? 'inga-resultat'}-${comparison.year}`.toLowerCase();
}

/** What the comparison is, as label–value pairs (the XLSX file's second sheet). */
function about(comparison: Comparison): [string, string | number | null][] {
  return [
    ['Indikator', `${comparison.indicator.name} (${comparison.indicator.code})`],
    ['Enhet', UNIT_RANGES[comparison.indicator.unit].label],
    ['Riktning', comparison.indicator.direction === 'HIGHER_IS_WORSE' ? 'Högre är sämre' : 'Högre är bättre'],
    ['Mätinstrument', comparison.instrument ? `${comparison.instrument.name} (${comparison.instrument.code})` : null],
    ['År', comparison.year],
    ['Basår', comparison.baseYear],
    ['Områdesnivå', comparison.level],
    ['Antal områden', comparison.rows.length],
    ['Median', comparison.median],
    ['Rikets värde', comparison.countryValue],
    ['Ursprung', comparison.origins.join(', ')],
  ];
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The comparison as CSV (RFC 4180: commas, decimal points, UTF-8 with a byte-order mark so that Excel reads å, ä, ö). */
export function comparisonCsv(comparison: Comparison): ExportFile {
  const lines = [COLUMNS.map((c) => csvField(c.heading)).join(',')];
  for (const row of comparison.rows) lines.push(COLUMNS.map((c) => csvField(c.value(row, comparison))).join(','));
  return { fileName: `${baseName(comparison)}.csv`, mediaType: 'text/csv; charset=utf-8', content: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8') };
}

/** The comparison as an Excel workbook: the table on the first sheet, what it is on the second. */
export async function comparisonXlsx(comparison: Comparison): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samverkan hub';
  // A fixed date keeps the file the same for the same comparison.
  workbook.created = new Date(Date.UTC(comparison.year, 0, 1));
  const table = workbook.addWorksheet('Jämförelse');
  table.addRow(COLUMNS.map((c) => c.heading)).font = { bold: true };
  for (const row of comparison.rows) table.addRow(COLUMNS.map((c) => c.value(row, comparison)));
  table.views = [{ state: 'frozen', ySplit: 1 }];
  table.columns.forEach((column, index) => {
    column.width = Math.max(10, COLUMNS[index]!.heading.length + 2);
  });
  const sheet = workbook.addWorksheet('Om jämförelsen');
  for (const pair of about(comparison)) sheet.addRow(pair);
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 60;
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${baseName(comparison)}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content };
}
