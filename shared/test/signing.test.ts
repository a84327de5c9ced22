import { describe, expect, it } from 'vitest';
import {
  MAX_SKEW_MS,
  PREVIEW_LINK_TTL_MS,
  hmac,
  signPreviewLink,
  signedHeaders,
  verifyPreviewLink,
  verifySignature,
} from '../src/signing.js';

const secret = 'a-test-secret';

describe('signed calls (rebuild, status)', () => {
  const now = 1_700_000_000_000;
  const headers = signedHeaders(secret, '{"id":"x"}', now);
  const request = (over: Partial<Parameters<typeof verifySignature>[1]> = {}) => ({
    timestamp: headers['X-Asb-Timestamp'],
    signature: headers['X-Asb-Signature'],
    message: '{"id":"x"}',
    now,
    ...over,
  });

  it('signs "<timestamp>.<message>" with HMAC-SHA256, hex', () => {
    expect(headers['X-Asb-Timestamp']).toBe(String(now));
    expect(headers['X-Asb-Signature']).toBe(`sha256=${hmac(secret, `${now}.{"id":"x"}`)}`);
    expect(hmac(secret, 'm')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts its own signature and refuses every other one, naming why', () => {
    expect(verifySignature(secret, request())).toBeNull();
    expect(verifySignature(undefined, request())).toMatch(/no secret/);
    expect(verifySignature(secret, request({ signature: null }))).toMatch(/missing/);
    expect(verifySignature(secret, request({ message: '{"id":"y"}' }))).toBe('bad signature');
    expect(verifySignature('another', request())).toBe('bad signature');
    expect(verifySignature(secret, request({ now: now + MAX_SKEW_MS + 1 }))).toMatch(/window/);
    expect(verifySignature(secret, request({ now: now - MAX_SKEW_MS - 1 }))).toMatch(/window/);
  });
});

describe('preview links', () => {
  const now = 1_700_000_000_000;
  const path = '/preview/en/projects/abc123/';
  const query = signPreviewLink(secret, path, 'draft', now);

  it('expire after PREVIEW_LINK_TTL_MS', () => {
    expect(query.expires).toBe(String(now + PREVIEW_LINK_TTL_MS));
    expect(verifyPreviewLink(secret, { path, ...query, now })).toBeNull();
    expect(verifyPreviewLink(secret, { path, ...query, now: now + PREVIEW_LINK_TTL_MS + 1 })).toMatch(/expired/);
  });

  it('cover path, status and expiry', () => {
    expect(verifyPreviewLink(secret, { path: '/preview/en/projects/other/', ...query, now })).toBe('bad signature');
    expect(verifyPreviewLink(secret, { path, ...query, status: 'published', now })).toBe('bad signature');
    expect(verifyPreviewLink(secret, { path, ...query, expires: String(now + 2 * PREVIEW_LINK_TTL_MS), now })).toBe(
      'bad signature',
    );
    expect(verifyPreviewLink(secret, { path, status: 'draft', now })).toMatch(/not signed/);
    expect(verifyPreviewLink(undefined, { path, ...query, now })).toMatch(/PREVIEW_SECRET/);
  });
});
