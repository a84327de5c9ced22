#!/usr/bin/env node
// Builds the site from the CMS: `astro build`, then the Pagefind search index over the result.
//   node builder/build-site.ts            (CMS_URL from the environment, default http://127.0.0.1:1337)
// A failure (CMS down, GraphQL error, an entry the site cannot show) stops with the reason and
// leaves no half-built site claiming success: the exit code is non-zero.
// The build runner: the site server and the rebuilder (server/) call it; it never imports them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Env = Record<string, string | undefined>;

export const webDir = path.resolve(import.meta.dirname, '..');
export const clientDir = (outDir = path.join(webDir, 'dist')): string => path.join(outDir, 'client');

/**
 * A fresh folder for a build. It must be inside web/: the prerendering server bundle imports
 * packages from node_modules, which Node finds only by walking up from the output folder.
 */
export function tempSiteDir(prefix = 'site-'): string {
  fs.mkdirSync(path.join(webDir, '.tmp'), { recursive: true });
  return fs.mkdtempSync(path.join(webDir, '.tmp', prefix));
}

/**
 * The JavaScript heap an `astro build` may use, in MB. V8 otherwise lets the heap grow towards a
 * quarter of the machine's memory before collecting hard: building 5,000 synthetic projects peaked
 * at 1.85 GB resident with the default, 1.40 GB capped at 1,024 MB and 1.31 GB at 768 MB. A publish's
 * incremental build holds more (the previous build's cache), and at 768 MB it spent seconds collecting:
 * publish → live at 1,000 projects took 11.2 s against 8.8 s at 1,024 MB and 8.4 s uncapped.
 * A much larger site may need more: the build then fails, saying so, and the live site stays as it is.
 */
export function buildHeapMb(env: Env = process.env): number {
  const value = env.SITE_BUILD_HEAP_MB ?? '1024';
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < 256)
    throw new Error(`SITE_BUILD_HEAP_MB must be a whole number of MB, at least 256, not "${value}"`);
  return mb;
}

/**
 * Node's arguments for `astro build`, with the heap cap; `preload` modules are --import'ed first (benchmarks).
 * A build allocates short-lived objects by the gigabyte (the content store parsed and serialised,
 * pages rendered); young-generation space of 64 MB instead of V8's 16 MB halves how often it is
 * collected. A publish's incremental build at 5,000 projects: 21.3 s against 24.1 s (medians of 3,
 * alternating), with the same peak memory.
 */
export function astroBuildArgs({ env = process.env, preload = [] }: { env?: Env; preload?: string[] } = {}): string[] {
  return [
    `--max-old-space-size=${buildHeapMb(env)}`,
    '--max-semi-space-size=64',
    ...preload.flatMap((module) => ['--import', module]),
    path.join(webDir, 'node_modules/astro/bin/astro.mjs'),
    'build',
  ];
}

/** Runs `astro build` in a child process (Astro keeps global state) and returns its combined output. */
export function astroBuild({ env = {}, quiet = false }: { env?: Env; quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const buildEnv = { ...process.env, ...env };
    const child = spawn(process.execPath, astroBuildArgs({ env: buildEnv }), {
      cwd: webDir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(output);
      else reject(Object.assign(new Error(`The site build failed:\n${buildError(output, buildEnv)}`), { output }));
    });
  });
}

/** The lines of Astro's output that say what went wrong, without the stack trace. */
function buildError(output: string, env: Env): string {
  if (/heap out of memory|Reached heap limit/.test(output)) {
    return `The build ran out of memory (its JavaScript heap is capped at ${buildHeapMb(env)} MB): raise SITE_BUILD_HEAP_MB.`;
  }
  const lines = output.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l) && !/Stack trace/.test(l));
  return lines.slice(-12).join('\n');
}

/** One search index for both languages, so a search on either finds pages in both. Returns the pages indexed. */
export async function indexSite(siteDir: string, outputPath = path.join(siteDir, 'pagefind')): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ka' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
  await index.writeFiles({ outputPath });
  await pagefind.close();
  return added.page_count;
}

/** `astro build` into `outDir` (default web/dist), then the search index. Rejects with the cause. */
export async function buildSite({
  env = {},
  quiet = false,
  outDir,
}: { env?: Env; quiet?: boolean; outDir?: string } = {}): Promise<{ pages: number; ms: number }> {
  const started = Date.now();
  await astroBuild({ env: { ...env, ...(outDir ? { SITE_OUT_DIR: outDir } : {}) }, quiet });
  const pages = await indexSite(clientDir(outDir));
  return { pages, ms: Date.now() - started };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { pages, ms } = await buildSite();
    console.log(`site built: ${pages} pages indexed for search in ${(ms / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`\n${(error as Error).message}`);
    process.exit(1);
  }
}
