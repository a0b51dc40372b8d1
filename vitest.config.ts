import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests, beside the code. TRE_TEST_ENGINE=postgres runs the integration tests
 * (*.int.test.ts, the ones that touch a database) against the PostgreSQL server in
 * TRE_TEST_DATABASE_URL; the default runs everything on the embedded PGlite.
 */
const engine = process.env.TRE_TEST_ENGINE ?? 'pglite';

export default defineConfig({
  test: {
    include:
      engine === 'postgres'
        ? ['packages/*/src/**/*.int.test.ts']
        : ['packages/*/src/**/*.test.ts', 'eslint-rules/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
