import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '@asb/cms/harness';
import { buildSite } from '../builder/build-site.ts';
import { startSiteServer, type SiteServer } from '../server/site-server.ts';
import { signedHeaders } from '@asb/shared';
import { indexedPages, searchIndexOf } from '../builder/search-index.ts';
import { htmlFiles } from '../builder/verify.ts';
import { freePort } from './support/browser';
import {
  adminSession,
  EDITORIAL_SECRETS,
  HOME_PAGE,
  ORGANISATION,
  PROJECT,
  signedNotice,
  waitFor,
} from './support/editorial';

/**
 * The editorial loop end to end: a real CMS (with the preview handler and the rebuild notifier), the
 * real site server building into real folders, an editor working through the admin API.
 */
const SITE_URL = 'https://asb.example.org';
// Builds import the site's dependencies at build and run time, so they live inside web/, as web/builds does.
const tmp = path.join(import.meta.dirname, '../.tmp');
fs.mkdirSync(tmp, { recursive: true });
let cms: RunningCms;
let site: SiteServer;
let buildsDir: string;
let admin: Awaited<ReturnType<typeof adminSession>>;
const secret = EDITORIAL_SECRETS.REBUILD_WEBHOOK_SECRET;

type Doc = { documentId: string; slug: string; title: string };
async function publishedProjects(locale: string): Promise<Doc[]> {
  const res = await fetch(
    `${cms.url}/api/projects?locale=${locale}&pagination[pageSize]=100&fields[0]=slug&fields[1]=title`,
  );
  return ((await res.json()) as { data: Doc[] }).data;
}
const get = (urlPath: string) => fetch(`${site.url}${urlPath}`, { redirect: 'manual' });
const text = async (urlPath: string) => (await get(urlPath)).text();
async function status() {
  const res = await fetch(`${site.url}/_site/status`, { headers: signedHeaders(secret, 'GET /_site/status') });
  expect(res.status).toBe(200);
  return (await res.json()) as ReturnType<SiteServer['rebuilder']['status']>;
}
/** What the live build's search serves: its own index once it has one (see builder/search-index.ts). */
function liveSearch() {
  const live = fs.readlinkSync(path.join(buildsDir, 'current'));
  const index = searchIndexOf(path.join(buildsDir, live));
  return { live, index, pages: index ? indexedPages(index) : [] };
}
/** Waits until the site has built everything the CMS told it about. */
async function settled() {
  await waitFor('the rebuilder to settle', async () => {
    await site.rebuilder.idle();
    const s = await status();
    return !s.building && !s.followUpQueued;
  });
  return status();
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
    env: { ...EDITORIAL_SECRETS, SITE_URL, CMS_ADMIN_URL: 'http://cms.example.org' },
    log: () => {},
  });
  admin = await adminSession(cms.url);
}, 300_000);

afterAll(async () => {
  await site?.stop();
  await cms?.stop();
  if (buildsDir) fs.rmSync(buildsDir, { recursive: true, force: true });
});

