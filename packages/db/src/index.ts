export * from './config';
export * from './connection';
export * from './generate';
export * from './migrations';
export * from './schema-engine';
export * from './statements';
