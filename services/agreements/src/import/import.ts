import {
  externalIdsOf,
  importSection,
  importTransaction,
  ONBOARDING_SECTIONS,
  type OnboardingKommun,
  otherKommunRefusal,
  readOnboardingFile,
  RecordFormatError,
  RecordImportLog,
  type RecordImportSummary,
  requireImporter,
  StoredRecords,
  type SubgraphContext,
} from '@samverkan/schema';
import { agreementKind } from '../agreements/write';
import { citizenPromiseKind } from '../citizen-promises/write';
import { checkFocusAreaCodes } from '../lifecycle/validate';
import type { PrismaClient, Tx } from '../db';
import { AGREEMENT_FIELDS, agreementOf, citizenPromiseOf, FILE_NAMES, PROMISE_FIELDS, STEERING_DOCUMENT_FIELDS } from './format';
import { type ImportKind, importLifecycleRecord } from './records';
import { importSteeringDocument } from './steering-documents';
import { agreementParts, promiseParts, storedAgreements, storedPromises } from './stored-drafts';

/*
 * importAgreementRecords: the agreements subgraph's part of an onboarding file (styrdokument,
 * agreements, medborgarlöften), one transaction per kommun, records in the file's order (a record
 * names only records before it or already stored). Lägesbilder, åtgärdsplaner and actions are the
 * actions subgraph's and are passed over here.
 */

const agreements: ImportKind<Parameters<typeof agreementKind.check>[1], Awaited<ReturnType<typeof agreementKind.check>>> = {
  kind: agreementKind,
  readStored: storedAgreements,
  content: (draft) => ({
    fields: draft.fields,
    parts: agreementParts({ ...draft, steeringIds: draft.steeringIds.map((steeringDocumentId, index) => ({ steeringDocumentId, position: index + 1 })) }),
    documents: draft,
  }),
  find: (tx, municipalityCode, externalId) => tx.agreement.findUnique({ where: { municipalityCode_externalId: { municipalityCode, externalId } }, select: { id: true } }),
  setColumns: (tx, id, columns) => tx.agreement.update({ where: { id }, data: columns }),
  columns: (tx, id) => tx.agreement.findUnique({ where: { id }, select: { externalId: true, decidedOn: true, decidedBy: true } }),
};

const citizenPromises: ImportKind<Parameters<typeof citizenPromiseKind.check>[1], Awaited<ReturnType<typeof citizenPromiseKind.check>>> = {
  kind: citizenPromiseKind,
  readStored: storedPromises,
  content: (draft) => ({ fields: draft.fields, parts: promiseParts(draft), documents: draft }),
  find: (tx, municipalityCode, externalId) => tx.citizenPromise.findUnique({ where: { municipalityCode_externalId: { municipalityCode, externalId } }, select: { id: true } }),
  setColumns: (tx, id, columns) => tx.citizenPromise.update({ where: { id }, data: columns }),
  columns: (tx, id) => tx.citizenPromise.findUnique({ where: { id }, select: { externalId: true, decidedOn: true, decidedBy: true } }),
};

/**
 * The draft's check names the list of fokusområden when a code is not in the catalogue; the import
 * names the code itself, by the same check of each code (only when the list fails).
 */
async function checkFocusAreaCodesAt(tx: Tx, codes: readonly string[], pathOf: (index: number) => string): Promise<void> {
  try {
    await checkFocusAreaCodes(tx, codes);
  } catch (error) {
    for (const [index, code] of codes.entries()) {
      await checkFocusAreaCodes(tx, [code]).catch((refusal: unknown) => {
        throw new RecordFormatError(pathOf(index), (refusal as Error).message);
      });
    }
    throw error;
  }
}

/** The id of a record of the kommun named by its external id, or a refusal at `path`. */
async function idOf(find: () => Promise<{ id: string } | null>, path: string, noun: string, externalId: string, code: string): Promise<string> {
  const found = await find();
  if (!found) throw new RecordFormatError(path, `No ${noun} with externalId "${externalId}" in kommun ${code} (in this file before it, or stored).`);
  return found.id;
}

