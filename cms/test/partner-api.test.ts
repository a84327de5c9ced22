import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseKind, databaseSkipReason, graphql, type TestCms } from './support/cms';
import { createApiToken, listen, requestFrom } from './support/partner-api';
import { partnerOpenApi } from '../src/api-contract/openapi';

/**
 * The partner API with state in memory (partner-api-redis.test.ts runs the Redis side): rate
 * limits, CORS, bounds, what tokens reach, the response cache and its invalidation, and the
 * examples and OpenAPI description in docs/.
 */
const skip = await databaseSkipReason();
const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');
const ANONYMOUS_LIMIT = 300;
const TOKEN_LIMIT = 60;
const ALLOWED_ORIGIN = 'https://partner.example';
const PROJECT = 'api::project.project';
const OPENAPI_FILE = path.join(root, 'docs', 'openapi.json');

describe.runIf(!skip)(`partner API on ${databaseKind}, state in memory`, () => {
  let cms: TestCms;
  let base: string;
  let partner: { id: number; accessKey: string };
  let preview: { id: number; accessKey: string };
  const bearer = (token: { accessKey: string }) => ({ Authorization: `Bearer ${token.accessKey}` });

  beforeAll(async () => {
    cms = await bootCms({
      REDIS_URL: '',
      RATE_LIMIT: 'on',
      API_CACHE: 'on',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS_LIMIT),
      RATE_LIMIT_TOKEN_PER_MINUTE: String(TOKEN_LIMIT),
      CORS_ORIGINS: ALLOWED_ORIGIN,
    });
    base = await listen(cms);
    partner = await createApiToken(cms, 'partner', 'read-only');
    preview = await createApiToken(cms, 'preview', 'full-access');
  });
  afterAll(async () => cms?.stop());

  describe('rate limits', () => {
    // Each test speaks from its own loopback address, so it has the address's whole budget to itself.
    it(`lets a client without a token make ${ANONYMOUS_LIMIT} requests a minute, then answers 429 with Retry-After`, async () => {
      const statuses: number[] = [];
      let first: Awaited<ReturnType<typeof requestFrom>> | undefined;
      for (let i = 0; i < ANONYMOUS_LIMIT; i++) {
        const res = await requestFrom('127.0.0.2', `${base}/api/i18n/locales`);
        first ??= res;
        statuses.push(res.status);
      }
      expect(new Set(statuses)).toEqual(new Set([200]));
      expect(first!.headers['ratelimit-limit']).toBe(String(ANONYMOUS_LIMIT));
      expect(first!.headers['ratelimit-remaining']).toBe(String(ANONYMOUS_LIMIT - 1));

      const refused = await requestFrom('127.0.0.2', `${base}/api/projects`);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
      expect(refused.json().error.message).toMatch(new RegExp(`${ANONYMOUS_LIMIT} requests a minute \\(rate limit\\)`));

      const gql = await requestFrom('127.0.0.2', `${base}/graphql`, {
        method: 'POST',
        body: { query: '{ projects { title } }' },
      });
      expect(gql.status).toBe(429);
      expect(gql.headers['retry-after']).toBeDefined();
      expect(gql.json().errors[0].extensions.code).toBe('RATE_LIMITED');
    });

    it('counts every client address on its own', async () => {
      expect((await requestFrom('127.0.0.2', `${base}/api/funders`)).status).toBe(429);
      expect((await requestFrom('127.0.0.3', `${base}/api/funders`)).status).toBe(200);
    });

    it('gives an API token its own budget, whatever address it comes from', async () => {
      const token = await createApiToken(cms, 'budget', 'read-only');
      const first = await requestFrom('127.0.0.2', `${base}/api/funders`, { headers: bearer(token) });
      expect(first.status).toBe(200);
      expect(first.headers['ratelimit-limit']).toBe(String(TOKEN_LIMIT));
      for (let i = 1; i < TOKEN_LIMIT; i++) {
        expect((await requestFrom('127.0.0.4', `${base}/api/funders`, { headers: bearer(token) })).status).toBe(200);
      }
      const refused = await requestFrom('127.0.0.5', `${base}/api/funders`, { headers: bearer(token) });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Another token, from the same addresses, is unaffected.
      expect((await requestFrom('127.0.0.5', `${base}/api/funders`, { headers: bearer(partner) })).status).toBe(200);
    });

    it('does not give a made-up token a budget of its own', async () => {
      const res = await requestFrom('127.0.0.2', `${base}/api/funders`, {
        headers: { Authorization: 'Bearer made-up-token' },
      });
      expect(res.status).toBe(429);
    });
  });

  describe('CORS', () => {
    it('allows the configured origin, without credentials, on REST and GraphQL', async () => {
      for (const res of [
        await cms.http.get('/api/projects').set('Origin', ALLOWED_ORIGIN),
        await graphql(cms, '{ projects { title } }', undefined, { Origin: ALLOWED_ORIGIN }),
      ]) {
        expect(res.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
        expect(res.headers['access-control-expose-headers']).toMatch(/ETag/);
        expect(res.headers['access-control-expose-headers']).toMatch(/Retry-After/);
      }
    });

    it('gives other origins no CORS headers, on REST and GraphQL', async () => {
      for (const res of [
        await cms.http.get('/api/projects').set('Origin', 'https://elsewhere.example'),
        await graphql(cms, '{ projects { title } }', undefined, { Origin: 'https://elsewhere.example' }),
      ]) {
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      }
    });

    it('answers a preflight for a token-carrying GraphQL request without allowing credentials', async () => {
      const res = await cms.http
        .options('/graphql')
        .set('Origin', ALLOWED_ORIGIN)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      const other = await cms.http
        .options('/graphql')
        .set('Origin', 'https://elsewhere.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('bounds: 400 with a message that names the bound, never a 500 or a hang', () => {
    it('refuses GraphQL queries above the cost limit', async () => {
      const nested = await graphql(
        cms,
        '{ programmes(pagination: { pageSize: 100 }) { projects(pagination: { limit: 100 }) { funders(pagination: { limit: 100 }) { name } } } }',
      );
      expect(nested.status).toBe(400);
      expect(nested.body.errors[0].message).toMatch(
        /Query cost 1010100 is above the maximum of 100000 \(GraphQL query cost limit\)/,
      );

      const aliases = Array.from(
        { length: 50 },
        (_, i) => `a${i}: projects(pagination: { pageSize: 100 }) { funders { name } }`,
      ).join(' ');
      const wide = await graphql(cms, `{ ${aliases} }`);
      expect(wide.status).toBe(400);
      expect(wide.body.errors[0].message).toMatch(/GraphQL query cost limit/);
    });

    it('counts a page size from a variable without a default as the maximum', async () => {
      const query =
        'query ($n: Int) { programmes(pagination: { pageSize: $n }) { projects(pagination: { limit: $n }) { funders(pagination: { limit: $n }) { name } } } }';
      const res = await graphql(cms, query, { n: 1 });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/GraphQL query cost limit/);
      const withDefault = await graphql(cms, query.replace('$n: Int', '$n: Int = 2'));
      expect(withDefault.status).toBe(200);
      expect(withDefault.body.errors).toBeUndefined();
    });

    it("keeps the site's own queries (100 per page) within the cost limit", async () => {
      const document = fs.readFileSync(path.join(root, 'shared', 'graphql', 'content.graphql'), 'utf8');
      const operations = [...document.matchAll(/^query (\w+)/gm)].map((m) => m[1]!);
      expect(operations.length).toBeGreaterThan(3);
      for (const operationName of operations) {
        const res = await cms.http
          .post('/graphql')
          .send({ query: document, operationName, variables: { locale: 'en', page: 1, pageSize: 100 } });
        expect(res.status, operationName).toBe(200);
        expect(res.body.errors, operationName).toBeUndefined();
      }
    });

    it('refuses a fragment bomb at once (the depth check would walk it for minutes)', async () => {
      let bomb = '{ ...F0 }\n';
      for (let i = 0; i < 7; i++) {
        bomb += `fragment F${i} on Query { projects { ${Array(20)
          .fill(`...F${i + 1}`)
          .join(' ')} } }\n`;
      }
      bomb += 'fragment F7 on Query { projects { title } }\n';
      const started = Date.now();
      const res = await graphql(cms, bomb);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/GraphQL query size limit/);
      expect(Date.now() - started).toBeLessThan(2000);

      const cycle = await graphql(cms, '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
      expect(cycle.status).toBe(400);
    });

    it('refuses REST populate nested deeper than 3 levels, in every notation', async () => {
      for (const query of [
        'populate[funders][populate][projects][populate][programme][populate]=*',
        'populate[0]=funders.projects.programme.projects',
        'populate=funders.projects.programme.projects',
      ]) {
        const res = await cms.http.get(`/api/projects?${query}`);
        expect(res.status, query).toBe(400);
        expect(res.body.error.message, query).toMatch(
          /nested 4 levels deep; the maximum is 3 \(populate depth limit\)/,
        );
      }
      const allowed = await cms.http.get('/api/programmes?populate[projects][populate][funders][populate]=*&locale=en');
      expect(allowed.status).toBe(200);
      expect(allowed.body.data[0].projects[0].funders.length).toBeGreaterThan(0);
    });

    it('answers malformed input with a 4xx and a message', async () => {
      const rest = [
        '/api/projects?populate=nope',
        '/api/projects?sort=nope:asc',
        '/api/projects?filters[nope][$eq]=1',
        '/api/projects?pagination[pageSize]=abc',
        '/api/projects?pagination[page]=-1',
        '/api/projects?locale=xx',
        '/api/projects?populate[funders][populate][projects][on][x]=1',
      ];
      for (const url of rest) {
        const res = await cms.http.get(url);
        expect(res.status, url).toBeLessThan(500);
        if (res.status >= 400) expect(res.body.error.message, url).toBeTruthy();
      }
      const bodies: [string, number][] = [
        ['null', 400],
        ['"text"', 400],
        ['[]', 400],
        ['{"query": 5}', 400],
        ['{"query": "{ projects(pagination: { pageSize: -5 }) { title } }"}', 200],
        [JSON.stringify({ query: `{ projects { title } } # ${'x'.repeat(1_100_000)}` }), 413],
      ];
      for (const [body, status] of bodies) {
        const res = await cms.http.post('/graphql').set('Content-Type', 'application/json').send(body);
        expect(res.status, body.slice(0, 60)).toBe(status);
        if (status >= 400) expect(res.body.errors[0].message, body.slice(0, 60)).toBeTruthy();
      }
      expect((await cms.http.get('/_health')).status).toBe(204);
    });
  });

  describe('what a read-only partner token reaches', () => {
    it('reads published content and the locale list, on REST and GraphQL', async () => {
      expect((await cms.http.get('/api/projects?locale=en').set(bearer(partner))).body.data).toHaveLength(3);
      expect((await cms.http.get('/api/i18n/locales').set(bearer(partner))).status).toBe(200);
      const res = await graphql(
        cms,
        '{ projects_connection { nodes { title } } i18NLocales { code } }',
        undefined,
        bearer(partner),
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.i18NLocales).toHaveLength(2);
    });

    it('cannot write, through REST or GraphQL', async () => {
      const id = (await cms.http.get('/api/projects?locale=en').set(bearer(partner))).body.data[0].documentId;
      expect(
        (
          await cms.http
            .post('/api/projects')
            .set(bearer(partner))
            .send({ data: { title: 'x' } })
        ).status,
      ).toBe(403);
      expect(
        (
          await cms.http
            .put(`/api/projects/${id}`)
            .set(bearer(partner))
            .send({ data: { title: 'x' } })
        ).status,
      ).toBe(403);
      expect((await cms.http.delete(`/api/projects/${id}`).set(bearer(partner))).status).toBe(403);
      // The schema partners see has no mutations (src/api-contract/public-schema.ts): refused before it runs.
      const res = await graphql(
        cms,
        `mutation { deleteProject(documentId: "${id}") { documentId } }`,
        undefined,
        bearer(partner),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/read-only: it has no mutation operations/);
      expect(await cms.strapi.documents(PROJECT).findOne({ documentId: id } as never)).not.toBeNull();
    });

    it('reaches no users, roles or media library (stock Strapi lets read-only tokens read them)', async () => {
      for (const url of ['/api/users', '/api/users/me', '/api/users-permissions/roles', '/api/upload/files']) {
        expect((await cms.http.get(url).set(bearer(partner))).status, url).toBe(403);
      }
      // Not even in the schema partners see (src/api-contract/public-schema.ts).
      for (const query of [
        '{ usersPermissionsUsers { username email } }',
        '{ usersPermissionsRoles { name } }',
        '{ uploadFiles { name } }',
      ]) {
        const res = await graphql(cms, query, undefined, bearer(partner));
        expect(res.status, query).toBe(400);
        expect(res.body.errors?.[0]?.message, query).toMatch(/Cannot query field/);
        expect(res.body.data, query).toBeUndefined();
      }
      // The rule is about read-only tokens: the site's full-access preview token keeps its rights.
      expect((await cms.http.get('/api/users').set(bearer(preview))).status).toBe(200);
    });

    it('cannot reach the admin API', async () => {
      for (const url of ['/admin/users', '/admin/api-tokens', '/admin/users/me']) {
        expect((await cms.http.get(url).set(bearer(partner))).status, url).toBe(401);
      }
    });

    it('stops working at once when revoked or expired, also for cached responses', async () => {
      const revoked = await createApiToken(cms, 'to-revoke', 'read-only');
      const url = '/api/funders?locale=en&fields[0]=name';
      await cms.http.get(url).set(bearer(revoked));
      expect((await cms.http.get(url).set(bearer(revoked))).headers['x-cache']).toBe('HIT');
      await cms.strapi.service('admin::api-token').revoke(revoked.id);
      expect((await cms.http.get(url).set(bearer(revoked))).status).toBe(401);

      const expired = await createApiToken(cms, 'to-expire', 'read-only');
      await cms.http.get(url).set(bearer(expired));
      await cms.strapi.db
        .query('admin::api-token')
        .update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      expect((await cms.http.get(url).set(bearer(expired))).status).toBe(401);
    });
  });

  describe('response cache and HTTP validators', () => {
    it('caches anonymous REST reads with an ETag, and answers a matching If-None-Match with 304', async () => {
      const url = '/api/partners?locale=en&sort[0]=name:asc';
      const first = await cms.http.get(url);
      const second = await cms.http.get(url);
      expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);
      expect(second.text).toBe(first.text);
      expect(second.headers['etag']).toBe(first.headers['etag']);
      expect(second.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(second.headers['vary']).toMatch(/Authorization/);

      const notModified = await cms.http.get(url).set('If-None-Match', first.headers['etag']!);
      expect(notModified.status).toBe(304);
      expect(notModified.text ?? '').toBe('');
      expect((await cms.http.get(url).set('If-None-Match', '"something-else"')).status).toBe(200);
    });

    it('sends cached bodies gzipped to clients that accept gzip, with their own ETag', async () => {
      const url = `${base}/api/projects?locale=en&populate=*`;
      const plain = await requestFrom('127.0.0.1', url, { headers: { 'Accept-Encoding': 'identity' } });
      const zipped = await requestFrom('127.0.0.1', url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers['vary']).toMatch(/Accept-Encoding/);
      expect(zlib.gunzipSync(Buffer.from(zipped.raw)).toString()).toBe(plain.text);
      expect(zipped.raw.length).toBeLessThan(plain.raw.length / 3);
      expect(zipped.headers['etag']).not.toBe(plain.headers['etag']);
      const notModified = await requestFrom('127.0.0.1', url, {
        headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': zipped.headers['etag']! },
      });
      expect(notModified.status).toBe(304);
    });

    it('caches GraphQL queries, 304 included, but never mutations', async () => {
      const query = '{ funders(locale: "en") { name } }';
      const first = await graphql(cms, query);
      const second = await graphql(cms, query);
      expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);
      expect(second.body).toEqual(first.body);
      const notModified = await graphql(cms, query, undefined, { 'If-None-Match': first.headers['etag']! });
      expect(notModified.status).toBe(304);

      const mutation = 'mutation { createFunder(data: { name: "x" }) { documentId } }';
      for (let i = 0; i < 2; i++) {
        const res = await graphql(cms, mutation);
        expect(res.headers['x-cache']).toBeUndefined();
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.status).toBe(400);
        expect(res.body.errors[0].message).toMatch(/read-only: it has no mutation operations/);
      }
    });

    it('keys responses by locale and by who asks', async () => {
      const ka = await cms.http.get('/api/programmes?locale=ka');
      const en = await cms.http.get('/api/programmes?locale=en');
      expect(en.body.data[0].title).not.toBe(ka.body.data[0].title);
      const gqlKa = await graphql(cms, 'query ($l: I18NLocaleCode) { programmes(locale: $l) { title } }', { l: 'ka' });
      const gqlEn = await graphql(cms, 'query ($l: I18NLocaleCode) { programmes(locale: $l) { title } }', { l: 'en' });
      expect(gqlEn.body.data.programmes[0].title).toBe(en.body.data[0].title);
      expect(gqlKa.body.data.programmes[0].title).toBe(ka.body.data[0].title);

      const token = await cms.http.get('/api/programmes?locale=en').set(bearer(partner));
      expect(token.headers['x-cache']).toBe('MISS'); // not the anonymous entry
      expect((await cms.http.get('/api/programmes?locale=en').set(bearer(partner))).headers['x-cache']).toBe('HIT');
      expect(token.headers['cache-control']).toBe('private, max-age=0, must-revalidate');
    });

    it("never caches a full-access token's responses or a request for drafts", async () => {
      const draft = await cms.strapi.documents(PROJECT).create({
        locale: 'en',
        data: { title: 'CACHE-SECRET draft', summary: 'draft only', phase: 'planned' },
      } as never);
      const drafts = await cms.http.get('/api/projects?status=draft&locale=en').set(bearer(preview));
      expect(JSON.stringify(drafts.body)).toContain('CACHE-SECRET');
      expect(drafts.headers['x-cache']).toBeUndefined();
      expect(drafts.headers['cache-control']).toBe('no-store');
      for (const res of [
        await cms.http.get('/api/projects?status=draft&locale=en'),
        await cms.http.get('/api/projects?status=draft&locale=en').set(bearer(partner)),
      ]) {
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).not.toContain('CACHE-SECRET');
      }
      const plain = await cms.http.get('/api/projects?locale=en').set(bearer(preview));
      expect(plain.headers['x-cache']).toBeUndefined();
      for (let i = 0; i < 2; i++) {
        const res = await graphql(cms, '{ projects(status: DRAFT, locale: "en") { title } }');
        expect(res.headers['x-cache']).toBeUndefined();
        expect(JSON.stringify(res.body)).not.toContain('CACHE-SECRET');
      }
      await cms.strapi.documents(PROJECT).delete({ documentId: draft.documentId, locale: '*' } as never);
    });

    it('shows a published edit in the very next response, REST and GraphQL', async () => {
      const project = (await cms.http.get('/api/projects?locale=en&sort[0]=title:asc')).body.data[0];
      const url = `/api/projects/${project.documentId}?locale=en`;
      const query = `{ project(documentId: "${project.documentId}", locale: "en") { title } }`;
      await cms.http.get(url);
      await graphql(cms, query);
      expect((await cms.http.get(url)).headers['x-cache']).toBe('HIT');
      expect((await graphql(cms, query)).headers['x-cache']).toBe('HIT');

      const projects = cms.strapi.documents(PROJECT);
      await projects.update({ documentId: project.documentId, locale: 'en', data: { title: 'Edited title' } } as never);
      await projects.publish({ documentId: project.documentId, locale: 'en' } as never);
      const rest = await cms.http.get(url);
      expect(rest.body.data.title).toBe('Edited title');
      expect((await graphql(cms, query)).body.data.project.title).toBe('Edited title');
      expect((await cms.http.get('/api/projects?locale=en&sort[0]=title:asc')).text).toContain('Edited title');

      await projects.update({ documentId: project.documentId, locale: 'en', data: { title: project.title } } as never);
      await projects.publish({ documentId: project.documentId, locale: 'en' } as never);
      expect((await cms.http.get(url)).body.data.title).toBe(project.title);
    });

    it('forgets unpublished and deleted documents at once', async () => {
      const projects = cms.strapi.documents(PROJECT);
      const created = await projects.create({
        locale: 'en',
        data: { title: 'Short-lived project', summary: 'published, then gone', phase: 'planned' },
      } as never);
      await projects.publish({ documentId: created.documentId, locale: 'en' } as never);
      const url = `/api/projects/${created.documentId}?locale=en`;
      await cms.http.get(url);
      expect((await cms.http.get(url)).headers['x-cache']).toBe('HIT');
      await projects.unpublish({ documentId: created.documentId, locale: 'en' } as never);
      expect((await cms.http.get(url)).status).toBe(404);

      await projects.publish({ documentId: created.documentId, locale: 'en' } as never);
      expect((await cms.http.get(url)).status).toBe(200);
      expect((await cms.http.get(url)).headers['x-cache']).toBe('HIT');
      // Without a locale, delete() removes the default (Georgian) version only.
      await projects.delete({ documentId: created.documentId, locale: '*' } as never);
      expect((await cms.http.get(url)).status).toBe(404);
    });
  });

  describe('security headers', () => {
    it('sends every content-API response the headers stock strapi::security sets, also when recorded once', async () => {
      const names = [
        'content-security-policy',
        'strict-transport-security',
        'x-frame-options',
        'x-content-type-options',
        'referrer-policy',
        'x-permitted-cross-domain-policies',
      ];
      const pick = (headers: Record<string, unknown>) => Object.fromEntries(names.map((n) => [n, headers[n]]));
      const responses = [
        await cms.http.get('/api/funders?locale=ka'),
        await cms.http.get('/api/funders?locale=ka'),
        await cms.http.get('/api/nothing-here'),
        await cms.http.get('/api/projects?populate[a][populate][b][populate][c][populate]=*'),
        await graphql(cms, '{ funders { name } }'),
        await cms.http.put('/api/home-page').send({ data: {} }),
      ];
      // /_health is outside the content API: the stock middleware runs there on every request.
      const expected = pick((await cms.http.get('/_health')).headers);
      expect(expected['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(expected['content-security-policy']).toMatch(/default-src 'self'/);
      for (const res of responses) expect(pick(res.headers)).toEqual(expected);
    });
  });

  describe('docs/', () => {
    const docPath = path.join(root, 'docs', 'partner-api.md');
    const DOC_BASE = 'https://cms.example.org';
    const blocks = (lang: string) =>
      [...fs.readFileSync(docPath, 'utf8').matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map(
        (m) => m[1]!,
      );

    it('partner-api.md: every curl example runs against the CMS', async () => {
      const examples = blocks('sh');
      expect(examples.length).toBeGreaterThanOrEqual(4);
      for (const example of examples) {
        const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', example.replaceAll(DOC_BASE, base)], {
          env: { ...process.env, ASB_TOKEN: partner.accessKey },
          timeout: 30_000,
        });
        expect(stdout.trim(), example).not.toBe('');
        expect(stdout, example).not.toMatch(/"error"/);
      }
    });

    it('partner-api.md: every TypeScript example runs on Node as it is (type stripping)', async () => {
      // graphql-request is the site's dependency; the example imports it from there.
      const packageDir = fs.realpathSync(path.join(root, 'web', 'node_modules', 'graphql-request'));
      const entry = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).exports['.'].import;
      const examples = blocks('ts');
      expect(examples.length).toBeGreaterThanOrEqual(2);
      fs.mkdirSync(path.join(__dirname, '..', '.tmp'), { recursive: true });
      const dir = fs.mkdtempSync(path.join(__dirname, '..', '.tmp', 'doc-examples-'));
      try {
        for (const [i, example] of examples.entries()) {
          const file = path.join(dir, `example-${i}.mts`);
          fs.writeFileSync(
            file,
            example
              .replaceAll(DOC_BASE, base)
              .replace("from 'graphql-request'", `from '${pathToFileURL(path.join(packageDir, entry)).href}'`),
          );
          const { stdout } = await run(process.execPath, [file], {
            env: { ...process.env, ASB_TOKEN: partner.accessKey },
            timeout: 30_000,
          });
          expect(stdout.trim().split('\n').length, example).toBeGreaterThanOrEqual(2);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('openapi.json describes the REST API the CMS serves', () => {
      const committed = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8'));
      const live = partnerOpenApi(cms.strapi) as { paths: Record<string, unknown> };
      // On failure: pnpm --filter @asb/cms export-openapi
      expect(
        JSON.stringify(live) === JSON.stringify(committed),
        'docs/openapi.json is out of date: run pnpm --filter @asb/cms export-openapi',
      ).toBe(true);
      expect(Object.keys(live.paths)).toContain('/projects/{documentId}');
      expect(Object.keys(live.paths)).not.toContain('/users');
    });
  });
});
