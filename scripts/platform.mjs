// `./platform start` and `./platform test` (also `pnpm start` / `pnpm test`). See README.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnv, prepareEnv } from './env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
const children = new Set();

function run(cmd, args, { cwd = root, env = {}, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: quiet ? 'ignore' : 'inherit' });
    children.add(child);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${[cmd, ...args].join(' ')} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

function step(title) {
  console.log(`\n━━ ${title}`);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds @asb/shared when its dist is missing or older than its sources. */
async function buildShared() {
  const dist = path.join(root, 'shared/dist/index.cjs');
  if (fs.existsSync(dist) && fs.statSync(dist).mtimeMs >= newestMtime(path.join(root, 'shared/src'))) return;
  step('build @asb/shared');
  await run('pnpm', ['--filter', '@asb/shared', 'build'], { quiet: false });
}

async function waitFor(url, { timeoutMs = 180_000, what }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

function stopChildren() {
  for (const child of children) child.kill('SIGTERM');
}
process.once('SIGINT', () => {
  console.log('\nstopping…');
  stopChildren();
  setTimeout(() => process.exit(130), 5000).unref();
});
process.once('SIGTERM', stopChildren);

/**
 * The settings step of `start` (also `node scripts/platform.mjs env` on its own): .env with the
 * developer's own secrets, written on first run (scripts/env.mjs), then loaded and checked.
 */
function settings() {
  const prepared = prepareEnv(root);
  const file = path.relative(root, prepared.file);
  if (prepared.created) console.log(`> wrote ${file} from .env.example, with secrets generated for this machine`);
  else if (prepared.added.length > 0)
    console.log(`> added to ${file}, generated for this machine: ${prepared.added.join(', ')}`);
  loadEnv(root);
  console.log(`> settings from ${file} (the shell's environment overrides them)`);
}

async function start() {
  settings();
  await buildShared();

  const cmsDir = path.join(root, 'cms');
  const adminBuilt = path.join(cmsDir, 'dist/build/index.html');
  const adminStamp = path.join(cmsDir, 'dist/build/.sources-mtime');
  // database/ holds the migrations, which Strapi runs from their compiled copies in dist/.
  const sourcesMtime = String(
    Math.max(...['src', 'config', 'database'].map((dir) => newestMtime(path.join(cmsDir, dir)))),
  );
  if (
    !fs.existsSync(adminBuilt) ||
    !fs.existsSync(adminStamp) ||
    fs.readFileSync(adminStamp, 'utf8') !== sourcesMtime
  ) {
    step('build the CMS and its admin panel (first run or changed sources: about a minute)');
    await run('pnpm', ['--filter', '@asb/cms', 'build'], { env: { NODE_ENV: 'production' } });
    fs.writeFileSync(adminStamp, sourcesMtime);
  }

  step('start the CMS');
  const port = process.env.PORT ?? '1337';
  const cmsUrl = `http://localhost:${port}`;
  const cms = run('pnpm', ['--filter', '@asb/cms', 'start'], { env: { HOST: process.env.HOST ?? '0.0.0.0' } });
  cms.catch((error) => {
    console.error(`\nThe CMS stopped: ${error.message}`);
    stopChildren();
    process.exit(1);
  });
  await waitFor(`${cmsUrl}/_health`, { what: 'The CMS' });

  const lines = [
    `CMS admin:        ${cmsUrl}/admin   (first visit: create the administrator account)`,
    `GraphQL:          ${cmsUrl}/graphql`,
    `REST:             ${cmsUrl}/api/projects?locale=ka  (or locale=en)`,
  ];
  step('build the site from the CMS and serve it');
  const site = await import(path.join(root, 'web/server/site-server.ts'));
  // The site server rebuilds by itself when the CMS publishes (signed calls to REBUILD_URL).
  const { url, child } = await site.buildAndServe({ cmsUrl });
  children.add(child);
  lines.unshift(`Site (Georgian):  ${url}/ka/`, `Site (English):   ${url}/en/`);
  lines.push(
    `Publishing:       publish in the admin and the site rebuilds itself; its state is on the admin's home page`,
    `Roll back:        pnpm --filter @asb/web rollback   (serves the previous build again)`,
  );
  console.log(
    `\n━━ ASB Georgia platform is running\n\n${lines.join('\n')}\n\nData: cms/${process.env.DATABASE_FILENAME ?? '.tmp/data.db'} (kept between runs)\nStop: Ctrl+C\n`,
  );
  await cms;
}

async function test() {
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  // In CI a missing PostgreSQL or Chromium is a failure; on a developer machine those tests skip with the reason.
  const strict = ci ? { REQUIRE_POSTGRES: '1', REQUIRE_CHROMIUM: '1', REQUIRE_DOCKER_COMPOSE: '1' } : {};
  const resultsDir = path.join(root, '.tmp/test-results');
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const vitest = (name) => [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(resultsDir, `${name}.json`)}`,
  ];

  await buildShared();
  step('lint: ESLint');
  await run('pnpm', ['exec', 'eslint', '.']);
  step('format: Prettier');
  await run('pnpm', ['exec', 'prettier', '--check', '--log-level=warn', '.']);
  step('types: tsc in every package');
  await run('pnpm', ['-r', '--workspace-concurrency=1', 'typecheck']);
  step('unit: @asb/shared');
  await run('pnpm', vitest('shared'), { cwd: path.join(root, 'shared'), env: strict });
  step('workspace: docker-compose, configuration');
  await run('pnpm', vitest('workspace'), { env: strict });
  step('build the CMS admin panel (the admin widget test opens it in Chromium)');
  await run('pnpm', ['--filter', '@asb/cms', 'build'], { env: { NODE_ENV: 'production' } });
  step('integration: CMS on SQLite and PostgreSQL');
  await run('pnpm', vitest('cms'), { cwd: path.join(root, 'cms'), env: strict });
  step('site: build from a seeded CMS, browser tests in Chromium');
  await run('pnpm', vitest('web'), { cwd: path.join(root, 'web'), env: strict });
  // After the site's tests, so that their CMS is stopped: this step runs its own CMS (with the admin
  // panel built above), a site server with publishing, and Chromium. Failures leave screenshots in
  // .tmp/test-results/journeys/.
  step('editor journeys: the admin panel in Chromium, publish → live site');
  await run('pnpm', [...vitest('journeys'), '--config', 'vitest.journeys.config.ts'], {
    cwd: path.join(root, 'web'),
    env: strict,
  });

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  // Only the result files: the folder also holds what failed journeys saved (journeys/).
  for (const file of fs.readdirSync(resultsDir).filter((name) => name.endsWith('.json'))) {
    const result = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    skipped += result.numPendingTests + result.numTodoTests;
  }
  console.log(`\n━━ all test steps passed\n${passed} passed, ${failed} failed, ${skipped} skipped`);
}

try {
  if (command === 'start') await start();
  else if (command === 'test') await test();
  else if (command === 'env') settings();
  else {
    console.error('usage: node scripts/platform.mjs start | test | env');
    process.exit(2);
  }
} catch (error) {
  console.error(`\nerror: ${error.message}`);
  stopChildren();
  process.exit(1);
}
