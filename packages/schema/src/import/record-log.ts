import { randomUUID } from 'node:crypto';

/*
 * What a record import reports: per record what it did (created, updated, unchanged), per refusal
 * its path and why, and the counts, the same in every subgraph that imports.
 */

/** What an import did (or in a dry run would do) to one record. */
export type RecordChange = 'INSERT' | 'UPDATE' | 'UNCHANGED';

/** One record an import stored (or would store). */
export interface ImportedRecord {
  /** Where it is in the file (JSON Pointer), e.g. /municipalities/3/actions/12. */
  path: string;
  /** Its type, e.g. Agreement. */
  kind: string;
  externalId: string;
  /** Its id in the hub (null in a dry run for a record not yet stored). */
  id: string | null;
  change: RecordChange;
  /** What the import made of it where that differs from the file (e.g. a signed record stored as a draft). */
  note: string | null;
}

/** A record (or a kommun) an import refused, and why. */
export interface RefusedRecord {
  path: string;
  message: string;
}

/** What importing one file did, or in a dry run would do. */
export interface RecordImportSummary {
  importId: string;
  fileName: string;
  dryRun: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  refused: RefusedRecord[];
  records: ImportedRecord[];
}

/** Collects an import's results, record by record. */
export class RecordImportLog {
  readonly refused: RefusedRecord[] = [];
  readonly records: ImportedRecord[] = [];
  /** How many records this import has written (inserted or updated) so far: what a batch of stored records (StoredRecords) is checked against. */
  writes = 0;

  constructor(
    readonly fileName: string,
    readonly dryRun: boolean,
  ) {}

  stored(record: Omit<ImportedRecord, 'note'> & { note?: string | null }): void {
    if (record.change !== 'UNCHANGED') this.writes += 1;
    this.records.push({ ...record, id: this.dryRun && record.change === 'INSERT' ? null : record.id, note: record.note ?? null });
  }

  refuse(path: string, message: string): void {
    this.refused.push({ path, message });
  }

  summary(): RecordImportSummary {
    const count = (change: RecordChange) => this.records.filter((r) => r.change === change).length;
    return {
      importId: randomUUID(),
      fileName: this.fileName,
      dryRun: this.dryRun,
      inserted: count('INSERT'),
      updated: count('UPDATE'),
      unchanged: count('UNCHANGED'),
      refused: this.refused,
      records: this.records,
    };
  }
}
