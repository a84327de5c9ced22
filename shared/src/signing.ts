import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The CMS and the site share two secrets: PREVIEW_SECRET signs preview links (the CMS issues them,
 * the site's preview route checks them), REBUILD_WEBHOOK_SECRET signs the CMS's rebuild calls and
 * status requests (the site server checks them). Both sides sign and verify with these functions only.
 */

/** How far a signed timestamp may be from the server's clock: long enough for clock drift and retries. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

/** Long enough for an editing session in the preview panel, short enough that a leaked link goes stale. */
export const PREVIEW_LINK_TTL_MS = 60 * 60 * 1000;

export const TIMESTAMP_HEADER = 'X-Asb-Timestamp';
export const SIGNATURE_HEADER = 'X-Asb-Signature';

export function hmac(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** Compares in constant time, so a signature cannot be guessed byte by byte from response times. */
export function safeEqual(a: unknown, b: unknown): boolean {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Signature headers of a call: HMAC over "<timestamp>.<message>" (the body of a POST, "GET <path>"
 * of a status request), so a replayed message needs a fresh, signed timestamp.
 */
export function signedHeaders(secret: string, message: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return {
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: `sha256=${hmac(secret, `${timestamp}.${message}`)}`,
  };
}

export interface SignedRequest {
  timestamp?: string | null | undefined;
  signature?: string | null | undefined;
  message: string;
  now?: number;
}

/**
 * Checks a request signed over "<timestamp>.<message>". Returns null when valid, else why not (for a
 * 401 message). Replays within the time window are the caller's to refuse (it knows the message ids).
 */
export function verifySignature(
  secret: string | undefined,
  { timestamp, signature, message, now = Date.now() }: SignedRequest,
): string | null {
  if (!secret) return 'the server has no secret configured';
  if (!timestamp || !signature) return `missing ${TIMESTAMP_HEADER} or ${SIGNATURE_HEADER}`;
  const at = Number(timestamp);
  if (!Number.isFinite(at) || Math.abs(now - at) > MAX_SKEW_MS) return 'timestamp outside the allowed window';
  if (!safeEqual(signature, `sha256=${hmac(secret, `${timestamp}.${message}`)}`)) return 'bad signature';
  return null;
}

export type PreviewStatus = 'draft' | 'published';

/** What a preview link carries beside its path: status and expiry, and the signature over all three. */
export interface PreviewLinkQuery {
  status: PreviewStatus;
  expires: string;
  signature: string;
}

const previewMessage = (path: string, status: string, expires: string) => `${path}\n${status}\n${expires}`;

/** Signs a preview path for `PREVIEW_LINK_TTL_MS` (the CMS's side of verifyPreviewLink). */
export function signPreviewLink(
  secret: string,
  path: string,
  status: PreviewStatus,
  now = Date.now(),
): PreviewLinkQuery {
  const expires = String(now + PREVIEW_LINK_TTL_MS);
  return { status, expires, signature: hmac(secret, previewMessage(path, status, expires)) };
}

/** Checks a preview link the CMS issued (path, status and expiry are signed). Null when valid, else why not. */
export function verifyPreviewLink(
  secret: string | undefined,
  {
    path,
    status,
    expires,
    signature,
    now = Date.now(),
  }: { path: string; status?: string | null; expires?: string | null; signature?: string | null; now?: number },
): string | null {
  if (!secret) return 'previews are not configured (PREVIEW_SECRET)';
  if (!expires || !signature || !status) return 'the link is not signed';
  if (!Number.isFinite(Number(expires)) || Number(expires) < now) return 'the link has expired';
  if (!safeEqual(signature, hmac(secret, previewMessage(path, status, expires)))) return 'bad signature';
  return null;
}
