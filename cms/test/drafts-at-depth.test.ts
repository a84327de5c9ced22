import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseKind, databaseSkipReason, graphql, type TestCms } from './support/cms';
import { createApiToken } from './support/partner-api';
import { findMarker, plantDraftMarkers, type DraftMarkers } from './support/draft-markers';

/**
 * Published only, at every depth (src/documents/published-only-queries.ts): no draft is matched,
 * returned, counted or used to order results through filters, sorts and populates that traverse
 * relations, components or `localizations`, over REST and GraphQL, anonymous and with a read-only
 * token, whatever publication parameters the client sends. Every draft below carries a marker of
 * this run (test/support/draft-markers.ts); no published version does.
 */
const skip = await databaseSkipReason();

describe.runIf(!skip)(`drafts at every depth on ${databaseKind}`, () => {
  let cms: TestCms;
  let planted: DraftMarkers;
  let readOnly: string;
  let fullAccess: string;
  const sortPaths = [
    '/api/projects?locale=ka&sort[0]=localizations.title:asc&fields[0]=title',
    '/api/projects?locale=en&sort[0]=localizations.title:asc&fields[0]=title',
    '/api/funders?locale=en&sort[0]=projects.localizations.title:asc&fields[0]=name',
  ];
  const sortBefore = new Map<string, string[]>();

  beforeAll(async () => {
    // Rate limits off: this file sends a few hundred requests from one address.
    cms = await bootCms({ RATE_LIMIT: 'off' });
    readOnly = (await createApiToken(cms, 'partner', 'read-only')).accessKey;
    fullAccess = (await createApiToken(cms, 'preview', 'full-access')).accessKey;
    for (const path of sortPaths) {
      const res = await cms.http.get(path);
      expect(res.status, path).toBe(200);
      sortBefore.set(path, ids(res.body));
    }
    planted = await plantDraftMarkers(cms.strapi);
    // A draft title that sorts before every published one, on the document that sorts last: if drafts
    // took part in ordering, that document would move to the front.
    const projects = cms.strapi.documents('api::project.project');
    const last = sortBefore.get(sortPaths[0])!.at(-1)!;
    await projects.update({ documentId: last, locale: 'en', data: { title: `0000 ${planted.prefix}zz` } } as never);
  });
  afterAll(async () => cms?.stop());

  const ids = (body: { data: { documentId: string }[] }) => body.data.map((entry) => entry.documentId);
  // The token exists once beforeAll ran: headers are read when a test runs.
  const clients = () =>
    [
      ['anonymous', () => ({})],
      ['read-only token', () => ({ Authorization: `Bearer ${readOnly}` })],
    ] as const;

  async function rest(path: string, headers: () => Record<string, string>) {
    const res = await cms.http.get(path).set(headers());
    const text = `${JSON.stringify(res.headers)}\n${res.text}`;
    expect(res.status, path).toBeLessThan(500);
    expect(findMarker(text, planted.prefix), `${path}: a draft's marker in the answer`).toBeNull();
    return res;
  }

  async function gql(query: string, headers: () => Record<string, string>, variables?: Record<string, unknown>) {
    const res = await graphql(cms, query, variables, headers());
    expect(res.status, query).toBeLessThan(500);
    expect(findMarker(`${JSON.stringify(res.headers)}\n${res.text}`, planted.prefix), query).toBeNull();
    return res;
  }

  it('the markers are really in drafts, and readers that may see drafts still see them', async () => {
    const project = planted.edited['api::project.project'];
    const draft = await cms.strapi
      .documents('api::project.project')
      .findOne({ documentId: project, locale: 'en', status: 'draft' } as never);
    expect(JSON.stringify(draft)).toContain(planted.prefix);
    const res = await cms.http
      .get(`/api/projects?locale=ka&status=draft&filters[localizations][title][$contains]=${planted.prefix}`)
      .set('Authorization', `Bearer ${fullAccess}`);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toContain(project);
    const populated = await cms.http
      .get('/api/projects?locale=ka&status=draft&populate[localizations][fields][0]=title')
      .set('Authorization', `Bearer ${fullAccess}`);
    expect(populated.text).toContain(planted.prefix);
  });

  describe('REST', () => {
    for (const [client, authorization] of clients()) {
      it(`filters through localizations match no draft (${client})`, async () => {
        const p = planted.prefix;
        for (const path of [
          `/api/projects?locale=ka&filters[localizations][title][$contains]=${p}`,
          `/api/projects?locale=en&filters[localizations][title][$containsi]=${p}`,
          `/api/projects?filters[localizations][localizations][summary][$contains]=${p}`,
          `/api/projects?filters[$or][0][localizations][title][$contains]=${p}&filters[$or][1][title][$eq]=none`,
          `/api/projects?filters[localizations][seo][metaTitle][$contains]=${p}`,
          `/api/projects?filters[localizations][results][label][$contains]=${p}`,
          `/api/partners?filters[localizations][name][$startsWith]=${p}`,
          `/api/funders?filters[localizations][name][$contains]=${p}`,
          `/api/programmes?filters[localizations][title][$contains]=${p}`,
          `/api/social-enterprises?filters[localizations][name][$contains]=${p}`,
        ]) {
          const res = await rest(path, authorization);
          expect(res.status, path).toBe(200);
          expect(res.body.data, path).toEqual([]);
          expect(res.body.meta.pagination.total, path).toBe(0);
        }
      });

      it(`filters through relations match no draft-only target or draft text (${client})`, async () => {
        const p = planted.prefix;
        for (const path of [
          `/api/programmes?filters[projects][title][$contains]=${p}`,
          `/api/projects?filters[funders][name][$contains]=${p}`,
          `/api/projects?filters[programme][title][$contains]=${p}`,
          `/api/partners?filters[operatedEnterprises][name][$contains]=${p}`,
          `/api/funders?filters[projects][localizations][title][$contains]=${p}`,
          `/api/programmes?filters[projects][funders][localizations][name][$contains]=${p}`,
          `/api/social-enterprises?filters[project][localizations][summary][$contains]=${p}`,
          `/api/projects?filters[programme][documentId][$eq]=${planted.neverPublished['api::programme.programme']}`,
          `/api/programmes?filters[projects][documentId][$eq]=${planted.neverPublished['api::project.project']}`,
        ]) {
          const res = await rest(path, authorization);
          expect(res.status, path).toBe(200);
          expect(res.body.data, path).toEqual([]);
          expect(res.body.meta.pagination.total, path).toBe(0);
        }
      });

      it(`negated filters through localizations see published rows only (${client})`, async () => {
        // Every published project has a published row in each locale whose title lacks the marker, so
        // "not contains" keeps them all; and none has a published row titled like a draft.
        const all = await rest('/api/projects?locale=ka', authorization);
        const p = planted.prefix;
        const not = await rest(
          `/api/projects?locale=ka&filters[$not][localizations][title][$contains]=${p}`,
          authorization,
        );
        expect(not.body.meta.pagination.total).toBe(all.body.meta.pagination.total);
        const none = await rest(
          `/api/projects?locale=ka&filters[localizations][title][$notContains]=${p}&filters[localizations][title][$contains]=${p}`,
          authorization,
        );
        expect(none.body.meta.pagination.total).toBe(0);
      });

      it(`sorting through relations ignores drafts (${client})`, async () => {
        for (const path of sortPaths) {
          const res = await rest(path, authorization);
          expect(ids(res.body), path).toEqual(sortBefore.get(path));
        }
      });

      it(`populate returns no draft, at any depth (${client})`, async () => {
        for (const path of [
          '/api/projects?locale=ka&populate[localizations][fields][0]=title',
          '/api/projects?locale=en&populate[localizations][populate]=*',
          '/api/projects?populate=*',
          '/api/projects?locale=en&populate[funders][populate][localizations][fields][0]=name',
          '/api/programmes?populate[projects][populate][localizations][populate]=*',
          '/api/programmes?populate[projects][filters][title][$contains]=zq',
          '/api/partners?locale=en&populate[operatedEnterprises][populate]=*',
          '/api/funders?populate[projects][populate][programme][fields][0]=title',
          '/api/social-enterprises?populate=*',
          '/api/home-page?populate=*',
          '/api/home-page?locale=en&populate[localizations][populate]=*',
          '/api/organisation-setting?populate=*',
          '/api/organisation-setting?locale=en&populate[localizations][fields][0]=name',
          `/api/projects/${planted.edited['api::project.project']}?locale=en&populate[localizations][fields][0]=title`,
        ]) {
          const res = await rest(path, authorization);
          expect(res.status, `${path}: ${res.text}`).toBe(200);
        }
        // The populated localizations are the published versions, and all of them.
        const res = await rest('/api/projects?locale=ka&populate[localizations][fields][0]=title', authorization);
        for (const entry of res.body.data as { localizations: { publishedAt?: string }[] }[]) {
          expect(entry.localizations).toHaveLength(1);
        }
      });

      it(`publication parameters reveal no draft (${client})`, async () => {
        const p = planted.prefix;
        const filter = `filters[localizations][title][$contains]=${p}`;
        for (const path of [
          `/api/projects?status=draft&${filter}`,
          `/api/projects?status=published&${filter}`,
          `/api/projects?publicationState=preview&${filter}`,
          `/api/projects?publicationState=preview&populate[localizations]=*`,
          `/api/projects?hasPublishedVersion=false`,
          `/api/projects?hasPublishedVersion=true&populate[localizations]=*`,
          `/api/projects?publicationFilter=modified`,
          `/api/projects?populate[localizations][status]=draft`,
          `/api/projects?populate[localizations][publicationState]=preview`,
          `/api/projects?populate[localizations][filters][publishedAt][$null]=true`,
          `/api/projects?filters[localizations][publishedAt][$null]=true`,
          `/api/projects/${planted.neverPublished['api::project.project']}?status=draft`,
          `/api/projects/${planted.neverPublished['api::project.project']}`,
          `/api/home-page?status=draft`,
        ]) {
          const res = await rest(path, authorization);
          if (res.status === 200 && Array.isArray(res.body.data)) {
            for (const entry of res.body.data as { localizations?: unknown[] }[]) {
              for (const localization of (entry.localizations ?? []) as { publishedAt: string | null }[]) {
                expect(localization.publishedAt, path).not.toBeNull();
              }
            }
          }
        }
        const filtered = await rest(`/api/projects?filters[localizations][publishedAt][$null]=true`, authorization);
        expect(filtered.status).toBe(200);
        expect(filtered.body.meta.pagination.total).toBe(0);
      });
    }
  });

  describe('GraphQL', () => {
    for (const [client, authorization] of clients()) {
      it(`nested filters match no draft, and connections count none (${client})`, async () => {
        const p = planted.prefix;
        const res = await gql(
          `query ($p: String) {
            a: projects(filters: { localizations: { title: { contains: $p } } }) { documentId }
            b: projects_connection(filters: { localizations: { title: { contains: $p } } }) { pageInfo { total } }
            c: programmes(filters: { projects: { title: { contains: $p } } }) { documentId }
            d: programmes_connection(filters: { projects: { localizations: { summary: { contains: $p } } } }) { pageInfo { total } }
            e: funders(filters: { or: [{ projects: { localizations: { title: { contains: $p } } } }, { name: { eq: "none" } }] }) { documentId }
            f: projects(filters: { funders: { name: { contains: $p } } }) { documentId }
            g: projects(filters: { localizations: { seo: { metaTitle: { contains: $p } } } }) { documentId }
            h: partners_connection(filters: { localizations: { name: { contains: $p } } }) { pageInfo { total } }
            i: socialEnterprises_connection(filters: { project: { localizations: { title: { contains: $p } } } }) { pageInfo { total } }
          }`,
          authorization,
          { p },
        );
        expect(res.body.errors).toBeUndefined();
        const data = res.body.data;
        expect([data.a, data.c, data.e, data.f, data.g]).toEqual([[], [], [], [], []]);
        expect([data.b, data.d, data.h, data.i].map((c: { pageInfo: { total: number } }) => c.pageInfo.total)).toEqual([
          0, 0, 0, 0,
        ]);
      });

      it(`nested lists and their connections hold no draft (${client})`, async () => {
        const p = planted.prefix;
        const res = await gql(
          `query ($p: String) {
            projects(locale: "ka") {
              localizations { title summary seo { metaTitle } results { label } }
              localizations_connection { nodes { documentId title } }
              filtered: localizations_connection(filters: { title: { contains: $p } }) { nodes { documentId } }
              funders { name localizations { name } }
              programme { title projects { title localizations { title } } projects_connection { nodes { title } } }
            }
            programmes { projects_connection(filters: { localizations: { title: { contains: $p } } }) { nodes { documentId } } }
            homePage { title localizations { title } }
            organisationSetting { name localizations { name tagline } }
          }`,
          authorization,
          { p },
        );
        expect(res.body.errors).toBeUndefined();
        for (const project of res.body.data.projects) {
          expect(project.localizations).toHaveLength(1);
          expect(project.localizations_connection.nodes).toHaveLength(1);
          expect(project.filtered.nodes).toEqual([]);
        }
        for (const programme of res.body.data.programmes) expect(programme.projects_connection.nodes).toEqual([]);
      });

      it(`publication arguments reveal no draft (${client})`, async () => {
        const p = planted.prefix;
        for (const query of [
          `{ projects(status: PUBLISHED, filters: { localizations: { title: { contains: "${p}" } } }) { documentId } }`,
          `{ projects(status: DRAFT) { title localizations { title } } }`,
          `{ projects(hasPublishedVersion: false) { title } }`,
          `{ projects { localizations(filters: { publishedAt: { null: true } }) { title } } }`,
          `{ projects(filters: { localizations: { publishedAt: { null: true } } }) { documentId } }`,
          `{ project(documentId: "${planted.neverPublished['api::project.project']}") { title } }`,
          `{ project(documentId: "${planted.neverPublished['api::project.project']}", status: DRAFT) { title } }`,
        ]) {
          const res = await gql(query, authorization);
          const projects = res.body.data?.projects;
          if (Array.isArray(projects) && query.includes('filters: { localizations'))
            expect(projects, query).toEqual([]);
        }
      });
    }
  });
});
