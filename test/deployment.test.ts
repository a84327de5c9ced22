import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parse as parseEnv } from 'dotenv';
import { CMS_SECRETS } from '../cms/src/secrets';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const compose = parse(read('docker-compose.yml'));
const example = parseEnv(read('.env.example'));

function dockerCompose(env: Record<string, string | undefined>) {
  return spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv,
  });
}
const haveDockerCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
if (!haveDockerCompose && process.env.REQUIRE_DOCKER_COMPOSE === '1') {
  throw new Error(
    'docker-compose is not installed (apt-get install docker-compose); REQUIRE_DOCKER_COMPOSE=1 makes this a failure',
  );
}
if (!haveDockerCompose) console.warn('skipping docker-compose config checks: docker-compose is not installed');

describe('docker-compose.yml', () => {
  it('runs PostgreSQL (a current major), the CMS and the site, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['cms', 'postgres', 'web']);
    expect(compose.services.postgres.image).toMatch(/^postgres:(1[6-9]|[2-9]\d)\b/);
    for (const [name, service] of Object.entries<any>(compose.services)) {
      expect(service.healthcheck?.test, name).toBeDefined();
    }
    expect(compose.services.cms.depends_on.postgres.condition).toBe('service_healthy');
    expect(compose.services.web.depends_on.cms.condition).toBe('service_healthy');
  });

  it('keeps the database and uploads in named volumes', () => {
    expect(compose.services.postgres.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(compose.services.cms.volumes.some((v: string) => v.startsWith('cms-uploads:'))).toBe(true);
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['postgres-data', 'cms-uploads']));
  });

  it('builds the CMS and the site from multi-stage Node 24 Dockerfiles that run as a non-root user', () => {
    for (const name of ['cms', 'web']) {
      const file = compose.services[name].build.dockerfile as string;
      const dockerfile = read(file);
      expect(dockerfile.match(/^FROM /gm)?.length, file).toBeGreaterThanOrEqual(2);
      expect(dockerfile, file).toMatch(/node:24/);
      expect(dockerfile, file).toMatch(/^USER (?!root)\w+/m);
    }
  });

  it('documents every variable it reads in .env.example', () => {
    const used = [...read('docker-compose.yml').matchAll(/(?<!\$)\$\{(\w+)/g)].map((m) => m[1]!);
    const undocumented = [...new Set(used)].filter(
      (name) => !(name in example) && !['CMS_PORT', 'CMS_PUBLIC_URL'].includes(name),
    );
    expect(undocumented).toEqual([]);
  });

  it.runIf(haveDockerCompose)('is valid for docker-compose with the documented settings', () => {
    const result = dockerCompose(example);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.runIf(haveDockerCompose)('refuses to start without a secret and names it', () => {
    const { JWT_SECRET: _omitted, ...rest } = example;
    const result = dockerCompose(rest);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/set JWT_SECRET/);
  });
});

describe('.env.example', () => {
  it('documents every setting the CMS configuration reads', () => {
    const configs = fs.readdirSync(path.join(root, 'cms/config')).map((f) => read(`cms/config/${f}`));
    const used = configs.flatMap((source) => [...source.matchAll(/env(?:\.\w+)?\('(\w+)'/g)].map((m) => m[1]!));
    expect([...new Set(used)].filter((name) => !(name in example))).toEqual([]);
  });

  it('marks every secret as an example so production refuses it', () => {
    // The CMS's list (which includes the secrets it shares with the site), plus the database password.
    for (const name of [...CMS_SECRETS, 'DATABASE_PASSWORD']) {
      expect(example[name], name).toMatch(/example-only/);
    }
  });
});
