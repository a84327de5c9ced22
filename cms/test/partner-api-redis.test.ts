import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCms, databaseKind, databaseSkipReason, graphql, type TestCms } from './support/cms';
import { createApiToken, listen, REDIS_URL, redisSkipReason, requestFrom } from './support/partner-api';
import { RedisCounters } from '../src/api-protection/rate-limit';
import { closeRedisClients, redisClient } from '../src/api-protection/redis';
import { RedisResponseStore } from '../src/api-protection/response-store';
import { startCms } from '../harness/index.mjs';

/**
 * With REDIS_URL set, rate limits and cached responses live in Redis and are shared by every CMS
 * instance: two instances on one database (this one, and a second in a child process) show it.
 */
const skip = (await databaseSkipReason()) ?? (await redisSkipReason());
const PREFIX = `asb-test-${process.pid}-${randomBytes(3).toString('hex')}:`;
const ANONYMOUS_LIMIT = 30;
const TOKEN_LIMIT = 20;
const PROJECT = 'api::project.project';

describe.runIf(!skip)(`partner API on ${databaseKind}, state in Redis`, () => {
  let cms: TestCms;
  let base: string;
  let second: { url: string; stop(): Promise<void> };
  let redis: Redis;

  beforeAll(async () => {
    const settings = {
      REDIS_URL,
      REDIS_PREFIX: PREFIX,
      RATE_LIMIT: 'on',
      API_CACHE: 'on',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS_LIMIT),
      RATE_LIMIT_TOKEN_PER_MINUTE: String(TOKEN_LIMIT),
    };
    cms = await bootCms(settings);
    base = await listen(cms);
    // The second instance uses the first one's database (loadStrapi put its settings in process.env).
    const database = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => name.startsWith('DATABASE_')),
    ) as Record<string, string>;
    second = await startCms({
      database: databaseKind,
      env: { ...database, ...settings, IMPORT_ON_FIRST_START: 'false' },
    });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await closeRedisClients();
    await second?.stop();
    await cms?.stop();
    if (redis) {
      const keys = await redis.keys(`${PREFIX}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it('counts requests per client address in Redis, one budget across instances', async () => {
    for (let i = 0; i < ANONYMOUS_LIMIT; i++) {
      const target = i % 2 === 0 ? base : second.url;
      expect((await requestFrom('127.0.0.2', `${target}/api/i18n/locales`)).status).toBe(200);
    }
    expect(await redis.get(`${PREFIX}rate:ip:127.0.0.2`)).toBe(String(ANONYMOUS_LIMIT));
    const ttl = await redis.pttl(`${PREFIX}rate:ip:127.0.0.2`);
    expect(ttl > 0 && ttl <= 60_000).toBe(true);

    for (const target of [base, second.url]) {
      const refused = await requestFrom('127.0.0.2', `${target}/api/projects`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(refused.json().error.message).toMatch(/rate limit/);
    }
    expect((await requestFrom('127.0.0.3', `${second.url}/api/projects`)).status).toBe(200);
  });

  it('counts requests per token in Redis, one budget across instances', async () => {
    const token = await createApiToken(cms, 'redis-budget', 'read-only');
    const headers = { Authorization: `Bearer ${token.accessKey}` };
    for (let i = 0; i < TOKEN_LIMIT; i++) {
      const target = i % 2 === 0 ? base : second.url;
      expect((await requestFrom('127.0.0.4', `${target}/api/funders`, { headers })).status).toBe(200);
    }
    expect(await redis.get(`${PREFIX}rate:token:${token.id}`)).toBe(String(TOKEN_LIMIT));
    const refused = await requestFrom('127.0.0.6', `${second.url}/graphql`, {
      method: 'POST',
      headers,
      body: { query: '{ funders { name } }' },
    });
    expect(refused.status).toBe(429);
    expect(refused.json().errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('shares cached responses between instances, with an expiry', async () => {
    const url = '/api/partners?locale=ka&fields[0]=name';
    const first = await cms.http.get(url);
    expect(first.headers['x-cache']).toBe('MISS');
    const fromSecond = await fetch(`${second.url}${url}`);
    expect(fromSecond.headers.get('x-cache')).toBe('HIT'); // the second instance never computed it
    expect(fromSecond.headers.get('etag')).toBe(first.headers['etag']);
    expect(await fromSecond.text()).toBe(first.text);

    const keys = await redis.keys(`${PREFIX}cache:*:*`);
    expect(keys.length).toBeGreaterThan(0);
    const ttl = await redis.pttl(keys[0]!);
    expect(ttl > 0 && ttl <= 300_000).toBe(true);
  });

  it('clears every instance’s cache when content is published on one of them', async () => {
    const project = (await cms.http.get('/api/projects?locale=ka')).body.data[0];
    const url = `/api/projects/${project.documentId}?locale=ka`;
    const query = `{ project(documentId: "${project.documentId}", locale: "ka") { title } }`;
    const graphqlOnSecond = () =>
      fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query }),
      });
    await cms.http.get(url);
    await graphql(cms, query);
    expect((await fetch(`${second.url}${url}`)).headers.get('x-cache')).toBe('HIT');
    expect((await graphqlOnSecond()).headers.get('x-cache')).toBe('HIT');

    const projects = cms.strapi.documents(PROJECT);
    await projects.update({ documentId: project.documentId, locale: 'ka', data: { title: 'ახალი სათაური' } } as never);
    await projects.publish({ documentId: project.documentId, locale: 'ka' } as never);

    const rest = await fetch(`${second.url}${url}`);
    expect(rest.headers.get('x-cache')).toBe('MISS');
    expect(((await rest.json()) as { data: { title: string } }).data.title).toBe('ახალი სათაური');
    const gql = (await (await graphqlOnSecond()).json()) as { data: { project: { title: string } } };
    expect(gql.data.project.title).toBe('ახალი სათაური');

    await projects.update({ documentId: project.documentId, locale: 'ka', data: { title: project.title } } as never);
    await projects.publish({ documentId: project.documentId, locale: 'ka' } as never);
    const restored = (await (await fetch(`${second.url}${url}`)).json()) as { data: { title: string } };
    expect(restored.data.title).toBe(project.title);
  });

  it('lets requests through at once, uncached and unlimited, when Redis cannot be reached', async () => {
    const unreachable = redisClient(cms.strapi, 'redis://127.0.0.1:1');
    const counters = new RedisCounters(cms.strapi, unreachable, PREFIX);
    const store = new RedisResponseStore(cms.strapi, unreachable, PREFIX, 1000);
    const started = Date.now();
    expect(await counters.hit('ip:127.0.0.9')).toBeNull();
    expect(await store.lookup('key')).toBeNull();
    await store.invalidate();
    expect(await counters.hit('ip:127.0.0.9')).toBeNull(); // now failing fast, not waiting for a timeout
    expect(await store.lookup('key')).toBeNull();
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
