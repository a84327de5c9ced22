/**
 * GraphQL bounds are explicit: Strapi's defaults are 10 items per list with no maximum and no
 * depth limit, which lets one query walk the whole relation graph.
 */
export const GRAPHQL_DEFAULT_LIMIT = 25;
export const GRAPHQL_MAX_LIMIT = 100;
export const GRAPHQL_DEPTH_LIMIT = 8;

export default ({ env }: { env: any }) => ({
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      defaultLimit: GRAPHQL_DEFAULT_LIMIT,
      maxLimit: GRAPHQL_MAX_LIMIT,
      depthLimit: GRAPHQL_DEPTH_LIMIT,
      // The Apollo sandbox is a development aid; production serves no landing page.
      landingPage: env('NODE_ENV') !== 'production',
      apolloServer: { introspection: true },
    },
  },
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
});
