import { recordImportTypes } from '@samverkan/schema';
import { builder } from '../builder';
import { importAgreementRecords } from '../import/import';

/*
 * Bulk onboarding (docs/onboarding-import.md): this subgraph's import of an onboarding file's
 * styrdokument, agreements and medborgarlöften. `npm run onboard` cuts a file into one request per
 * kommun and sends each here through the gateway, as the caller.
 */

const RecordImportSummary = recordImportTypes(builder);

builder.mutationFields((t) => ({
  importAgreementRecords: t.field({
    type: RecordImportSummary,
    // Administrators import any kommun, beside the parties (the Mutation type admits only parties).
    skipTypeScopes: true,
    authScopes: { admin: true, party: true },
    description:
      'Importera överenskommelser (bulk onboarding): the styrdokument, agreements and medborgarlöften of an onboarding file (docs/onboarding-import.md), keyed by the kommun\'s external ids, so that importing the same file again changes nothing. Each record passes the checks of its mutation; a refused record is listed by its path and the rest are kept. A kommun user imports only their own kommun, the police the records their lokalpolisområde signs, an administrator anything (a party\'s signed record is stored as a draft approved by its side). One transaction per kommun. Large files: `npm run onboard`.',
    args: {
      fileName: t.arg.string({ required: true, description: 'Filnamn, for the summary.' }),
      file: t.arg.string({ required: true, description: 'Filen: the onboarding file\'s JSON text (or a part of it with its envelope); the other subgraph\'s records in it are passed over.' }),
      dryRun: t.arg.boolean({ defaultValue: false, description: 'Provkörning: the same checks and writes in a transaction that is rolled back; reports what would change.' }),
      firstIndex: t.arg.int({ defaultValue: 0, description: 'Första index: the index of the part\'s first kommun in the whole file, so that the paths of refusals name the whole file.' }),
    },
    resolve: (_root, args, context) =>
      importAgreementRecords(context.db, context, { fileName: args.fileName, file: args.file, dryRun: args.dryRun ?? false, firstIndex: args.firstIndex ?? 0 }),
  }),
}));
