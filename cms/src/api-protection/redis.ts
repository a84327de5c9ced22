import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';

/**
 * One Redis connection per URL for the rate limiter and the response cache of this process.
 *
 * Redis must never make the API hang or fail: commands time out after COMMAND_TIMEOUT_MS, and
 * while the connection is down callers are told at once (`available()` is false) so that the
 * limiter lets requests through and the cache steps aside, instead of queueing behind a dead
 * socket. Both log what happened, at most once a minute.
 */
const COMMAND_TIMEOUT_MS = 500;
const clients = new Map<string, Redis>();
const lastWarning = new Map<string, number>();

export function redisClient(strapi: Core.Strapi, url: string): Redis {
  let client = clients.get(url);
  if (!client) {
    client = new Redis(url, {
      lazyConnect: true,
      commandTimeout: COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      enableAutoPipelining: true,
      // Reconnect forever, but no faster than every 2 s, so an outage costs little.
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    client.on('error', (error: Error) => warnOnce(strapi, `redis:${url}`, `Redis at ${redact(url)}: ${error.message}`));
    clients.set(url, client);
  }
  return client;
}

/** While connecting a command waits at most COMMAND_TIMEOUT_MS; while reconnecting it is not sent at all. */
export function available(client: Redis): boolean {
  return (
    client.status === 'ready' ||
    client.status === 'wait' ||
    client.status === 'connecting' ||
    client.status === 'connect'
  );
}

export function warnOnce(strapi: Core.Strapi, topic: string, message: string) {
  const now = Date.now();
  if (now - (lastWarning.get(topic) ?? 0) < 60_000) return;
  lastWarning.set(topic, now);
  strapi.log.warn(`[api-protection] ${message}`);
}

export async function closeRedisClients() {
  const closing = [...clients.values()].map((client) =>
    client.status === 'wait' || client.status === 'end'
      ? client.disconnect()
      : client.quit().catch(() => client.disconnect()),
  );
  clients.clear();
  await Promise.all(closing);
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
