// The one Jest configuration of every workspace: TypeScript through @swc/jest, workspace packages
// from their sources. Two projects:
// - unit: `*.test.ts` beside the code — no database, no network, no browser (`npm run test:unit`);
// - integration: `*.int.test.ts` — real PGlite and PostgreSQL, real HTTP, headless Chromium.
// `npm test` runs both.
const path = require('node:path');

/** @type {import('jest').Config} */
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // ESM-only dependencies (the schema engine's bindings, jose): swc turns them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(@prisma/schema-engine-wasm|jose)/)'],
  moduleNameMapper: {
    // Generated Prisma Client imports its siblings as `./x.js`; in sources they are `./x.ts`.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@samverkan/(geo|db|schema|server|log|hub|tools|tables)$': path.join(__dirname, 'packages/$1/src'),
    '^@samverkan/(db|server)/testing$': path.join(__dirname, 'packages/$1/src/testing'),
    '^@samverkan/server/progress$': path.join(__dirname, 'packages/server/src/progress'),
  },
};

const roots = ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/gateway', '<rootDir>/test', '<rootDir>/bench'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', roots, testMatch: ['**/*.test.ts'], testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '\\.int\\.test\\.ts$'] },
    { ...shared, displayName: 'integration', roots, testMatch: ['**/*.int.test.ts'] },
  ],
  testTimeout: 60_000,
  // PGlite's WebAssembly runtime and the schema engine keep timers that outlive a suite; don't hang CI.
  forceExit: true,
};
