import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper
import { TEST_SECRETS } from '../harness/databases.mjs';

/** Production must refuse example or missing secrets, and say which. Runs the real start-up in a child process. */
describe('production start-up', () => {
  const start = (env: Record<string, string | undefined>) =>
    spawnSync(process.execPath, [path.join(__dirname, '..', 'harness', 'serve.mjs')], {
      cwd: path.join(__dirname, '..'),
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: process.env.PATH,
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: '.tmp/never-created.db',
        PORT: '0',
        ...env,
      },
    });

  it('refuses the example secrets from .env.example and names them', () => {
    const result = start({
      ...TEST_SECRETS,
      NODE_ENV: 'production',
      APP_KEYS: 'example-only-app-key-1',
      JWT_SECRET: 'example-only-jwt',
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(
      /Refusing to start in production: APP_KEYS still has the example value.*JWT_SECRET still has the example value/s,
    );
    expect(result.stdout).not.toMatch(/^ready /m);
  });

  it('refuses an SMTP login without a real password, and names it', () => {
    const configured = { ...TEST_SECRETS, NODE_ENV: 'production', SMTP_USERNAME: 'cms@asb.example.org' };
    for (const password of [undefined, 'example-only-smtp-password']) {
      const result = start({ ...configured, SMTP_PASSWORD: password });
      expect(result.status).not.toBe(0);
      expect(result.stdout + result.stderr).toMatch(
        password ? /SMTP_PASSWORD still has the example value/ : /SMTP_PASSWORD is not set/,
      );
    }
  });

  it('refuses, in development too, a secret copied from .env.example, and names it', () => {
    const result = start({
      ...TEST_SECRETS,
      NODE_ENV: 'development',
      PREVIEW_TOKEN: 'example-only-preview-token',
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(
      /Refusing to start: PREVIEW_TOKEN still has the example value from \.env\.example\./,
    );
    expect(result.stdout + result.stderr).not.toMatch(/APP_KEYS|JWT_SECRET/);
    expect(result.stdout).not.toMatch(/^ready /m);
  });

  it('refuses a missing secret and names it', () => {
    const { ENCRYPTION_KEY: _missing, ...rest } = TEST_SECRETS;
    const result = start({ ...rest, NODE_ENV: 'production' });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/ENCRYPTION_KEY is not set/);
  });
});
