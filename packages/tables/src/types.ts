/** The kinds of value a column holds; each is written to CSV and XLSX in its own way. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent' | 'date';

/** One column of a table. */
export interface Column {
  /** The row's key for the column's value. */
  key: string;
  /** Heading, in Swedish. */
  header: string;
  /** The kind of value: text, integer, decimal (with `decimals`), percent (a value 0–100, with `decimals`), date (YYYY-MM-DD). */
  kind: ColumnKind;
  /** Decimals written for `decimal` and `percent`. @default 2 for decimal, 1 for percent */
  decimals?: number;
}

/** One cell's value: text, a number, a date as YYYY-MM-DD text, or null for none. */
export type Cell = string | number | null;

/** One row: a value per column key. */
export type Row = Record<string, Cell>;

/** The kinds of parameter a table takes; each is checked in its own way. */
export type ParameterType =
  | 'indicator'
  | 'instrument'
  | 'year'
  | 'date'
  | 'policeRegion'
  | 'county'
  | 'municipality'
  | 'actionStatus'
  | 'focusArea'
  | 'boolean';

/** One parameter of a table. */
export interface ParameterDefinition {
  /** The name in a URL's query string and in `params`, e.g. `policeRegion`. */
  name: string;
  type: ParameterType;
  required: boolean;
  /** What it is, Swedish first ("Svenskt ord: English text"). */
  description: string;
}

/** A table's parameters after checking: years as numbers, booleans as booleans, the rest as text. */
export type TableParams = Readonly<Record<string, string | number | boolean | undefined>>;

/** What a parameter check may use besides the table's own rules. */
export interface ParameterContext {
  /** The indicator codes that exist (the catalogue); without it only an indicator code's form is checked. */
  indicators?: readonly string[];
}

/** The file formats a table is served in. */
export type TableFormat = 'csv' | 'xlsx';

/** A table: its parameters, the GraphQL document that fetches it, its columns and rows. */
export interface TableDefinition {
  /** Its name in URLs, e.g. `rangordning` (/downloads/rangordning.csv). */
  name: string;
  /** Its title, in Swedish (the XLSX sheet's title). */
  title: string;
  /** What it holds, Swedish first. */
  description: string;
  parameters: readonly ParameterDefinition[];
  /** The GraphQL query, against the hub's public API (schema.graphql). */
  document: string;
  /** The document's operation name. */
  operationName: string;
  /** The document's variables for checked parameters. */
  variables(params: TableParams): Record<string, unknown>;
  columns: readonly Column[];
  /** The answer's `data` as rows, in the table's order. */
  rows(data: unknown, params: TableParams): Row[];
  /** A file name for the parameters: ASCII letters, digits, `-` and `.`, e.g. `rangordning-unsafe-outdoors-SYD-2025.csv`. */
  fileName(params: TableParams, format?: TableFormat): string;
}

/** One thing wrong with the parameters, in Swedish and in English. */
export interface ParameterIssue {
  parameter: string;
  sv: string;
  en: string;
}

/** Parameters a table refuses, every issue named. */
export class TableParameterError extends Error {
  constructor(readonly issues: readonly ParameterIssue[]) {
    super(issues.map((issue) => `${issue.parameter}: ${issue.sv} (${issue.en})`).join('; '));
    this.name = 'TableParameterError';
  }
}
