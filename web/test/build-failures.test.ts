import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { freePort } from './support/browser';
import { startCms } from '@asb/cms/harness';
import { astroBuildArgs, buildSite, tempSiteDir } from '../builder/build-site.ts';

/** A build that cannot be complete fails with the cause, and publishes nothing. */
async function failedBuild(cmsUrl: string) {
  const outDir = tempSiteDir();
  try {
    await buildSite({ env: { CMS_URL: cmsUrl }, outDir, quiet: true });
    return { message: '', published: true };
  } catch (error) {
    return {
      message: (error as Error).message,
      published: fs.existsSync(path.join(outDir, 'client', 'ka', 'index.html')),
    };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

describe('a site build that cannot be complete', () => {
  it('fails when the CMS is down, naming the address', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const result = await failedBuild(url);
    expect(result.message).toMatch(
      new RegExp(`The CMS is unreachable at ${url}/graphql .*Is it running\\? Set CMS_URL`),
    );
    expect(result.published).toBe(false);
  });

  it('fails when the CMS answers with an error', async () => {
    const result = await failedBuild(`${inject('cmsUrl')}/not-the-cms`);
    expect(result.message).toMatch(/The CMS answered \w+ \((ka|en), page 1\) with an error: HTTP 405/);
    expect(result.published).toBe(false);
  });

  it('fails on an entry that breaks the site’s schema, naming type, document and locale', async () => {
    const cms = await startCms({
      database: 'sqlite',
      setup: path.join(import.meta.dirname, 'fixtures/cms-broken-entry.mjs'),
    });
    try {
      const documentId = /broken (\S+)/.exec(cms.log())![1];
      const result = await failedBuild(cms.url);
      expect(result.message).toMatch(
        new RegExp(`projects document ${documentId} \\(en\\) does not fit the site's schema`),
      );
      expect(result.message).toMatch(/slug/);
      expect(result.published).toBe(false);
    } finally {
      await cms.stop();
    }
  });
});

describe('the build’s memory cap', () => {
  it('runs astro build with the heap SITE_BUILD_HEAP_MB sets, and refuses a value that is not one, naming it', () => {
    expect(astroBuildArgs({ env: {} })[0]).toBe('--max-old-space-size=1024');
    expect(astroBuildArgs({ env: { SITE_BUILD_HEAP_MB: '2048' } })[0]).toBe('--max-old-space-size=2048');
    expect(() => astroBuildArgs({ env: { SITE_BUILD_HEAP_MB: 'lots' } })).toThrow(/SITE_BUILD_HEAP_MB .*"lots"/);
    expect(() => astroBuildArgs({ env: { SITE_BUILD_HEAP_MB: '64' } })).toThrow(/at least 256/);
  });
});
