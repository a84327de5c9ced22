import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentApiMatcher } from './content-api-paths';
import { limitMessage } from './limits';
import type { PopulateDepthSettings } from './settings';

type Context = Parameters<Core.MiddlewareHandler>[0];

/**
 * How many relation/component levels a REST `populate` parameter asks for, in every form Strapi
 * accepts: `*`, `a,b`, dotted paths `a.b.c`, arrays, `populate[a][populate][b]=…`, and dynamic
 * zones' `populate[zone][on][component][populate]=…`. Every populated field is one level; each
 * level can multiply the rows read, which is what the limit is for.
 */
export function populateDepth(value: unknown): number {
  if (value === undefined || value === null || value === false || value === '' || value === 'false') return 0;
  if (value === true) return 1;
  if (typeof value === 'string') {
    return Math.max(
      0,
      ...value
        .split(',')
        .map((path) => path.trim())
        .filter(Boolean)
        .map((path) => path.split('.').length),
    );
  }
  if (Array.isArray(value)) return Math.max(0, ...value.map(populateDepth));
  if (typeof value === 'object') {
    let depth = 0;
    for (const [key, inner] of Object.entries(value)) {
      // qs turns a long list (populate[0]=a … populate[150]=z) into an object with numeric keys.
      depth = Math.max(depth, /^\d+$/.test(key) ? populateDepth(inner) : 1 + fieldDepth(inner));
    }
    return depth;
  }
  return 0;
}

/** The options of one populated field: `true`, `*`, or `{ populate, on, fields, filters, … }`. */
function fieldDepth(options: unknown): number {
  if (!options || typeof options !== 'object' || Array.isArray(options)) return 0;
  const { populate, on } = options as { populate?: unknown; on?: unknown };
  let depth = populateDepth(populate);
  if (on && typeof on === 'object') {
    for (const component of Object.values(on)) {
      const nested = component && typeof component === 'object' ? (component as { populate?: unknown }).populate : 0;
      depth = Math.max(depth, populateDepth(nested));
    }
  }
  return depth;
}

/** REST requests whose `populate` is nested deeper than the limit get a 400 that names the limit. */
export default (settings: PopulateDepthSettings, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const paths = contentApiMatcher(strapi);
  return async (ctx: Context, next) => {
    if (!paths.isRest(ctx.path) || !ctx.querystring.includes('populate')) return next();
    const depth = populateDepth((ctx.query as Record<string, unknown>).populate);
    if (depth > settings.maxDepth) {
      throw new errors.ValidationError(
        limitMessage('populateDepth', 'populate', `nested ${depth} levels deep`, settings.maxDepth),
        {
          source: 'query',
          param: 'populate',
          rule: 'populate depth limit',
          limit: settings.maxDepth,
          populateDepth: depth,
          maxPopulateDepth: settings.maxDepth,
        },
      );
    }
    return next();
  };
};
