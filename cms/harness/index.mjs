// Start a seeded CMS for another package's tests (the site build, browser tests):
//
//   import { startCms } from '@asb/cms/harness';
//   const cms = await startCms({ database: 'sqlite' });   // or 'postgres'
//   ... fetch(`${cms.url}/graphql`) ...
//   await cms.stop();                                      // stops it and drops its database
//
// The CMS runs in a child process (Strapi is a per-process singleton) on a free port, with the
// organisation's content imported (or `contentDir`). `setup` names a module whose default export
// gets the loaded Strapi before it listens, to add drafts or break entries for a test. `serveAdminPanel: true`
// serves the built admin panel as well (run `NODE_ENV=production pnpm --filter @asb/cms build` first).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, TEST_SECRETS } from './databases.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function startCms({
  database = 'sqlite',
  contentDir,
  setup,
  env = {},
  serveAdminPanel = false,
  timeoutMs = 120_000,
} = {}) {
  if (serveAdminPanel && !fs.existsSync(path.join(here, '../dist/build/index.html')))
    throw new Error(
      'The admin panel is not built (cms/dist/build is missing): run `NODE_ENV=production pnpm --filter @asb/cms build` first',
    );
  const db = await createTestDatabase(database);
  const child = spawn(process.execPath, [path.join(here, 'serve.mjs')], {
    cwd: path.join(here, '..'),
    env: {
      ...process.env,
      ...TEST_SECRETS,
      ...db.env,
      HOST: '127.0.0.1',
      PORT: '0',
      IMPORT_ON_FIRST_START: 'true',
      ...(contentDir ? { CONTENT_DIR: contentDir } : {}),
      ...(setup ? { ASB_CMS_SETUP: setup } : {}),
      ...(serveAdminPanel ? { ASB_SERVE_ADMIN: '1' } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let stderr = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`CMS did not start within ${timeoutMs} ms:\n${log.slice(-4000)}`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk) => {
      log += chunk;
      const match = /^ready (\S+)$/m.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => {
      log += chunk;
      stderr += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`CMS exited with code ${code} before it was ready:\n${log.slice(-4000)}`));
    });
  }).catch(async (error) => {
    child.kill('SIGKILL');
    await db.drop();
    throw error;
  });
  return {
    url,
    log: () => log,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await db.drop();
    },
  };
}
