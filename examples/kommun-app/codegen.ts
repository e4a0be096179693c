import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the app's operations (the graphql(`…`) calls in src/), from the hub's API schema — here
 * the repository's schema.graphql; an app outside the repository points `schema` at the hub's
 * /schema.graphql (e.g. 'https://navet.example.se/schema.graphql') or a copy of it. The client
 * preset also writes persisted-documents.json (SHA-256 → document): the app sends hashes, and a hub
 * in trusted-documents mode answers only the documents of such files (docs/kommun-app.md).
 */
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.ts', '!src/generated/**'],
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: {
        persistedDocuments: { hashAlgorithm: 'sha256' },
        fragmentMasking: false,
      },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', DateTime: 'string', MunicipalityCode: 'string' },
      },
    },
  },
};
export default config;
