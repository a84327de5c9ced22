import { costLimitRule } from '../src/api-protection/graphql-cost';
import { knownOperationTypesRule } from '../src/api-contract/operation-types';
import { graphqlShapePlugin } from '../src/api-protection/graphql-shape';
import { DEFAULT_PAGE_SIZE, LIMITS } from '../src/api-protection/limits';
import { formatGraphqlError } from '../src/graphql/error-format';

/**
 * GraphQL bounds are explicit (values in src/api-protection/limits.ts): Strapi's defaults are 10
 * items per list with no maximum and no depth limit, which lets one query walk the whole relation graph.
 */
export const GRAPHQL_DEFAULT_LIMIT = DEFAULT_PAGE_SIZE;
export const GRAPHQL_MAX_LIMIT = LIMITS.pageSize.value;
export const GRAPHQL_DEPTH_LIMIT = LIMITS.graphqlDepth.value;
/** The site's own projects query (100 per page, three relation lists of up to 100) costs about 31,000. */
export const GRAPHQL_DEFAULT_MAX_COST = LIMITS.graphqlCost.value;

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
      apolloServer: {
        introspection: true,
        // Without this the GraphQL route adds its own CORS layer that allows every origin ("*"),
        // overriding CORS_ORIGINS; strapi::cors (config/middlewares.ts) then governs /graphql too.
        cors: false,
        // Errors name what was wrong with the request, never the server's files or SQL, in every mode.
        includeStacktraceInErrorResponses: false,
        formatError: formatGraphqlError,
        // Depth alone does not bound a query: wide lists nested within the depth, or one list under many aliases.
        validationRules: [
          // Partners' schema has no mutations: a mutation is a 400 before it runs, not an error while running.
          knownOperationTypesRule,
          costLimitRule({
            maxCost: env.int('GRAPHQL_MAX_COST', GRAPHQL_DEFAULT_MAX_COST),
            defaultPageSize: GRAPHQL_DEFAULT_LIMIT,
            maxPageSize: GRAPHQL_MAX_LIMIT,
            maxFilterConditions: LIMITS.filterConditions.value,
          }),
        ],
        // Filter depth and size, `in` lists, sort keys, aliases: checked once the operation is known, before it runs.
        plugins: [graphqlShapePlugin()],
      },
    },
  },
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  // Mail (admin password resets) goes out over SMTP. Strapi's default provider pipes to a local
  // sendmail binary, which containers do not have, and Strapi warns about it at every start.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        // `||`: docker-compose passes unset settings as empty strings.
        host: env('SMTP_HOST') || '127.0.0.1',
        port: env.int('SMTP_PORT', 1025),
        // true: TLS from the first byte (port 465); false: STARTTLS when the server offers it.
        secure: env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
      },
      settings: {
        defaultFrom: env('EMAIL_FROM') || 'ASB Georgia <no-reply@localhost>',
        defaultReplyTo: env('EMAIL_REPLY_TO') || env('EMAIL_FROM') || 'ASB Georgia <no-reply@localhost>',
      },
    },
  },
});
