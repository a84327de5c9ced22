import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { chromium } from 'playwright-core';
import { databaseKind, type DatabaseKind } from './cms';
// @ts-expect-error plain ESM helpers shared with scripts/ and harness/
import { destroyStrapi, loadStrapi } from '../../scripts/strapi-app.mjs';
// @ts-expect-error plain ESM helpers shared with scripts/ and harness/
import { createTestDatabase, TEST_SECRETS } from '../../harness/databases.mjs';

/**
 * What the CMS's browser tests share: Chromium (Debian's, driven by playwright-core) and a real
 * Strapi in this worker serving the built admin panel on a free port.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const cmsDir = path.resolve(import.meta.dirname, '../..');

/** Whether Chromium is missing; in CI (REQUIRE_CHROMIUM=1) a missing Chromium is a failure instead. */
export function chromiumMissing(what: string): boolean {
  if (fs.existsSync(CHROMIUM)) return false;
  if (process.env.REQUIRE_CHROMIUM === '1')
    throw new Error(`Chromium is not installed at ${CHROMIUM}; REQUIRE_CHROMIUM=1 makes this a failure`);
  console.warn(`skipping ${what}: Chromium is not installed at ${CHROMIUM}`);
  return true;
}

/** Headless Chromium with the flags this machine needs (no sandbox as root, no background networking). */
export const launchChromium = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });

export interface AdminCms {
  strapi: Core.Strapi;
  /** http://127.0.0.1:<port>; the admin is at `${baseUrl}/admin`. */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * A real Strapi on a fresh database serving the built admin panel. `beforeListen` gets the loaded
 * Strapi first (create admin users, content). Needs `pnpm --filter @asb/cms build`.
 */
export async function bootAdminCms({
  database = databaseKind,
  env = {},
  beforeListen,
}: {
  database?: DatabaseKind;
  env?: Record<string, string>;
  beforeListen?: (strapi: Core.Strapi) => Promise<void>;
} = {}): Promise<AdminCms> {
  if (!fs.existsSync(path.join(cmsDir, 'dist/build/index.html'))) {
    throw new Error('The admin panel is not built (dist/build is missing): run `pnpm --filter @asb/cms build` first');
  }
  const db = (await createTestDatabase(database)) as { env: Record<string, string>; drop(): Promise<void> };
  const strapi: Core.Strapi = await loadStrapi({
    env: { ...TEST_SECRETS, ...db.env, IMPORT_ON_FIRST_START: 'true', ...env },
    serveAdminPanel: true,
  });
  await beforeListen?.(strapi);
  await strapi.server.mount();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return {
    strapi,
    baseUrl: `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`,
    async stop() {
      await destroyStrapi(strapi);
      await db.drop();
    },
  };
}
