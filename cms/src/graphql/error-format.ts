import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { errors } from '@strapi/utils';

/**
 * GraphQL errors tell a client what was wrong with its request, never how the CMS is built.
 *
 * Stock Strapi (plugin-graphql `formatGraphqlError`) answers an unexpected error with "Internal
 * Server Error" but copies the original error's name and message into `extensions.error`: a failed
 * database query sends its SQL, table names and driver message to the client. And Apollo adds
 * `extensions.stacktrace` (file paths of node_modules) to every error outside production. This is
 * Strapi's formatter with those two holes closed: Strapi's own errors (validation, forbidden, not
 * found...) keep their message, name and details, which are written for clients; anything else is
 * logged on the server and answered with a fixed text. Set as `apolloServer.formatError` with
 * `includeStacktraceInErrorResponses: false` (config/plugins.ts).
 */
const { HttpError, ForbiddenError, UnauthorizedError, ApplicationError, ValidationError } = errors;

const strapiCode = (name: string) =>
  `STRAPI_${name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z\d]+/g, '_')
    .toUpperCase()}`;

/** What Apollo's unwrapResolverError does: a resolver's error arrives wrapped in a GraphQLError. */
function unwrap(error: unknown): unknown {
  if (error instanceof GraphQLError && error.path && error.originalError) return error.originalError;
  return error;
}

function withStrapiError(
  formatted: GraphQLFormattedError,
  code: string,
  original: { name?: string; message?: string; details?: unknown },
): GraphQLFormattedError {
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return {
    ...formatted,
    message: original.message ?? formatted.message,
    extensions: {
      ...extensions,
      error: { name: original.name, message: original.message, details: original.details },
      code,
    },
  };
}

export const INTERNAL_ERROR_MESSAGE = 'Internal Server Error';

export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrap(error);
  // No original error: Apollo's own (syntax, validation, bad request), already written for clients.
  if (original === null || original === undefined || original === error) return naming(withoutStacktrace(formatted));
  if (original instanceof ForbiddenError || original instanceof UnauthorizedError)
    return withStrapiError(formatted, 'FORBIDDEN', original);
  if (original instanceof ValidationError) return withStrapiError(formatted, 'BAD_USER_INPUT', original);
  if (original instanceof ApplicationError || original instanceof HttpError)
    return withStrapiError(formatted, strapiCode(original.name), original);
  if (original instanceof GraphQLError) return naming(withoutStacktrace(formatted));
  // Anything else is the server's problem: the operator reads it in the log, the client gets no detail.
  strapi.log.error(original instanceof Error ? original : String(original));
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      error: { name: 'InternalServerError', message: INTERNAL_ERROR_MESSAGE },
      code: 'INTERNAL_SERVER_ERROR',
    },
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/**
 * A refusal names the part of the request it is about (docs/partner-api.md, "Errors"): the shape
 * checks set `extensions.argument` themselves (`projects.filters.title.between`); GraphQL's own
 * refusals of the document or its variables get it here: `variables.<name>` when a variable's
 * value is wrong, `query` for a document that does not parse or validate (its `locations` say
 * where).
 */
function naming(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  if (typeof extensions.argument === 'string') return formatted;
  const code = extensions.code;
  if (code !== 'GRAPHQL_PARSE_FAILED' && code !== 'GRAPHQL_VALIDATION_FAILED' && code !== 'BAD_USER_INPUT')
    return formatted;
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(formatted.message)?.[1];
  return { ...formatted, extensions: { ...extensions, argument: variable ? `variables.${variable}` : 'query' } };
}
