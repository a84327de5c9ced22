import { defineConfig } from 'vitest/config';

// The site is built once from a seeded CMS (test/support/global-setup.ts); files run one at a time.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
