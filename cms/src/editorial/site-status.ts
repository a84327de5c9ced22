import type { Core, UID } from '@strapi/strapi';
import { entrySiteState, type SiteBuildStatus } from './entry-site-state';
import { signedHeaders } from '@asb/shared';

type Ctx = { status: number; body: unknown; query: Record<string, unknown>; set(name: string, value: string): void };

/** The site's GET /_site/status, signed; `{ error }` when the site is unreachable or refuses. */
async function fetchSiteStatus(
  statusUrl: string,
  secret: string,
): Promise<{ data: SiteBuildStatus } | { error: string }> {
  try {
    const res = await fetch(statusUrl, {
      headers: signedHeaders(secret, `GET ${new URL(statusUrl).pathname}`),
      signal: AbortSignal.timeout(5000),
    });
    return res.ok ? { data: (await res.json()) as SiteBuildStatus } : { error: `the site answered HTTP ${res.status}` };
  } catch (error) {
    return { error: `the site is unreachable at ${statusUrl}: ${(error as Error).message}` };
  }
}

/** A 400 naming the query parameter, in Strapi's error shape. */
function badRequest(ctx: Ctx, parameter: string, message: string) {
  ctx.status = 400;
  ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message, details: { parameter } } };
}

/**
 * GET /editorial/site-status (admin panel session required): the site's build state as the site
 * reports it (last successful publish, build in progress, last failure and why). The CMS asks the
 * site server-to-server with a signed request, because the site does not show its build log to the
 * public and the admin's Content-Security-Policy would not let the browser call another origin.
 *
 * GET /editorial/site-status/entry?uid=&documentId=&locale= (admin session): whether that entry's
 * latest publish is live on the site, being built, or failed to reach it (entry-site-state.ts), for
 * the panel on the entry's edit view (src/admin/site-status-panel/).
 */
export function registerSiteStatusRoute(
  strapi: Core.Strapi,
  { statusUrl, secret }: { statusUrl: string; secret: string },
) {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/editorial/site-status',
        handler: async (ctx: Ctx) => {
          ctx.set('Cache-Control', 'no-store');
          const result = await fetchSiteStatus(statusUrl, secret);
          ctx.status = 'data' in result ? 200 : 502;
          ctx.body = result;
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        path: '/editorial/site-status/entry',
        handler: async (ctx: Ctx) => {
          ctx.set('Cache-Control', 'no-store');
          const { uid, documentId, locale } = ctx.query;
          const model = typeof uid === 'string' ? strapi.contentTypes[uid as UID.ContentType] : undefined;
          if (!model || !String(uid).startsWith('api::'))
            return badRequest(ctx, 'uid', `uid must name one of the site's content types, not "${String(uid ?? '')}"`);
          if (!model.options?.draftAndPublish)
            return badRequest(ctx, 'uid', `${String(uid)} has no draft and publish: it has no publish to follow`);
          if (typeof documentId !== 'string' || !/^[a-z0-9]{1,64}$/.test(documentId))
            return badRequest(ctx, 'documentId', 'documentId must be the entry’s document id');
          const localized = (model.pluginOptions?.i18n as { localized?: boolean } | undefined)?.localized === true;
          if (locale !== undefined && typeof locale !== 'string')
            return badRequest(ctx, 'locale', 'locale must be one locale code');
          if (localized && locale) {
            const known = (await strapi.plugin('i18n').service('locales').find()) as { code: string }[];
            if (!known.some((l) => l.code === locale))
              return badRequest(ctx, 'locale', `locale "${locale}" is not one of the CMS's locales`);
          }
          const published = await strapi.documents(uid as UID.ContentType).findOne({
            documentId,
            ...(localized && locale ? { locale } : {}),
            status: 'published',
            fields: ['publishedAt'],
          } as never);
          const publishedAt = (published as { publishedAt?: string | Date | null } | null)?.publishedAt ?? null;
          const result = await fetchSiteStatus(statusUrl, secret);
          if (!('data' in result)) {
            ctx.status = 502;
            ctx.body = { error: result.error };
            return;
          }
          const at = publishedAt ? new Date(publishedAt).toISOString() : null;
          ctx.status = 200;
          ctx.body = { data: { publishedAt: at, ...entrySiteState(result.data, at) } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
