/**
 * Tabeller: the tables the analysts' workspace shows and the gateway serves as downloads. Each is
 * one GraphQL document against the hub's public API, its parameters (checked, with Swedish and
 * English messages), its columns and how the answer becomes rows, and a file name; plus the CSV
 * writer whose files open right in Swedish Excel. No dependencies and no Node APIs: the browser
 * uses the same code.
 */
import { actionsTable } from './actions';
import { complianceTable } from './compliance';
import { complianceSummaryTable } from './compliance-summary';
import { rankingTable } from './ranking';
import type { TableDefinition, TableFormat } from './types';

export * from './types';
export { ACTION_STATUS_NAMES, COUNTY_CODES, POLICE_REGION_CODES } from './codes';
export { decimalsOf, toSwedishCsv } from './csv';
export { fileNameOf, fileNamePart, swedishToday } from './file-name';
export { parseParameters, type RawParams } from './parameters';
export { complianceReasons, complianceTable } from './compliance';
export { complianceSummaryTable } from './compliance-summary';
export { rankingTable } from './ranking';
export { actionsTable } from './actions';

/** Where the gateway serves the tables as files: `/downloads/<table>.<csv|xlsx>?<parameters>`. */
export const DOWNLOADS_PREFIX = '/downloads/';

/** The gateway's path of a table's download with its parameters (empty ones left out), e.g. `/downloads/rangordning.csv?indicator=PROBLEM_INDEX&year=2025`. */
export function downloadPath(table: string, format: TableFormat, params: Readonly<Record<string, string | number | boolean | undefined | null>> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '' && value !== false) search.set(name, String(value));
  const query = search.toString();
  return `${DOWNLOADS_PREFIX}${table}.${format}${query ? `?${query}` : ''}`;
}

/** Every table, by its name in URLs. */
export const TABLES: Readonly<Record<string, TableDefinition>> = Object.fromEntries(
  [rankingTable, complianceTable, complianceSummaryTable, actionsTable].map((table) => [table.name, table]),
);

/** The table of that name, or undefined. */
export function tableNamed(name: string): TableDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(TABLES, name) ? TABLES[name] : undefined;
}
