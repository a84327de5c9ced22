import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'dotenv';
import { CMS_SECRETS } from '../cms/src/secrets';
// @ts-expect-error plain ESM module
import { EXAMPLE_SECRET_MARKER, secretNames } from '../scripts/env.mjs';

/**
 * Secrets in development are the developer's own: the first `./platform start` writes .env with a
 * fresh value for every secret of .env.example, later runs never change a value of it, and no
 * secret copied from .env.example gets past the start (scripts/env.mjs). Each test runs the real
 * scripts/platform.mjs (`env`: the settings step `start` begins with) in a fresh copy of the
 * repository's files that step reads, as in a new clone.
 */
const root = path.resolve(import.meta.dirname, '..');
const example = parse(fs.readFileSync(path.join(root, '.env.example')));
const secrets: string[] = secretNames(example);
const clones: string[] = [];

function freshClone(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asb-clone-'));
  clones.push(dir);
  fs.mkdirSync(path.join(dir, 'scripts'));
  for (const file of ['scripts/platform.mjs', 'scripts/env.mjs', '.env.example'])
    fs.copyFileSync(path.join(root, file), path.join(dir, file));
  // The installed dependencies (dotenv), as `pnpm install` leaves them in a clone.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}
afterAll(() => {
  for (const dir of clones) fs.rmSync(dir, { recursive: true, force: true });
});

/** The settings step of `./platform start`, with a shell that sets only `env`. */
function settingsStep(dir: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(dir, 'scripts/platform.mjs'), 'env'], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
}
const dotenv = (dir: string) => parse(fs.readFileSync(path.join(dir, '.env')));

describe('development secrets', () => {
  it('marks as examples exactly the secrets the CMS and the site refuse (and the database password)', () => {
    expect([...secrets].sort()).toEqual([...CMS_SECRETS, 'DATABASE_PASSWORD'].sort());
  });

  it("a fresh clone's first start writes .env with a value of its own for every secret", () => {
    const dir = freshClone();
    const result = settingsStep(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/wrote \.env from \.env\.example, with secrets generated for this machine/);
    const env = dotenv(dir);
    for (const name of secrets) {
      expect(env[name], name).toBeDefined();
      expect(env[name], name).not.toContain(EXAMPLE_SECRET_MARKER);
      expect(env[name], name).not.toBe(example[name]);
      for (const part of env[name]!.split(',')) expect(part.length, name).toBeGreaterThanOrEqual(40);
    }
    // APP_KEYS keeps its shape: two keys, different ones.
    expect(new Set(env.APP_KEYS!.split(',')).size).toBe(example.APP_KEYS!.split(',').length);
    const values = secrets.flatMap((name) => env[name]!.split(','));
    expect(new Set(values).size).toBe(values.length);
    // Everything that is not a secret is the documented default.
    for (const name of Object.keys(example).filter((n) => !secrets.includes(n)))
      expect(env[name], name).toBe(example[name]);
    expect(fs.statSync(path.join(dir, '.env')).mode & 0o077).toBe(0);
  });

  it('generates different values in every clone', () => {
    const [a, b] = [freshClone(), freshClone()];
    for (const dir of [a, b]) expect(settingsStep(dir).status).toBe(0);
    const [envA, envB] = [dotenv(a), dotenv(b)];
    for (const name of secrets) expect(envA[name], name).not.toBe(envB[name]);
  });

  it('never changes a value .env has, and adds a secret that is new in .env.example', () => {
    const dir = freshClone();
    expect(settingsStep(dir).status).toBe(0);
    const file = path.join(dir, '.env');
    const first = dotenv(dir);
    // The developer changes a setting; .env.example gains a secret this .env does not have yet.
    const edited = fs
      .readFileSync(file, 'utf8')
      .replace(/^PORT=.*$/m, 'PORT=1400')
      .replace(/^PREVIEW_TOKEN=.*\n/m, '');
    fs.writeFileSync(file, edited);
    const result = settingsStep(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/added to \.env, generated for this machine: PREVIEW_TOKEN/);
    const second = dotenv(dir);
    expect(second.PORT).toBe('1400');
    for (const name of secrets.filter((n) => n !== 'PREVIEW_TOKEN')) expect(second[name], name).toBe(first[name]);
    expect(second.PREVIEW_TOKEN).toMatch(/^[\w-]{40,}$/);
    expect(second.PREVIEW_TOKEN).not.toBe(first.PREVIEW_TOKEN);
    // A third run has nothing to add and leaves the file as it is.
    const before = fs.readFileSync(file, 'utf8');
    expect(settingsStep(dir).status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses to start with a secret in .env copied from .env.example, naming it, and leaves .env alone', () => {
    const dir = freshClone();
    expect(settingsStep(dir).status).toBe(0);
    const file = path.join(dir, '.env');
    const copied = fs.readFileSync(file, 'utf8').replace(/^JWT_SECRET=.*$/m, `JWT_SECRET=${example.JWT_SECRET}`);
    fs.writeFileSync(file, copied);
    const result = settingsStep(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /error: Refusing to start: JWT_SECRET in \.env still has the example value from \.env\.example\./,
    );
    expect(result.stderr).not.toMatch(/APP_KEYS|PREVIEW_TOKEN/);
    expect(fs.readFileSync(file, 'utf8')).toBe(copied);
  });

  it('refuses an example secret from the shell too, naming it', () => {
    const dir = freshClone();
    const result = settingsStep(dir, { PREVIEW_TOKEN: example.PREVIEW_TOKEN! });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Refusing to start: PREVIEW_TOKEN still has the example value from \.env\.example/);
  });

  it('gives the tests generated secrets of their own, never the examples', () => {
    const load = () =>
      spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "import('./cms/harness/databases.mjs').then((m) => console.log(JSON.stringify(m.TEST_SECRETS)))",
        ],
        { cwd: root, encoding: 'utf8' },
      );
    const [one, two] = [load(), load()].map((r) => JSON.parse(r.stdout) as Record<string, string>);
    const generated = [
      'APP_KEYS',
      'API_TOKEN_SALT',
      'ADMIN_JWT_SECRET',
      'TRANSFER_TOKEN_SALT',
      'ENCRYPTION_KEY',
      'JWT_SECRET',
    ];
    for (const name of generated) {
      expect(one![name], name).not.toContain(EXAMPLE_SECRET_MARKER);
      expect(one![name], name).not.toBe(example[name]);
      expect(one![name], name).not.toBe(two![name]);
    }
  });
});
