// HMAC checks shared by the site server (rebuild calls, status requests) and the preview route.
// The CMS signs with the same scheme: cms/src/editorial/signing.ts and preview-url.ts.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signed timestamp may be from the server's clock: long enough for clock drift and retries. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

export function hmac(secret, message) {
  return createHmac('sha256', secret).update(message).digest('hex');
}

export function safeEqual(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && timingSafeEqual(left, right);
}

export function signedHeaders(secret, message, now = Date.now()) {
  const timestamp = String(now);
  return {
    'X-Asb-Timestamp': timestamp,
    'X-Asb-Signature': `sha256=${hmac(secret, `${timestamp}.${message}`)}`,
  };
}

/**
 * Checks a request signed over "<timestamp>.<message>". Returns null when valid, else why not (for a
 * 401 message). Replays within the time window are the caller's to refuse (it knows the message ids).
 */
export function verifySignature(secret, { timestamp, signature, message, now = Date.now() }) {
  if (!secret) return 'the server has no secret configured';
  if (!timestamp || !signature) return 'missing X-Asb-Timestamp or X-Asb-Signature';
  const at = Number(timestamp);
  if (!Number.isFinite(at) || Math.abs(now - at) > MAX_SKEW_MS) return 'timestamp outside the allowed window';
  if (!safeEqual(signature, `sha256=${hmac(secret, `${timestamp}.${message}`)}`)) return 'bad signature';
  return null;
}

/** Checks a preview link the CMS issued (path, status and expiry are signed). */
export function verifyPreviewLink(secret, { path, status, expires, signature, now = Date.now() }) {
  if (!secret) return 'previews are not configured (PREVIEW_SECRET)';
  if (!expires || !signature || !status) return 'the link is not signed';
  if (!Number.isFinite(Number(expires)) || Number(expires) < now) return 'the link has expired';
  if (!safeEqual(signature, hmac(secret, `${path}\n${status}\n${expires}`))) return 'bad signature';
  return null;
}
