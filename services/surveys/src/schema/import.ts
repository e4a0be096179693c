import { actorSubject, badInput, forbidden } from '@samverkan/schema';
import { builder } from '../builder';
import { ImportFileError } from '../import/csv-format';
import { type ImportSummary, importResults } from '../import/import-file';

/* Importing results through the API: administrators only, for files up to the gateway's body limit. */

const RejectedRowRef = builder.objectRef<{ line: number; reason: string }>('RejectedRow').implement({
  description: 'Avvisad rad: a row of an imported file that was not imported, and why.',
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'Rad: the line of the file (the header is line 1).' }),
    reason: t.exposeString('reason', { description: 'Skäl.' }),
  }),
});

const ImportSummaryRef = builder.objectRef<ImportSummary>('SurveyImportSummary').implement({
  description: 'Import: what importing one file of results did.',
  fields: (t) => ({
    importId: t.exposeID('importId', { description: 'Id of the import\'s record (who, when, what).' }),
    fileName: t.exposeString('fileName', { description: 'Filnamn.' }),
    rows: t.exposeInt('rows', { description: 'Rader in the file, without the header.' }),
    inserted: t.exposeInt('inserted', { description: 'Tillagda resultat.' }),
    updated: t.exposeInt('updated', { description: 'Ändrade resultat (a value differed).' }),
    unchanged: t.exposeInt('unchanged', { description: 'Oförändrade resultat (already stored as given).' }),
    rejected: t.field({ type: [RejectedRowRef], description: 'Avvisade rader, by line.', resolve: (summary) => summary.rejected }),
  }),
});

builder.mutationField('importSurveyResults', (t) =>
  t.field({
    type: ImportSummaryRef,
    description:
      'Importera resultat (administrators): a CSV file as text, in the format of docs/survey-import.md. Good rows are imported in one transaction, bad ones listed by line; importing the same file again changes nothing. Large files: use `npm run survey:import`.',
    authScopes: { admin: true },
    unauthorizedError: () => forbidden('Only an administrator may import survey results.'),
    args: {
      fileName: t.arg.string({ required: true, description: 'Filnamn, recorded with the import (e.g. "syd-2025.csv").' }),
      csv: t.arg.string({ required: true, description: 'The file\'s text (UTF-8).' }),
    },
    resolve: async (_root, args, context) => {
      const fileName = args.fileName.trim();
      if (!fileName || fileName.length > 200) throw badInput('`fileName` must be 1–200 characters.', { argument: 'fileName' });
      try {
        return await importResults(context.db, { fileName, bytes: Buffer.from(args.csv, 'utf8') }, { importedBy: actorSubject(context.actor), organisation: () => context.organisation() });
      } catch (error) {
        if (error instanceof ImportFileError) throw badInput(`Nothing imported: ${error.message}`, { argument: 'csv' });
        throw error;
      }
    },
  }),
);
