// One lint configuration for every workspace (ESLint flat config with typescript-eslint).
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['**/dist/**', '**/generated/**', '**/node_modules/**', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // `any` only with a comment saying why (see the developers' guide).
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'error',
    },
  },
);
