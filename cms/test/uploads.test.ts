import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseSkipReason, type TestCms } from './support/cms';

/**
 * Uploads as the admin's media library sends them (POST /upload, multipart, an editor's session):
 * what is refused says which file and why; big photos are shrunk before they are stored.
 */
const skip = await databaseSkipReason();
const ADMIN = { email: 'uploads-editor@asb.example.org', password: 'Uploads-password-1' };
const GEORGIAN = { email: 'uploads-ka@asb.example.org', password: 'Uploads-password-2' };

describe.skipIf(skip)('uploads through the media library', () => {
  let cms: TestCms;
  let token: string;
  let georgianToken: string;

  beforeAll(async () => {
    cms = await bootCms({ IMPORT_ON_FIRST_START: 'false' });
    const role = await cms.strapi.service('admin::role').getSuperAdmin();
    await cms.strapi.service('admin::user').create({
      ...ADMIN,
      firstname: 'Uploads',
      lastname: 'Editor',
      isActive: true,
      roles: [role.id],
    });
    const login = await cms.http.post('/admin/login').send(ADMIN);
    expect(login.status).toBe(200);
    token = login.body.data.token;
    // An editor whose admin interface is in Georgian (Profile → Interface language).
    await cms.strapi.service('admin::user').create({
      ...GEORGIAN,
      firstname: 'ნინო',
      lastname: 'რედაქტორი',
      isActive: true,
      roles: [role.id],
      preferedLanguage: 'ka',
    });
    georgianToken = (await cms.http.post('/admin/login').send(GEORGIAN)).body.data.token;
  });
  afterAll(() => cms?.stop());

  const upload = (name: string, bytes: Buffer, contentType: string, as = token) =>
    cms.http
      .post('/upload')
      .set('Authorization', `Bearer ${as}`)
      .attach('files', bytes, { filename: name, contentType })
      .field('fileInfo', JSON.stringify({ name, alternativeText: '' }));

  const picture = (width: number, height: number, format: 'jpeg' | 'png') =>
    sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 40 } } })
      .toFormat(format)
      .toBuffer();

  it('stores a small picture as it is', async () => {
    const res = await upload('partner-logo.png', await picture(400, 200, 'png'), 'image/png');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body[0]).toMatchObject({ name: 'partner-logo.png', width: 400, height: 200, mime: 'image/png' });
  });

  it('refuses a text file named .png, naming the file and what to do', async () => {
    const res = await upload('not-a-photo.png', Buffer.from('this is a text file, not a picture\n'), 'image/png');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('“not-a-photo.png” is not a picture the site can show');
    expect(res.body.error.message).toContain('export it as JPEG or PNG');
    expect(await cms.strapi.db.query('plugin::upload.file').count({ where: { name: 'not-a-photo.png' } })).toBe(0);
  });

  it('says it in Georgian to an editor whose interface is Georgian', async () => {
    const res = await upload('ფოტო.png', Buffer.from('ტექსტი, არა სურათი\n'), 'image/png', georgianToken);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('„ფოტო.png“ არ არის სურათი, რომელსაც საიტი აჩვენებს');
    const big = await upload('ანგარიში.pdf', Buffer.alloc(21 * 1024 * 1024, 1), 'application/pdf', georgianToken);
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('„ანგარიში.pdf“ 21 მბ-ია; ფაილი შეიძლება იყოს მაქსიმუმ 20 მბ');
  });

  it('refuses a picture format the site cannot show, saying which it is', async () => {
    const tiff = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .tiff()
      .toBuffer();
    const res = await upload('scan.tiff', tiff, 'image/tiff');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/“scan\.tiff” is not a picture the site can show \(it is TIFF\)/);
  });

  it('refuses a file over 20 MB with its size and the limit', async () => {
    const res = await upload('huge-report.pdf', Buffer.alloc(21 * 1024 * 1024, 1), 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain('“huge-report.pdf” is 21 MB; files can be at most 20 MB');
  });

  it('shrinks a large photo to 2,560 px on its longest side before storing it', async () => {
    const res = await upload('village-meeting.jpg', await picture(4000, 3000, 'jpeg'), 'image/jpeg');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body[0]).toMatchObject({ width: 2560, height: 1920, mime: 'image/jpeg' });
    // The stored original, not only the recorded size, is the resized one.
    const stored = path.join(cms.strapi.dirs.static.public, res.body[0].url);
    expect(fs.existsSync(stored)).toBe(true);
    expect(await sharp(stored).metadata()).toMatchObject({ width: 2560, height: 1920, format: 'jpeg' });
  });
});
