import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseSkipReason, type TestCms } from './support/cms';

/**
 * "Fill in from another locale", as the edit view's action asks for it
 * (GET /i18n/content-manager/get-fill-from-locale/:model with an editor's session): every localized
 * field comes over except the slug and images' alternative text, which the editor writes per language.
 */
const skip = await databaseSkipReason();
const ADMIN = { email: 'fill-editor@asb.example.org', password: 'Fill-password-1' };
const PARTNER = 'api::partner.partner';

describe.skipIf(skip)('fill in from another locale', () => {
  let cms: TestCms;
  let token: string;

  beforeAll(async () => {
    cms = await bootCms({ IMPORT_ON_FIRST_START: 'false' });
    const role = await cms.strapi.service('admin::role').getSuperAdmin();
    await cms.strapi.service('admin::user').create({
      ...ADMIN,
      firstname: 'Fill',
      lastname: 'Editor',
      isActive: true,
      roles: [role.id],
    });
    token = (await cms.http.post('/admin/login').send(ADMIN)).body.data.token;
  });
  afterAll(() => cms?.stop());

  it('copies the text and the picture, leaves the slug and the alternative text empty', async () => {
    const png = await sharp({ create: { width: 80, height: 40, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const uploaded = await cms.http
      .post('/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', png, { filename: 'logo.png', contentType: 'image/png' });
    expect(uploaded.status).toBe(201);
    const fileId = uploaded.body[0].id as number;

    const partner = await cms.strapi.documents(PARTNER).create({
      locale: 'ka',
      data: {
        name: 'სამოქალაქო საზოგადოების ინსტიტუტი',
        kind: 'ngo',
        logo: { file: fileId, alt: 'ინსტიტუტის ლოგო: წითელი ოთხკუთხედი' },
        seo: { metaTitle: 'ინსტიტუტი', shareImage: { file: fileId, alt: 'გასაზიარებელი სურათი' } },
        description: [
          { type: 'paragraph', children: [{ type: 'text', text: 'ინსტიტუტის შესახებ' }] },
          {
            type: 'image',
            image: { ...uploaded.body[0], alternativeText: 'ლოგო' },
            children: [{ type: 'text', text: '' }],
          },
        ],
      },
    } as never);
    expect(partner.slug).toBe('samokalako-sazogadoebis-instituti');

    const res = await cms.http
      .get(`/i18n/content-manager/get-fill-from-locale/${PARTNER}`)
      .query({
        documentId: partner.documentId,
        sourceLocale: 'ka',
        targetLocale: 'en',
        collectionType: 'collection-types',
      })
      .set('Authorization', `Bearer ${token}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const data = res.body.data;
    // Copied: the text the translator starts from, and the pictures themselves.
    expect(data.name).toBe('სამოქალაქო საზოგადოების ინსტიტუტი');
    expect(data.seo.metaTitle).toBe('ინსტიტუტი');
    expect(data.logo.file).toMatchObject({ id: fileId });
    expect(data.seo.shareImage.file).toMatchObject({ id: fileId });
    // Not copied: the address and the descriptions of the pictures, at any depth.
    expect(data.slug).toBe('');
    expect(data.logo.alt).toBe('');
    expect(data.seo.shareImage.alt).toBe('');
    expect(data.description[0].children[0].text).toBe('ინსტიტუტის შესახებ');
    expect(data.description[1].image).toMatchObject({ name: 'logo.png', alternativeText: '' });
  });
});
