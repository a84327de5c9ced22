import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '@asb/cms/harness';
import { startSiteServer, type SiteServer } from '../server/site-server.ts';
import { signedHeaders } from '@asb/shared';
import { freePort } from './support/browser';
import { adminSession, EDITORIAL_SECRETS, waitFor } from './support/editorial';

/**
 * Images, as an editor works with them: upload in the media library, use them (a partner's logo and
 * share image, an image in the partner's rich-text description, a social enterprise's photo), then
 * publish text-only edits of one document after another and check every rebuild went live.
 *
 * The bug this walks: an incremental build that re-rendered no page with an image still had to
 * transform the restored pages' images (Strapi serves uploads with max-age=0, so Astro's cached copy
 * is revalidated on every build), without the image service, which only rendering loads: the build
 * failed with InvalidImageService (patches/astro@7.3.5.patch). Which edits hit it depends on which
 * pages an edit re-renders, so the rounds edit documents with and without images.
 */
const tmp = path.join(import.meta.dirname, '../.tmp');
fs.mkdirSync(tmp, { recursive: true });
const secret = EDITORIAL_SECRETS.REBUILD_WEBHOOK_SECRET;
const ROUNDS = 15;
let cms: RunningCms;
let site: SiteServer;
let buildsDir: string;
let admin: Awaited<ReturnType<typeof adminSession>>;

type Status = ReturnType<SiteServer['rebuilder']['status']>;
async function status(): Promise<Status> {
  const res = await fetch(`${site.url}/_site/status`, { headers: signedHeaders(secret, 'GET /_site/status') });
  expect(res.status).toBe(200);
  return (await res.json()) as Status;
}
/** Waits until a build started after `before` has finished and nothing is queued. */
async function nextBuild(before: Status) {
  return waitFor(
    'the rebuild after a publish',
    async () => {
      await site.rebuilder.idle();
      const s = await status();
      return s.buildsStarted > before.buildsStarted && !s.building && !s.followUpQueued && s;
    },
    120_000,
  );
}
function expectNoNewFailure(before: Status, after: Status, what: string) {
  const failure = after.lastFailure?.at !== before.lastFailure?.at ? after.lastFailure?.reason : undefined;
  expect(failure, `${what}: the rebuild failed`).toBeUndefined();
  expect(after.lastSuccess?.id, what).toBe(after.live);
}

type Doc = { documentId: string; slug: string; title?: string; name?: string };
async function firstPublished(api: string, field: 'title' | 'name'): Promise<Doc> {
  const res = await fetch(`${cms.url}/api/${api}?locale=en&sort=documentId&fields[0]=slug&fields[1]=${field}`);
  return ((await res.json()) as { data: Doc[] }).data[0]!;
}

/** The page's `<img>` with this alt text, and its file as the site serves it. */
async function servedImage(pagePath: string, alt: string) {
  const page = await fetch(`${site.url}${pagePath}`);
  expect(page.status, pagePath).toBe(200);
  const img = parse(await page.text())
    .querySelectorAll('img')
    .find((i) => i.getAttribute('alt') === alt);
  expect(img, `${pagePath} shows an <img alt="${alt}">`).toBeDefined();
  const src = img!.getAttribute('src')!;
  // Served by the site (resized at build time), not hot-linked from the CMS.
  expect(src, `${pagePath} ${alt}`).toMatch(/^\/_astro\/.+\.webp$/);
  const file = await fetch(`${site.url}${src}`);
  expect(file.status, `${src} on ${pagePath}`).toBe(200);
  expect(file.headers.get('content-type'), src).toBe('image/webp');
  expect((await file.arrayBuffer()).byteLength, src).toBeGreaterThan(0);
  return src;
}

