import { type AreaScopeArguments, UNIT_RANGES } from '@samverkan/schema';
import { tableXlsx, XLSX_MEDIA_TYPE } from '@samverkan/server';
import { type Column, downloadPath, type Row, type TableFormat, toSwedishCsv } from '@samverkan/tables';
import type { Comparison } from './compare';

/** A comparison as a file. */
export interface ExportFile {
  fileName: string;
  mediaType: string;
  /** The file's bytes. */
  content: Buffer;
  /** The gateway's download of the same table as a real file, when one of @samverkan/tables serves it; else null. */
  downloadPath: string | null;
}

/** What the comparison was asked for: its areas and instrument (the gateway's download needs them). */
export interface ComparisonScope {
  scope: AreaScopeArguments;
  instrumentCode: string | null;
}

type ComparisonRow = Comparison['rows'][number];

/** The table's columns: Swedish headings (the users' language), their kind, and how to read each from a row. */
const COLUMNS: (Column & { value: (row: ComparisonRow, comparison: Comparison) => string | number | null })[] = [
  { key: 'rank', header: 'Rang', kind: 'integer', value: (row) => row.rank },
  { key: 'area', header: 'Område', kind: 'text', value: (row) => row.area.name },
  { key: 'level', header: 'Områdesnivå', kind: 'text', value: (row) => row.area.level },
  { key: 'code', header: 'Områdeskod', kind: 'text', value: (row) => row.area.code },
  { key: 'value', header: 'Värde', kind: 'decimal', decimals: 2, value: (row) => row.value },
  { key: 'respondents', header: 'Antal svarande (n)', kind: 'integer', value: (row) => row.result.respondents },
  { key: 'percentile', header: 'Percentil', kind: 'decimal', decimals: 1, value: (row) => row.percentile },
  { key: 'previousValue', header: 'Föregående år', kind: 'decimal', decimals: 2, value: (row) => row.previousValue },
  { key: 'changeFromPreviousYear', header: 'Förändring mot föregående år', kind: 'decimal', decimals: 2, value: (row) => row.changeFromPreviousYear },
  { key: 'baseYear', header: 'Basår', kind: 'integer', value: (row, comparison) => (row.baseValue === null ? null : comparison.baseYear) },
  { key: 'baseValue', header: 'Värde basår', kind: 'decimal', decimals: 2, value: (row) => row.baseValue },
  { key: 'changeFromBaseYear', header: 'Förändring mot basår', kind: 'decimal', decimals: 2, value: (row) => row.changeFromBaseYear },
  { key: 'policeRegionValue', header: 'Polisregionens värde', kind: 'decimal', decimals: 2, value: (row) => row.policeRegionValue },
  { key: 'origin', header: 'Ursprung', kind: 'text', value: (row) => (row.result.origin === 'DEMO' ? 'DEMO (påhittat)' : 'Publicerat') },
];

/**
 * The gateway's download of the comparison (the table `rangordning` of @samverkan/tables), for a
 * comparison of kommuner in a polisregion, a län or the country with published values (and demo
 * values, when asked for both); null for other comparisons, which that table does not hold.
 */
export function comparisonDownloadPath(comparison: Comparison, asked: ComparisonScope | undefined, format: TableFormat): string | null {
  if (!asked || comparison.level !== 'MUNICIPALITY' || asked.scope.municipalities?.length || !comparison.origins.includes('PUBLISHED')) return null;
  return downloadPath('rangordning', format, {
    indicator: comparison.indicator.code,
    year: comparison.year,
    policeRegion: asked.scope.policeRegion,
    county: asked.scope.county,
    baseYear: comparison.baseYear,
    instrument: asked.instrumentCode,
    includeDemo: comparison.origins.includes('DEMO'),
  });
}

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

/** The comparison's rows, by the columns' keys. */
function comparisonRows(comparison: Comparison): Row[] {
  return comparison.rows.map((row) => Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(row, comparison)])));
}

/**
 * The comparison as CSV for Swedish Excel (toSwedishCsv of @samverkan/tables: UTF-8 with a
 * byte-order mark, semicolons, decimal comma, CRLF, RFC 4180 quoting, text kept from formulas).
 */
export function comparisonCsv(comparison: Comparison, asked?: ComparisonScope): ExportFile {
  return {
    fileName: `${baseName(comparison)}.csv`,
    mediaType: 'text/csv; charset=utf-8',
    content: Buffer.from(toSwedishCsv(COLUMNS, comparisonRows(comparison)), 'utf8'),
    downloadPath: comparisonDownloadPath(comparison, asked, 'csv'),
  };
}

/** The comparison as an Excel workbook (tableXlsx of @samverkan/server): the table on the first sheet, what it is on the second. */
export async function comparisonXlsx(comparison: Comparison, asked?: ComparisonScope): Promise<ExportFile> {
  const content = await tableXlsx({
    title: 'Jämförelse',
    columns: COLUMNS,
    rows: comparisonRows(comparison),
    // A fixed date keeps the file the same for the same comparison.
    created: new Date(Date.UTC(comparison.year, 0, 1)),
    about: { title: 'Om jämförelsen', pairs: about(comparison) },
  });
  return { fileName: `${baseName(comparison)}.xlsx`, mediaType: XLSX_MEDIA_TYPE, content, downloadPath: comparisonDownloadPath(comparison, asked, 'xlsx') };
}
