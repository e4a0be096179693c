/*
 * What the record imports of every subgraph share (bulk onboarding, docs/onboarding-import.md): the
 * file's envelope, read with a path for every error (import/onboarding-file); the report of what was
 * done to each record (import/record-log); one transaction per kommun, a refused record left out and
 * the rest kept, each record compared with what is stored and written and audited only when new or
 * changed (import/record-write, import/stored-records); and the summary's GraphQL types
 * (import/record-types). Each subgraph checks and writes its own records with its mutations' own
 * functions.
 */
export * from './import/onboarding-file';
export * from './import/record-log';
export * from './import/record-types';
export * from './import/record-write';
export * from './import/stored-records';
