import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The CMS and the site share two secrets: PREVIEW_SECRET signs preview links, REBUILD_WEBHOOK_SECRET
 * signs rebuild calls. The site verifies with the same scheme (web/server/signing.mjs); keep both in step.
 */

export function hmac(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** Signature headers of a rebuild call: HMAC over "<timestamp>.<body>", so a replayed body needs a fresh, signed timestamp. */
export function signedHeaders(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return {
    'X-Asb-Timestamp': timestamp,
    'X-Asb-Signature': `sha256=${hmac(secret, `${timestamp}.${body}`)}`,
  };
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
