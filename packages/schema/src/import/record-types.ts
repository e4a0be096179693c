import type { SharedSchemaTypes } from '../builder';
import type { SubgraphContext } from '../context';
import type { ImportedRecord, RecordImportSummary, RefusedRecord } from './record-log';

type AnyBuilder<Context extends SubgraphContext, PrismaTypes extends object> = PothosSchemaTypes.SchemaBuilder<
  PothosSchemaTypes.ExtendDefaultTypes<SharedSchemaTypes<Context, PrismaTypes>>
>;

/**
 * The summary types of a record import, the same in every subgraph that imports (value types,
 * shareable): `RecordImportSummary`, `ImportedRecord`, `RefusedRecord`, `RecordChange`.
 */
export function recordImportTypes<Context extends SubgraphContext, PrismaTypes extends object>(builder: AnyBuilder<Context, PrismaTypes>) {
  const RecordChangeEnum = builder.enumType('RecordChange', {
    description: 'Ändring: what an import did to a record.',
    values: {
      INSERT: { description: 'Tillagd: the record is new.' },
      UPDATE: { description: 'Ändrad: a stored record was changed to the file\'s values.' },
      UNCHANGED: { description: 'Oförändrad: the record was stored as the file gives it.' },
    },
  });
  const ImportedRecordRef = builder.objectRef<ImportedRecord>('ImportedRecord').implement({
    description: 'Importerad post: one record of the file and what the import did to it.',
    shareable: true,
    fields: (t) => ({
      path: t.exposeString('path', { description: 'Sökväg: where the record is in the file (JSON Pointer), e.g. /municipalities/3/actions/12.' }),
      kind: t.exposeString('kind', { description: 'Slag: the record\'s type, e.g. Agreement.' }),
      externalId: t.exposeString('externalId', { description: 'Externt id: the kommun\'s own id of the record.' }),
      id: t.exposeID('id', { nullable: true, description: 'Id in the hub; null in a dry run for a record not yet stored.' }),
      change: t.field({ type: RecordChangeEnum, description: 'Ändring.', resolve: (r) => r.change }),
      note: t.exposeString('note', { nullable: true, description: 'Anmärkning: what the import made of the record where it differs from the file (a signed record stored as a draft).' }),
    }),
  });
  const RefusedRecordRef = builder.objectRef<RefusedRecord>('RefusedRecord').implement({
    description: 'Avvisad post: a record (or a whole kommun) of the file that was not imported, and why.',
    shareable: true,
    fields: (t) => ({
      path: t.exposeString('path', { description: 'Sökväg (JSON Pointer) of the value at fault, e.g. /municipalities/3/actions/12/origin; for a CSV file, /line/N.' }),
      message: t.exposeString('message', { description: 'Skäl.' }),
    }),
  });
  return builder.objectRef<RecordImportSummary>('RecordImportSummary').implement({
    description: 'Import av poster: what importing one onboarding file (or a part of it) did, or in a dry run would do.',
    shareable: true,
    fields: (t) => ({
      importId: t.exposeID('importId', { description: 'Import-id: names this import in logs.' }),
      fileName: t.exposeString('fileName', { description: 'Filnamn.' }),
      dryRun: t.exposeBoolean('dryRun', { description: 'Provkörning: true when nothing was written.' }),
      inserted: t.exposeInt('inserted', { description: 'Tillagda poster.' }),
      updated: t.exposeInt('updated', { description: 'Ändrade poster.' }),
      unchanged: t.exposeInt('unchanged', { description: 'Oförändrade poster.' }),
      refused: t.field({ type: [RefusedRecordRef], description: 'Avvisade poster, by path.', resolve: (s) => s.refused }),
      records: t.field({ type: [ImportedRecordRef], description: 'Poster: every record stored (or, in a dry run, that would be), in the file\'s order.', resolve: (s) => s.records }),
    }),
  });
}
