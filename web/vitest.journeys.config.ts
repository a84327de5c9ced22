import { defineConfig } from 'vitest/config';

// Editor journeys (test/journeys/): Chromium in the real admin panel, against one CMS and one site
// server with publishing (test/journeys/support/global-setup.ts). Every journey runs once in each
// admin interface language (JOURNEY_INTERFACE): English first, then Georgian (`groupOrder`: the
// single types' journeys edit the one document of their type, so the two runs must not overlap).
// Within a language two files run at a time: most of a journey is waiting for the site to rebuild,
// and publishes during a build fold into one follow-up build, so two journeys take little longer
// than one. Each works on its own documents.
const journeys = (language: 'en' | 'ka', groupOrder: number) => ({
  test: {
    name: `journeys-${language}`,
    include: ['test/journeys/**/*.test.ts'],
    env: { JOURNEY_INTERFACE: language },
    sequence: { groupOrder },
    maxWorkers: 2,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});

export default defineConfig({
  test: {
    globalSetup: ['test/journeys/support/global-setup.ts'],
    maxWorkers: 2,
    projects: [journeys('en', 0), journeys('ka', 1)],
  },
});
