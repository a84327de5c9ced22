import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';
import type { GraphQLFieldConfig, GraphQLObjectType, GraphQLScalarType, GraphQLSchema } from 'graphql';
import { isLocale, LOCALES } from '@asb/shared';
import { contentApiMatcher } from '../api-protection/content-api-paths';
import { identify } from '../api-protection/identity';
import { mayReadDrafts } from '../documents/draft-guard';
import { COMPONENT_DESCRIPTIONS, describeField, TYPE_DESCRIPTIONS, TYPE_SUMMARIES } from './descriptions';

/*
 * Two GraphQL schemas on one endpoint, /graphql:
 *
 * - the public schema, for the Public role and read-only partner tokens: queries only (no Mutation
 *   type: nobody it serves may write), no `status`, `publicationFilter` or `hasPublishedVersion`
 *   arguments (drafts are refused to them anyway), none of the users', roles', upload or review
 *   workflows' queries (all refused to them), every field of the organisation's types and
 *   components described. This is what introspection shows partners, what shared/schema/cms.graphql
 *   holds and what shared/ generates the site's types from;
 * - Strapi's whole schema, for the tokens that may read drafts (the site's preview token and
 *   full-access tokens, src/documents/draft-guard.ts): the preview asks for `status: DRAFT`.
 *
 * Each has its own Apollo server: Apollo caches validated documents per server, so a query that is
 * valid for the preview is never taken as validated for a partner. The plugin serves the public one
 * (its buildSchema is wrapped here); the preview server is made in bootstrap with the same options and
 * reached through the middleware below, which looks at the token before the plugin's route does.
 */

// The plugin's own copies (the same graphql-js and Apollo the schema was built with).
const pluginRequire = createRequire(require.resolve('@strapi/plugin-graphql/package.json'));

const graphql = pluginRequire('graphql') as typeof import('graphql');
type Mapper = Record<string, (...args: any[]) => unknown>;
const { MapperKind, mapSchema, pruneSchema } = pluginRequire('@graphql-tools/utils') as {
  MapperKind: Record<string, string>;
  mapSchema(schema: GraphQLSchema, mapper: Mapper): GraphQLSchema;
  pruneSchema(schema: GraphQLSchema): GraphQLSchema;
};

/** Arguments that select drafts: every partner is refused them, so the public schema has none. */
export const DRAFT_ARGUMENTS = ['status', 'publicationFilter', 'hasPublishedVersion'];
/** Queries of plugin types no partner may read (403 on REST, FORBIDDEN before). */
const HIDDEN_QUERY_PREFIXES = ['me', 'usersPermissions', 'uploadFile', 'reviewWorkflows'];

interface GraphqlNaming {
  getTypeName(contentType: unknown): string;
  getComponentName(component: unknown): string;
}
interface ContentApiService {
  buildSchema(): GraphQLSchema;
}

const schemas = new WeakMap<Core.Strapi, { full?: GraphQLSchema; public?: GraphQLSchema }>();

/** GraphQL type name → the model it shows, for the organisation's types and components. */
function describedModels(strapi: Core.Strapi) {
  const { naming } = strapi.plugin('graphql').service('utils') as { naming: GraphqlNaming };
  const byType = new Map<string, { uid: string; attributes: Record<string, any>; localized: boolean }>();
  for (const uid of Object.keys(TYPE_DESCRIPTIONS)) {
    const model = strapi.contentType(uid as never) as any;
    byType.set(naming.getTypeName(model), {
      uid,
      attributes: model.attributes,
      localized: model.pluginOptions?.i18n?.localized === true,
    });
  }
  for (const uid of Object.keys(COMPONENT_DESCRIPTIONS)) {
    const component = strapi.components[uid as keyof typeof strapi.components] as any;
    byType.set(naming.getComponentName(component), { uid, attributes: component.attributes, localized: false });
  }
  return byType;
}

