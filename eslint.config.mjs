// Lint for the whole tree: typescript-eslint's recommended rules everywhere, plus the
// type-aware rules that catch promises nobody awaits (a lost rejection in a host app is a
// silent failure). Formatting is Prettier's job, so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/miniprogram_npm/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        // Each package's sources with its own runtime's typings, the tests with Node's: the same projects `pnpm typecheck` uses.
        project: ['./packages/*/tsconfig.json', './examples/*/tsconfig.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // A `let` read by a closure before its one assignment (a late-bound handle) cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests and fakes read answers and host objects of any shape; the contract's schemas check them.
    files: ['**/test/**', 'packages/test-utils/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain JavaScript: mini-program components (CommonJS), browser pages, scripts.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', globalThis: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        window: 'readonly', document: 'readonly', fetch: 'readonly', URL: 'readonly', URLSearchParams: 'readonly',
        location: 'readonly', history: 'readonly', navigator: 'readonly', localStorage: 'readonly', sessionStorage: 'readonly',
        Component: 'readonly', Page: 'readonly', App: 'readonly', wx: 'readonly', my: 'readonly', getApp: 'readonly',
        TextEncoder: 'readonly', TextDecoder: 'readonly', Blob: 'readonly', FormData: 'readonly', Intl: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
