import { recordImportTypes } from '@samverkan/schema';
import { builder } from '../builder';
import { importActionRecords } from '../import/import';

/*
 * Bulk onboarding (docs/onboarding-import.md): this subgraph's import of an onboarding file's
 * lägesbilder, åtgärdsplaner and actions, or of the flat CSV of actions. `npm run onboard` cuts a
 * file into one request per kommun and sends each here through the gateway, as the caller.
 */

const RecordImportSummary = recordImportTypes(builder);

const OriginRecordKind = builder.enumType('ImportedOriginKind', {
  description: 'Slag av ursprungspost: the agreements subgraph\'s records an imported action may come from.',
  values: {
    AGREEMENT: { description: 'Samverkansöverenskommelse.' },
    CITIZEN_PROMISE: { description: 'Medborgarlöfte.' },
  },
});

const ImportedOriginInput = builder.inputType('ImportedOriginInput', {
  description: 'Importerat ursprung: an agreement or medborgarlöfte of a kommun by its external id, with its id in the hub (from importAgreementRecords\'s summary).',
  fields: (t) => ({
    municipalityCode: t.field({ type: 'MunicipalityCode', required: true, description: 'Kommunkod.' }),
    kind: t.field({ type: OriginRecordKind, required: true, description: 'Slag.' }),
    externalId: t.string({ required: true, description: 'Externt id: the kommun\'s own id of the record.' }),
    id: t.id({ description: 'Id in the hub; null in a dry run for a record the agreements subgraph would create.' }),
  }),
});

builder.mutationFields((t) => ({
  importActionRecords: t.field({
    type: RecordImportSummary,
    // Administrators import any kommun, beside the parties (the Mutation type admits only parties).
    skipTypeScopes: true,
    authScopes: { admin: true, party: true },
    description:
      'Importera åtgärder (bulk onboarding): the lägesbilder, åtgärdsplaner and actions of an onboarding file, or a CSV of actions (docs/onboarding-import.md), keyed by the kommun\'s external ids, so that importing the same file again changes nothing. Each record passes the checks of its mutation; a refused record is listed by its path (or line) and the rest are kept. A kommun user imports only their own kommun, the police the kommuner they may write, an administrator anything. One transaction per kommun. Large files: `npm run onboard`.',
    args: {
      fileName: t.arg.string({ required: true, description: 'Filnamn, for the summary.' }),
      file: t.arg.string({ description: 'Filen: the onboarding file\'s JSON text (or a part of it with its envelope); the other subgraph\'s records in it are passed over. Give this or `csv`.' }),
      csv: t.arg.string({ description: 'CSV: a file of actions, one per line (docs/examples/actions.csv). Give this or `file`.' }),
      dryRun: t.arg.boolean({ defaultValue: false, description: 'Provkörning: the same checks and writes in a transaction that is rolled back; reports what would change.' }),
      firstIndex: t.arg.int({ defaultValue: 0, description: 'Första index: the index of the part\'s first kommun in the whole file, so that the paths of refusals name the whole file.' }),
      origins: t.arg({ type: [ImportedOriginInput], description: 'Ursprung: the ids of the agreements and medborgarlöften the actions name by external id (importAgreementRecords answers them).' }),
    },
    resolve: (_root, args, context) =>
      importActionRecords(context, {
        fileName: args.fileName,
        file: args.file,
        csv: args.csv,
        dryRun: args.dryRun ?? false,
        firstIndex: args.firstIndex ?? 0,
        origins: (args.origins ?? []).map((o) => ({ ...o, id: o.id ?? null })),
      }),
  }),
}));
