import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCms } from '../harness/index.mjs';

/** The harness other packages use: a seeded CMS on a free port, stopped and cleaned up on request. */
describe('test harness', () => {
  it('starts a seeded CMS on a free port and removes it on stop', async () => {
    const tmp = path.join(__dirname, '..', '.tmp');
    fs.mkdirSync(tmp, { recursive: true });
    const before = new Set(fs.readdirSync(tmp));
    const cms = await startCms({ database: 'sqlite' });
    try {
      expect(cms.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${cms.url}/api/projects?locale=en`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { title: string }[] };
      expect(body.data).toHaveLength(3);
    } finally {
      await cms.stop();
    }
    await expect(fetch(`${cms.url}/_health`)).rejects.toThrow();
    const after = fs.readdirSync(tmp).filter((f) => !before.has(f));
    expect(after).toEqual([]);
  });
});
