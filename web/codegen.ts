import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the workspace's operations, from the clients' API schema (../schema.graphql), and the
 * persisted-documents manifest (hash → document) that the trusted documents are built from.
 */
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/generated/**', '../packages/tables/src/*.ts', '!../packages/tables/src/*.test.ts'],
  ignoreNoDocuments: true,
  generates: {
    'src/generated/gql/': {
      preset: 'client',
      presetConfig: {
        persistedDocuments: { hashAlgorithm: 'sha256' },
        fragmentMasking: false,
      },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', MunicipalityCode: 'string', DateTime: 'string' },
      },
    },
  },
};
export default config;
