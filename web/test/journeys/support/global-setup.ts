import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCms } from '@asb/cms/harness';
import { startSiteServer } from '../../../server/site-server.ts';
import { chromiumSkipReason, freePort } from '../../support/browser';
import { EDITORIAL_SECRETS } from '../../support/editorial';

/**
 * One CMS with its built admin panel (the organisation's content imported, an administrator to sign
 * in as) and one site server with publishing, shared by the journey files, which run one at a time.
 * The CMS calls the site server on publish with signed calls, and the admin's preview panel frames the
 * site's signed preview route, exactly as `./platform start` wires them.
 */
export default async function setup(project: TestProject) {
  // Without Chromium there is nothing to drive; the files skip (or fail in CI) with the reason.
  if (chromiumSkipReason()) return;
  // While writing a journey: point at a CMS and site server already running (see README), skip the start-up.
  if (process.env.JOURNEYS_CMS_URL && process.env.JOURNEYS_SITE_URL) {
    project.provide('journeyCmsUrl', process.env.JOURNEYS_CMS_URL);
    project.provide('journeySiteUrl', process.env.JOURNEYS_SITE_URL);
    return;
  }
  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  const cms = await startCms({
    database: 'sqlite',
    serveAdminPanel: true,
    setup: path.join(import.meta.dirname, '../../fixtures/cms-journeys.mjs'),
    env: { ...EDITORIAL_SECRETS, REBUILD_URL: `${siteUrl}/_site/rebuild`, SITE_PUBLIC_URL: siteUrl },
  });
  // Builds import the site's dependencies, so they live inside web/ (as in test/editorial.test.ts).
  const tmp = path.join(import.meta.dirname, '../../../.tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const buildsDir = fs.mkdtempSync(path.join(tmp, 'journey-builds-'));
  const log: string[] = [];
  let site;
  try {
    site = await startSiteServer({
      cmsUrl: cms.url,
      port,
      buildsDir,
      secret: EDITORIAL_SECRETS.REBUILD_WEBHOOK_SECRET,
      env: { ...EDITORIAL_SECRETS, SITE_URL: 'https://asb.example.org', CMS_ADMIN_URL: cms.url },
      log: (line) => log.push(line),
    });
  } catch (error) {
    await cms.stop();
    throw error;
  }
  project.provide('journeyCmsUrl', cms.url);
  project.provide('journeySiteUrl', site.url);
  return async () => {
    await site.stop();
    await cms.stop();
    fs.rmSync(buildsDir, { recursive: true, force: true });
    removeUploads();
  };
}

/**
 * The images the journeys uploaded: the CMS's local upload provider keeps them (and their resized
 * copies) in cms/public/uploads, beside a developer's own; the journeys' files are named journey-….
 */
function removeUploads() {
  const uploads = path.join(import.meta.dirname, '../../../../cms/public/uploads');
  if (!fs.existsSync(uploads)) return;
  for (const name of fs.readdirSync(uploads)) {
    if (/^(?:(?:thumbnail|small|medium|large)_)?journey_/.test(name))
      fs.rmSync(path.join(uploads, name), { force: true });
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    journeyCmsUrl: string;
    journeySiteUrl: string;
  }
}
