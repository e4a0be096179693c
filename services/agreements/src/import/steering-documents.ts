import {
  auditCreated,
  badInput,
  forbidden,
  importRecord,
  type JsonReader,
  optionalDay,
  optionalText,
  READABLE_BY_ALL,
  type RecordImportLog,
  requiredText,
  type Snapshot,
  type SubgraphContext,
  TITLE_MAX,
  unversioned,
} from '@samverkan/schema';
import type { Tx } from '../db';
import { externalIdOf } from './format';
import { IMPORT_OPERATION } from './records';

/*
 * Styrdokument of an onboarding file. No mutation writes them: they are the kommun's own plans, so
 * only its users (and administrators) import them; a re-import that changes nothing writes nothing.
 */

/** A styrdokument's audited fields. */
async function steeringDocumentSnapshot(tx: Tx, id: string): Promise<Snapshot | null> {
  const row = await tx.steeringDocument.findUnique({ where: { id } });
  if (!row) return null;
  const { municipalityCode, externalId, title, kind, periodStartYear, periodEndYear, adoptedOn, adoptedBy } = row;
  return { municipalityCode, externalId, title, kind, periodStartYear, periodEndYear, adoptedOn, adoptedBy };
}

function year(value: number | null, field: string): number | null {
  if (value !== null && (!Number.isInteger(value) || value < 1900 || value > 2200)) throw badInput(`\`${field}\` must be a year, e.g. 2024.`, { field });
  return value;
}

/** Imports one styrdokument of kommun `municipalityCode` and logs what it did. */
export async function importSteeringDocument(tx: Tx, writer: SubgraphContext, municipalityCode: string, record: JsonReader, log: RecordImportLog): Promise<void> {
  if (writer.actor.role !== 'admin' && writer.actor.role !== 'kommun') {
    throw forbidden(`Only a user of kommun ${municipalityCode} or an administrator may import its styrdokument.`);
  }
  const externalId = externalIdOf(record);
  const start = year(record.optionalNumber('periodStartYear'), 'periodStartYear');
  const end = year(record.optionalNumber('periodEndYear'), 'periodEndYear');
  if (start !== null && end !== null && start > end) {
    throw badInput(`\`periodStartYear\` (${start}) is after \`periodEndYear\` (${end}): the period must run forwards.`, { field: 'periodEndYear' });
  }
  const fields = {
    title: requiredText(record.text('title'), 'title', TITLE_MAX),
    kind: optionalText(record.optionalText('kind'), 'kind', 100),
    periodStartYear: start,
    periodEndYear: end,
    adoptedOn: optionalDay(record.optionalDate('adoptedOn')),
    adoptedBy: optionalText(record.optionalText('adoptedBy'), 'adoptedBy', TITLE_MAX),
  };
  const existing = await tx.steeringDocument.findUnique({ where: { municipalityCode_externalId: { municipalityCode, externalId } } });
  const load = unversioned((tx: Tx, id: string) => tx.steeringDocument.findUnique({ where: { id } }));
  await importRecord(tx, writer, log, {
    path: record.path,
    externalId,
    operation: IMPORT_OPERATION,
    existingId: existing?.id ?? null,
    entityType: 'SteeringDocument',
    noun: 'styrdokument',
    insert: async () => {
      const { id } = await tx.steeringDocument.create({ data: { municipalityCode, externalId, ...fields } });
      await auditCreated(tx, writer, IMPORT_OPERATION, { type: 'SteeringDocument', key: id }, steeringDocumentSnapshot);
      return id;
    },
    load,
    mayRead: READABLE_BY_ALL,
    authorize: () => undefined,
    snapshot: steeringDocumentSnapshot,
    write: async (tx, row) => void (await tx.steeringDocument.update({ where: { id: row.id }, data: fields })),
  });
}
