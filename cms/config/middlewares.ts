import { LIMITS } from '../src/api-protection/limits';
import { onOff, positiveInt, redisSettings } from '../src/api-protection/settings';

/**
 * The partner-API protections (src/api-protection/) sit between CORS and Strapi's routing:
 * rate limits first (a refused request costs nothing more, and still carries CORS headers),
 * then the REST query shape and populate bounds and the GraphQL size bounds, then the response
 * cache (a cached answer skips everything after it). Limits: src/api-protection/limits.ts.
 */
export default ({ env }: { env: any }) => {
  const redis = redisSettings(env('REDIS_URL', ''), env('REDIS_PREFIX', 'asb:'));
  return [
    'strapi::logger',
    'strapi::errors',
    'strapi::security',
    {
      name: 'strapi::cors',
      config: {
        origin: env.array('CORS_ORIGINS', ['http://localhost:4321', 'http://localhost:1337']),
        credentials: false,
        headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-None-Match'],
        // Browsers hide response headers from scripts unless they are listed here.
        expose: ['ETag', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'X-Cache'],
      },
    },
    // No 'strapi::poweredBy': an X-Powered-By header tells a prober which software to look up (test/error-disclosure.test.ts).
    {
      resolve: './src/api-protection/rate-limit',
      config: {
        enabled: onOff(env('RATE_LIMIT', 'on'), 'RATE_LIMIT'),
        anonymousPerMinute: positiveInt(
          env('RATE_LIMIT_ANONYMOUS_PER_MINUTE', '600'),
          'RATE_LIMIT_ANONYMOUS_PER_MINUTE',
        ),
        tokenPerMinute: positiveInt(env('RATE_LIMIT_TOKEN_PER_MINUTE', '6000'), 'RATE_LIMIT_TOKEN_PER_MINUTE'),
        redis,
      },
    },
    'strapi::query',
    {
      resolve: './src/api-protection/populate-depth',
      config: {
        maxDepth: positiveInt(
          env('REST_MAX_POPULATE_DEPTH', String(LIMITS.populateDepth.value)),
          'REST_MAX_POPULATE_DEPTH',
        ),
      },
    },
    // Every REST query parameter checked against the content model: a 400 naming it, before any query runs.
    { resolve: './src/api-protection/query-shape', config: {} },
    {
      // Reads GraphQL bodies (for the cache key; decoding gzip, deflate and br), refuses other
      // content types and encodings, text or variables nested too deep, and fragment bombs before Apollo's depth check walks them.
      resolve: './src/api-protection/graphql-request',
      config: { maxExpandedFields: LIMITS.graphqlExpandedFields.value },
    },
    {
      resolve: './src/api-protection/response-cache',
      config: {
        enabled: onOff(env('API_CACHE', 'on'), 'API_CACHE'),
        ttlSeconds: positiveInt(env('API_CACHE_TTL_SECONDS', '300'), 'API_CACHE_TTL_SECONDS'),
        maxMemoryBytes: 64 * 1024 * 1024,
        maxEntryBytes: 4 * 1024 * 1024,
        redis,
      },
    },
    // /graphql: the preview's tokens to Strapi's whole schema, everyone else to the public one; refusals in GraphQL's shape.
    { resolve: './src/api-contract/public-schema', config: {} },
    // REST bodies that cannot be read (bad JSON, an encoding that is not what it says, too large): a 4xx, not a 500.
    { resolve: './src/api-protection/request-body', config: {} },
    { name: 'strapi::body', config: { jsonLimit: '2mb' } },
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};
