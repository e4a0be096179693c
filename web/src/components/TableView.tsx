/**
 * A table of @samverkan/tables on the page: its document sent the workspace's way (by hash), its
 * rows shown with the chosen columns, and the same table as CSV and Excel from the gateway, so
 * that the page and the file hold the same rows.
 */
import { type Column, parseParameters, type RawParams, type Row, type TableDefinition, type TableParams } from '@samverkan/tables';
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { graphql } from '../generated/gql';
import type { TypedDocumentString } from '../generated/gql/graphql';
import { formatNumber } from '../format';
import { useQuery } from '../useQuery';
import { DemoBadge } from './Demo';
import { Downloads } from './Downloads';

/** The table's document as codegen typed it (with its hash), found by its text. */
function tableDocument(table: TableDefinition): TypedDocumentString<unknown, Record<string, unknown>> {
  const document = (graphql as unknown as (source: string) => TypedDocumentString<unknown, Record<string, unknown>> | Record<string, never>)(table.document);
  if (!(document as { __meta__?: unknown }).__meta__) throw new Error(`Tabellen ${table.name} saknas i de genererade dokumenten (kör graphql-codegen).`);
  return document as TypedDocumentString<unknown, Record<string, unknown>>;
}

export function formatCell(column: Column, value: Row[string]): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (column.kind === 'integer') return formatNumber(value, 0);
    const digits = column.decimals ?? (column.kind === 'percent' ? 1 : 2);
    return `${new Intl.NumberFormat('sv-SE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)}${column.kind === 'percent' ? ' %' : ''}`;
  }
  return value;
}

export interface TableState {
  rows?: Row[];
  data?: unknown;
  params?: TableParams;
  error?: string;
  loading: boolean;
}

/** Fetches a table's rows for raw parameters (checked by the table's own rules). */
export function useTable(table: TableDefinition, raw: RawParams, skip = false): TableState {
  const checked = useMemo(() => {
    try {
      return { params: parseParameters(table, raw) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [table, JSON.stringify(raw)]);
  const query = useQuery(tableDocument(table), checked.params ? table.variables(checked.params) : {}, skip || !checked.params);
  const rows = useMemo(() => (query.data && checked.params ? table.rows(query.data, checked.params) : undefined), [query.data, checked.params]);
  return { rows, data: query.data, params: checked.params, error: checked.error ?? query.error, loading: query.loading };
}

interface Props {
  table: TableDefinition;
  state: TableState;
  raw: RawParams;
  /** The columns shown on the page (all of them go to the files); all when left out. */
  columns?: string[];
  caption: ComponentChildren;
  /** A cell's content in place of its text (e.g. a link). */
  render?: (key: string, row: Row, text: string) => ComponentChildren;
  empty?: string;
}

export function TableView({ table, state, raw, columns, caption, render, empty }: Props) {
  const shown = columns ? table.columns.filter((c) => columns.includes(c.key)) : table.columns;
  const downloadParams = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== false)) as Record<string, string | number | boolean>;
  return (
    <div class="table-block">
      <Downloads table={table.name} params={downloadParams} label={table.title} />
      {state.error && (
        <p class="error" role="alert">
          {state.error}
        </p>
      )}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={`Tabell: ${table.title}`}>
        <table data-table={table.name} aria-busy={state.loading}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {shown.map((column) => (
                <th scope="col" class={column.kind === 'text' || column.kind === 'date' ? '' : 'num'}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {state.rows?.map((row) => (
              <tr>
                {shown.map((column) => {
                  const text = formatCell(column, row[column.key] ?? null);
                  const content = render?.(column.key, row, text) ?? (column.key === 'demo' && row.demo ? <DemoBadge /> : text);
                  return column.key === 'name' ? <th scope="row">{content}</th> : <td class={column.kind === 'text' || column.kind === 'date' ? '' : 'num'}>{content}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {state.rows && state.rows.length === 0 && !state.loading && <p>{empty ?? 'Inga rader.'}</p>}
      {state.rows && <p class="row-count">{state.rows.length} rader</p>}
    </div>
  );
}
