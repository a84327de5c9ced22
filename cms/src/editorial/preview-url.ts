import { hmac } from './signing';

/** The site's URL segment per previewable collection type (web/src/lib/content.ts SEGMENT). */
export const PREVIEW_SEGMENTS: Record<string, string> = {
  'api::programme.programme': 'programmes',
  'api::project.project': 'projects',
  'api::social-enterprise.social-enterprise': 'social-enterprises',
  'api::partner.partner': 'partners',
  'api::funder.funder': 'funders',
};

/**
 * The site's preview page per single type: the page that shows it (web/src/pages/preview/[locale]/).
 * Organisation settings appear on every page; the contact page is the one that shows all of them.
 */
export const PREVIEW_PAGES: Record<string, string> = {
  'api::home-page.home-page': 'home',
  'api::organisation-setting.organisation-setting': 'contact',
};

/** Long enough for an editing session in the preview panel, short enough that a leaked link goes stale. */
export const PREVIEW_LINK_TTL_MS = 60 * 60 * 1000;

export interface PreviewParams {
  documentId?: string;
  locale?: string | null;
  status?: string;
}

/** The preview route's path, or undefined for a type the site has no preview of. */
function previewPath(uid: string, documentId: string | undefined, locale: string): string | undefined {
  const segment = PREVIEW_SEGMENTS[uid];
  if (segment) return documentId ? `/preview/${locale}/${segment}/${documentId}/` : undefined;
  // A single type has one document per locale, which the site finds without its id: the id stays out
  // of the link (the Content Manager fills it in, a direct call of the preview service may not).
  const page = PREVIEW_PAGES[uid];
  return page ? `/preview/${locale}/${page}/` : undefined;
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
  const path = previewPath(uid, documentId, locale || 'ka');
  if (!path || !secret) return undefined;
  const state = status === 'published' ? 'published' : 'draft';
  const expires = String(now + PREVIEW_LINK_TTL_MS);
  const signature = hmac(secret, `${path}\n${state}\n${expires}`);
  const url = new URL(path, siteUrl);
  url.search = new URLSearchParams({ status: state, expires, signature }).toString();
  return url.href;
}
