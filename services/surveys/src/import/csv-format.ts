import type { CsvLine, OrganisationSnapshot } from '@samverkan/geo';
import { type CsvTable, ImportFileError, type IndicatorUnit, isWithinUnitRange, readCsvTable, type RefusedRow, UNIT_RANGES } from '@samverkan/schema';
import type { AreaLevel } from '../generated/prisma/client';
import { resolveArea } from '../results/areas';
import type { ResultInput } from '../results/write';

/*
 * The CSV shape of imported results: one row per result, as the published tables list them (area
 * by area, indicator by indicator). Documented in docs/survey-import.md, with an example file
 * beside it (docs/examples/survey-results.csv).
 */

/** The columns, in the order the example file has them; the first six are required. */
export const IMPORT_COLUMNS = ['instrument', 'year', 'indicator', 'level', 'area', 'area_name', 'value', 'n', 'ci_low', 'ci_high'] as const;
const REQUIRED_COLUMNS = IMPORT_COLUMNS.slice(0, 5).concat('value');
type Column = (typeof IMPORT_COLUMNS)[number];

/** The words the `level` column takes (Swedish or English), and the area level each means. */
export const LEVEL_WORDS: Readonly<Record<string, AreaLevel>> = {
  riket: 'COUNTRY',
  country: 'COUNTRY',
  polisregion: 'POLICE_REGION',
  police_region: 'POLICE_REGION',
  lokalpolisområde: 'LOCAL_POLICE_AREA',
  lpo: 'LOCAL_POLICE_AREA',
  local_police_area: 'LOCAL_POLICE_AREA',
  kommun: 'MUNICIPALITY',
  municipality: 'MUNICIPALITY',
  delområde: 'SUB_AREA',
  sub_area: 'SUB_AREA',
};

/** What the validation needs to know of the catalogue (read from the database). */
export interface ImportCatalogue {
  instruments: ReadonlyMap<string, { units: readonly IndicatorUnit[]; policeRegionCode: string | null; firstYear: number | null; demo: boolean }>;
  indicators: ReadonlyMap<string, { unit: IndicatorUnit }>;
  /** The police organisation lokalpolisområden are checked against (the agreements subgraph's). */
  organisation: OrganisationSnapshot;
  /** The last year a result may be for. @default this year */
  lastYear?: number;
}

/** A row the import refused, and why. */
export type RejectedRow = RefusedRow;

export { ImportFileError };

/** A file's rows, checked: the results to import and the rows refused. */
export interface CheckedFile {
  rows: number;
  accepted: ResultInput[];
  /** The line of each accepted result, in the same order. */
  acceptedLines: number[];
  rejected: RejectedRow[];
}

/** Reads a decimal number written "1.78", "1,78" or "−0,5"; null when the text is not one. */
export function parseDecimal(text: string): number | null {
  const normalised = text.trim().replace(/\u2212/g, '-').replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return null;
  return Number(normalised);
}

/** Reads a whole number, allowing spaces between thousands ("1 884"); null when the text is not one. */
function parseCount(text: string): number | null {
  const normalised = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  return /^\d+$/.test(normalised) ? Number(normalised) : null;
}

function describeUnits(units: readonly IndicatorUnit[]): string {
  return units.map((unit) => UNIT_RANGES[unit].label).join(' and ');
}

/** Checks every row of a results file against the catalogue and the shared geography. */
export function checkResultsFile(text: string, catalogue: ImportCatalogue): CheckedFile {
  const table = readCsvTable(text, IMPORT_COLUMNS, REQUIRED_COLUMNS, 'one line per result');
  const rows = table.rows;
  const lastYear = catalogue.lastYear ?? new Date().getFullYear();
  const checked: CheckedFile = { rows: rows.length, accepted: [], acceptedLines: [], rejected: [] };
  const seen = new Map<string, number>();
  for (const row of rows) {
    const result = checkRow(row, table, catalogue, lastYear);
    if (typeof result === 'string') {
      checked.rejected.push({ line: row.line, reason: result });
      continue;
    }
    const key = [result.instrumentCode, result.year, result.indicatorCode, result.area.level, result.area.code, result.area.subAreaName].join('|');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      checked.rejected.push({ line: row.line, reason: `the same result (instrument, year, indicator and area) as line ${earlier}` });
      continue;
    }
    seen.set(key, row.line);
    checked.accepted.push(result);
    checked.acceptedLines.push(row.line);
  }
  return checked;
}

