import type { Core } from '@strapi/strapi';
import { ensurePreviewToken } from './preview-token';
import { subscribeRebuildNotifier } from './rebuild-notifier';
import { registerSiteStatusRoute } from './site-status';

/**
 * The editorial loop on the CMS side: drafts previewed on the real site (config/admin.ts signs the
 * links; here the site's draft-reading token is kept in step with PREVIEW_TOKEN), publishing that
 * tells the site to rebuild (signed calls to REBUILD_URL), and the site's build state for editors.
 * Each part is off when its setting is empty, with a warning, so a CMS without a site still runs.
 */
export async function bootstrapEditorial(strapi: Core.Strapi) {
  const env = process.env;
  const previewToken = env.PREVIEW_TOKEN?.trim();
  if (previewToken) await ensurePreviewToken(strapi, previewToken);
  else strapi.log.warn('[asb] PREVIEW_TOKEN is not set: the site cannot show drafts in the preview panel');

  const url = env.REBUILD_URL?.trim();
  const secret = env.REBUILD_WEBHOOK_SECRET?.trim();
  if (url && secret) {
    subscribeRebuildNotifier(strapi, { url, secret });
    registerSiteStatusRoute(strapi, { statusUrl: new URL('status', url).href, secret });
  } else {
    strapi.log.warn('[asb] REBUILD_URL or REBUILD_WEBHOOK_SECRET is not set: publishing will not rebuild the site');
  }
}
