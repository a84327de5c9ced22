import { defineConfig } from 'vitest/config';

// Editor journeys (test/journeys/): Chromium in the real admin panel, against one CMS and one site
// server with publishing (test/journeys/support/global-setup.ts). Files run one at a time: they share
// the site, and each publish rebuilds it.
export default defineConfig({
  test: {
    include: ['test/journeys/**/*.test.ts'],
    globalSetup: ['test/journeys/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
