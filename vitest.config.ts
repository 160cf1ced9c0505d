import { defineConfig } from 'vitest/config';
// @ts-expect-error plain ESM helper shared with rollup.config.mjs
import { sourceAliases } from './scripts/workspace.mjs';

export default defineConfig({
  resolve: { alias: sourceAliases() },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One throw-away PostgreSQL for the run (the PostgreSQL store's tests skip without binaries).
    globalSetup: ['packages/test-utils/src/postgres/global-setup.ts'],
  },
});
