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

/** Development secrets for tests: never production values, never from a developer's .env. */
export const TEST_SECRETS = {
  NODE_ENV: 'test',
  APP_KEYS: 'test-key-1,test-key-2',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdef',
  JWT_SECRET: 'test-jwt-secret',
  STRAPI_TELEMETRY_DISABLED: 'true',
};
