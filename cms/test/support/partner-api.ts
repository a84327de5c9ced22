import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { TestCms } from './cms';

/**
 * Makes the test CMS listen on a loopback port (curl, Node scripts and requests from other
 * addresses need a real socket) and returns its base URL. Supertest keeps using the same server.
 */
export async function listen(cms: TestCms): Promise<string> {
  const server = cms.strapi.server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface PlainResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as received (not decompressed). */
  raw: Buffer;
  text: string;
  json(): any;
}

/**
 * One HTTP request sent from a chosen loopback address (127.0.0.2, 127.0.0.3, …): to the CMS
 * these are different clients, which is what per-address rate limits are about.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<PlainResponse> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method,
        localAddress,
        agent: false,
        headers: { ...(payload ? { 'Content-Type': 'application/json' } : {}), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = raw.toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            raw,
            text,
            json: () => JSON.parse(text),
          });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

export async function createApiToken(cms: TestCms, name: string, type: 'read-only' | 'full-access') {
  const token = await cms.strapi
    .service('admin::api-token')
    .create({ name, type, lifespan: null, description: `test ${type} token` });
  return { id: token.id as number, accessKey: token.accessKey as string };
}

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Redis tests fail, not skip, in CI (the CI machine runs Redis on 127.0.0.1:6379) or with
 * REQUIRE_REDIS=1; elsewhere they skip with the reason.
 */
export async function redisSkipReason(): Promise<string | null> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0 });
  client.on('error', () => {});
  let reason: string | null = null;
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    reason = `Redis at ${REDIS_URL} is not reachable (${(error as Error).message})`;
  } finally {
    client.disconnect();
  }
  if (reason && (process.env.REQUIRE_REDIS === '1' || process.env.CI === 'true')) {
    throw new Error(`${reason}; CI / REQUIRE_REDIS=1 makes this a failure`);
  }
  if (reason) console.warn(`skipping Redis tests: ${reason}`);
  return reason;
}
