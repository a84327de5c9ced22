import { hmac } from './signing';

/** The site's URL segment per previewable type (web/src/lib/content.ts SEGMENT). */
export const PREVIEW_SEGMENTS: Record<string, string> = {
  'api::programme.programme': 'programmes',
  'api::project.project': 'projects',
  'api::social-enterprise.social-enterprise': 'social-enterprises',
  'api::partner.partner': 'partners',
  'api::funder.funder': 'funders',
};

/** Long enough for an editing session in the preview panel, short enough that a leaked link goes stale. */
export const PREVIEW_LINK_TTL_MS = 60 * 60 * 1000;

export interface PreviewParams {
  documentId?: string;
  locale?: string | null;
  status?: string;
}

/**
 * The site's on-demand preview route for one document, signed with PREVIEW_SECRET so only links the
 * CMS issued open it. The signature covers path, status and expiry (see web/src/lib/preview.ts).
 */
export function previewUrl(
  uid: string,
  { documentId, locale, status }: PreviewParams,
  { siteUrl, secret, now = Date.now() }: { siteUrl: string; secret: string; now?: number },
): string | undefined {
  const segment = PREVIEW_SEGMENTS[uid];
  // Single types (organisation settings, home page) have no page of their own to preview yet.
  if (!segment || !documentId || !secret) return undefined;
  const path = `/preview/${locale || 'ka'}/${segment}/${documentId}/`;
  const state = status === 'published' ? 'published' : 'draft';
  const expires = String(now + PREVIEW_LINK_TTL_MS);
  const signature = hmac(secret, `${path}\n${state}\n${expires}`);
  const url = new URL(path, siteUrl);
  url.search = new URLSearchParams({ status: state, expires, signature }).toString();
  return url.href;
}