/** The public schema made from Strapi's whole one. */
export function publicSchema(strapi: Core.Strapi, full: GraphQLSchema): GraphQLSchema {
  const models = describedModels(strapi);
  const uidOf = new Map([...models].map(([typeName, { uid }]) => [typeName, uid]));
  const mapped = mapSchema(full, {
    [MapperKind.MUTATION]: () => null,
    [MapperKind.QUERY_ROOT_FIELD]: (config: GraphQLFieldConfig<unknown, unknown>, fieldName: string) =>
      HIDDEN_QUERY_PREFIXES.some((prefix) => fieldName === prefix || fieldName.startsWith(prefix))
        ? null
        : { ...config, args: withoutDraftArguments(config.args) },
    [MapperKind.OBJECT_TYPE]: (type: GraphQLObjectType) => {
      const uid = uidOf.get(type.name);
      if (!uid || !TYPE_SUMMARIES[uid]) return type;
      return new graphql.GraphQLObjectType({ ...type.toConfig(), description: TYPE_SUMMARIES[uid] });
    },
    [MapperKind.OBJECT_FIELD]: (config: GraphQLFieldConfig<unknown, unknown>, fieldName: string, typeName: string) => {
      const args = withoutDraftArguments(config.args);
      const model = models.get(typeName);
      if (!model) return { ...config, args };
      const base = fieldName.endsWith('_connection') ? fieldName.slice(0, -'_connection'.length) : fieldName;
      let description = describeField(model.uid, base, model.attributes[base], {
        localizedType: model.localized,
        rest: false,
      });
      if (description && base !== fieldName)
        description = `${description} As a connection: the nodes and the page info.`;
      return { ...config, args, description: description ?? config.description };
    },
    [MapperKind.SCALAR_TYPE]: (type: GraphQLScalarType) => (type.name === 'I18NLocaleCode' ? localeScalar(type) : type),
  });
  return pruneSchema(mapped);
}

function withoutDraftArguments<T extends Record<string, unknown> | undefined>(args: T): T {
  if (!args) return args;
  return Object.fromEntries(Object.entries(args).filter(([name]) => !DRAFT_ARGUMENTS.includes(name))) as T;
}

/** The i18n plugin's locale scalar, refusing an unknown locale with the list of valid ones (as REST does). */
function localeScalar(type: GraphQLScalarType): GraphQLScalarType {
  const config = type.toConfig();
  const check = (value: unknown) => {
    if (typeof value === 'string' && isLocale(value)) return value;
    throw new graphql.GraphQLError(`Unknown locale ${JSON.stringify(value)}; use one of: ${LOCALES.join(', ')}`);
  };
  return new graphql.GraphQLScalarType({
    ...config,
    description: `A language: ${LOCALES.join(' (Georgian, the default) or ')} (English).`,
    parseValue: (value) => check(value),
    parseLiteral: (ast) => check(ast.kind === 'StringValue' ? ast.value : (ast as { value?: unknown }).value),
  });
}

/** In register: the plugin builds the schema in its bootstrap and serves what buildSchema returns. */
export function registerPublicGraphqlSchema(strapi: Core.Strapi) {
  const service = strapi.plugin('graphql').service('content-api') as ContentApiService;
  const build = service.buildSchema;
  service.buildSchema = () => {
    const full = build();
    const pub = publicSchema(strapi, full);
    schemas.set(strapi, { full, public: pub });
    return pub;
  };
}

export function graphqlSchemas(strapi: Core.Strapi) {
  return schemas.get(strapi) ?? {};
}

type Context = Parameters<Core.MiddlewareHandler>[0];
type Handler = (ctx: Context, next: () => Promise<unknown>) => Promise<unknown>;
const previewHandlers = new WeakMap<Core.Strapi, { handle: Handler; stop(): Promise<void> }>();

/**
 * In bootstrap, after the plugin's: an Apollo server for Strapi's whole schema, with the options the
 * plugin gives its own (depth limit, the app's validation rules such as the cost limit, Strapi's
 * error format, root arguments kept for nested relations so a draft's relations are drafts too).
 */
