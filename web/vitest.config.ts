import { defineConfig } from 'vitest/config';

// The site is built once from a seeded CMS (test/support/global-setup.ts); files run one at a time.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The editor journeys have their own CMS and site server: vitest.journeys.config.ts.
    exclude: ['test/journeys/**', '**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
