import type { Core } from '@strapi/strapi';
import type { Redis } from 'ioredis';
import { contentApiMatcher } from './content-api-paths';
import { identify } from './identity';
import { available, redisClient, warnOnce } from './redis';
import type { RateLimitSettings } from './settings';

type Context = Parameters<Core.MiddlewareHandler>[0];

export const WINDOW_MS = 60_000;

interface Hit {
  count: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetMs: number;
}

/** Returns null when the store cannot answer: the request then goes through (an outage of Redis is no outage of the API). */
interface CounterStore {
  hit(key: string): Promise<Hit | null>;
}

/**
 * Fixed one-minute windows, started by a client's first request. Cheap and exact enough for
 * "N per minute"; a client may burst up to twice the limit across a window boundary, which the
 * limits below allow for.
 */
export class MemoryCounters implements CounterStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor() {
    // Without a sweep, a stream of one-off addresses would grow the map forever.
    setInterval(() => {
      const now = Date.now();
      for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    }, WINDOW_MS).unref();
  }

  async hit(key: string): Promise<Hit> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + WINDOW_MS };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetMs: window.resetAt - now };
  }
}

/** The same windows in Redis, so that every CMS instance counts against one limit. One round trip per request. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }`;

export class RedisCounters implements CounterStore {
  constructor(
    private readonly strapi: Core.Strapi,
    private readonly client: Redis,
    private readonly prefix: string,
  ) {
    client.defineCommand('asbRateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  }

  async hit(key: string): Promise<Hit | null> {
    if (!available(this.client)) return null;
    try {
      const hit = this.client as unknown as {
        asbRateLimitHit(key: string, windowMs: number): Promise<[number, number]>;
      };
      const [count, ttl] = await hit.asbRateLimitHit(`${this.prefix}rate:${key}`, WINDOW_MS);
      return { count, resetMs: ttl };
    } catch (error) {
      warnOnce(
        this.strapi,
        'rate-limit',
        `rate limits are not enforced while Redis fails: ${(error as Error).message}`,
      );
      return null;
    }
  }
}

/**
 * Per-minute request limits on the content API (REST and GraphQL): one budget per API token,
 * and one per client address for everyone else. Over the limit: 429 with Retry-After.
 */
export default (settings: RateLimitSettings, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  if (!settings.enabled) return async (_ctx, next) => next();
  const paths = contentApiMatcher(strapi);
  const store: CounterStore = settings.redis.url
    ? new RedisCounters(strapi, redisClient(strapi, settings.redis.url), settings.redis.prefix)
    : new MemoryCounters();

  return async (ctx: Context, next) => {
    if (ctx.method === 'OPTIONS' || !paths.isContentApi(ctx.path)) return next();
    const identity = await identify(strapi, ctx);
    const byToken = identity.kind === 'token';
    const limit = byToken ? settings.tokenPerMinute : settings.anonymousPerMinute;
    const hit = await store.hit(byToken ? `token:${identity.id}` : `ip:${ctx.request.ip}`);
    if (!hit) return next();

    const resetSeconds = Math.max(1, Math.ceil(hit.resetMs / 1000));
    ctx.set('RateLimit-Limit', String(limit));
    ctx.set('RateLimit-Remaining', String(Math.max(0, limit - hit.count)));
    ctx.set('RateLimit-Reset', String(resetSeconds));
    if (hit.count <= limit) return next();

    const message =
      `Too many requests: ${byToken ? 'an API token' : 'a client without an API token'} may make ${limit} ` +
      `requests a minute (rate limit). Retry after ${resetSeconds} s` +
      (byToken ? '.' : ', or ask ASB Georgia for a partner API token.');
    ctx.set('Retry-After', String(resetSeconds));
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 429;
    ctx.body = paths.isGraphql(ctx.path)
      ? { errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfter: resetSeconds } }] }
      : { data: null, error: { status: 429, name: 'RateLimitError', message, details: { retryAfter: resetSeconds } } };
  };
};
