import {
  documentPreviewPath,
  documentTypeOfUid,
  singlePreviewPath,
  singleTypeOfUid,
  signPreviewLink,
  DEFAULT_LOCALE,
} from '@asb/shared';

export interface PreviewParams {
  documentId?: string;
  locale?: string | null;
  status?: string;
}

/** The preview route's path, or undefined for a type the site has no preview of. */
function previewPath(uid: string, documentId: string | undefined, locale: string): string | undefined {
  const type = documentTypeOfUid(uid);
  if (type) return documentId ? documentPreviewPath(locale, type, documentId) : undefined;
  // A single type has one document per locale, which the site finds without its id: the id stays out
  // of the link (the Content Manager fills it in, a direct call of the preview service may not).
  const single = singleTypeOfUid(uid);
  return single ? singlePreviewPath(locale, single) : undefined;
}

/**
 * The site's on-demand preview route for one document, signed with PREVIEW_SECRET so only links the
 * CMS issued open it (@asb/shared signPreviewLink; the site checks with verifyPreviewLink).
 */
export function previewUrl(
  uid: string,
  { documentId, locale, status }: PreviewParams,
  { siteUrl, secret, now = Date.now() }: { siteUrl: string; secret: string; now?: number },
): string | undefined {
  const path = previewPath(uid, documentId, locale || DEFAULT_LOCALE);
  if (!path || !secret) return undefined;
  const url = new URL(path, siteUrl);
  const query = signPreviewLink(secret, path, status === 'published' ? 'published' : 'draft', now);
  url.search = new URLSearchParams({ ...query }).toString();
  return url.href;
}
