import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FunderStampsDocument,
  PartnerStampsDocument,
  ProgrammeStampsDocument,
  ProjectStampsDocument,
  SocialEnterpriseStampsDocument,
} from '@asb/shared';
import { bootCms, databaseKind, databaseSkipReason, graphql, type TestCms } from './support/cms';
import { createApiToken } from './support/partner-api';

/**
 * `<type>Stamps` (src/graphql/document-stamps.ts): what the site's incremental builds list first.
 * It must name exactly the documents the public list query pages through, with the same stamps,
 * never a draft, authorised like that list, and never stale behind the response cache.
 */
const skip = await databaseSkipReason();
const PROJECT = 'api::project.project';
const TYPES = [
  { stamps: 'programmeStamps', list: 'programmes_connection' },
  { stamps: 'projectStamps', list: 'projects_connection' },
  { stamps: 'socialEnterpriseStamps', list: 'socialEnterprises_connection' },
  { stamps: 'partnerStamps', list: 'partners_connection' },
  { stamps: 'funderStamps', list: 'funders_connection' },
];
const SYNC_QUERIES = [
  ProgrammeStampsDocument,
  ProjectStampsDocument,
  SocialEnterpriseStampsDocument,
  PartnerStampsDocument,
  FunderStampsDocument,
];

interface Stamp {
  documentId: string;
  updatedAt: string | null;
  publishedAt: string | null;
}

