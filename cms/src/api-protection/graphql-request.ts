import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import type { Core } from '@strapi/strapi';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { contentApiMatcher } from './content-api-paths';
import { LIMITS, limitMessage } from './limits';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** What koa-bodyparser, which parses GraphQL bodies otherwise, accepts; after decompression. */
export const GRAPHQL_BODY_LIMIT = LIMITS.graphqlBody.value;

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
    let variables: unknown;
    if (ctx.method === 'POST') {
      // Apollo reads JSON only (uploads are off); anything else used to reach it and come back as a
      // CSRF warning, or, with a Content-Encoding it could not decode, as a 500.
      if (!ctx.is('application/json'))
        return refuse(ctx, 415, 'The request body must be JSON, sent with Content-Type: application/json.', 'body');
      const encoding = String(ctx.get('Content-Encoding') || 'identity')
        .trim()
        .toLowerCase();
      if (!Object.hasOwn(DECODERS, encoding))
        return refuse(
          ctx,
          415,
          `Content-Encoding "${encoding}" is not supported; send gzip, deflate, br or none.`,
          'body',
        );
      const body = await readBody(ctx.req, GRAPHQL_BODY_LIMIT, encoding);
      if (body === TOO_LARGE)
        return refuse(
          ctx,
          413,
          limitMessage('graphqlBody', 'body', `more than ${GRAPHQL_BODY_LIMIT} bytes`),
          'body',
          LIMITS.graphqlBody.name,
        );
      if (body === UNDECODABLE)
        return refuse(
          ctx,
          400,
          `body: the request body is not valid ${encoding} (Content-Encoding: ${encoding}).`,
          'body',
        );
      const raw = body;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        return refuse(ctx, 400, `The request body is not valid JSON: ${(error as Error).message}`, 'body');
      }
      if (json === null || typeof json !== 'object' || Array.isArray(json)) {
        return refuse(ctx, 400, 'The request body must be a JSON object with a "query".', 'body');
      }
      // koa-bodyparser (the GraphQL route's own parser) leaves a body that is already set alone.
      (ctx.request as { body?: unknown }).body = json;
      ctx.state[BODY as unknown as string] = { raw, json } satisfies GraphqlBody;
      query = (json as { query?: unknown }).query;
      variables = (json as { variables?: unknown }).variables;
    } else if (ctx.method === 'GET') {
      query = (ctx.query as Record<string, unknown>).query;
      const text = (ctx.query as Record<string, unknown>).variables;
      if (typeof text === 'string') {
        try {
          variables = JSON.parse(text);
        } catch {
          variables = undefined; // Apollo answers that itself
        }
      }
    }
    if (typeof query !== 'string') return next();

    // Before anything walks them recursively (the parser, Apollo's validation, Strapi's filter
    // conversion): a filter nested a thousand levels deep in 18 KB held the CMS for seconds.
    const textDepth = bracketDepth(query, LIMITS.graphqlNesting.value);
    if (textDepth > LIMITS.graphqlNesting.value)
      return refuse(
        ctx,
        400,
        limitMessage('graphqlNesting', 'query', `brackets nested more than ${LIMITS.graphqlNesting.value} deep`),
        'query',
        LIMITS.graphqlNesting.name,
      );
    if (jsonDepth(variables, LIMITS.graphqlNesting.value) > LIMITS.graphqlNesting.value)
      return refuse(
        ctx,
        400,
        limitMessage('graphqlNesting', 'variables', `nested more than ${LIMITS.graphqlNesting.value} levels deep`),
        'variables',
        LIMITS.graphqlNesting.name,
      );

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
        'query',
        LIMITS.graphqlExpandedFields.name,
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

function refuse(ctx: Context, status: number, message: string, argument: string, rule?: string) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
  ctx.body = { errors: [{ message, extensions: { code, argument, ...(rule ? { rule } : {}) } }] };
}

/** Deepest nesting of `{`, `[` and `(` in a GraphQL text, outside strings and comments; stops counting past `limit`. */
export function bracketDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        const end = text.indexOf('"""', i + 3);
        i = end === -1 ? text.length : end + 2;
      } else {
        for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return deepest;
}

/** Deepest nesting of objects and lists in a JSON value, without recursion; stops past `limit`. */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const inner of Object.values(current))
      if (inner !== null && typeof inner === 'object') stack.push([inner, depth + 1]);
  }
  return deepest;
}

const TOO_LARGE = Symbol('too large');
const UNDECODABLE = Symbol('undecodable');

const DECODERS: Record<string, (() => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress) | null> = {
  identity: null,
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/** The body as text, decoded; at most `limit` bytes after decoding, so a small zip bomb is refused too. */
async function readBody(
  request: IncomingMessage,
  limit: number,
  encoding: string,
): Promise<string | typeof TOO_LARGE | typeof UNDECODABLE> {
  if (encoding === 'identity' && Number(request.headers['content-length']) > limit) return TOO_LARGE;
  const decoder = DECODERS[encoding]?.();
  const source = decoder ? request.pipe(decoder) : request;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        request.unpipe();
        request.resume(); // drain the rest, so the 413 reaches the client
        return TOO_LARGE;
      }
      chunks.push(chunk as Buffer);
    }
  } catch {
    request.resume();
    return UNDECODABLE;
  }
  return Buffer.concat(chunks).toString('utf8');
}