describe('preview', () => {
  it('shows a saved draft through the CMS’s preview link, and nowhere public', async () => {
    const [project] = await publishedProjects('en');
    const draftTitle = `Draft title ${Date.now()}`;
    await admin.save(PROJECT, project!.documentId, 'en', { title: draftTitle, slug: project!.slug });

    const link = await admin.previewUrl(PROJECT, project!.documentId, 'en');
    expect(link).toMatch(new RegExp(`^${site.url}/preview/en/projects/${project!.documentId}/\\?`));
    const res = await fetch(link!);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(draftTitle);
    // The same component as the static page: the static page's structure, with the draft's text.
    const live = await text(`/en/projects/${project!.slug}/`);
    expect(live).not.toContain(draftTitle);
    expect(html.match(/<dl class="facts">/g)?.length).toBe(live.match(/<dl class="facts">/g)?.length);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(res.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(res.headers.get('content-security-policy')).toBe('frame-ancestors http://cms.example.org');
    expect(html).toMatch(/<meta name="robots" content="noindex"/);
    expect(html).not.toMatch(/data-pagefind-body/);

    const api = await (await fetch(`${cms.url}/api/projects/${project!.documentId}?locale=en`)).json();
    expect(JSON.stringify(api)).not.toContain(draftTitle);
    expect(await text('/sitemap.xml')).not.toContain('/preview/');
  });

  it('refuses a request without the signature, with a wrong one, or past its expiry', async () => {
    const [project] = await publishedProjects('ka');
    const link = new URL((await admin.previewUrl(PROJECT, project!.documentId, 'ka'))!);
    const unsigned = new URL(link.pathname, link);
    const wrong = new URL(link);
    wrong.searchParams.set('signature', '0'.repeat(64));
    const otherDocument = new URL(link);
    otherDocument.pathname = link.pathname.replace(project!.documentId, 'somethingelse');
    const expired = new URL(link);
    expired.searchParams.set('expires', String(Date.now() - 1000));
    for (const url of [unsigned, wrong, otherDocument, expired]) {
      const res = await fetch(url);
      expect(res.status, url.href).toBe(403);
      expect((await res.json()).error).toMatch(/^Preview refused: /);
      expect(res.headers.get('cache-control')).toMatch(/no-store/);
    }
  });
});

describe('preview of the home page and the organisation settings', () => {
  const stamp = Date.now();
  const draft = {
    title: `Draft home title ${stamp}`,
    intro: `Draft home intro ${stamp}`,
    tagline: `Draft tagline ${stamp}`,
    // The CMS accepts digits, spaces and brackets; unique so that only the draft can show it.
    phone: `+995 (32) ${String(stamp).slice(-7)}`,
  };
  const footer = (html: string) => html.slice(html.indexOf('<footer'));
  /** What the public reads through the API, REST and GraphQL. */
  async function publicApi() {
    const rest = await Promise.all(
      ['home-page', 'organisation-setting'].map(async (type) =>
        (await fetch(`${cms.url}/api/${type}?locale=en`)).text(),
      ),
    );
    const graphql = await fetch(`${cms.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query: '{ homePage(locale: "en") { title intro } organisationSetting(locale: "en") { tagline phone } }',
      }),
    });
    expect(graphql.status).toBe(200);
    return [...rest, await graphql.text()].join('\n');
  }

  beforeAll(async () => {
    await admin.saveSingle(HOME_PAGE, 'en', {
      title: draft.title,
      intro: [{ type: 'paragraph', children: [{ type: 'text', text: draft.intro }] }],
    });
    await admin.saveSingle(ORGANISATION, 'en', { tagline: draft.tagline, phone: draft.phone });
  });

  it('shows the draft home page, with the draft settings in it and in the footer, and nowhere public', async () => {
    const link = await admin.previewUrl(HOME_PAGE, undefined, 'en');
    expect(link).toMatch(new RegExp(`^${site.url}/preview/en/home/\\?`));
    const res = await fetch(link!);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const value of [draft.title, draft.intro, draft.tagline]) expect(html).toContain(value);
    expect(footer(html)).toContain(draft.phone);
    // The same component as the static home page: its sections, with the draft's text.
    const live = await text('/en/');
    for (const value of Object.values(draft)) expect(live).not.toContain(value);
    expect(html.match(/<section class="wide"/g)?.length).toBe(live.match(/<section class="wide"/g)?.length);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(res.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(res.headers.get('content-security-policy')).toBe('frame-ancestors http://cms.example.org');
    expect(html).toMatch(/<meta name="robots" content="noindex"/);
    expect(html).not.toMatch(/data-pagefind-body/);

    // Each locale previews its own text: the English draft title is not the Georgian home page's.
    const ka = await fetch((await admin.previewUrl(HOME_PAGE, undefined, 'ka'))!);
    expect(ka.status).toBe(200);
    expect(await ka.text()).not.toContain(draft.title);

    const api = await publicApi();
    for (const value of Object.values(draft)) expect(api).not.toContain(value);
    expect(await text('/sitemap.xml')).not.toContain('/preview/');
  });

  it('shows draft organisation settings on the contact page, the published ones when asked, and nowhere public', async () => {
    const link = await admin.previewUrl(ORGANISATION, undefined, 'en');
    expect(link).toMatch(new RegExp(`^${site.url}/preview/en/contact/\\?`));
    const res = await fetch(link!);
    expect(res.status).toBe(200);
    const html = await res.text();
    const main = html.slice(html.indexOf('<main'), html.indexOf('<footer'));
    expect(main).toContain(draft.tagline);
    expect(main).toContain(draft.phone);
    expect(footer(html)).toContain(draft.phone);
    const live = await text('/en/contact/');
    expect(live).not.toContain(draft.tagline);
    expect(live).not.toContain(draft.phone);
    expect(html.match(/<dt>/g)?.length).toBe(live.match(/<dt>/g)?.length);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(res.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(html).toMatch(/<meta name="robots" content="noindex"/);
    expect(html).not.toMatch(/data-pagefind-body/);

    // The panel's "published" tab shows what is live, not the draft.
    const published = await fetch((await admin.previewUrl(ORGANISATION, undefined, 'en', 'published'))!);
    expect(published.status).toBe(200);
    const publishedHtml = await published.text();
    expect(publishedHtml).not.toContain(draft.tagline);
    expect(publishedHtml).not.toContain(draft.phone);

    const api = await publicApi();
    expect(api).not.toContain(draft.tagline);
    expect(api).not.toContain(draft.phone);
  });

  it('refuses a request without the signature, with a wrong one, for another page or status, or expired', async () => {
    const home = new URL((await admin.previewUrl(HOME_PAGE, undefined, 'ka'))!);
    const contact = new URL((await admin.previewUrl(ORGANISATION, undefined, 'ka'))!);
    const refused: URL[] = [];
    for (const link of [home, contact]) {
      const wrong = new URL(link);
      wrong.searchParams.set('signature', '0'.repeat(64));
      const published = new URL(link);
      published.searchParams.set('status', 'published');
      const expired = new URL(link);
      expired.searchParams.set('expires', String(Date.now() - 1000));
      refused.push(new URL(link.pathname, link), wrong, published, expired);
    }
    // A link signed for one page does not open the other.
    const swapped = new URL(home);
    swapped.pathname = contact.pathname;
    refused.push(swapped);
    for (const url of refused) {
      const res = await fetch(url);
      expect(res.status, url.href).toBe(403);
      expect((await res.json()).error).toMatch(/^Preview refused: /);
      expect(res.headers.get('cache-control')).toMatch(/no-store/);
    }
    // The links themselves open.
    for (const link of [home, contact]) expect((await fetch(link)).status, link.href).toBe(200);
  });
});

describe('publish → rebuild → live', () => {
  it('refuses forged, mis-signed and replayed rebuild calls, and builds nothing for them', async () => {
    const before = (await settled()).buildsStarted;
    const post = (body: string, headers: Record<string, string>) =>
      fetch(`${site.url}/_site/rebuild`, { method: 'POST', body, headers });
    const body = JSON.stringify({ id: 'forged-call-1', event: 'entry.publish' });
    expect((await post(body, { 'Content-Type': 'application/json' })).status).toBe(401);
    const wrong = signedNotice('not-the-secret');
    expect((await post(wrong.body, wrong.headers)).status).toBe(401);
    const stale = signedHeaders(secret, body, Date.now() - 10 * 60 * 1000);
    expect((await post(body, stale)).status).toBe(401);
    const tampered = signedNotice(secret);
    expect((await post(tampered.body.replace('entry.publish', 'entry.delete'), tampered.headers)).status).toBe(401);

    const real = signedNotice(secret);
    expect((await post(real.body, real.headers)).status).toBe(202);
    const replay = await post(real.body, real.headers);
    expect(replay.status).toBe(409);
    expect((await replay.json()).error).toMatch(/already received/);
    expect((await settled()).buildsStarted).toBe(before + 1);
  });

  it('serves a published edit without any manual step', async () => {
    const [project] = await publishedProjects('en');
    const title = `Published title ${Date.now()}`;
    // As the admin's form does, the save sends the slug along (a title without a slug makes a new slug).
    await admin.save(PROJECT, project!.documentId, 'en', { title, slug: project!.slug });
    await admin.publish(PROJECT, project!.documentId, 'en');
    await waitFor('the edit to be served', async () => (await text(`/en/projects/${project!.slug}/`)).includes(title));
    expect(await text('/en/projects/')).toContain(title);
    // The pages go live first; the search index follows, in the build's own folder.
    const s = await settled();
    expect(s.lastSuccess?.id).toBe(s.live);
    expect(fs.readlinkSync(path.join(buildsDir, 'current'))).toBe(s.live);
    const search = liveSearch();
    expect(search.index).toBe(fs.realpathSync(path.join(buildsDir, s.live!, 'search')));
    const indexed = search.pages.find((p) => p.url === `/en/projects/${project!.slug}/`);
    expect(indexed?.content).toContain(title);
    expect(s.lastSuccess?.searchMs).toBeGreaterThan(s.lastSuccess!.ms);
    expect((await get('/pagefind/pagefind.js')).status).toBe(200);
  }, 120_000);

  it('removes an unpublished document: its pages, the links to it, the sitemap entry and the search index entries', async () => {
    const projects = await publishedProjects('ka');
    const project = projects[projects.length - 1]!;
    const en = (await publishedProjects('en')).find((p) => p.documentId === project.documentId)!;
    expect((await get(`/ka/projects/${project.slug}/`)).status).toBe(200);
    await admin.unpublish(PROJECT, project.documentId, 'ka');
    await admin.unpublish(PROJECT, project.documentId, 'en');
    await waitFor('the pages to be gone', async () => (await get(`/ka/projects/${project.slug}/`)).status === 404);
    expect((await get(`/en/projects/${en.slug}/`)).status).toBe(404);
    expect(await text('/ka/projects/')).not.toContain(`/ka/projects/${project.slug}/`);
    expect(await text('/sitemap.xml')).not.toContain(`/projects/${project.slug}/`);
    const live = path.join(buildsDir, 'current', 'client');
    for (const file of htmlFiles(live))
      expect(fs.readFileSync(file, 'utf8')).not.toContain(`/projects/${project.slug}/"`);
    await settled();
    const urls = liveSearch().pages.map((p) => p.url);
    expect(urls).toContain(`/ka/projects/${projects[0]!.slug}/`);
    expect(urls).not.toContain(`/ka/projects/${project.slug}/`);
    expect(urls).not.toContain(`/en/projects/${en.slug}/`);
  });

  it('builds at most twice for 20 publishes in a burst, and serves the last one', async () => {
    const before = (await settled()).buildsStarted;
    const [project] = await publishedProjects('en');
    let title = '';
    for (let i = 1; i <= 20; i++) {
      title = `Burst ${i} ${Date.now()}`;
      await admin.save(PROJECT, project!.documentId, 'en', { title, slug: project!.slug });
      await admin.publish(PROJECT, project!.documentId, 'en');
    }
    await waitFor('the last edit to be served', async () =>
      (await text(`/en/projects/${project!.slug}/`)).includes(title),
    );
    const after = await settled();
    expect(after.buildsStarted - before).toBeGreaterThanOrEqual(1);
    expect(after.buildsStarted - before).toBeLessThanOrEqual(2);
    expect(await text(`/en/projects/${project!.slug}/`)).toContain(title);
  }, 240_000);

  it('builds incrementally to exactly what a full build makes of the same content', async () => {
    await settled();
    const full = fs.mkdtempSync(path.join(tmp, 'full-'));
    try {
      await buildSite({ env: { CMS_URL: cms.url, SITE_URL }, outDir: full, quiet: true });
      const live = fs.realpathSync(path.join(buildsDir, 'current', 'client'));
      const files = (dir: string) =>
        htmlFiles(dir)
          .map((f) => path.relative(dir, f))
          .sort();
      expect(files(live)).toEqual(files(path.join(full, 'client')));
      for (const file of files(live)) {
        expect(fs.readFileSync(path.join(live, file), 'utf8'), file).toBe(
          fs.readFileSync(path.join(full, 'client', file), 'utf8'),
        );
      }
      expect(fs.readFileSync(path.join(live, 'sitemap.xml'), 'utf8')).toBe(
        fs.readFileSync(path.join(full, 'client', 'sitemap.xml'), 'utf8'),
      );
    } finally {
      fs.rmSync(full, { recursive: true, force: true });
    }
  });

  it('rolls back with one command to the previous build, exactly as it was served', async () => {
    const [project] = await publishedProjects('en');
    const url = `/en/projects/${project!.slug}/`;
    const before = await text(url);
    // A build with nothing changed restores the page from Astro's cache (a hard link to the cached
    // copy); a newer build re-renders it. The older build must keep its own bytes: the cache must
    // never be rewritten in place.
    const started = (await settled()).buildsStarted;
    await fetch(`${site.url}/_site/rebuild`, { method: 'POST', ...signedNotice(secret) });
    await waitFor('a build with no changes', async () => (await settled()).buildsStarted > started);
    const previous = (await settled()).live;
    expect(await text(url)).toBe(before);
    const title = `Rolled back ${Date.now()}`;
    await admin.save(PROJECT, project!.documentId, 'en', { title, slug: project!.slug });
    await admin.publish(PROJECT, project!.documentId, 'en');
    await waitFor('the edit to be served', async () => (await text(url)).includes(title));
    await settled();
    const res = await fetch(`${site.url}/_site/rollback`, {
      method: 'POST',
      ...signedNotice(secret, { event: 'rollback' }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).live).toBe(previous);
    expect(fs.readlinkSync(path.join(buildsDir, 'current'))).toBe(previous);
    expect(site.liveBuild()).toBe(previous);
    expect(await text(url)).toBe(before);
  }, 120_000);

  it('keeps the live site when an entry is invalid, and reports why', async () => {
    const before = await settled();
    const [project] = await publishedProjects('en');
    const page = await text(`/en/projects/${project!.slug}/`);
    await fetch(`${cms.url}/test-only/set-slug`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ documentId: project!.documentId, locale: 'en', slug: 'Not A Slug!' }),
    });
    const notice = signedNotice(secret, { documentId: project!.documentId });
    await fetch(`${site.url}/_site/rebuild`, { method: 'POST', ...notice });
    const after = await settled();
    expect(after.buildsStarted).toBe(before.buildsStarted + 1);
    expect(after.lastFailure?.reason).toMatch(
      new RegExp(`projects document ${project!.documentId} \\(en\\) does not fit the site's schema`),
    );
    expect(after.live).toBe(before.live);
    expect(await text(`/en/projects/${project!.slug}/`)).toBe(page);
    await fetch(`${cms.url}/test-only/set-slug`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ documentId: project!.documentId, locale: 'en', slug: project!.slug }),
    });
  });

  it('keeps the live site when the CMS is down, and reports why', async () => {
    const before = await settled();
    const home = await text('/en/');
    await cms.stop();
    await fetch(`${site.url}/_site/rebuild`, { method: 'POST', ...signedNotice(secret) });
    const after = await settled();
    expect(after.buildsStarted).toBe(before.buildsStarted + 1);
    expect(after.lastFailure?.reason).toMatch(/The CMS is unreachable/);
    expect(after.live).toBe(before.live);
    expect(fs.readlinkSync(path.join(buildsDir, 'current'))).toBe(before.live);
    expect(await text('/en/')).toBe(home);
  });
});