beforeAll(async () => {
  const port = await freePort();
  cms = await startCms({
    database: 'sqlite',
    setup: path.join(import.meta.dirname, 'fixtures/cms-editorial.mjs'),
    env: {
      ...EDITORIAL_SECRETS,
      REBUILD_URL: `http://127.0.0.1:${port}/_site/rebuild`,
      SITE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
  });
  buildsDir = fs.mkdtempSync(path.join(tmp, 'builds-'));
  site = await startSiteServer({
    cmsUrl: cms.url,
    port,
    buildsDir,
    secret,
    env: { ...EDITORIAL_SECRETS, SITE_URL: 'https://asb.example.org', CMS_ADMIN_URL: 'http://cms.example.org' },
    log: () => {},
  });
  admin = await adminSession(cms.url);
}, 300_000);

afterAll(async () => {
  await site?.stop();
  await cms?.stop();
  if (buildsDir) fs.rmSync(buildsDir, { recursive: true, force: true });
});

describe('images from the media library', () => {
  it(`keeps every rebuild live through ${ROUNDS} text-only publishes after images were uploaded and used`, async () => {
    // What editors upload: a phone photo (JPEG), a logo with transparency (PNG), names with spaces and Georgian.
    const photo = await sharp({
      create: { width: 1600, height: 1067, channels: 3, background: { r: 190, g: 90, b: 50 } },
    })
      .jpeg({ quality: 80 })
      .toBuffer();
    const logo = await sharp({
      create: { width: 480, height: 160, channels: 4, background: { r: 0, g: 80, b: 160, alpha: 0.6 } },
    })
      .png()
      .toBuffer();
    let before = await status();
    const logoFile = await admin.upload('ლოგო partner logo.png', logo, 'image/png', 'Partner logo');
    const photoFile = await admin.upload('Enterprise photo 2026.jpg', photo, 'image/jpeg', 'Bakery workshop');
    const shareFile = await admin.upload('share card.jpg', photo, 'image/jpeg', 'Share card');
    // Each upload tells the site to rebuild (nothing public uses the files yet).
    let after = await nextBuild(before);
    expectNoNewFailure(before, after, 'the uploads');

    const partner = await firstPublished('partners', 'name');
    const enterprise = await firstPublished('social-enterprises', 'name');
    const programme = await firstPublished('programmes', 'title');
    const funder = await firstPublished('funders', 'name');
    const P = 'api::partner.partner';
    const E = 'api::social-enterprise.social-enterprise';
    before = after;
    await admin.save(P, partner.documentId, 'en', {
      slug: partner.slug,
      logo: { file: logoFile.id, alt: 'Logo of the partner' },
      seo: { metaTitle: partner.name, shareImage: { file: shareFile.id, alt: 'Share card of the partner' } },
      // An image block embeds the media record, as the rich-text editor's image button does.
      description: [
        { type: 'paragraph', children: [{ type: 'text', text: 'The partner at work:' }] },
        { type: 'image', image: photoFile, children: [{ type: 'text', text: '' }] },
      ],
    });
    await admin.publish(P, partner.documentId, 'en');
    await admin.save(E, enterprise.documentId, 'en', {
      slug: enterprise.slug,
      image: { file: photoFile.id, alt: 'The enterprise’s workshop' },
    });
    await admin.publish(E, enterprise.documentId, 'en');
    after = await nextBuild(before);
    expectNoNewFailure(before, after, 'publishing the images');
    const partnerPage = `/en/partners/${partner.slug}/`;
    const enterprisePage = `/en/social-enterprises/${enterprise.slug}/`;
    await servedImage(partnerPage, 'Logo of the partner');
    await servedImage(partnerPage, 'Bakery workshop');
    await servedImage(enterprisePage, 'The enterprise’s workshop');

    // Text-only edits, one document after another: pages with images and pages without.
    const edits = [
      { uid: 'api::programme.programme', doc: programme, field: 'title', page: `/en/programmes/${programme.slug}/` },
      { uid: P, doc: partner, field: 'name', page: partnerPage },
      { uid: 'api::funder.funder', doc: funder, field: 'name', page: `/en/funders/${funder.slug}/` },
      { uid: E, doc: enterprise, field: 'name', page: enterprisePage },
    ] as const;
    const failed: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const edit = edits[(round - 1) % edits.length]!;
      const text = `${edit.doc[edit.field]} (edit ${round})`;
      before = await status();
      await admin.save(edit.uid, edit.doc.documentId, 'en', { slug: edit.doc.slug, [edit.field]: text });
      await admin.publish(edit.uid, edit.doc.documentId, 'en');
      after = await nextBuild(before);
      if (after.lastFailure?.at !== before.lastFailure?.at)
        failed.push(`round ${round} (${edit.uid}): ${after.lastFailure?.reason}`);
      else {
        expect(await (await fetch(`${site.url}${edit.page}`)).text(), `round ${round}`).toContain(text);
        await servedImage(partnerPage, 'Logo of the partner');
        await servedImage(partnerPage, 'Bakery workshop');
        await servedImage(enterprisePage, 'The enterprise’s workshop');
      }
    }
    expect(failed, `${failed.length} of ${ROUNDS} rebuilds failed`).toEqual([]);
  }, 900_000);
});
