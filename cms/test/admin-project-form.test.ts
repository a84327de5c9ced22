import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseKind, databaseSkipReason, type TestCms } from './support/cms';

/**
 * An editor can create, save and publish a project in the admin: the content-manager requests the
 * admin panel sends, with the whole form. Before `status` became `phase`, the document's
 * publication state filled the form's `status` field and every Save answered "Invalid status".
 */
const skip = await databaseSkipReason();
const PROJECT = 'api::project.project';
const ADMIN = { email: 'editor@asb.example.org', password: 'Editor-password-1' };
type Doc = Record<string, any>;

describe.runIf(!skip)(`project form in the admin on ${databaseKind}`, () => {
  let cms: TestCms;
  let token: string;
  const cm = (path: string) => `/content-manager/collection-types/${PROJECT}${path}`;
  const admin = (method: 'get' | 'post' | 'put', path: string, body?: unknown) => {
    const req = cms.http[method](path).set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body as object);
  };
  /**
   * The form as the admin submits it (content-manager's transformDocument): the loaded document's
   * schema fields without the document's meta fields, relations as (empty) connect lists. With an
   * attribute named `status`, the document's publication state ("published", "modified") landed in
   * that field and was sent back: "Invalid status".
   */
  const META = ['id', 'createdBy', 'updatedBy', 'publishedBy', 'createdAt', 'updatedAt', 'publishedAt'];
  const form = (doc: Doc, changes: Doc) => {
    const attributes = cms.strapi.contentType(PROJECT).attributes as Record<string, { type: string }>;
    const data: Doc = {};
    for (const [name, value] of Object.entries(doc)) {
      if (!(name in attributes) || META.includes(name)) continue;
      data[name] = attributes[name]!.type === 'relation' ? { connect: [], disconnect: [] } : value;
    }
    return { ...data, ...changes };
  };
  const stored = async (documentId: string, status: 'draft' | 'published') =>
    (await cms.strapi.documents(PROJECT).findOne({ documentId, locale: 'ka', status } as never)) as Doc | null;

  beforeAll(async () => {
    cms = await bootCms();
    const role = await cms.strapi.service('admin::role').getSuperAdmin();
    await cms.strapi.service('admin::user').create({
      ...ADMIN,
      firstname: 'Test',
      lastname: 'Editor',
      isActive: true,
      roles: [role.id],
    });
    const login = await cms.http.post('/admin/login').send(ADMIN);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    token = login.body.data.token;
  });
  afterAll(async () => cms?.stop());

  it('saves and publishes a changed phase of an imported project', async () => {
    const { documentId } = (await cms.strapi
      .documents(PROJECT)
      .findFirst({ locale: 'ka', status: 'published', filters: { phase: 'ongoing' } } as never)) as Doc;
    const loaded = await admin('get', cm(`/${documentId}?locale=ka`));
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    // The publication state the admin holds next to the fields: no longer mistaken for one of them.
    expect(loaded.body.data.status).toBe('published');
    expect(loaded.body.data.phase).toBe('ongoing');

    const body = form(loaded.body.data, { phase: 'completed' });
    const saved = await admin('put', cm(`/${documentId}?locale=ka`), body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.data.phase).toBe('completed');
    expect((await stored(documentId, 'draft'))?.phase).toBe('completed');
    expect((await stored(documentId, 'published'))?.phase).toBe('ongoing');

    // After Save the admin fetches the document again (new component ids) and publishes that form.
    const reloaded = await admin('get', cm(`/${documentId}?locale=ka`));
    expect(reloaded.body.data.status).toBe('modified');
    const published = await admin('post', cm(`/${documentId}/actions/publish?locale=ka`), form(reloaded.body.data, {}));
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect((await stored(documentId, 'published'))?.phase).toBe('completed');
  });

  it('creates, saves and publishes a new project with its phase', async () => {
    const created = await admin(
      'post',
      cm('?locale=ka'),
      form(
        { title: 'ახალი პროექტი ადმინიდან', summary: 'შექმნილია ადმინის ფორმით', locale: 'ka' },
        { phase: 'planned' },
      ),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId } = created.body.data as Doc;
    expect(created.body.data.phase).toBe('planned');

    const loaded = await admin('get', cm(`/${documentId}?locale=ka`));
    expect(loaded.body.data.status).toBe('draft');
    const body = form(loaded.body.data, { summary: 'შენახულია მეორედ' });
    const saved = await admin('put', cm(`/${documentId}?locale=ka`), body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const reloaded = await admin('get', cm(`/${documentId}?locale=ka`));
    const published = await admin('post', cm(`/${documentId}/actions/publish?locale=ka`), form(reloaded.body.data, {}));
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const live = await stored(documentId, 'published');
    expect([live?.phase, live?.summary]).toEqual(['planned', 'შენახულია მეორედ']);
  });

  it('refuses a phase that is not one of the three, naming the field', async () => {
    const { documentId } = (await cms.strapi.documents(PROJECT).findFirst({ locale: 'ka' } as never)) as Doc;
    const loaded = await admin('get', cm(`/${documentId}?locale=ka`));
    const res = await admin('put', cm(`/${documentId}?locale=ka`), form(loaded.body.data, { phase: 'finished' }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(/phase/);
  });
});
