import type { Core } from '@strapi/strapi';

/** The REST prefix and GraphQL endpoint: the only paths the partner-API protections look at. */
export function contentApiMatcher(strapi: Core.Strapi) {
  const rest = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  const graphql = strapi.plugin('graphql') ? String(strapi.plugin('graphql').config('endpoint')) : null;
  return {
    graphql,
    isRest: (path: string) => path === rest || path.startsWith(`${rest}/`),
    isGraphql: (path: string) => graphql !== null && path === graphql,
    isContentApi(path: string) {
      return this.isRest(path) || this.isGraphql(path);
    },
  };
}
