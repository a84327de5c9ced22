import type { Core } from '@strapi/strapi';
import type { Redis } from 'ioredis';
import { available, warnOnce } from './redis';

export interface CachedResponse {
  etag: string;
  contentType: string;
  /** Bytes, not a string: a cached answer is sent as it is, without encoding it again. */
  body: Buffer;
  /** The body gzipped once when it was cached, for the (most) clients that accept gzip; absent for small bodies. */
  gzip: Buffer | null;
}

export interface Lookup {
  /** The cache generation the lookup saw; a response computed afterwards is saved under it. */
  generation: string;
  hit: CachedResponse | null;
}

/**
 * Where cached content-API responses live. Invalidation bumps a generation number instead of
 * deleting keys: a response that was being computed while a publish happened is saved under the
 * old generation, which nobody reads any more, so it can never resurface after the publish.
 */
export interface ResponseStore {
  /** null: the store cannot answer right now; the request is then served without the cache. */
  lookup(key: string): Promise<Lookup | null>;
  save(generation: string, key: string, response: CachedResponse): Promise<void>;
  invalidate(): Promise<void>;
}

/** Least recently used first out, within a byte budget, each entry for at most `ttlMs`. */
class Lru {
  private bytes = 0;
  private readonly entries = new Map<string, { response: CachedResponse; expiresAt: number; size: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes: number,
  ) {}

  get(key: string): CachedResponse | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAt <= Date.now()) {
      this.bytes -= entry.size;
      return null;
    }
    this.entries.set(key, entry); // most recently used goes last
    return entry.response;
  }

  set(key: string, response: CachedResponse, ttlMs = this.ttlMs) {
    const size = response.body.length + (response.gzip?.length ?? 0) + key.length + 200;
    if (size > this.maxBytes) return;
    this.delete(key);
    for (const [oldest, entry] of this.entries) {
      if (this.bytes + size <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.size;
    }
    this.entries.set(key, { response, expiresAt: Date.now() + ttlMs, size });
    this.bytes += size;
  }

  delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  clear() {
    this.entries.clear();
    this.bytes = 0;
  }
}

/** One process's cache. Only right for a single CMS instance: another one would not see its publishes. */
export class MemoryResponseStore implements ResponseStore {
  private generation = 0;
  private readonly lru: Lru;

  constructor(ttlMs: number, maxBytes: number) {
    this.lru = new Lru(ttlMs, maxBytes);
  }

  async lookup(key: string): Promise<Lookup> {
    return { generation: String(this.generation), hit: this.lru.get(key) };
  }

  async save(generation: string, key: string, response: CachedResponse) {
    if (generation === String(this.generation)) this.lru.set(key, response);
  }

  async invalidate() {
    this.generation += 1;
    this.lru.clear();
  }
}

/**
 * Shared by every CMS instance that uses the same Redis and prefix; a publish on one clears it
 * for all. Each lookup asks Redis for the current generation (a few bytes, one round trip) and
 * takes the body from this process's copy when it has one for that generation, so a large
 * response crosses the network from Redis once per instance, not once per request.
 */
export class RedisResponseStore implements ResponseStore {
  private invalidationPending = false;
  private readonly local: Lru;
  private localGeneration = '';

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly client: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
    localBytes = 32 * 1024 * 1024,
  ) {
    this.local = new Lru(ttlMs, localBytes);
    // A publish made while Redis was unreachable must still clear the cache once it is back.
    client.on('ready', () => {
      if (this.invalidationPending) void this.invalidate();
    });
  }

  private get generationKey() {
    return `${this.prefix}cache:generation`;
  }

  async lookup(key: string): Promise<Lookup | null> {
    if (this.invalidationPending || !available(this.client)) return null;
    try {
      const generation = (await this.client.get(this.generationKey)) ?? '0';
      if (generation !== this.localGeneration) {
        this.local.clear();
        this.localGeneration = generation;
      }
      const local = this.local.get(key);
      if (local) return { generation, hit: local };
      const redisKey = `${this.prefix}cache:${generation}:${key}`;
      const [value, ttl] = await Promise.all([this.client.getBuffer(redisKey), this.client.pttl(redisKey)]);
      const hit = value ? decode(value) : null;
      if (hit && ttl > 0) this.local.set(key, hit, ttl);
      return { generation, hit };
    } catch (error) {
      this.warn(error);
      return null;
    }
  }

  async save(generation: string, key: string, response: CachedResponse) {
    if (!available(this.client)) return;
    try {
      await this.client.set(`${this.prefix}cache:${generation}:${key}`, encode(response), 'PX', this.ttlMs);
      if (generation === this.localGeneration) this.local.set(key, response);
    } catch (error) {
      this.warn(error);
    }
  }

  async invalidate() {
    this.invalidationPending = true;
    this.local.clear();
    if (!available(this.client)) return;
    try {
      await this.client.incr(this.generationKey);
      this.invalidationPending = false;
    } catch (error) {
      // Until Redis confirms the new generation, lookups bypass the cache (see lookup()).
      this.warn(error);
    }
  }

  private warn(error: unknown) {
    warnOnce(
      this.strapi,
      'response-cache',
      `the response cache is bypassed while Redis fails: ${(error as Error).message}`,
    );
  }
}

/** `<etag>\n<content type>\n<body length>\n<body><gzipped body>`: none of the header lines can hold a newline. */
function encode(response: CachedResponse): Buffer {
  const head = Buffer.from(`${response.etag}\n${response.contentType}\n${response.body.length}\n`);
  return Buffer.concat([head, response.body, response.gzip ?? Buffer.alloc(0)]);
}

function decode(value: Buffer): CachedResponse | null {
  const first = value.indexOf(10);
  const second = value.indexOf(10, first + 1);
  const third = value.indexOf(10, second + 1);
  if (first < 0 || second < 0 || third < 0) return null;
  const length = Number(value.subarray(second + 1, third).toString());
  const start = third + 1;
  if (!Number.isInteger(length) || start + length > value.length) return null;
  return {
    etag: value.subarray(0, first).toString(),
    contentType: value.subarray(first + 1, second).toString(),
    body: value.subarray(start, start + length),
    gzip: start + length < value.length ? value.subarray(start + length) : null,
  };
}