export async function startPreviewGraphql(strapi: Core.Strapi) {
  const { full } = graphqlSchemas(strapi);
  if (!full) return;
  const { ApolloServer } = pluginRequire('@apollo/server');
  const { ApolloServerPluginLandingPageDisabled } = pluginRequire('@apollo/server/plugin/disabled');
  const { koaMiddleware } = pluginRequire('@as-integrations/koa');
  const depthLimit = pluginRequire('graphql-depth-limit');
  const bodyParser = pluginRequire('koa-bodyparser');
  const config = strapi.plugin('graphql').config as (key: string) => any;
  const apollo = config('apolloServer') ?? {};
  // The plugin's pluginAddRootQueryArgs: association resolvers read the root query's `status` from here.
  const rootQueryArgs = {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ source, args, contextValue, info }: any) {
              if (!source && info.operation.operation === 'query') {
                contextValue.rootQueryArgsByPath ??= new Map();
                contextValue.rootQueryArgsByPath.set(info.path.key, { ...args, _originField: info.fieldName });
              }
            },
          };
        },
      };
    },
  };
  const server = new ApolloServer({
    schema: full,
    validationRules: [(depthLimit.default ?? depthLimit)(config('depthLimit')), ...(apollo.validationRules ?? [])],
    // The public server's error formatting and shape checks (config/plugins.ts): the preview's
    // tokens read drafts, but their errors reveal no more and their queries are bounded the same way.
    formatError: apollo.formatError,
    includeStacktraceInErrorResponses: false,
    introspection: apollo.introspection ?? true,
    status400ForVariableCoercionErrors: true,
    plugins: [ApolloServerPluginLandingPageDisabled(), rootQueryArgs, ...(apollo.plugins ?? [])],
    cache: 'bounded',
  });
  await server.start();
  const parse = (bodyParser.default ?? bodyParser)();
  const serve = koaMiddleware(server, { context: async ({ ctx }: any) => ({ state: ctx.state, koaContext: ctx }) });
  previewHandlers.set(strapi, {
    handle: (ctx, next) => parse(ctx, () => serve(ctx, next)),
    stop: () => server.stop(),
  });
}

export async function stopPreviewGraphql(strapi: Core.Strapi) {
  await previewHandlers.get(strapi)?.stop();
  previewHandlers.delete(strapi);
}

/** GraphQL's error code for an HTTP refusal. */
const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

/**
 * The /graphql audience middleware (config/middlewares.ts): sends draft-reading tokens to the
 * preview server, everyone else on to the plugin's route (the public schema), and answers HTTP
 * refusals there (a bad token: 401) in GraphQL's shape, `{ errors: [{ message, extensions: { code } }] }`,
 * not Strapi's REST one.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const paths = contentApiMatcher(strapi);
  return async (ctx: Context, next) => {
    if (!paths.isGraphql(ctx.path)) return next();
    try {
      const identity = await identify(strapi, ctx);
      const preview = previewHandlers.get(strapi);
      let handled = false;
      // Read-only tokens and the public never read drafts: no second authentication for them.
      if (preview && identity.kind === 'token' && identity.type !== 'read-only') {
        ctx.state.route = { info: { type: 'content-api' } };
        await strapi.auth.authenticate(ctx, async () => {
          if (!mayReadDrafts(ctx.state.auth)) return;
          handled = true;
          await preview.handle(ctx, next);
        });
      }
      if (!handled && ctx.status !== 401) await next();
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (!status || status < 400 || status >= 500) throw error;
      ctx.status = status;
      ctx.body = { data: null, error: { status, message: (error as Error).message } };
    }
    const body = ctx.body as { data?: unknown; error?: { message?: string } } | undefined;
    if (ctx.status >= 400 && body && typeof body === 'object' && 'error' in body && body.data === null) {
      const message = body.error?.message || 'Request refused';
      ctx.body = { errors: [{ message, extensions: { code: CODES[ctx.status] ?? `HTTP_${ctx.status}` } }] };
      if (ctx.status === 401) ctx.set('WWW-Authenticate', 'Bearer');
      ctx.set('Cache-Control', 'no-store');
    }
  };
};