async function importKommun(tx: Tx, writer: SubgraphContext, kommun: OnboardingKommun, log: RecordImportLog): Promise<void> {
  const code = kommun.code;
  const stored = (kind: typeof agreements | typeof citizenPromises, section: string) => new StoredRecords(log, externalIdsOf(kommun, section), (ids) => kind.readStored(tx, code, ids));
  const agreementsStored = stored(agreements, 'agreements');
  const promisesStored = stored(citizenPromises, 'citizenPromises');
  await importSection(tx, log, kommun, 'steeringDocuments', STEERING_DOCUMENT_FIELDS, (record) => importSteeringDocument(tx, writer, code, record, log));
  await importSection(tx, log, kommun, 'agreements', AGREEMENT_FIELDS, async (record) => {
    const { input, steeringDocuments, lifecycle } = agreementOf(record, code);
    await checkFocusAreaCodesAt(tx, (input.focusAreas ?? []).map((area) => String(area.code)), (index) => record.at(`focusAreas/${index}/code`));
    const steeringDocumentIds: string[] = [];
    for (const [index, externalId] of steeringDocuments.entries()) {
      const find = () => tx.steeringDocument.findUnique({ where: { municipalityCode_externalId: { municipalityCode: code, externalId } } });
      steeringDocumentIds.push(await idOf(find, record.at(`steeringDocuments/${index}`), 'styrdokument', externalId, code));
    }
    const previous = lifecycle.previous;
    const previousId = previous && (await idOf(() => agreements.find(tx, code, previous), record.at('previous'), 'agreement', previous, code));
    await importLifecycleRecord(tx, writer, agreements, { path: record.path, input: { ...input, steeringDocumentIds }, lifecycle, previousId }, log, agreementsStored);
  }, FILE_NAMES);
  await importSection(tx, log, kommun, 'citizenPromises', PROMISE_FIELDS, async (record) => {
    const { input, agreement, lifecycle } = citizenPromiseOf(record, code);
    await checkFocusAreaCodesAt(tx, (input.focusAreaCodes ?? []).map(String), (index) => record.at(`focusAreas/${index}`));
    const agreementId = agreement && (await idOf(() => agreements.find(tx, code, agreement), record.at('agreement'), 'agreement', agreement, code));
    const previous = lifecycle.previous;
    const previousId = previous && (await idOf(() => citizenPromises.find(tx, code, previous), record.at('previous'), 'medborgarlöfte', previous, code));
    await importLifecycleRecord(tx, writer, citizenPromises, { path: record.path, input: { ...input, agreementId }, lifecycle, previousId }, log, promisesStored);
  }, FILE_NAMES);
}

/** What importAgreementRecords takes: a file (or one part of it) as text. */
export interface AgreementImportRequest {
  fileName: string;
  file: string;
  dryRun: boolean;
  /** The index of the file's first kommun in the whole file it was cut from (paths then name the whole file). */
  firstIndex?: number;
}

/**
 * Imports the agreements subgraph's records of an onboarding file: each kommun in one transaction
 * (rolled back in a dry run), each record in a savepoint, refused records left out by path.
 */
export async function importAgreementRecords(db: PrismaClient, writer: SubgraphContext, request: AgreementImportRequest): Promise<RecordImportSummary> {
  requireImporter(writer.actor);
  const kommuner = readOnboardingFile(request.file, ONBOARDING_SECTIONS, request.firstIndex ?? 0);
  const log = new RecordImportLog(request.fileName, request.dryRun);
  for (const kommun of kommuner) {
    const other = otherKommunRefusal(writer.actor, kommun.code);
    if (other) {
      log.refuse(kommun.path, other);
      continue;
    }
    if (!(await db.municipality.findUnique({ where: { code: kommun.code } }))) {
      log.refuse(kommun.record.at('code'), `No kommun has the code "${kommun.code}".`);
      continue;
    }
    await importTransaction<Tx>(db, request.dryRun, (tx) => importKommun(tx, writer, kommun, log));
  }
  return log.summary();
}
