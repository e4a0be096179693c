export * from './csv-table';
