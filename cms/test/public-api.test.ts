import fs from 'node:fs';
import path from 'node:path';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseKind, databaseSkipReason, graphql, type TestCms } from './support/cms';

/**
 * What an anonymous client (and a partner's read-only token) can reach through REST and GraphQL:
 * published content only, no writes, bounded queries, clear errors.
 */
const skip = await databaseSkipReason();
const SECRET_NEW = 'SECRET-NEVER-PUBLISHED';
const SECRET_EDIT = 'SECRET-UNPUBLISHED-EDIT';

describe.runIf(!skip)(`public API on ${databaseKind}`, () => {
  let cms: TestCms;
  let draftOnlyId: string;
  let editedId: string;
  let readOnlyToken: string;
  let fullAccessToken: string;

  beforeAll(async () => {
    cms = await bootCms();
    const projects = cms.strapi.documents('api::project.project');
    const draft = await projects.create({
      locale: 'ka',
      data: { title: `${SECRET_NEW} ka`, summary: SECRET_NEW, phase: 'planned' },
    } as never);
    draftOnlyId = draft.documentId;
    await projects.update({
      documentId: draftOnlyId,
      locale: 'en',
      data: { title: `${SECRET_NEW} en`, summary: SECRET_NEW },
    } as never);
    const published = await projects.findFirst({ locale: 'en', status: 'published' } as never);
    editedId = published!.documentId;
    await projects.update({ documentId: editedId, locale: 'en', data: { title: SECRET_EDIT } } as never);
    await projects.update({ documentId: editedId, locale: 'ka', data: { title: SECRET_EDIT } } as never);

    const tokens = cms.strapi.service('admin::api-token');
    readOnlyToken = (await tokens.create({ name: 'partner', type: 'read-only', lifespan: null, description: '' }))
      .accessKey;
    fullAccessToken = (await tokens.create({ name: 'preview', type: 'full-access', lifespan: null, description: '' }))
      .accessKey;
  });
  afterAll(async () => cms?.stop());

  it('the fixtures really are drafts (so the leak checks below mean something)', async () => {
    const asAdmin = await cms.strapi
      .documents('api::project.project')
      .findOne({ documentId: draftOnlyId, locale: 'ka', status: 'draft' } as never);
    expect(asAdmin?.title).toContain(SECRET_NEW);
    const res = await cms.http
      .get('/api/projects?status=draft&locale=en')
      .set('Authorization', `Bearer ${fullAccessToken}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(SECRET_NEW);
    expect(JSON.stringify(res.body)).toContain(SECRET_EDIT);
  });

  describe('drafts never leave through REST', () => {
    const paths = [
      '/api/projects?status=draft',
      '/api/projects?status=draft&locale=en',
      '/api/projects?publicationFilter=never-published',
      '/api/projects?publicationFilter=modified',
      '/api/projects?hasPublishedVersion=false',
      '/api/programmes?status=draft&populate=projects',
    ];
    for (const path of paths) {
      it(`refuses ${path} with 400 and a reason`, async () => {
        const res = await cms.http.get(path);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/not available through the public API/);
        expect(JSON.stringify(res.body)).not.toContain('SECRET');
      });
    }
    it('refuses a single draft by documentId', async () => {
      const res = await cms.http.get(`/api/projects/${draftOnlyId}?status=draft`);
      expect(res.status).toBe(400);
      const plain = await cms.http.get(`/api/projects/${draftOnlyId}`);
      expect(plain.status).toBe(404);
    });
    it('refuses drafts to a read-only partner token too', async () => {
      const res = await cms.http.get('/api/projects?status=draft').set('Authorization', `Bearer ${readOnlyToken}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/not available through the public API/);
    });
    it('returns only published versions, also through populated relations and filters', async () => {
      for (const path of [
        '/api/projects?populate=*&locale=ka',
        '/api/projects?populate=*&locale=en',
        '/api/programmes?populate[projects][populate]=*&locale=en',
        '/api/funders?populate=projects&locale=ka',
        '/api/partners?populate=*&locale=en',
        '/api/projects?filters[publishedAt][$null]=true',
        `/api/projects/${editedId}?locale=en`,
      ]) {
        const res = await cms.http.get(path);
        expect(res.status, path).toBeLessThan(500);
        expect(JSON.stringify(res.body), path).not.toContain('SECRET');
      }
      const edited = await cms.http.get(`/api/projects/${editedId}?locale=en`);
      expect(edited.status).toBe(200);
      expect(edited.body.data.title).not.toContain('SECRET');
    });
  });

  describe('drafts never leave through GraphQL', () => {
    const queries: [string, string, Record<string, unknown>?][] = [
      ['status: DRAFT', '{ projects(status: DRAFT) { title } }'],
      ['status in a variable', 'query Q($s: PublicationStatus) { projects(status: $s) { title } }', { s: 'DRAFT' }],
      ['one document', `{ project(documentId: "DOC", status: DRAFT) { title } }`],
      ['connection', '{ projects_connection(status: DRAFT) { nodes { title } } }'],
      ['publicationFilter', '{ projects(publicationFilter: NEVER_PUBLISHED) { title } }'],
      ['hasPublishedVersion', '{ projects(hasPublishedVersion: false) { title } }'],
      ['nested under a programme', '{ programmes(status: DRAFT) { projects { title } } }'],
      ['a single type', '{ homePage(status: DRAFT) { title } }'],
      ['English locale', '{ projects(locale: "en", status: DRAFT) { title } }'],
    ];
    // The schema the public and read-only tokens see has no argument that selects drafts
    // (src/api-contract/public-schema.ts): refused before the query runs.
    const NO_SUCH_ARGUMENT =
      /Unknown (argument "(status|publicationFilter|hasPublishedVersion)"|type "PublicationStatus")/;
    for (const [name, query, variables] of queries) {
      it(`refuses ${name}`, async () => {
        const res = await graphql(cms, query.replace('DOC', draftOnlyId), variables);
        expect(JSON.stringify(res.body)).not.toContain('SECRET');
        expect(res.status).toBe(400);
        expect(res.body.data).toBeUndefined();
        expect(res.body.errors?.[0]?.message).toMatch(NO_SUCH_ARGUMENT);
      });
    }
    it('refuses drafts to a read-only token', async () => {
      const res = await graphql(cms, '{ projects(status: DRAFT) { title } }', undefined, {
        Authorization: `Bearer ${readOnlyToken}`,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.message).toMatch(NO_SUCH_ARGUMENT);
    });
    it('serves published content with relations in both locales, without drafts', async () => {
      for (const locale of ['ka', 'en']) {
        const res = await graphql(
          cms,
          `
            query ($l: I18NLocaleCode) {
              projects(locale: $l) {
                title
                funders {
                  name
                }
                implementingPartners {
                  name
                }
                programme {
                  title
                }
                socialEnterprises {
                  name
                }
              }
            }
          `,
          { l: locale },
        );
        expect(res.body.errors).toBeUndefined();
        expect(JSON.stringify(res.body)).not.toContain('SECRET');
        expect(res.body.data.projects).toHaveLength(3);
        expect(res.body.data.projects.every((p: { funders: unknown[] }) => p.funders.length > 0)).toBe(true);
      }
    });
  });

  it('matches the GraphQL schema snapshot the site’s types are generated from', async () => {
    const res = await graphql(cms, getIntrospectionQuery());
    const live = `${printSchema(lexicographicSortSchema(buildClientSchema(res.body.data)))}\n`;
    const snapshot = fs.readFileSync(path.join(__dirname, '..', '..', 'shared', 'schema', 'cms.graphql'), 'utf8');
    // On failure: pnpm --filter @asb/cms export-schema && pnpm --filter @asb/shared codegen
    const liveLines = live.split('\n');
    const snapshotLines = snapshot.split('\n');
    const differing = liveLines.flatMap((line, i) =>
      line === snapshotLines[i] ? [] : [`${i + 1}: live "${line}" / snapshot "${snapshotLines[i]}"`],
    );
    expect(
      differing.slice(0, 5),
      'shared/schema/cms.graphql is out of date: run pnpm --filter @asb/cms export-schema',
    ).toEqual([]);
    expect(liveLines.length).toBe(snapshotLines.length);
  });

  describe('the public role only reads', () => {
    it('cannot write through REST', async () => {
      expect((await cms.http.post('/api/projects').send({ data: { title: 'x' } })).status).toBe(403);
      expect((await cms.http.put(`/api/projects/${editedId}`).send({ data: { title: 'x' } })).status).toBe(403);
      expect((await cms.http.delete(`/api/projects/${editedId}`)).status).toBe(403);
      expect((await cms.http.put('/api/home-page').send({ data: { title: 'x' } })).status).toBe(403);
    });
    it('cannot write through GraphQL', async () => {
      const res = await graphql(cms, `mutation { deleteProject(documentId: "${editedId}") { documentId } }`);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.message).toMatch(/read-only: it has no mutation operations/);
      expect(
        await cms.strapi.documents('api::project.project').findOne({ documentId: editedId } as never),
      ).not.toBeNull();
    });
    it('cannot reach users or register an account', async () => {
      expect((await cms.http.get('/api/users')).status).toBe(403);
      const register = await cms.http
        .post('/api/auth/local/register')
        .send({ username: 'x', email: 'x@example.org', password: 'Password123' });
      expect(register.status).toBeGreaterThanOrEqual(400);
      expect(register.status).toBeLessThan(500);
    });
    it('can list the locales, Georgian first as default', async () => {
      const res = await cms.http.get('/api/i18n/locales');
      expect(res.status).toBe(200);
      const codes = res.body.map((l: { code: string; isDefault: boolean }) => `${l.code}${l.isDefault ? '*' : ''}`);
      expect(codes.sort()).toEqual(['en', 'ka*']);
    });
  });

  describe('bounds and bad input', () => {
    it('GraphQL refuses queries deeper than the depth limit with a 400', async () => {
      const deep =
        '{ programmes { projects { programme { projects { funders { projects { implementingPartners { implementedProjects { programme { title } } } } } } } } } }';
      const res = await graphql(cms, deep);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/exceeds maximum operation depth/);
    });
    it('GraphQL caps page sizes at the maximum', async () => {
      const res = await graphql(
        cms,
        '{ projects_connection(pagination: { pageSize: 100000 }) { pageInfo { pageSize } } }',
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.projects_connection.pageInfo.pageSize).toBeLessThanOrEqual(100);
    });
    it('REST caps page sizes at the maximum', async () => {
      const res = await cms.http.get('/api/projects?pagination[pageSize]=100000');
      expect(res.status).toBe(200);
      expect(res.body.meta.pagination.pageSize).toBe(100);
    });
    it('an unknown locale is a 4xx with a message', async () => {
      const res = await cms.http.get('/api/projects?locale=xx');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.message).toBeTruthy();
    });
    it('malformed JSON is a 400, and the server stays up', async () => {
      const res = await cms.http.post('/graphql').set('Content-Type', 'application/json').send('{"query": ');
      expect(res.status).toBe(400);
      const bad = await graphql(cms, '{ projects { noSuchField } }');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].message).toMatch(/noSuchField/);
      expect((await cms.http.get('/_health')).status).toBe(204);
    });
  });
});
