import { defineConfig } from 'vitest/config';

// Editor journeys (test/journeys/): Chromium in the real admin panel, against one CMS and one site
// server with publishing (test/journeys/support/global-setup.ts). Two files run at a time: most of a
// journey is waiting for the site to rebuild, and publishes during a build fold into one follow-up
// build, so two journeys take little longer than one. Each works on its own documents.
export default defineConfig({
  test: {
    include: ['test/journeys/**/*.test.ts'],
    globalSetup: ['test/journeys/support/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
