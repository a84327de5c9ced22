import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bootAdminCms,
  chromiumMissing as isChromiumMissing,
  launchChromium,
  type AdminCms,
} from './support/admin-panel';
import { databaseKind } from './support/cms';

/**
 * The admin home page's "Public site" widget (src/admin/app.tsx) in a real browser: an editor signs
 * in and sees the site's build state, which the CMS fetches from the site with a signed request
 * (GET /editorial/site-status), and the route's error text when the site answers with an error.
 * Needs the built admin panel (dist/build, from `pnpm --filter @asb/cms build`) and Chromium.
 */
const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumMissing = isChromiumMissing('the admin widget test');

const SECRET = 'test-rebuild-secret';
const ADMIN = { email: 'widget-editor@asb.example.org', password: 'Widget-password-1' };
const STATE = {
  live: 'build-20260101-1200',
  building: true,
  followUpQueued: false,
  buildsStarted: 3,
  lastChange: null,
  lastSuccess: { id: 'build-20260101-1200', at: '2026-01-01T12:00:00.000Z', pages: 120, ms: 42000 },
  lastFailure: { at: '2026-01-02T08:30:00.000Z', reason: 'verify: 3 pages lost their English title' },
  builds: [],
};
const hmac = (message: string) => createHmac('sha256', SECRET).update(message).digest('hex');

describe.runIf(!chromiumMissing)('admin home page: the public site widget', () => {
  let strapi: Core.Strapi;
  let cms: AdminCms;
  let site: http.Server;
  let siteAnswer: 'state' | 'error' = 'state';
  const signatures: boolean[] = [];
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    // A stand-in for the site's status endpoint: checks the CMS's signature, answers a fixed state.
    site = http.createServer((req, res) => {
      const timestamp = String(req.headers['x-asb-timestamp']);
      const signed = req.headers['x-asb-signature'] === `sha256=${hmac(`${timestamp}.GET ${req.url}`)}`;
      signatures.push(signed);
      if (req.url !== '/_site/status' || !signed) return res.writeHead(401).end();
      if (siteAnswer === 'error') return res.writeHead(500).end();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(STATE));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const sitePort = (site.address() as AddressInfo).port;

    cms = await bootAdminCms({
      database: databaseKind,
      env: {
        IMPORT_ON_FIRST_START: 'false',
        REBUILD_URL: `http://127.0.0.1:${sitePort}/_site/rebuild`,
        REBUILD_WEBHOOK_SECRET: SECRET,
      },
      beforeListen: async (loaded) => {
        strapi = loaded;
        const role = await strapi.service('admin::role').getSuperAdmin();
        await strapi.service('admin::user').create({
          email: ADMIN.email,
          firstname: 'Widget',
          lastname: 'Editor',
          password: ADMIN.password,
          isActive: true,
          roles: [role.id],
        });
      },
    });
    baseUrl = cms.baseUrl;

    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
    site?.close();
  });

  const signIn = async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'), { timeout: 30_000 });
    return page;
  };

  it('shows the live build, the build in progress and the last failure', async () => {
    siteAnswer = 'state';
    const page = await signIn();
    try {
      await page.goto(`${baseUrl}/admin`);
      const widget = page.getByTestId('asb-site-status');
      await widget.waitFor({ timeout: 30_000 });
      const text = await widget.innerText();
      expect(text).toMatch(/^Live since .+ \(build build-20260101-1200\)/);
      expect(text).toContain('Building…');
      expect(text).toMatch(/Last failure: .+ — verify: 3 pages lost their English title/);
      expect(await page.getByText('Public site').count()).toBeGreaterThan(0);
      expect(signatures.length).toBeGreaterThan(0);
      expect(signatures.every(Boolean)).toBe(true);
    } catch (error) {
      await page.screenshot({ path: path.join(cmsDir, '.tmp/admin-widget-failure.png') }).catch(() => {});
      throw error;
    } finally {
      await page.close();
    }
  });

  it('shows the route’s error text when the site answers with an error', async () => {
    siteAnswer = 'error';
    const page = await signIn();
    try {
      await page.goto(`${baseUrl}/admin`);
      const error = page.getByTestId('asb-site-status-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.innerText()).toBe('the site answered HTTP 500');
      expect(await page.getByTestId('asb-site-status-live').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
