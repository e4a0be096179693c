export * from './http';
export * from './subgraph';
export * from './metrics';
export * from './logging';
export * from './tracing';
export * from './replicas';
export * from './limits';
export * from './police-organisation';
