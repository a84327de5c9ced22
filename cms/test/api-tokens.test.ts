import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseKind, databaseSkipReason, type TestCms } from './support/cms';
import { PREVIEW_TOKEN_NAME } from '../src/editorial/preview-token';
import { refuseStandingFullAccessTokens, TOKEN_EXPIRY_REQUIRED } from '../src/setup/api-tokens';
// @ts-expect-error plain ESM helper
import { createTestDatabase, TEST_SECRETS } from '../harness/databases.mjs';
import { startCms } from '../harness/index.mjs';

/**
 * No standing keys: no API token is made by itself, the admin issues none that never expires, and
 * production does not start while a full-access token that never expires exists (src/setup/api-tokens.ts).
 */
const skip = await databaseSkipReason();
const cmsDir = path.join(__dirname, '..');
const DAY = 24 * 60 * 60 * 1000;
const editorial = () => ({
  PREVIEW_SECRET: randomBytes(24).toString('hex'),
  PREVIEW_TOKEN: randomBytes(24).toString('hex'),
  REBUILD_WEBHOOK_SECRET: randomBytes(24).toString('hex'),
});

describe.runIf(!skip)(`API tokens on ${databaseKind}`, () => {
  describe('a first start and the admin', () => {
    let cms: TestCms;
    let auth: { Authorization: string };

    beforeAll(async () => {
      cms = await bootCms(editorial());
    });
    afterAll(async () => cms?.stop());

    it("creates no API token but the site's preview token, though Strapi would have seeded two", async () => {
      // Strapi seeds its "Read Only" and "Full Access" tokens on a database without admins and tokens.
      const seeds = (cms.strapi.service('admin::constants') as any).default.DEFAULT_API_TOKENS;
      expect(seeds.map((t: { type: string }) => t.type).sort()).toEqual(['full-access', 'read-only']);
      expect(await cms.strapi.db.query('admin::user').count()).toBe(0);
      const tokens = await cms.strapi.db.query('admin::api-token').findMany({ select: ['name', 'type'] });
      expect(tokens).toEqual([{ name: PREVIEW_TOKEN_NAME, type: 'custom' }]);
    });

    it('refuses, through the admin API, a token without a duration, whatever its type, and creates nothing', async () => {
      const admin = { email: 'tokens@asb.example.org', password: 'Tokens-password-1' };
      const role = await cms.strapi.service('admin::role').getSuperAdmin();
      await cms.strapi
        .service('admin::user')
        .create({ ...admin, firstname: 'T', lastname: 'A', isActive: true, roles: [role.id] });
      auth = { Authorization: `Bearer ${(await cms.http.post('/admin/login').send(admin)).body.data.token}` };
      const before = await cms.strapi.db.query('admin::api-token').count();
      const bodies = [
        { name: 'Partner A', type: 'read-only', lifespan: null },
        { name: 'Partner B', type: 'read-only' },
        { name: 'Integration', type: 'full-access', lifespan: null },
        { name: 'Custom', type: 'custom', permissions: ['api::project.project.find'], lifespan: null },
      ];
      for (const body of bodies) {
        const res = await cms.http
          .post('/admin/api-tokens')
          .set(auth)
          .send({ description: '', ...body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.message).toBe(TOKEN_EXPIRY_REQUIRED);
        expect(res.body.error.details.errors[0].path).toEqual(['lifespan']);
      }
      expect(await cms.strapi.db.query('admin::api-token').count()).toBe(before);
    });

    it('issues a read-only partner token with a duration, which reads published content', async () => {
      const res = await cms.http
        .post('/admin/api-tokens')
        .set(auth)
        .send({ name: 'Partner NGO', description: 'contact: someone', type: 'read-only', lifespan: 90 * DAY });
      expect(res.status).toBe(201);
      const expiresAt = new Date(res.body.data.expiresAt).getTime();
      expect(Math.abs(expiresAt - (Date.now() + 90 * DAY))).toBeLessThan(60_000);
      const read = await cms.http
        .get('/api/projects?locale=en')
        .set({ Authorization: `Bearer ${res.body.data.accessKey}` });
      expect(read.status).toBe(200);
      expect(read.body.data.length).toBeGreaterThan(0);
    });

    it('names a full-access token that never expires: production refuses it, development warns', async () => {
      await cms.strapi
        .service('admin::api-token')
        .create({ name: 'Old integration', type: 'full-access', lifespan: null, description: '' });
      try {
        await expect(refuseStandingFullAccessTokens(cms.strapi, { NODE_ENV: 'production' })).rejects.toThrowError(
          /^Refusing to start in production: full-access API token "Old integration" never expires\./,
        );
        await expect(refuseStandingFullAccessTokens(cms.strapi, { NODE_ENV: 'development' })).resolves.toBeUndefined();
      } finally {
        await cms.strapi.db.query('admin::api-token').delete({ where: { name: 'Old integration' } });
      }
      // The partner token above expires, the preview token is custom: neither stops production.
      await expect(refuseStandingFullAccessTokens(cms.strapi, { NODE_ENV: 'production' })).resolves.toBeUndefined();
    });
  });

  it('refuses a production start (strapi start) while a full-access token that never expires exists, in one line', async () => {
    const db = await createTestDatabase(databaseKind);
    const secrets = { ...editorial(), DATABASE_PASSWORD: randomBytes(12).toString('hex') };
    try {
      // A database as earlier releases left it: Strapi's default "Full Access" token.
      const dev = await startCms({
        database: databaseKind,
        setup: path.join(__dirname, 'support', 'standing-token.mjs'),
        env: { ...db.env, ...secrets, NODE_ENV: 'development' },
      });
      await dev.stop();

      const child = spawn(process.execPath, [path.join(cmsDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
        cwd: cmsDir,
        env: {
          PATH: process.env.PATH,
          ...TEST_SECRETS,
          ...db.env,
          ...secrets,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: '0',
          IMPORT_ON_FIRST_START: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      const code = await new Promise((resolve) => child.once('exit', resolve));
      clearTimeout(timer);
      const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n'); // eslint-disable-line no-control-regex
      expect(code, output).toBe(1);
      const refusal = lines.filter((line) => /Refusing to start/.test(line));
      expect(refusal).toHaveLength(1);
      expect(refusal[0]).toMatch(
        /error: Refusing to start in production: full-access API token "Full Access" never expires\./,
      );
      expect(lines.filter((line) => /^\s+at /.test(line))).toEqual([]);
    } finally {
      await db.drop();
    }
  }, 240_000);
});
