// Boots this Strapi app inside the current Node process: for the import CLI, the test suite
// and the test CMS server. Strapi's own `createStrapi()` skips TypeScript config, so the app
// is compiled to dist/ first and loaded from there.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The ESM build of @strapi/strapi imports the `lodash/fp` directory, which Node's ESM loader rejects.
const { compileStrapi, createStrapi } = require('@strapi/strapi');

let compiled;
/** Compiles once per process. Strapi exits the process on a TypeScript error, so type-check first (pnpm typecheck). */
export async function compile() {
  compiled ??= compileStrapi({ appDir });
  return compiled;
}

/**
 * Loads Strapi (register + bootstrap: locales, permissions, first-start import).
 * `env` is merged into process.env first: Strapi reads its configuration from there.
 */
export async function loadStrapi({ env = {}, serveAdminPanel = false } = {}) {
  Object.assign(process.env, env);
  const { distDir } = await compile();
  const strapi = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel });
  await strapi.load();
  return strapi;
}

/**
 * `strapi.destroy()` calls process.removeAllListeners(), which takes test runners' and
 * parent-process listeners with it; keep them.
 */
export async function destroyStrapi(strapi) {
  await drainDatabasePool(strapi);
  const saved = new Map(
    ['exit', 'message', 'uncaughtException', 'unhandledRejection', 'SIGINT', 'SIGTERM', 'disconnect'].map((e) => [
      e,
      process.listeners(e),
    ]),
  );
  const remove = process.removeAllListeners;
  process.removeAllListeners = function (...args) {
    if (args.length === 0) return process;
    return remove.apply(process, args);
  };
  try {
    await strapi.destroy();
  } finally {
    process.removeAllListeners = remove;
    for (const [event, listeners] of saved) {
      for (const l of listeners) if (!process.listeners(event).includes(l)) process.on(event, l);
    }
  }
}

/**
 * Publishing emits events that Strapi handles after the request (webhooks, history); their
 * queries still wait for a connection when a short-lived process stops. Let them finish first.
 */
async function drainDatabasePool(strapi, timeoutMs = 5000) {
  const pool = strapi.db?.connection?.client?.pool;
  if (!pool) return;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && (pool.numPendingAcquires() > 0 || pool.numUsed() > 0)) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
