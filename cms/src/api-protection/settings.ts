/**
 * Settings of the partner API's protections, read from the environment in config/middlewares.ts
 * and handed to each middleware as its `config`. Parsed strictly: a typo such as
 * `RATE_LIMIT=of` must stop the start, not silently leave the limiter on or off.
 */

export interface RedisSettings {
  /** Empty: state stays in this process's memory. */
  url: string;
  /** Keeps several deployments (and test runs) apart on one Redis. */
  prefix: string;
}

export interface RateLimitSettings {
  enabled: boolean;
  anonymousPerMinute: number;
  tokenPerMinute: number;
  redis: RedisSettings;
}

export interface ResponseCacheSettings {
  enabled: boolean;
  ttlSeconds: number;
  /** Memory store only: the cache drops its least recently used responses beyond this. */
  maxMemoryBytes: number;
  /** Responses larger than this are not cached. */
  maxEntryBytes: number;
  redis: RedisSettings;
}

export interface PopulateDepthSettings {
  maxDepth: number;
}

export function onOff(value: unknown, name: string): boolean {
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(text)) return true;
  if (['off', 'false', '0', 'no'].includes(text)) return false;
  throw new Error(`${name} must be "on" or "off", not "${String(value)}"`);
}

export function positiveInt(value: unknown, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`${name} must be a whole number above 0, not "${value}"`);
  return number;
}

export function redisSettings(url: unknown, prefix: unknown): RedisSettings {
  const text = String(url ?? '').trim();
  if (text && !/^rediss?:\/\//.test(text))
    throw new Error(`REDIS_URL must start with redis:// or rediss://, not "${text}"`);
  return { url: text, prefix: String(prefix ?? 'asb:') };
}
