import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseKind, databaseSkipReason, graphql, type TestCms } from './support/cms';
import { ensurePreviewToken, PREVIEW_TOKEN_NAME } from '../src/editorial/preview-token';
import { PUBLIC_ACTIONS } from '../src/setup/public-permissions';
import { CONTENT_IMPORTED_EVENT, generateSynthetic, importContent } from '../src/content-import';

/**
 * The CMS side of the editorial loop: signed rebuild calls on publish, unpublish and delete (not on
 * draft saves), signed preview links, the site's draft-reading token, the admin-only status route.
 */
const skip = await databaseSkipReason();
const REBUILD_SECRET = 'test-rebuild-secret';
const PREVIEW_SECRET = 'test-preview-secret';
const PREVIEW_TOKEN = 'test-preview-token-0123456789abcdef';
const hmac = (secret: string, message: string) => createHmac('sha256', secret).update(message).digest('hex');

type Call = { body: string; headers: http.IncomingHttpHeaders; json: Record<string, unknown> };

describe.runIf(!skip)(`editorial loop (CMS side) on ${databaseKind}`, () => {
  let cms: TestCms;
  let calls: Call[] = [];
  let site: http.Server;
  /** What the stand-in site answers on GET /_site/status (null: a minimal answer). */
  let siteStatus: Record<string, unknown> | null = null;

  beforeAll(async () => {
    // A stand-in for the site's rebuild endpoint that records what the CMS sends.
    site = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url === '/_site/status') {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          return res.end(JSON.stringify(siteStatus ?? { live: 'build-1', signature: req.headers['x-asb-signature'] }));
        }
        calls.push({ body, headers: req.headers, json: JSON.parse(body) });
        res.writeHead(202).end('{}');
      });
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const port = (site.address() as AddressInfo).port;
    cms = await bootCms({
      REBUILD_URL: `http://127.0.0.1:${port}/_site/rebuild`,
      REBUILD_WEBHOOK_SECRET: REBUILD_SECRET,
      PREVIEW_SECRET,
      PREVIEW_TOKEN,
      SITE_PUBLIC_URL: 'https://site.example.org',
    });
  });

  afterAll(async () => {
    await cms?.stop();
    site?.close();
  });

  const settle = async (count: number) => {
    for (let i = 0; i < 100 && calls.length < count; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
  };

  it('sends a signed, timestamped rebuild call on publish and unpublish, none on a draft save', async () => {
    const projects = cms.strapi.documents('api::project.project');
    const project = await projects.findFirst({ locale: 'en', status: 'published' } as never);
    calls = [];
    await projects.update({ documentId: project!.documentId, locale: 'en', data: { title: 'Draft only' } } as never);
    await settle(1);
    expect(calls).toEqual([]);

    await projects.publish({ documentId: project!.documentId, locale: 'en' } as never);
    await settle(1);
    const publish = calls.find((c) => c.json.event === 'entry.publish')!;
    expect(publish.json).toMatchObject({ uid: 'api::project.project', documentId: project!.documentId, locale: 'en' });
    const timestamp = publish.headers['x-asb-timestamp'] as string;
    expect(Math.abs(Date.now() - Number(timestamp))).toBeLessThan(60_000);
    expect(publish.headers['x-asb-signature']).toBe(`sha256=${hmac(REBUILD_SECRET, `${timestamp}.${publish.body}`)}`);

    calls = [];
    await projects.unpublish({ documentId: project!.documentId, locale: 'en' } as never);
    await settle(1);
    expect(calls.map((c) => c.json.event)).toContain('entry.unpublish');
    expect(new Set(calls.map((c) => c.json.id)).size).toBe(calls.length);
  });

  it('signs preview links for every collection type and locale, covering path, status and expiry', async () => {
    const preview = cms.strapi.plugin('content-manager').service('preview') as {
      getPreviewUrl(uid: string, params: Record<string, unknown>): Promise<string | undefined>;
    };
    const partner = await cms.strapi.documents('api::partner.partner').findFirst({ locale: 'ka' } as never);
    for (const locale of ['ka', 'en']) {
      const url = new URL(
        (await preview.getPreviewUrl('api::partner.partner', {
          documentId: partner!.documentId,
          locale,
          status: 'draft',
        }))!,
      );
      expect(url.origin).toBe('https://site.example.org');
      expect(url.pathname).toBe(`/preview/${locale}/partners/${partner!.documentId}/`);
      const expires = url.searchParams.get('expires')!;
      expect(Number(expires)).toBeGreaterThan(Date.now());
      expect(url.searchParams.get('signature')).toBe(hmac(PREVIEW_SECRET, `${url.pathname}\ndraft\n${expires}`));
    }
  });

  it('signs preview links for both single types in both locales, with or without their documentId', async () => {
    const preview = cms.strapi.plugin('content-manager').service('preview') as {
      getPreviewUrl(uid: string, params: Record<string, unknown>): Promise<string | undefined>;
    };
    const pages = { 'api::home-page.home-page': 'home', 'api::organisation-setting.organisation-setting': 'contact' };
    for (const [uid, page] of Object.entries(pages)) {
      // The Content Manager's controller fills in a single type's documentId; the path does not depend on it.
      const { documentId } = (await cms.strapi.documents(uid as never).findFirst({ locale: 'ka' } as never))!;
      for (const locale of ['ka', 'en']) {
        for (const [params, status] of [
          [{ documentId, locale, status: 'draft' }, 'draft'],
          [{ locale, status: 'published' }, 'published'],
        ] as const) {
          const link = await preview.getPreviewUrl(uid, params);
          expect(link, `${uid} ${JSON.stringify(params)}`).toBeTruthy();
          const url = new URL(link!);
          expect(url.origin).toBe('https://site.example.org');
          expect(url.pathname).toBe(`/preview/${locale}/${page}/`);
          expect(url.searchParams.get('status')).toBe(status);
          const expires = url.searchParams.get('expires')!;
          expect(Number(expires)).toBeGreaterThan(Date.now());
          expect(url.searchParams.get('signature')).toBe(
            hmac(PREVIEW_SECRET, `${url.pathname}\n${status}\n${expires}`),
          );
        }
      }
    }
    // A type the site cannot show has no link (the panel then says there is no preview).
    expect(await preview.getPreviewUrl('plugin::upload.file', { documentId: 'x', locale: 'ka' })).toBeFalsy();
  });

  it('keeps a token whose key is PREVIEW_TOKEN, which reads drafts and can do nothing else', async () => {
    const tokens = await cms.strapi.db.query('admin::api-token').findMany({ where: { name: PREVIEW_TOKEN_NAME } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0].type).toBe('custom');
    const auth = { Authorization: `Bearer ${PREVIEW_TOKEN}` };
    const query = '{ projects(status: DRAFT, locale: "en") { documentId } }';
    const withToken = await graphql(cms, query, {}, auth);
    expect(withToken.body.errors).toBeUndefined();
    expect(withToken.body.data.projects.length).toBeGreaterThan(0);
    expect((await cms.http.get('/api/projects?status=draft&locale=en').set(auth)).status).toBe(200);
    const wrong = await graphql(cms, query, {}, { Authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);

    // A leaked preview token reveals drafts, but cannot change content or read accounts.
    const project = await cms.strapi.documents('api::project.project').findFirst({ locale: 'en' } as never);
    const write = await cms.http
      .put(`/api/projects/${project!.documentId}?locale=en`)
      .set(auth)
      .send({ data: { title: 'Written with the preview token' } });
    expect(write.status).toBe(403);
    expect((await cms.http.get('/api/users').set(auth)).status).toBe(403);
  });

  it('another token with the same rights may not read drafts', async () => {
    const other = await (cms.strapi.service('admin::api-token') as any).create({
      name: 'Partner with custom rights',
      kind: 'content-api',
      type: 'custom',
      permissions: ['api::project.project.find'],
      lifespan: null,
    });
    const auth = { Authorization: `Bearer ${other.accessKey}` };
    const drafts = await cms.http.get('/api/projects?status=draft&locale=en').set(auth);
    expect(drafts.status).toBe(400);
    expect(drafts.body.error.message).toMatch(/Drafts are not available/);
    expect((await cms.http.get('/api/projects?locale=en').set(auth)).status).toBe(200);
  });

  it('turns a full-access preview token from an earlier release into the read-only kind', async () => {
    const query = cms.strapi.db.query('admin::api-token');
    const token = await query.findOne({ where: { name: PREVIEW_TOKEN_NAME } });
    await (cms.strapi.service('admin::api-token') as any).update(token.id, { type: 'full-access', permissions: [] });
    expect((await query.findOne({ where: { id: token.id } })).type).toBe('full-access');
    await ensurePreviewToken(cms.strapi, PREVIEW_TOKEN);
    const after = await query.findOne({ where: { id: token.id }, populate: ['permissions'] });
    expect(after.type).toBe('custom');
    expect(after.permissions.map((p: { action: string }) => p.action).sort()).toEqual([...PUBLIC_ACTIONS].sort());
    const write = await cms.http
      .put(`/api/projects/x?locale=en`)
      .set({ Authorization: `Bearer ${PREVIEW_TOKEN}` })
      .send({ data: { title: 'x' } });
    expect(write.status).toBe(403);
  });

  it('an import sends one rebuild call, and no event per entry it writes', async () => {
    const events: string[] = [];
    const unsubscribe = cms.strapi.eventHub.subscribe(async (event: string) => void events.push(event));
    calls = [];
    try {
      const summary = await importContent(cms.strapi, generateSynthetic(4));
      expect(summary.created).toBeGreaterThan(10);
      await settle(1);
      // Entry events are queued until the commit and would arrive after it: give them time to.
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      unsubscribe();
    }
    expect(events).toEqual([CONTENT_IMPORTED_EVENT]);
    expect(calls.map((c) => c.json.event)).toEqual([CONTENT_IMPORTED_EVENT]);
  });

  it('shows the site’s build state to signed-in editors only', async () => {
    const anonymous = await cms.http.get('/editorial/site-status');
    expect(anonymous.status).toBe(401);
  });

  it('tells a signed-in editor whether an entry’s latest publish is live, and names a bad parameter', async () => {
    const admin = { email: 'status-editor@asb.example.org', password: 'Status-password-1' };
    const role = await cms.strapi.service('admin::role').getSuperAdmin();
    await cms.strapi
      .service('admin::user')
      .create({ ...admin, firstname: 'S', lastname: 'E', isActive: true, roles: [role.id] });
    const login = await cms.http.post('/admin/login').send(admin);
    const auth = { Authorization: `Bearer ${login.body.data.token}` };
    const projects = cms.strapi.documents('api::project.project');
    const project = await projects.findFirst({ locale: 'en', status: 'published' } as never);
    await projects.publish({ documentId: project!.documentId, locale: 'en' } as never);
    const published = await projects.findOne({
      documentId: project!.documentId,
      locale: 'en',
      status: 'published',
    } as never);
    const publishedAt = new Date((published as unknown as { publishedAt: string }).publishedAt).getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    const entry = `/editorial/site-status/entry?uid=api::project.project&documentId=${project!.documentId}&locale=en`;

    expect((await cms.http.get(entry)).status).toBe(401);
    const build = (id: string, upTo: number) => ({ id, at: iso(upTo + 5000), upTo: iso(upTo) });
    const status = (over: Record<string, unknown>) => ({
      live: 'b1',
      building: false,
      scheduled: false,
      followUpQueued: false,
      receivedUpTo: iso(publishedAt + 10),
      buildingUpTo: null,
      lastSuccess: build('b1', publishedAt - 1000),
      lastFailure: null,
      builds: [build('b1', publishedAt - 1000)],
      ...over,
    });
    const state = async (over: Record<string, unknown>) => {
      siteStatus = status(over);
      const res = await cms.http.get(entry).set(auth);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data;
    };
    try {
      // The live build started before the publish was announced: being built while a build runs.
      expect(await state({ building: true, buildingUpTo: iso(publishedAt + 10) })).toMatchObject({
        state: 'publishing',
      });
      // The build that included it failed.
      expect(
        await state({ lastFailure: { at: iso(publishedAt + 9000), upTo: iso(publishedAt + 10), reason: 'x' } }),
      ).toMatchObject({ state: 'failed', at: iso(publishedAt + 9000) });
      // A build that includes it is live; "since" is when the first such build went live.
      const live = build('b2', publishedAt + 10);
      expect(
        await state({
          live: 'b3',
          lastSuccess: build('b3', publishedAt + 20),
          builds: [build('b1', publishedAt - 1000), live, build('b3', publishedAt + 20)],
        }),
      ).toEqual({ publishedAt: iso(publishedAt), state: 'live', since: live.at, build: 'b3' });
      // The site was never told, long after the publish.
      expect(
        await state({ receivedUpTo: iso(publishedAt - 1000), lastSuccess: build('b1', publishedAt - 1000) }),
      ).toMatchObject(Date.now() - publishedAt > 60_000 ? { state: 'failed' } : { state: 'publishing' });

      for (const [query, parameter] of [
        ['uid=admin::user&documentId=abc', 'uid'],
        ['uid=api::nothing.nothing&documentId=abc', 'uid'],
        [`uid=api::project.project&documentId=${encodeURIComponent('a b')}`, 'documentId'],
        [`uid=api::project.project&documentId=${project!.documentId}&locale=xx`, 'locale'],
      ]) {
        const res = await cms.http.get(`/editorial/site-status/entry?${query}`).set(auth);
        expect(res.status, query).toBe(400);
        expect(res.body.error.details.parameter, query).toBe(parameter);
        expect(res.body.error.message, query).toMatch(new RegExp(parameter));
      }
      await projects.unpublish({ documentId: project!.documentId, locale: 'en' } as never);
      expect(await state({})).toEqual({ publishedAt: null, state: 'not-published' });
    } finally {
      siteStatus = null;
      await projects.publish({ documentId: project!.documentId, locale: 'en' } as never);
    }
  });
});
