import type { Core } from '@strapi/strapi';
import { contentApiMatcher } from './content-api-paths';

type Context = Parameters<Core.MiddlewareHandler>[0];
type Factory = Core.MiddlewareFactory;

/**
 * Stock `strapi::security` builds a new helmet middleware, options merging included, on every
 * request: about half the CPU time of a cached API response. Its headers are the same for every
 * content-API request (its per-request variations are for GET /graphql's sandbox, /documentation
 * and the admin panel), so they are recorded from the first such request and set directly after.
 * Every other request goes through the stock middleware unchanged.
 */
export function memoiseSecurityHeaders(strapi: Core.Strapi) {
  const registry = strapi.get('middlewares') as { extend(uid: string, wrap: (factory: Factory) => Factory): unknown };
  registry.extend('strapi::security', (stock) => (config, context) => {
    const handler = stock(config, context);
    if (!handler) return handler;
    const paths = contentApiMatcher(context.strapi);
    let recorded: [string, string | string[]][] | null = null;

    return async (ctx: Context, next) => {
      const uniform = paths.isRest(ctx.path) || (paths.isGraphql(ctx.path) && ctx.method !== 'GET');
      if (!uniform) return handler(ctx, next);
      if (recorded) {
        for (const [name, value] of recorded) ctx.set(name, value);
        return next();
      }
      const before = { ...ctx.response.headers };
      return handler(ctx, async () => {
        recorded = Object.entries(ctx.response.headers)
          .filter(([name, value]) => value !== undefined && before[name] !== value)
          .map(([name, value]) => [name, value as string | string[]]);
        return next();
      });
    };
  });
}