describe.runIf(!skip)(`document stamps on ${databaseKind}`, () => {
  let cms: TestCms;
  let sqlStatements: string[] = [];
  let queryNumber = 0;

  beforeAll(async () => {
    // The response cache stays on: a publish must show in the very next stamps list all the same.
    cms = await bootCms({ API_CACHE: 'on', RATE_LIMIT: 'off' });
    cms.strapi.db.connection.on('query', (query: { sql: string }) => sqlStatements.push(query.sql));
  });
  afterAll(async () => cms?.stop());

  const projects = () => cms.strapi.documents(PROJECT);

  /** A stamps list as an anonymous client (or with `headers`) gets it. */
  const stamps = async (field: string, locale: string, headers: Record<string, string> = {}): Promise<Stamp[]> => {
    const res = await graphql(
      cms,
      `query ($locale: I18NLocaleCode!) { ${field}(locale: $locale) { documentId updatedAt publishedAt } }`,
      { locale },
      headers,
    );
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    return res.body.data[field];
  };

  /** The same documents through the list query the full build pages through. */
  const listed = async (field: string, locale: string): Promise<Stamp[]> => {
    const nodes: Stamp[] = [];
    for (let page = 1; ; page++) {
      const res = await graphql(
        cms,
        `query ($locale: I18NLocaleCode!, $page: Int!) {
          list: ${field}(locale: $locale, pagination: { page: $page, pageSize: 100 }, sort: ["documentId:asc"]) {
            pageInfo { pageCount }
            nodes { documentId updatedAt publishedAt }
          }
        }`,
        { locale, page },
      );
      expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
      nodes.push(...res.body.data.list.nodes);
      if (page >= res.body.data.list.pageInfo.pageCount) return nodes;
    }
  };

  const ids = (list: Stamp[]) => list.map((s) => s.documentId);

  it('lists every published document of each type and locale, with the stamps the list query reports, sorted', async () => {
    for (const { stamps: field, list } of TYPES) {
      for (const locale of ['ka', 'en']) {
        const got = await stamps(field, locale);
        expect(got.length, `${field} ${locale}`).toBeGreaterThan(0);
        expect(got, `${field} ${locale}`).toEqual(await listed(list, locale));
        expect(ids(got)).toEqual([...ids(got)].sort());
        expect(got.every((s) => s.updatedAt && s.publishedAt)).toBe(true);
      }
    }
  });

  it('answers with one SQL statement per list, whatever the number of documents', async () => {
    // A query text of its own, so that the response cache cannot answer it.
    const query = `query Stamps${queryNumber++} { ka: projectStamps(locale: "ka") { documentId } en: projectStamps(locale: "en") { documentId } }`;
    sqlStatements = [];
    const res = await graphql(cms, query);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.ka.length).toBeGreaterThan(0);
    const table = /\bprojects\b/;
    expect(sqlStatements.filter((sql) => table.test(sql))).toHaveLength(2);
  });

  it('keeps each locale to its own documents', async () => {
    const georgianOnly = await projects().create({
      locale: 'ka',
      data: { title: 'მხოლოდ ქართულად', summary: 'ქართული ვერსია', phase: 'planned' },
    } as never);
    await projects().publish({ documentId: georgianOnly.documentId, locale: 'ka' } as never);
    expect(ids(await stamps('projectStamps', 'ka'))).toContain(georgianOnly.documentId);
    expect(ids(await stamps('projectStamps', 'en'))).not.toContain(georgianOnly.documentId);
    await projects().delete({ documentId: georgianOnly.documentId, locale: '*' } as never);
    expect(ids(await stamps('projectStamps', 'ka'))).not.toContain(georgianOnly.documentId);
  });

  it('never lists a draft, also not to a full-access token; an unpublished edit keeps the published stamp', async () => {
    const draft = await projects().create({
      locale: 'en',
      data: { title: 'Draft only', summary: 'never published', phase: 'planned' },
    } as never);
    const published = (await stamps('projectStamps', 'en'))[0]!;
    await projects().update({
      documentId: published.documentId,
      locale: 'en',
      data: { title: 'An edit not yet published' },
    } as never);
    const fullAccess = await createApiToken(cms, 'stamps-full-access', 'full-access');
    for (const headers of [{}, { Authorization: `Bearer ${fullAccess.accessKey}` }] as Record<string, string>[]) {
      const list = await stamps('projectStamps', 'en', headers);
      expect(ids(list)).not.toContain(draft.documentId);
      expect(list.find((s) => s.documentId === published.documentId)).toEqual(published);
    }
    const field = await graphql(cms, '{ projectStamps(locale: "en", status: DRAFT) { documentId } }');
    expect(field.status).toBe(400);
    expect(field.body.errors[0].message).toMatch(/Unknown argument "status"/);
    await projects().discardDraft({ documentId: published.documentId, locale: 'en' } as never);
    await projects().delete({ documentId: draft.documentId, locale: '*' } as never);
  });

  it('has no argument but the locale, on every type', async () => {
    const res = await graphql(cms, '{ __type(name: "Query") { fields { name args { name } } } }');
    const fields = res.body.data.__type.fields as { name: string; args: { name: string }[] }[];
    for (const { stamps: name } of TYPES) {
      expect(fields.find((f) => f.name === name)?.args.map((a) => a.name)).toEqual(['locale']);
    }
  });

  it('drops an unpublished document and changes the stamp of a re-published one at once, behind the response cache', async () => {
    const created = await projects().create({
      locale: 'en',
      data: { title: 'Stamped project', summary: 'published, edited, unpublished', phase: 'planned' },
    } as never);
    await projects().publish({ documentId: created.documentId, locale: 'en' } as never);
    const query = '{ projectStamps(locale: "en") { documentId updatedAt publishedAt } }';
    const first = await graphql(cms, query);
    const again = await graphql(cms, query);
    expect(again.headers['x-cache']).toBe('HIT');
    const before = (first.body.data.projectStamps as Stamp[]).find((s) => s.documentId === created.documentId)!;
    expect(before).toBeDefined();

    // Timestamps have millisecond resolution: make sure the next ones differ.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await projects().update({ documentId: created.documentId, locale: 'en', data: { title: 'Edited' } } as never);
    await projects().publish({ documentId: created.documentId, locale: 'en' } as never);
    const edited = await graphql(cms, query);
    expect(edited.headers['x-cache']).not.toBe('HIT');
    const after = (edited.body.data.projectStamps as Stamp[]).find((s) => s.documentId === created.documentId)!;
    expect(after.updatedAt).not.toBe(before.updatedAt);
    expect(after.publishedAt).not.toBe(before.publishedAt);
    expect(edited.body.data.projectStamps).toEqual(await listed('projects_connection', 'en'));

    await new Promise((resolve) => setTimeout(resolve, 5));
    await projects().publish({ documentId: created.documentId, locale: 'en' } as never);
    const republished = (await stamps('projectStamps', 'en')).find((s) => s.documentId === created.documentId)!;
    expect(republished.publishedAt).not.toBe(after.publishedAt);

    await graphql(cms, query);
    await projects().unpublish({ documentId: created.documentId, locale: 'en' } as never);
    const unpublished = await graphql(cms, query);
    expect(unpublished.headers['x-cache']).not.toBe('HIT');
    expect(ids(unpublished.body.data.projectStamps)).not.toContain(created.documentId);
    await projects().delete({ documentId: created.documentId, locale: '*' } as never);
  });

  it('is authorised like the type’s find: refused to a token or role without it', async () => {
    const readOnly = await createApiToken(cms, 'stamps-partner', 'read-only');
    expect((await stamps('projectStamps', 'en', { Authorization: `Bearer ${readOnly.accessKey}` })).length).toBe(
      (await stamps('projectStamps', 'en')).length,
    );

    // A custom token with funders' find and projects' findOne: funders yes, projects no.
    const custom = await cms.strapi.service('admin::api-token').create({
      name: 'stamps-custom',
      type: 'custom',
      lifespan: null,
      description: 'funders only',
      permissions: ['api::funder.funder.find', 'api::project.project.findOne'],
    });
    const asCustom = { Authorization: `Bearer ${custom.accessKey}` };
    expect((await stamps('funderStamps', 'en', asCustom)).length).toBeGreaterThan(0);
    const refused = await graphql(cms, '{ projectStamps(locale: "en") { documentId } }', undefined, asCustom);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.body.data).toBeNull();

    // A signed-in user of the Authenticated role, which has no content rights.
    const usersPermissions = cms.strapi.plugin('users-permissions');
    const role = await cms.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    const user = await usersPermissions.service('user').add({
      username: 'stamps-reader',
      email: 'stamps-reader@example.org',
      password: 'Password123',
      provider: 'local',
      confirmed: true,
      role: role.id,
    });
    const jwt = usersPermissions.service('jwt').issue({ id: user.id });
    const asUser = await graphql(cms, '{ projectStamps(locale: "en") { documentId } }', undefined, {
      Authorization: `Bearer ${jwt}`,
    });
    expect(asUser.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(asUser.body.data)).not.toContain('documentId');
  });

  it('refuses a locale the site does not publish', async () => {
    const res = await graphql(cms, '{ projectStamps(locale: "fr") { documentId } }');
    expect(res.body.errors?.[0]?.message).toMatch(/Unknown locale "fr"; use one of: ka, en/);
  });

  it("passes the site's sync queries under the cost limit, and counts each list as 10,000 objects", async () => {
    for (const document of SYNC_QUERIES) {
      for (const locale of ['ka', 'en']) {
        const res = await graphql(cms, print(document), { locale });
        expect(res.status).toBe(200);
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data.stamps.length).toBe(res.body.data.list.pageInfo.total);
      }
    }
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: projectStamps(locale: "en") { documentId }`).join(' ')} }`;
    expect((await graphql(cms, aliases(10))).status).toBe(200);
    const tooMany = await graphql(cms, aliases(11));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].message).toMatch(/Query cost 110000 is above the maximum of 100000/);
  });
});
