#!/usr/bin/env node
// Publish → live: the time from an editor's "Publish" in the CMS to the changed page being served
// by the site server, beside a full rebuild (no cache) in the same run.
//
//   node bench/publish-to-live.mjs [org] [1000] [5000] [--runs 5]
//
// Each data set gets a seeded CMS (harness, SQLite; synthetic projects through
// bench/support/seed-synthetic.mjs) with the editorial loop configured, and the real site server
// (web/server/site-server.ts) building into web/.tmp. A run saves and publishes a new English title
// of one project through the admin API, then polls the served page until the title appears; the
// search index follows the pages (its time is printed beside).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCms } from '../cms/harness/index.mjs';
import { startSiteServer } from '../web/server/site-server.ts';
// The signing both the CMS and the site use (@asb/shared, built to shared/dist by ./platform).
import { signedHeaders } from '../shared/dist/index.js';

const root = path.resolve(import.meta.dirname, '..');
const webTmp = path.join(root, 'web/.tmp');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const sizes = args.filter((a, i) => !a.startsWith('--') && i !== runsAt + 1);
if (sizes.length === 0) sizes.push('org', '1000');

const SECRETS = {
  PREVIEW_SECRET: 'bench-preview-secret',
  PREVIEW_TOKEN: 'bench-preview-token-0123456789abcdef',
  REBUILD_WEBHOOK_SECRET: 'bench-rebuild-secret',
};
const ADMIN = { email: 'editor@asb.example.org', password: 'Editor-password-1' };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The harness's `setup` takes one module: seed the synthetic projects, then add an editor account. */
function setupModule() {
  const file = path.join(webTmp, 'bench-publish-setup.mjs');
  fs.mkdirSync(webTmp, { recursive: true });
  fs.writeFileSync(
    file,
    `import seed from ${JSON.stringify(pathToFileURL(path.join(root, 'bench/support/seed-synthetic.mjs')).href)};
export default async function setup(strapi) {
  await seed(strapi);
  const role = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({ ...${JSON.stringify(ADMIN)}, firstname: 'Bench', lastname: 'Editor', isActive: true, roles: [role.id] });
}
`,
  );
  return file;
}

async function admin(cmsUrl) {
  const login = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { data } = await login.json();
  return async (method, urlPath, body) => {
    const res = await fetch(`${cmsUrl}${urlPath}`, {
      method,
      headers: { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${urlPath}: HTTP ${res.status} ${await res.text()}`);
  };
}

async function until(check, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

const rows = [];
for (const size of sizes) {
  const projects = size === 'org' ? 0 : Number(size);
  const label = size === 'org' ? "organisation's content" : `${projects} synthetic projects`;
  process.stdout.write(`\n${label}: starting a seeded CMS… `);
  const port = await freePort();
  const cms = await startCms({
    database: 'sqlite',
    setup: setupModule(),
    // Every publish empties the CMS's response cache anyway; off, the full rebuilds are not served from it either.
    env: {
      ...SECRETS,
      BENCH_PROJECTS: String(projects),
      REBUILD_URL: `http://127.0.0.1:${port}/_site/rebuild`,
      API_CACHE: 'off',
    },
    timeoutMs: 3_600_000,
  });
  console.log((/seeded .*/.exec(cms.log()) ?? ['ready'])[0]);
  const buildsDir = path.join(webTmp, `bench-builds-${size}`);
  fs.rmSync(buildsDir, { recursive: true, force: true });
  let site;
  try {
    const first = Date.now();
    site = await startSiteServer({
      cmsUrl: cms.url,
      port,
      buildsDir,
      secret: SECRETS.REBUILD_WEBHOOK_SECRET,
      env: { ...SECRETS },
      log: () => {},
    });
    const pages = site.rebuilder.status().builds.at(-1)?.pages;
    console.log(`  first (full) build and switch: ${s(Date.now() - first)}, ${pages} pages`);
    const call = await admin(cms.url);
    const list = await (await fetch(`${cms.url}/api/projects?locale=en&fields[0]=slug&pagination[pageSize]=1`)).json();
    const { documentId, slug } = list.data[0];
    const doc = `/content-manager/collection-types/api::project.project/${documentId}`;

    const publishToLive = [];
    const publishToSearch = [];
    for (let run = 1; run <= runs; run++) {
      await site.rebuilder.idle();
      const title = `Benchmark title ${run} ${Date.now()}`;
      await call('PUT', `${doc}?locale=en`, { title, slug, locale: 'en' });
      const started = Date.now();
      await call('POST', `${doc}/actions/publish?locale=en`, { locale: 'en' });
      await until(async () => (await (await fetch(`${site.url}/en/projects/${slug}/`)).text()).includes(title));
      publishToLive.push(Date.now() - started);
      await site.rebuilder.idle();
      const build = site.rebuilder.status().builds.at(-1);
      const phases = Object.entries(build?.phases ?? {});
      // The pages go live first; the search index follows (web/builder/search-index.ts).
      publishToSearch.push(publishToLive.at(-1) + (build?.phases?.search ?? 0));
      console.log(
        `  run ${run}: publish → live ${s(publishToLive.at(-1))}, search index ${s(publishToSearch.at(-1))} (${phases.map(([k, v]) => `${k} ${s(v)}`).join(', ')})`,
      );
    }

    // A full rebuild through the same pipeline: no content store, no page cache.
    const full = [];
    for (let run = 1; run <= Math.min(runs, 3); run++) {
      await site.rebuilder.idle();
      fs.rmSync(site.rebuilder.cacheDir, { recursive: true, force: true });
      const before = site.rebuilder.status().builds.at(-1)?.id;
      const body = JSON.stringify({ id: `bench-full-${Date.now()}`, event: 'bench' });
      const started = Date.now();
      await fetch(`${site.url}/_site/rebuild`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...signedHeaders(SECRETS.REBUILD_WEBHOOK_SECRET, body) },
        body,
      });
      await until(async () => site.rebuilder.status().builds.at(-1)?.id !== before);
      full.push(Date.now() - started);
      const phases = Object.entries(site.rebuilder.status().builds.at(-1)?.phases ?? {});
      console.log(`  full rebuild ${run}: ${s(full.at(-1))} (${phases.map(([k, v]) => `${k} ${s(v)}`).join(', ')})`);
    }
    rows.push({ label, pages, publish: median(publishToLive), search: median(publishToSearch), full: median(full) });
  } finally {
    await site?.stop();
    await cms.stop();
    fs.rmSync(buildsDir, { recursive: true, force: true });
  }
}

console.log(`\nmedian of ${runs} publishes (full rebuild: median of up to 3), SQLite, Node ${process.versions.node}\n`);
console.log('| content | pages | publish → live | publish → search index | full rebuild → live |');
console.log('| ------- | ----- | -------------- | ---------------------- | ------------------- |');
for (const r of rows) console.log(`| ${r.label} | ${r.pages} | ${s(r.publish)} | ${s(r.search)} | ${s(r.full)} |`);
