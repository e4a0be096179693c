import { findMunicipality } from '@samverkan/geo';
import {
  badInput,
  externalIdsOf,
  ImportFileError,
  importSection,
  importTransaction,
  ONBOARDING_SECTIONS,
  type OnboardingKommun,
  otherKommunRefusal,
  readOnboardingFile,
  RecordImportLog,
  type RecordImportSummary,
  requireImporter,
} from '@samverkan/schema';
import type { Context, Tx } from '../db';
import { ACTION_FIELDS, ACTION_PLAN_FIELDS, FILE_NAMES, readActionsCsv, SITUATION_REPORT_FIELDS } from './format';
import { type ImportedOrigin, importAction, importActionPlan, importSituationReport, type KommunImport, storedActions } from './records';

/*
 * importActionRecords: the actions subgraph's part of an onboarding file (lägesbilder,
 * åtgärdsplaner, actions) or the flat CSV of actions, one transaction per kommun, records in the
 * file's order. Styrdokument, agreements and medborgarlöften are the agreements subgraph's and are
 * passed over here; an action names them through `origins`, which the caller (npm run onboard)
 * fills from the agreements subgraph's summary.
 */

/** What importActionRecords takes: an onboarding file (or a part of it), or a CSV of actions. */
export interface ActionImportRequest {
  fileName: string;
  file?: string | null;
  csv?: string | null;
  dryRun: boolean;
  firstIndex?: number;
  origins?: readonly ImportedOrigin[];
}

function kommunerOf(request: ActionImportRequest): OnboardingKommun[] {
  if ((request.file == null) === (request.csv == null)) throw badInput('Give the records as `file` (JSON) or as `csv`, one of the two.', { argument: 'file' });
  if (request.file != null) return readOnboardingFile(request.file, ONBOARDING_SECTIONS, request.firstIndex ?? 0);
  try {
    return readActionsCsv(request.csv!);
  } catch (error) {
    if (error instanceof ImportFileError) throw badInput(`Nothing imported: ${error.message}`, { argument: 'csv' });
    throw error;
  }
}

/**
 * Imports the actions subgraph's records of an onboarding file: each kommun in one transaction
 * (rolled back in a dry run), each record in a savepoint, refused records left out by path.
 */
export async function importActionRecords(writer: Context, request: ActionImportRequest): Promise<RecordImportSummary> {
  requireImporter(writer.actor);
  const kommuner = kommunerOf(request);
  const log = new RecordImportLog(request.fileName, request.dryRun);
  for (const kommun of kommuner) {
    const refusal = otherKommunRefusal(writer.actor, kommun.code) ?? (findMunicipality(kommun.code) ? null : `No kommun has the code "${kommun.code}".`);
    if (refusal) {
      log.refuse(kommun.path, refusal);
      continue;
    }
    await importTransaction<Tx>(writer.db, request.dryRun, async (tx) => {
      const actions = storedActions(tx, kommun.code, log, externalIdsOf(kommun, 'actions'));
      const k: KommunImport = { tx, writer, code: kommun.code, log, origins: request.origins ?? [], originChecks: new Map(), actions };
      await importSection(tx, log, kommun, 'situationReports', SITUATION_REPORT_FIELDS, (record) => importSituationReport(k, record), FILE_NAMES);
      await importSection(tx, log, kommun, 'actionPlans', ACTION_PLAN_FIELDS, (record) => importActionPlan(k, record), FILE_NAMES);
      await importSection(tx, log, kommun, 'actions', ACTION_FIELDS, (record) => importAction(k, record), FILE_NAMES);
    });
  }
  return log.summary();
}