function checkRow(row: CsvLine, table: CsvTable<Column>, catalogue: ImportCatalogue, lastYear: number): ResultInput | string {
  if (row.fields.length !== table.columns) return `${row.fields.length} fields, but the header has ${table.columns}`;
  const field = (name: Column) => table.field(row, name);

  const instrumentCode = field('instrument');
  const instrument = catalogue.instruments.get(instrumentCode);
  if (!instrument) return `unknown instrument "${instrumentCode}" (known: ${[...catalogue.instruments.keys()].join(', ')})`;
  if (instrument.demo) return `instrument ${instrumentCode} is made-up demo data; published results cannot belong to it`;

  const year = parseCount(field('year'));
  if (year === null || year < 1990 || year > lastYear) return `year "${field('year')}" is not a year between 1990 and ${lastYear}`;
  if (instrument.firstYear !== null && year < instrument.firstYear) return `${instrumentCode} was first run in ${instrument.firstYear}, not in ${year}`;

  const indicatorCode = field('indicator');
  const indicator = catalogue.indicators.get(indicatorCode);
  if (!indicator) return `unknown indicator "${indicatorCode}" (known: ${[...catalogue.indicators.keys()].join(', ')})`;
  if (!instrument.units.includes(indicator.unit)) {
    return `${instrumentCode} reports ${describeUnits(instrument.units)}, but ${indicatorCode} is ${UNIT_RANGES[indicator.unit].label}`;
  }

  const levelWord = field('level').toLowerCase();
  const level = LEVEL_WORDS[levelWord];
  if (!level) return `level "${field('level')}" is not one of ${Object.keys(LEVEL_WORDS).join(', ')}`;
  const area = resolveArea(catalogue.organisation, level, field('area'), field('area_name'));
  if (typeof area === 'string') return area;
  if (instrument.policeRegionCode && area.policeRegionCode !== instrument.policeRegionCode) {
    return `${instrumentCode} is run in polisregion ${instrument.policeRegionCode}, but ${field('area')} lies ${area.policeRegionCode ? `in ${area.policeRegionCode}` : 'outside it'}`;
  }

  const range = UNIT_RANGES[indicator.unit];
  const value = parseDecimal(field('value'));
  if (value === null) return `value "${field('value')}" is not a number`;
  if (!isWithinUnitRange(indicator.unit, value)) return `value ${field('value')} is outside ${indicatorCode}'s range, ${range.label}`;

  let respondents: number | null = null;
  if (field('n')) {
    respondents = parseCount(field('n'));
    if (respondents === null || respondents < 1) return `n "${field('n')}" is not a number of respondents (a whole number from 1)`;
  }

  let ciLow: number | null = null;
  let ciHigh: number | null = null;
  if (field('ci_low') || field('ci_high')) {
    ciLow = parseDecimal(field('ci_low'));
    ciHigh = parseDecimal(field('ci_high'));
    if (ciLow === null || ciHigh === null) return 'a confidence interval needs both ci_low and ci_high as numbers';
    if (!isWithinUnitRange(indicator.unit, ciLow) || !isWithinUnitRange(indicator.unit, ciHigh)) return `the confidence interval lies outside ${range.label}`;
    if (!(ciLow <= value && value <= ciHigh)) return `the confidence interval ${ciLow}–${ciHigh} does not contain the value ${value}`;
  }
  return { instrumentCode, year, indicatorCode, area, value, respondents, ciLow, ciHigh, origin: 'PUBLISHED' };
}
