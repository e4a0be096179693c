/**
 * The gateway's build step that writes its trusted documents: the persisted-documents files of the
 * analysts' workspace and of the example kommun app (each written by its workspace's `generate`,
 * which turbo runs first), checked against the API schema and merged into
 * dist/trusted-documents.json (hex SHA-256 → document), which the gateway loads at start.
 */
import { repositoryPath } from '@samverkan/hub';
import fs from 'node:fs';
import path from 'node:path';
import { buildManifest, readManifestSources, TRUSTED_DOCUMENTS_PATH } from '../trusted-documents';

try {
  const sources = readManifestSources();
  const manifest = buildManifest(sources, fs.readFileSync(repositoryPath('schema.graphql'), 'utf8'));
  fs.mkdirSync(path.dirname(TRUSTED_DOCUMENTS_PATH), { recursive: true });
  fs.writeFileSync(TRUSTED_DOCUMENTS_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  const counts = sources.map((source) => `${Object.keys(source.documents).length} from ${source.file}`).join(', ');
  console.log(`trusted documents: ${Object.keys(manifest).length} (${counts}) → ${TRUSTED_DOCUMENTS_PATH}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
