import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Core } from '@strapi/strapi';
import { Kind, parse, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { contentApiMatcher } from './content-api-paths';
import { graphqlBody, type GraphqlBody } from './graphql-request';
import { cacheIdentity, identify, isCacheable, type Identity } from './identity';
import { redisClient, warnOnce } from './redis';
import { MemoryResponseStore, RedisResponseStore, type CachedResponse, type ResponseStore } from './response-store';
import type { ResponseCacheSettings } from './settings';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** Below this, gzip saves too little to be worth a second copy. */
const GZIP_FROM_BYTES = 1024;
/** Arguments that ask for something other than published content (the draft guard refuses them anyway). */
const DRAFT_ARGUMENTS = new Set(['publicationFilter', 'hasPublishedVersion']);

const stores = new WeakMap<Core.Strapi, Set<ResponseStore>>();

/** Clears every response cache of this Strapi (every instance's, with Redis). */
export async function invalidateResponseCaches(strapi: Core.Strapi) {
  await Promise.all([...(stores.get(strapi) ?? [])].map((store) => store.invalidate()));
}

/**
 * Server-side cache and HTTP validators for content-API reads: REST GET `/api/*` and GraphQL
 * POST queries (not mutations).
 *
 * Only responses that are the same for everyone with the same identity are cached: anonymous
 * requests and read-only tokens, published content only. The key holds the method, URL, body,
 * locale, the response-format headers and the identity (anonymous, or the token's id); a
 * full-access token's responses (which may hold drafts) are never cached and are marked
 * `no-store`. Every cached response carries an ETag; a matching `If-None-Match` gets a 304.
 * Any content write clears the cache (see invalidation.ts), so no response outlives the publish
 * that changed it.
 */
export default (settings: ResponseCacheSettings, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  if (!settings.enabled) return async (_ctx, next) => next();
  const paths = contentApiMatcher(strapi);
  const ttlMs = settings.ttlSeconds * 1000;
  const store: ResponseStore = settings.redis.url
    ? new RedisResponseStore(strapi, redisClient(strapi, settings.redis.url), settings.redis.prefix, ttlMs)
    : new MemoryResponseStore(ttlMs, settings.maxMemoryBytes);
  if (!stores.has(strapi)) stores.set(strapi, new Set());
  stores.get(strapi)!.add(store);

  return async (ctx: Context, next) => {
    const rest = ctx.method === 'GET' && paths.isRest(ctx.path);
    const graphql = ctx.method === 'POST' && paths.isGraphql(ctx.path);
    if (!rest && !graphql) return next();
    ctx.vary('Authorization');

    const identity = await identify(strapi, ctx);
    const status = (ctx.query as Record<string, unknown>).status;
    if (!isCacheable(identity) || (rest && status !== undefined && status !== 'published')) {
      await next();
      return noStore(ctx);
    }

    let body = '';
    let graphqlRequest: GraphqlBody['json'] | null = null;
    if (graphql) {
      // Read by graphql-request.ts; a body it did not read (not JSON) is not cached.
      const read = graphqlBody(ctx);
      if (!read || Array.isArray(read.json)) {
        await next();
        return noStore(ctx);
      }
      graphqlRequest = read.json;
      body = read.raw;
    }

    const key = cacheKey([
      ctx.method,
      ctx.url,
      body,
      String((ctx.query as Record<string, unknown>).locale ?? ''),
      cacheIdentity(identity),
      // Apollo answers application/json unless the client prefers graphql-response+json; other Accept values are all alike.
      graphql && ctx.get('Accept').includes('graphql-response') ? ctx.get('Accept') : '',
      ctx.get('strapi-response-format'),
      ctx.get('strapi-encode-source-maps'),
    ]);
    const lookup = await store.lookup(key);
    if (lookup?.hit) return respond(ctx, lookup.hit, identity, 'HIT');

    const storable = graphqlRequest ? isPublishedQuery(graphqlRequest) : true;
    await next();
    if (!storable || ctx.status !== 200) return noStore(ctx);
    const text = bodyText(ctx.body);
    if (text === null || (graphql && hasGraphqlErrors(text))) return noStore(ctx);
    const bytes = Buffer.from(text);
    if (bytes.length > settings.maxEntryBytes) return noStore(ctx);
    const response: CachedResponse = {
      etag: `"${createHash('sha1').update(bytes).digest('base64url')}"`,
      contentType: ctx.response.get('Content-Type') || 'application/json; charset=utf-8',
      body: bytes,
      // Compressed once here, then sent as it is to every client that accepts gzip (fetch, curl --compressed, browsers).
      gzip: bytes.length >= GZIP_FROM_BYTES ? gzipSync(bytes, { level: 6 }) : null,
    };
    if (lookup) {
      await store.save(lookup.generation, key, response).catch((error: Error) => {
        warnOnce(strapi, 'response-cache-save', `could not cache a response: ${error.message}`);
      });
    }
    respond(ctx, response, identity, lookup ? 'MISS' : 'BYPASS');
  };
};

function respond(ctx: Context, response: CachedResponse, identity: Identity, state: string) {
  const gzip = response.gzip !== null && acceptsGzip(ctx.get('Accept-Encoding'));
  // Each representation has its own strong ETag.
  const etag = gzip ? `${response.etag.slice(0, -1)}-gzip"` : response.etag;
  // Revalidate every time: a publish must show at once, and the ETag makes revalidation cheap.
  ctx.set('Cache-Control', `${identity.kind === 'anonymous' ? 'public' : 'private'}, max-age=0, must-revalidate`);
  ctx.set('ETag', etag);
  ctx.set('X-Cache', state);
  if (response.gzip !== null) ctx.vary('Accept-Encoding');
  if (matches(ctx.get('If-None-Match'), etag)) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.set('Content-Type', response.contentType);
  if (gzip) ctx.set('Content-Encoding', 'gzip');
  ctx.body = gzip ? response.gzip : response.body;
}

function acceptsGzip(header: string): boolean {
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

function noStore(ctx: Context) {
  if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', 'no-store');
}

function matches(header: string, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function cacheKey(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

function bodyText(body: unknown): string | null {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  if (body === null || body === undefined || typeof (body as { pipe?: unknown }).pipe === 'function') return null;
  return JSON.stringify(body);
}

function hasGraphqlErrors(text: string): boolean {
  if (!text.includes('"errors"')) return false;
  try {
    return Array.isArray((JSON.parse(text) as { errors?: unknown }).errors);
  } catch {
    return true;
  }
}

/** A query (not a mutation) that asks for published content only. Anything unclear is not cached. */
export function isPublishedQuery(request: GraphqlBody['json']): boolean {
  if (typeof request.query !== 'string') return false;
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch {
    return false;
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    typeof request.operationName === 'string'
      ? operations.find((o) => o.name?.value === request.operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (operation?.operation !== 'query') return false;

  const variables = (request.variables && typeof request.variables === 'object' ? request.variables : {}) as Record<
    string,
    unknown
  >;
  const defaults = new Map((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue]));
  let published = true;
  visit(document, {
    Argument(node) {
      if (DRAFT_ARGUMENTS.has(node.name.value)) published = false;
      if (node.name.value !== 'status') return;
      const value = node.value;
      if (value.kind === Kind.ENUM && value.value === 'PUBLISHED') return;
      if (value.kind === Kind.VARIABLE) {
        const given = variables[value.name.value];
        const fallback = defaults.get(value.name.value);
        if (given === 'PUBLISHED') return;
        if (
          (given === undefined || given === null) &&
          (!fallback || (fallback.kind === Kind.ENUM && fallback.value === 'PUBLISHED'))
        )
          return;
      }
      published = false;
    },
  });
  return published;
}
