import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '@asb/cms/harness';
import { startSiteServer, type SiteServer } from '../server/site-server.ts';
import { ADMIN } from './fixtures/cms-editorial.mjs';
import { chromiumSkipReason, freePort, launchChromium } from './support/browser';
import { EDITORIAL_SECRETS, waitFor } from './support/editorial';

// Programmes: the admin's form cannot save a project while it has a field named `status` (see cms/README).
const PROGRAMME = 'api::programme.programme';

/**
 * The entry's "Public site" panel (cms/src/admin/site-status-panel/) in Chromium, against a real CMS
 * serving its built admin panel and a real site server: an editor edits and publishes in the admin,
 * and the panel says when the change is live; when the build that would show it fails, the panel says
 * so in plain language while the home page widget keeps the technical reason.
 * Needs the built admin panel (`pnpm --filter @asb/cms build`) and Chromium.
 */
const skip = chromiumSkipReason();
const cmsDir = path.join(import.meta.dirname, '../../cms');
const tmp = path.join(import.meta.dirname, '../.tmp');
fs.mkdirSync(tmp, { recursive: true });
const FAILED_TEXT =
  'Your change is saved but not visible on the site yet. Try publishing again in a few minutes. If it fails again, tell the site maintainer.';

type Doc = { documentId: string; slug: string; title: string };
describe.skipIf(skip)('the entry’s Public site panel', () => {
  let cms: RunningCms;
  let site: SiteServer;
  let buildsDir: string;
  let browser: Browser;
  let page: Page;
  let programmes: Doc[];
  let projects: Doc[];

  const setSlug = (documentId: string, slug: string) =>
    fetch(`${cms.url}/test-only/set-slug`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ documentId, locale: 'en', slug }),
    });
  const panel = () => page.getByTestId('asb-entry-site-status');
  const panelState = async () => (await panel().getAttribute('data-state', { timeout: 30_000 })) ?? '';
  /**
   * Watches the panel until it reaches `state` for a publish made after `after` (ms), recording every
   * state it showed for that publish on the way.
   */
  async function panelReaches(state: string, after = 0, timeoutMs = 120_000) {
    const seen: string[] = [];
    await waitFor(
      `the panel to say ${state}`,
      async () => {
        const now = await panelState();
        const publishedAt = Date.parse((await panel().getAttribute('data-published-at')) ?? '');
        if (!(publishedAt >= after)) return false;
        if (seen.at(-1) !== now) seen.push(now);
        return now === state;
      },
      timeoutMs,
    );
    return seen;
  }
  /** Edits the title in the form and presses Publish, as an editor does. */
  async function editAndPublish(title: string) {
    const clicked = Date.now();
    const input = page.locator('input[name="title"]');
    await input.fill(title);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    try {
      await page.getByText('Published document').first().waitFor({ timeout: 30_000 });
    } catch (error) {
      await page.screenshot({ path: path.join(tmp, 'site-status-panel-publish.png') });
      throw error;
    }
    return clicked;
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(cmsDir, 'dist/build/index.html')))
      throw new Error(
        'The admin panel is not built (cms/dist/build is missing): run `pnpm --filter @asb/cms build` first',
      );
    const port = await freePort();
    cms = await startCms({
      database: 'sqlite',
      setup: path.join(import.meta.dirname, 'fixtures/cms-editorial.mjs'),
      serveAdminPanel: true,
      env: {
        ...EDITORIAL_SECRETS,
        REBUILD_URL: `http://127.0.0.1:${port}/_site/rebuild`,
        SITE_PUBLIC_URL: `http://127.0.0.1:${port}`,
      },
    });
    buildsDir = fs.mkdtempSync(path.join(tmp, 'builds-'));
    site = await startSiteServer({
      cmsUrl: cms.url,
      port,
      buildsDir,
      secret: EDITORIAL_SECRETS.REBUILD_WEBHOOK_SECRET,
      env: { ...EDITORIAL_SECRETS, SITE_URL: 'https://asb.example.org', CMS_ADMIN_URL: cms.url },
      log: () => {},
    });
    const list = async (api: string) => {
      const query = 'locale=en&sort=documentId&pagination[pageSize]=100&fields[0]=slug&fields[1]=title';
      return ((await (await fetch(`${cms.url}/api/${api}?${query}`)).json()) as { data: Doc[] }).data;
    };
    programmes = await list('programmes');
    projects = await list('projects');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await cms?.stop();
    if (buildsDir) fs.rmSync(buildsDir, { recursive: true, force: true });
  });

  const openProgramme = async (programme: Doc) => {
    await page.goto(
      `${cms.url}/admin/content-manager/collection-types/${PROGRAMME}/${programme.documentId}?plugins[i18n][locale]=en`,
    );
    await page.locator('input[name="title"]').waitFor({ timeout: 60_000 });
  };

  it('says “Live on the site”, with the time, once the build with the publish is live', async () => {
    const programme = programmes[0]!;
    await openProgramme(programme);
    // The seeded content went live with the site's first build.
    await panelReaches('live');
    const title = `Panel publish ${Date.now()}`;
    const seen = await panelReaches('live', await editAndPublish(title));
    // It did not stay on the earlier build's "live": the new publish was being built first.
    expect(seen).toContain('publishing');
    const text = await panel().innerText();
    expect(text).toMatch(/^Live on the site\nSince .+\d/);
    expect(await (await fetch(`${site.url}/en/programmes/${programme.slug}/`)).text()).toContain(title);
    await page.screenshot({ path: path.join(tmp, 'site-status-panel-live.png') });
  }, 240_000);

  it('says in plain language that the site could not be updated when the build fails, and recovers', async () => {
    const [programme, broken] = [programmes[0]!, projects[0]!];
    // Another entry no longer fits the site's schema (as a faulty migration leaves it): every build fails.
    await setSlug(broken.documentId, 'Not A Slug!');
    await openProgramme(programme);
    const seen = await panelReaches('failed', await editAndPublish(`Panel failure ${Date.now()}`));
    expect(seen).toContain('publishing');
    const text = await panel().innerText();
    expect(text).toBe(`The site could not be updated\n${FAILED_TEXT}`);
    // No build log for the editor; the maintainer has it on the home page.
    expect(text).not.toMatch(/schema|documentId|build/i);
    await page.screenshot({ path: path.join(tmp, 'site-status-panel-failed.png') });
    await page.goto(`${cms.url}/admin`);
    const failure = page.getByTestId('asb-site-status-failure');
    await failure.waitFor({ timeout: 30_000 });
    expect(await failure.innerText()).toMatch(
      new RegExp(`projects document ${broken.documentId} \\(en\\) does not fit the site's schema`),
    );

    // Fixed, published again: live.
    await setSlug(broken.documentId, broken.slug);
    await openProgramme(programme);
    // Reopened later, the entry still says so: its latest publish is not on the site.
    expect(await panelReaches('failed')).toEqual(['failed']);
    const title = `Panel retry ${Date.now()}`;
    await panelReaches('live', await editAndPublish(title));
    expect(await (await fetch(`${site.url}/en/programmes/${programme.slug}/`)).text()).toContain(title);
  }, 300_000);
});
