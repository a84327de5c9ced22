#!/usr/bin/env node
// Benchmark: building the site from the CMS.
//
//   node bench/site-build.mjs [--sizes org,100,1000,5000] [--runs 3]
//
// For each data set (the organisation's content, then N synthetic projects with their partners,
// funders and enterprises in both locales) it starts a seeded CMS, then per run measures:
//   fetch  the content layer's GraphQL fetch and validation, from the first loader's start to
//          the last one's end (the loaders print marks when BENCH_TIMING=1)
//   build  `astro build`, whole process: start-up, fetch, render, write (no Pagefind)
//   render build − fetch
//   peak   the build process's peak resident memory
//   floor  a plain Node script writing the same files with the same sizes: this machine's
//          cost of creating the output, measured in the same run as the baseline
// and prints medians, ms per page and the ratio build / floor.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startCms } from '../cms/harness/index.mjs';
import { astroBuildArgs, tempSiteDir } from '../web/builder/build-site.ts';
import { median, table } from './support/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.join(here, '..', 'web');
const { values } = parseArgs({
  options: { sizes: { type: 'string', default: 'org,100,1000,5000' }, runs: { type: 'string', default: '3' } },
});
const sizes = values.sizes.split(',');
const runs = Number(values.runs);

/** `astro build` exactly as the site's build script runs it (heap cap included), timed and measured. */
function timedBuild(env) {
  const rssFile = path.join(os.tmpdir(), `asb-bench-rss-${process.pid}-${Date.now()}`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      astroBuildArgs({ env: { ...process.env, ...env }, preload: [path.join(here, 'support/max-rss.mjs')] }),
      {
        cwd: webDir,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BENCH_RSS_FILE: rssFile, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.once('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
      fs.rmSync(rssFile, { force: true });
      if (code !== 0) reject(new Error(`astro build failed:\n${output.slice(-3000)}`));
      const marks = [...output.matchAll(/\[bench-fetch\] (\d+) (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      const fetchMs = marks.length ? Math.max(...marks.map((m) => m[1])) - Math.min(...marks.map((m) => m[0])) : NaN;
      resolve({ ms, rss, fetchMs });
    });
  });
}

/** This machine's floor: create the same files, with the same sizes, in the same folders, from a plain Node loop. */
function floor(siteDir) {
  const files = fs
    .readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const full = path.join(e.parentPath, e.name);
      return { rel: path.relative(siteDir, full), size: fs.statSync(full).size };
    });
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'asb-floor-'));
  const started = process.hrtime.bigint();
  for (const { rel, size } of files) {
    const file = path.join(target, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.alloc(size, 120));
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  fs.rmSync(target, { recursive: true, force: true });
  return { ms, files: files.length };
}

const rows = [];
for (const size of sizes) {
  const projects = size === 'org' ? 0 : Number(size);
  process.stdout.write(
    `\n${size === 'org' ? "organisation's content" : `${projects} synthetic projects`}: starting a seeded CMS… `,
  );
  const cms = await startCms({
    database: 'sqlite',
    setup: path.join(here, 'support/seed-synthetic.mjs'),
    // A build follows a publish, which empties the CMS's response cache: measure uncached fetches.
    env: { BENCH_PROJECTS: String(projects), API_CACHE: 'off' },
    timeoutMs: 3_600_000,
  });
  console.log((/seeded .*/.exec(cms.log()) ?? ['ready'])[0]);
  const outDir = tempSiteDir('bench-');
  const env = { CMS_URL: cms.url, SITE_OUT_DIR: outDir, BENCH_TIMING: '1' };
  const measured = { fetch: [], build: [], rss: [], floor: [] };
  let pages = 0;
  try {
    for (let run = 1; run <= runs; run++) {
      fs.rmSync(path.join(webDir, 'node_modules/.astro'), { recursive: true, force: true });
      fs.rmSync(outDir, { recursive: true, force: true });
      const build = await timedBuild(env);
      const site = path.join(outDir, 'client');
      pages = fs.readdirSync(site, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
      const f = floor(site);
      measured.fetch.push(build.fetchMs);
      measured.build.push(build.ms);
      measured.rss.push(build.rss);
      measured.floor.push(f.ms);
      console.log(
        `  run ${run}: fetch ${(build.fetchMs / 1000).toFixed(1)} s, build ${(build.ms / 1000).toFixed(1)} s, floor ${(f.ms / 1000).toFixed(1)} s (${f.files} files), peak ${(build.rss / 2 ** 20).toFixed(0)} MB`,
      );
    }
  } finally {
    await cms.stop();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  const build = median(measured.build);
  const fetch = median(measured.fetch);
  const fl = median(measured.floor);
  rows.push({
    'data set': size === 'org' ? 'organisation' : `${projects} projects`,
    pages,
    'fetch s': (fetch / 1000).toFixed(1),
    'render s': ((build - fetch) / 1000).toFixed(1),
    'build s': (build / 1000).toFixed(1),
    'ms/page': (build / pages).toFixed(2),
    'floor s': (fl / 1000).toFixed(2),
    'build/floor': (build / fl).toFixed(1),
    'peak MB': (median(measured.rss) / 2 ** 20).toFixed(0),
  });
}
console.log(
  `\nSite build, median of ${runs} run(s) (render = build − fetch; floor = plain Node writing the same files)\n`,
);
console.log(table(rows));
