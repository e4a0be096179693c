// Shared Jest settings: TypeScript through @swc/jest, workspace packages from their sources.
const path = require('node:path');

/** @param {string} dir the workspace's folder @returns {import('jest').Config} */
module.exports = (dir) => ({
  rootDir: dir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // ESM-only dependencies (the schema engine's bindings, jose): swc turns them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(@prisma/schema-engine-wasm|jose)/)'],
  moduleNameMapper: {
    // Generated Prisma Client imports its siblings as `./x.js`; in sources they are `./x.ts`.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@samverkan/(geo|db|schema|server|log)$': path.join(__dirname, 'packages/$1/src'),
  },
  testTimeout: 60_000,
  // PGlite's WebAssembly runtime and the schema engine keep timers that outlive a suite; don't hang CI.
  forceExit: true,
});
