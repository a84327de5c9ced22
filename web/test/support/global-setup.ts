import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCms } from '@asb/cms/harness';
import { buildSite } from '../../builder/build-site.ts';

/**
 * One seeded CMS (with drafts and an untranslated document) and one build of the site from it,
 * shared by the site test files. The CMS keeps running so tests can compare the site with it.
 */
export default async function setup(project: TestProject) {
  const cms = await startCms({
    database: 'sqlite',
    setup: path.join(import.meta.dirname, '../fixtures/cms-drafts.mjs'),
  });
  const outDir = path.join(import.meta.dirname, '../../.tmp/test-site');
  try {
    const { ms } = await buildSite({
      env: { CMS_URL: cms.url, SITE_URL: 'https://asb.example.org' },
      outDir,
      quiet: true,
    });
    console.log(`site built for tests in ${(ms / 1000).toFixed(1)} s`);
  } catch (error) {
    await cms.stop();
    throw error;
  }
  project.provide('cmsUrl', cms.url);
  project.provide('siteDir', outDir);
  return async () => cms.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string;
    siteDir: string;
  }
}
