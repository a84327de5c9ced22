import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseKind, databaseSkipReason, type TestCms } from './support/cms';
import { ADMIN_ROLES, ensureAdminRoles, NOT_PUBLISHED } from '../src/setup/admin-roles';
import { CONTENT_TYPES } from '../src/content-types';

/**
 * The Author and Editor admin roles (src/setup/admin-roles.ts), through the admin API as the admin
 * panel calls it: an Author writes drafts in both languages and uploads media but cannot publish,
 * unpublish or delete anything that is live; an Editor can.
 */
const skip = await databaseSkipReason();
const PROGRAMME = 'api::programme.programme';
const PASSWORD = 'Roles-password-1';
// The smallest valid PNG (1×1, transparent): the upload plugin reads it with sharp.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe.runIf(!skip)(`admin roles on ${databaseKind}`, () => {
  let cms: TestCms;
  const tokens: Record<'author' | 'editor', string> = { author: '', editor: '' };

  beforeAll(async () => {
    cms = await bootCms();
    for (const key of ['author', 'editor'] as const) {
      const role = await cms.strapi.service('admin::role').findOne({ code: ADMIN_ROLES[key].code });
      await cms.strapi.service('admin::user').create({
        email: `${key}@asb.example.org`,
        firstname: key,
        lastname: 'Test',
        password: PASSWORD,
        isActive: true,
        roles: [role.id],
      });
      const login = await cms.http.post('/admin/login').send({ email: `${key}@asb.example.org`, password: PASSWORD });
      expect(login.status, login.text).toBe(200);
      tokens[key] = login.body.data.token;
    }
  });

  afterAll(async () => {
    await cms?.stop();
  });

  const as = (who: 'author' | 'editor') => {
    const auth = { Authorization: `Bearer ${tokens[who]}` };
    const doc = (uid: string, id: string) => `/content-manager/collection-types/${uid}/${id}`;
    return {
      create: (uid: string, locale: string, data: Record<string, unknown>) =>
        cms.http
          .post(`/content-manager/collection-types/${uid}?locale=${locale}`)
          .set(auth)
          .send({ ...data, locale }),
      save: (uid: string, id: string, locale: string, data: Record<string, unknown>) =>
        cms.http
          .put(`${doc(uid, id)}?locale=${locale}`)
          .set(auth)
          .send({ ...data, locale }),
      read: (uid: string, id: string, locale: string) => cms.http.get(`${doc(uid, id)}?locale=${locale}`).set(auth),
      publish: (uid: string, id: string, locale: string) =>
        cms.http
          .post(`${doc(uid, id)}/actions/publish?locale=${locale}`)
          .set(auth)
          .send({ locale }),
      unpublish: (uid: string, id: string, locale: string) =>
        cms.http
          .post(`${doc(uid, id)}/actions/unpublish?locale=${locale}`)
          .set(auth)
          .send({ locale }),
      remove: (uid: string, id: string, locale?: string) =>
        cms.http.delete(`${doc(uid, id)}${locale ? `?locale=${locale}` : ''}`).set(auth),
      saveSingle: (uid: string, locale: string, data: Record<string, unknown>) =>
        cms.http
          .put(`/content-manager/single-types/${uid}?locale=${locale}`)
          .set(auth)
          .send({ ...data, locale }),
      publishSingle: (uid: string, locale: string) =>
        cms.http.post(`/content-manager/single-types/${uid}/actions/publish?locale=${locale}`).set(auth).send({}),
      upload: () => cms.http.post('/upload').set(auth).attach('files', PNG, 'pixel.png'),
    };
  };

  const publishedProgramme = async () => {
    const found = await cms.strapi.documents(PROGRAMME).findFirst({ locale: 'ka', status: 'published' } as never);
    expect(found, 'the imported content has a published programme').toBeTruthy();
    return found!.documentId as string;
  };

  it('lets an Author write a draft in both languages and upload media, but not publish it', async () => {
    const author = as('author');
    const created = await author.create(PROGRAMME, 'ka', { title: 'ავტორის პროგრამა', summary: 'მოკლე აღწერა.' });
    expect(created.status, created.text).toBe(201);
    const id = created.body.data.documentId as string;
    const saved = await author.save(PROGRAMME, id, 'ka', { title: 'ავტორის პროგრამა 2', summary: 'მოკლე აღწერა.' });
    expect(saved.status, saved.text).toBe(200);
    const english = await author.save(PROGRAMME, id, 'en', { title: 'Author programme', summary: 'Short summary.' });
    expect(english.status, english.text).toBe(200);
    expect((await author.read(PROGRAMME, id, 'en')).body.data.title).toBe('Author programme');

    const upload = await author.upload();
    expect(upload.status, upload.text).toBe(201);
    expect(upload.body[0].name).toBe('pixel.png');

    expect((await author.publish(PROGRAMME, id, 'ka')).status).toBe(403);
    expect((await author.publish(PROGRAMME, id, 'en')).status).toBe(403);
    expect(await cms.strapi.documents(PROGRAMME).findOne({ documentId: id, status: 'published' } as never)).toBeNull();

    // Single types: the Author saves the home page's draft, and cannot publish it.
    const home = 'api::home-page.home-page';
    const current = await cms.strapi.documents(home).findFirst({ locale: 'en' } as never);
    expect((await author.saveSingle(home, 'en', { title: `${current!.title}` })).status).toBe(200);
    expect((await author.publishSingle(home, 'en')).status).toBe(403);
  });

  it('refuses an Author unpublishing or deleting a live entry, and lets them delete a draft never published', async () => {
    const author = as('author');
    const live = await publishedProgramme();
    expect((await author.unpublish(PROGRAMME, live, 'ka')).status).toBe(403);
    expect((await author.remove(PROGRAMME, live, 'ka')).status).toBe(403);
    expect((await author.remove(PROGRAMME, live)).status).toBe(403);
    // The live document has a draft row too (same documentId): that row alone must not open the door.
    await author.save(PROGRAMME, live, 'ka', { title: 'Edited draft of a live programme', summary: 'Still live.' });
    expect((await author.remove(PROGRAMME, live, 'ka')).status).toBe(403);
    expect(
      await cms.strapi.documents(PROGRAMME).findOne({ documentId: live, locale: 'ka', status: 'published' } as never),
    ).toBeTruthy();

    const draft = await author.create(PROGRAMME, 'ka', { title: 'წასაშლელი', summary: 'დროებითი.' });
    expect(draft.status, draft.text).toBe(201);
    const removed = await author.remove(PROGRAMME, draft.body.data.documentId, 'ka');
    expect(removed.status, removed.text).toBe(200);
    expect(
      await cms.strapi.documents(PROGRAMME).findOne({ documentId: draft.body.data.documentId } as never),
    ).toBeNull();
  });

  it('lets an Editor publish an Author’s draft, unpublish it and delete a live entry', async () => {
    const author = as('author');
    const editor = as('editor');
    const created = await author.create(PROGRAMME, 'ka', { title: 'გამოსაქვეყნებელი', summary: 'აღწერა.' });
    const id = created.body.data.documentId as string;
    const published = await editor.publish(PROGRAMME, id, 'ka');
    expect(published.status, published.text).toBe(200);
    expect(
      await cms.strapi.documents(PROGRAMME).findOne({ documentId: id, locale: 'ka', status: 'published' } as never),
    ).toBeTruthy();
    // Now live: the Author can no longer delete it.
    expect((await author.remove(PROGRAMME, id, 'ka')).status).toBe(403);

    const unpublished = await editor.unpublish(PROGRAMME, id, 'ka');
    expect(unpublished.status, unpublished.text).toBe(200);
    expect(
      await cms.strapi.documents(PROGRAMME).findOne({ documentId: id, locale: 'ka', status: 'published' } as never),
    ).toBeNull();

    const live = await publishedProgramme();
    const removed = await editor.remove(PROGRAMME, live);
    expect(removed.status, removed.text).toBe(200);
    expect(await cms.strapi.documents(PROGRAMME).findOne({ documentId: live } as never)).toBeNull();
    expect((await editor.upload()).status).toBe(201);
  });

  it('resets both roles to the code on every start, keeping unchanged permissions as they are', async () => {
    const permissions = cms.strapi.db.query('admin::permission');
    const roles = await cms.strapi
      .service('admin::role')
      .find({ code: { $in: [ADMIN_ROLES.author.code, ADMIN_ROLES.editor.code] } });
    expect(roles.map((r: { name: string }) => r.name).sort()).toEqual(['Author', 'Editor']);
    const author = roles.find((r: { code: string }) => r.code === ADMIN_ROLES.author.code);
    const before = await permissions.findMany({ where: { role: author.id }, orderBy: 'id' });
    // Every content type, both locales; delete only with the condition; no publish.
    const byAction = (action: string) => before.filter((p: { action: string }) => p.action === action);
    expect(byAction('plugin::content-manager.explorer.publish')).toEqual([]);
    for (const action of ['create', 'read', 'update', 'delete']) {
      const granted = byAction(`plugin::content-manager.explorer.${action}`);
      expect(granted.map((p: { subject: string }) => p.subject).sort()).toEqual([...CONTENT_TYPES].sort());
      for (const p of granted) expect(p.properties.locales).toEqual(['ka', 'en']);
    }
    for (const p of byAction('plugin::content-manager.explorer.delete')) expect(p.conditions).toEqual([NOT_PUBLISHED]);

    // An administrator widened the Author role by hand: the next start takes it back, touching nothing else.
    await cms.strapi.service('admin::role').update({ id: author.id }, { name: 'Author (edited)' });
    await permissions.create({
      data: {
        action: 'plugin::content-manager.explorer.publish',
        subject: PROGRAMME,
        properties: {},
        conditions: [],
        role: author.id,
      },
    });
    await ensureAdminRoles(cms.strapi);
    const after = await permissions.findMany({ where: { role: author.id }, orderBy: 'id' });
    expect(after.map((p: { id: number }) => p.id)).toEqual(before.map((p: { id: number }) => p.id));
    expect((await cms.strapi.service('admin::role').findOne({ id: author.id })).name).toBe('Author');
  });
});
