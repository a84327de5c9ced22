import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles, siteDir } from './support/dist';
import { buildSite, tempSiteDir } from '../builder/build-site.ts';

describe('fetching from the CMS', () => {
  it('fetches every collection page by page: a 2-per-page build has exactly the pages of a 100-per-page build', async () => {
    const outDir = tempSiteDir();
    try {
      const output = await buildSite({ env: { CMS_URL: inject('cmsUrl'), CMS_PAGE_SIZE: '2' }, outDir, quiet: true });
      expect(output.pages).toBeGreaterThan(40);
      const relative = (dir: string) =>
        htmlFiles(dir)
          .map((f) => path.relative(dir, f))
          .sort();
      expect(relative(path.join(outDir, 'client'))).toEqual(relative(siteDir()));
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
