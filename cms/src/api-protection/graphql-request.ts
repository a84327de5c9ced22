import type { IncomingMessage } from 'node:http';
import type { Core } from '@strapi/strapi';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { contentApiMatcher } from './content-api-paths';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** What koa-bodyparser, which parses GraphQL bodies otherwise, accepts. */
export const GRAPHQL_BODY_LIMIT = 1024 * 1024;

export interface GraphqlRequestSettings {
  /** Fields a query may have once every fragment spread is replaced by the fragment. */
  maxExpandedFields: number;
}

export interface GraphqlBody {
  /** The body as sent: part of the response cache's key. */
  raw: string;
  json: { query?: unknown; operationName?: unknown; variables?: unknown };
}

const BODY = Symbol('asb.api-protection.graphql-body');

/** The parsed body of a GraphQL POST, once this middleware has read it. */
export function graphqlBody(ctx: Context): GraphqlBody | undefined {
  return ctx.state[BODY as unknown as string] as GraphqlBody | undefined;
}

/**
 * Reads GraphQL request bodies and refuses queries whose fragments expand to a huge document
 * before Apollo sees them.
 *
 * Strapi's depth limit (graphql-depth-limit) walks the query with every fragment spread expanded
 * and without memoising: seven fragments that each spread the next twenty times are a 1 KB
 * request that keeps the server busy for minutes. The expanded size is computed here once per
 * fragment, in time linear in the request, and a query over the limit gets a 400 that names it.
 */
export default (settings: GraphqlRequestSettings, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const paths = contentApiMatcher(strapi);
  const sizes = new Map<string, number>(); // query text -> expanded size: repeated queries are the common case

  return async (ctx: Context, next) => {
    if (!paths.isGraphql(ctx.path)) return next();
    let query: unknown;
    if (ctx.method === 'POST' && ctx.is('application/json') && !ctx.get('Content-Encoding')) {
      const raw = await readBody(ctx.req, GRAPHQL_BODY_LIMIT);
      if (raw === null) return refuse(ctx, 413, `The request body is larger than ${GRAPHQL_BODY_LIMIT} bytes.`);
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        return refuse(ctx, 400, `The request body is not valid JSON: ${(error as Error).message}`);
      }
      if (json === null || typeof json !== 'object') {
        return refuse(ctx, 400, 'The request body must be a JSON object with a "query".');
      }
      // koa-bodyparser (the GraphQL route's own parser) leaves a body that is already set alone.
      (ctx.request as { body?: unknown }).body = json;
      ctx.state[BODY as unknown as string] = { raw, json } satisfies GraphqlBody;
      query = (json as { query?: unknown }).query;
    } else if (ctx.method === 'GET') {
      query = (ctx.query as Record<string, unknown>).query;
    }
    if (typeof query !== 'string') return next();

    let size = sizes.get(query);
    if (size === undefined) {
      let document: DocumentNode;
      try {
        document = parse(query);
      } catch {
        return next(); // Apollo answers syntax errors itself
      }
      size = expandedFields(document, settings.maxExpandedFields);
      // Remembered for ordinary queries only, so the memo stays small whatever clients send.
      if (query.length <= 16_384) {
        if (sizes.size >= 1000) sizes.delete(sizes.keys().next().value!);
        sizes.set(query, size);
      }
    }
    if (size > settings.maxExpandedFields) {
      return refuse(
        ctx,
        400,
        `The query has more than ${settings.maxExpandedFields} fields once its fragments are expanded ` +
          '(GraphQL query size limit), or fragments that spread each other in a cycle. Use fewer fragment spreads.',
      );
    }
    return next();
  };
};

/** Fields of the largest operation with fragments expanded, counting stops a little past `limit`. */
export function expandedFields(document: DocumentNode, limit: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const known = new Map<string, number>();
  const visiting = new Set<string>();
  const cap = (n: number) => Math.min(n, limit + 1);

  const setSize = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += 1 + (selection.selectionSet ? setSize(selection.selectionSet) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += setSize(selection.selectionSet);
      else total += fragmentSize(selection.name.value);
      if (total > limit) return cap(total);
    }
    return total;
  };
  const fragmentSize = (name: string): number => {
    const size = known.get(name);
    if (size !== undefined) return size;
    const fragment = fragments.get(name);
    if (!fragment) return 0; // an unknown fragment is Apollo's error to report
    if (visiting.has(name)) return limit + 1; // a cycle never ends when expanded
    visiting.add(name);
    const result = setSize(fragment.selectionSet);
    visiting.delete(name);
    known.set(name, result);
    return result;
  };

  let largest = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) largest = Math.max(largest, setSize(definition.selectionSet));
    // Unused fragments are validated (and walked) too.
    if (definition.kind === Kind.FRAGMENT_DEFINITION) largest = Math.max(largest, fragmentSize(definition.name.value));
  }
  return largest;
}

function refuse(ctx: Context, status: number, message: string) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] };
}

async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  if (Number(request.headers['content-length']) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
