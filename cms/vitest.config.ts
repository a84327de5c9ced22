import { defineConfig } from 'vitest/config';

/**
 * The same suite runs on SQLite and on PostgreSQL. Strapi is a per-process singleton, so each
 * test file gets its own forked worker, and files run one at a time (each Strapi takes ~600 MB).
 */
const common = {
  include: ['test/**/*.test.ts'],
  pool: 'forks' as const,
  fileParallelism: false,
  testTimeout: 60_000,
  hookTimeout: 180_000,
  globalSetup: ['test/support/global-setup.ts'],
};

export default defineConfig({
  test: {
    maxWorkers: 1,
    projects: [
      { test: { ...common, name: 'sqlite', env: { TEST_DATABASE: 'sqlite' } } },
      {
        test: {
          ...common,
          name: 'postgres',
          env: { TEST_DATABASE: 'postgres' },
          // Start-up checks, the harness, the admin panel in Chromium and the schema files' names do not depend
          // on the database: SQLite covers them (the roles' API test, admin-roles.test.ts, runs on both).
          exclude: [
            'test/production-secrets.test.ts',
            'test/harness.test.ts',
            'test/admin-widget.test.ts',
            'test/admin-editors.test.ts',
            'test/reserved-names.test.ts',
            'test/admin-georgian.test.ts',
            'test/admin-glossary.test.ts',
            'test/field-labels.test.ts',
          ],
        },
      },
    ],
  },
});
