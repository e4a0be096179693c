import { createHash } from 'node:crypto';
import { IMPORT_TRANSACTION_OPTIONS } from '@samverkan/schema';
import type { OrganisationSnapshot } from '@samverkan/geo';
import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../db';
import { writeResults, type WriteCounts } from '../results/write';
import { checkResultsFile, type ImportCatalogue, type RejectedRow } from './csv-format';

/** What an import did. */
export interface ImportSummary extends WriteCounts {
  /** The import's id (the record of who imported what, and when). */
  importId: string;
  fileName: string;
  /** Rows in the file (without the header). */
  rows: number;
  rejected: RejectedRow[];
}

/** Options of {@link importResultsFile}. */
export interface ImportOptions {
  /** Who imports (recorded with the import). */
  importedBy: string;
  /** Called as results are written: written so far, and the total to write. */
  onProgress?: (written: number, total: number) => void;
  /** The last year a result may be for. @default this year */
  lastYear?: number;
  /** The police organisation lokalpolisområden are checked against (SERVICE_UNAVAILABLE when the agreements subgraph cannot give it). */
  organisation: () => Promise<OrganisationSnapshot>;
}

/** Reads the catalogue the rows are checked against: instruments and indicators, as stored. */
export async function readImportCatalogue(db: PrismaClient): Promise<Omit<ImportCatalogue, 'organisation'>> {
  const [instruments, indicators] = await Promise.all([db.surveyInstrument.findMany(), db.indicator.findMany()]);
  return {
    instruments: new Map(instruments.map((i) => [i.code, { units: i.units, policeRegionCode: i.policeRegionCode, firstYear: i.firstYear, demo: i.demo }])),
    indicators: new Map(indicators.map((i) => [i.code, { unit: i.unit }])),
  };
}

/**
 * Imports a results CSV: checks every row, writes the good ones in one transaction (all or none of
 * them), reports each refused row with its line and reason, and records the import: who, when,
 * which file (by name and SHA-256) and what it changed. Importing the same file again changes no
 * result (its record says so: every row unchanged).
 */
export async function importResultsFile(db: PrismaClient, file: string, options: ImportOptions): Promise<ImportSummary> {
  return importResults(db, { fileName: path.basename(file), bytes: fs.readFileSync(file) }, options);
}

/** {@link importResultsFile} for a file's bytes (e.g. sent through the API). */
export async function importResults(db: PrismaClient, file: { fileName: string; bytes: Buffer }, options: ImportOptions): Promise<ImportSummary> {
  const { bytes, fileName } = file;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const catalogue = await readImportCatalogue(db);
  const checked = checkResultsFile(text, { ...catalogue, organisation: await options.organisation(), lastYear: options.lastYear });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const total = checked.accepted.length;
  options.onProgress?.(0, total);

  return db.$transaction(
    async (tx) => {
      const record = await tx.surveyImport.create({
        data: {
          fileName,
          sha256,
          importedBy: options.importedBy,
          rows: checked.rows,
          inserted: 0,
          updated: 0,
          unchanged: 0,
          rejected: checked.rejected.length,
          rejections: checked.rejected.map((r) => ({ line: r.line, reason: r.reason })),
        },
      });
      const counts = await writeResults(tx, checked.accepted, {
        importId: record.id,
        onProgress: (written) => options.onProgress?.(written, total),
        writer: { actorRole: 'admin', actorSubject: options.importedBy, requestId: record.id, operation: `import ${fileName}` },
      });
      await tx.surveyImport.update({ where: { id: record.id }, data: counts });
      return { importId: record.id, fileName, rows: checked.rows, ...counts, rejected: checked.rejected };
    },
    IMPORT_TRANSACTION_OPTIONS,
  );
}
