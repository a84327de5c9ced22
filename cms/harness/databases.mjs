// Throwaway databases for tests: a temp SQLite file, or a fresh PostgreSQL database on
// 127.0.0.1:5432 that is dropped afterwards. Shared by the CMS's own tests and by other
// packages that start a CMS through ./index.mjs.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const POSTGRES = {
  host: process.env.TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_PG_PORT ?? 5432),
  user: process.env.TEST_PG_USER ?? 'postgres',
  password: process.env.TEST_PG_PASSWORD ?? '',
};

/** Why PostgreSQL tests cannot run here, or null when they can. */
export async function postgresUnavailable() {
  const { Client } = require('pg');
  const client = new Client({ ...POSTGRES, database: 'postgres', connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${POSTGRES.host}:${POSTGRES.port} is not reachable (${error.message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates a database and returns the environment that points Strapi at it, plus a drop() to remove it. */
export async function createTestDatabase(kind) {
  const name = `asb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (kind === 'sqlite') {
    const relative = path.join('.tmp', `${name}.db`);
    fs.mkdirSync(path.join(cmsDir, '.tmp'), { recursive: true });
    const file = path.join(cmsDir, relative);
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: relative },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  if (kind !== 'postgres') throw new Error(`unknown test database "${kind}" (sqlite or postgres)`);
  const { Client } = require('pg');
  const admin = new Client({ ...POSTGRES, database: 'postgres' });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: '',
      DATABASE_HOST: POSTGRES.host,
      DATABASE_PORT: String(POSTGRES.port),
      DATABASE_NAME: name,
      DATABASE_USERNAME: POSTGRES.user,
      DATABASE_PASSWORD: POSTGRES.password,
      DATABASE_SSL: 'false',
    },
    drop: async () => {
      const client = new Client({ ...POSTGRES, database: 'postgres' });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * Secrets for tests: generated afresh in each process (never the public values of .env.example, never
 * a developer's .env), with a `test-` prefix so a log shows where they came from. Processes a test
 * starts get them through their environment (startCms, serve.mjs), so parent and child agree.
 */
const generated = (name) => `test-${name}-${randomBytes(18).toString('base64url')}`;
export const TEST_SECRETS = {
  NODE_ENV: 'test',
  APP_KEYS: `${generated('app-key-1')},${generated('app-key-2')}`,
  API_TOKEN_SALT: generated('api-token-salt'),
  ADMIN_JWT_SECRET: generated('admin-jwt-secret'),
  TRANSFER_TOKEN_SALT: generated('transfer-token-salt'),
  ENCRYPTION_KEY: generated('encryption-key'),
  JWT_SECRET: generated('jwt-secret'),
  STRAPI_TELEMETRY_DISABLED: 'true',
};
