import type { Core } from '@strapi/strapi';
import { hmac } from './signing';

/**
 * GET /editorial/site-status (admin panel session required): the site's build state as the site
 * reports it (last successful publish, build in progress, last failure and why). The CMS asks the
 * site server-to-server with a signed request, because the site does not show its build log to the
 * public and the admin's Content-Security-Policy would not let the browser call another origin.
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
        handler: async (ctx: { status: number; body: unknown; set(name: string, value: string): void }) => {
          ctx.set('Cache-Control', 'no-store');
          const timestamp = String(Date.now());
          try {
            const res = await fetch(statusUrl, {
              headers: {
                'X-Asb-Timestamp': timestamp,
                'X-Asb-Signature': `sha256=${hmac(secret, `${timestamp}.GET ${new URL(statusUrl).pathname}`)}`,
              },
              signal: AbortSignal.timeout(5000),
            });
            ctx.status = res.ok ? 200 : 502;
            ctx.body = res.ok ? { data: await res.json() } : { error: `the site answered HTTP ${res.status}` };
          } catch (error) {
            ctx.status = 502;
            ctx.body = { error: `the site is unreachable at ${statusUrl}: ${(error as Error).message}` };
          }
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
