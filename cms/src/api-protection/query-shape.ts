import type { Core } from '@strapi/strapi';
import { contentApiMatcher } from './content-api-paths';
import { LIMITS, limitMessage, SHAPE_RULES } from './limits';
import { buildShapeModel, type ModelShape, type ShapeModel } from './shape-model';
import {
  asList,
  checkFields,
  checkFilters,
  checkPagination,
  checkPopulate,
  checkSort,
  ruleError,
  ShapeError,
  type CheckState,
} from './shape-rules';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** The REST query parameters Strapi reads (ALLOWED_QUERY_PARAM_KEYS of @strapi/utils). */
const PARAMETERS = new Set([
  'filters',
  'sort',
  'fields',
  'populate',
  'status',
  'locale',
  'pagination',
  'page',
  'pageSize',
  'start',
  'limit',
  '_q',
  'count',
  'ordering',
  // Refused with their own reason by src/documents/draft-guard.ts.
  'publicationFilter',
  'hasPublishedVersion',
]);

/**
 * Checks every REST query parameter against the content model before any query runs, and answers
 * a parameter of the wrong shape with a 400 that names it (`filters[title][$foo]`) and the rule it
 * broke, in Strapi's error format. Stock Strapi checks field names, but not operators' values: a
 * `$between` without two values, `$and` given a single value or an operator given an operator
 * reached the database and came back as a 500.
 *
 * Paths under the REST prefix that serve no content type (`/api/i18n/locales`, the users and
 * upload plugins' routes) only get the query string length limit: their parameters are their own.
 */
export function checkRestQuery(query: Record<string, unknown>, model: ModelShape, models: ShapeModel): void {
  const state: CheckState = { conditions: 0 };
  for (const [key, value] of Object.entries(query)) {
    if (!PARAMETERS.has(key))
      throw ruleError(
        key,
        'unknownParameter',
        `"${key}" is not a parameter of this API; use ${[...PARAMETERS].slice(0, 12).join(', ')}`,
      );
    if (value === null || value === undefined) continue; // `?locale` without a value: Strapi ignores it
    switch (key) {
      case 'filters':
        checkFilters(value, model, models, 'filters', state);
        break;
      case 'sort':
        checkSort(value, model, models, 'sort');
        break;
      case 'fields':
        checkFields(value, model, 'fields');
        break;
      case 'populate':
        checkPopulate(value, model, models, 'populate', state);
        break;
      case 'pagination':
        if (typeof value !== 'object' || asList(value))
          throw ruleError(
            'pagination',
            'expectedObject',
            'use pagination[page] and pagination[pageSize], or pagination[start] and pagination[limit]',
          );
        checkPagination(value as Record<string, unknown>, (name) => `pagination[${name}]`);
        break;
      case 'page':
      case 'pageSize':
      case 'start':
      case 'limit':
        checkPagination({ [key]: value }, (name) => name);
        break;
      case '_q':
        if (typeof value !== 'string') throw ruleError(key, 'expectedScalar', 'expected the text to search for');
        if (value.length > LIMITS.searchLength.value)
          throw new ShapeError(
            key,
            'searchLength',
            limitMessage('searchLength', key, `${value.length} characters`),
            400,
            LIMITS.searchLength.value,
          );
        break;
      default:
        if (typeof value === 'object')
          throw ruleError(key, 'expectedScalar', 'expected a single value, not a list or an object');
    }
  }
}

/** REST errors have Strapi's shape: `{ data: null, error: { status, name, message, details } }`. */
export function refuseRest(ctx: Context, error: ShapeError) {
  ctx.status = error.status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    data: null,
    error: {
      status: error.status,
      name:
        error.status === 400 ? 'ValidationError' : error.status === 414 ? 'URITooLongError' : 'PayloadTooLargeError',
      message: error.message,
      details: {
        source: 'query',
        param: error.parameter,
        rule:
          error.rule in SHAPE_RULES
            ? SHAPE_RULES[error.rule as keyof typeof SHAPE_RULES]
            : LIMITS[error.rule as keyof typeof LIMITS].name,
        ...(error.limit !== undefined ? { limit: error.limit } : {}),
      },
    },
  };
}

export default (_settings: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const paths = contentApiMatcher(strapi);
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  let models: ShapeModel | undefined; // built on the first request: every content type is registered by then
  return async (ctx: Context, next) => {
    if (!paths.isRest(ctx.path)) return next();
    if (ctx.querystring.length > LIMITS.queryString.value) {
      return refuseRest(
        ctx,
        new ShapeError(
          'query string',
          'queryString',
          limitMessage('queryString', 'query string', `${ctx.querystring.length} characters`),
          414,
          LIMITS.queryString.value,
        ),
      );
    }
    models ??= buildShapeModel(strapi);
    const segment = ctx.path.slice(prefix.length + 1).split('/')[0] ?? '';
    const model = models.forRestSegment(segment);
    if (!model || !ctx.querystring) return next();
    try {
      checkRestQuery(ctx.query as Record<string, unknown>, model, models);
    } catch (error) {
      if (error instanceof ShapeError) return refuseRest(ctx, error);
      // A fault in the checks must not turn a request into a 500: Strapi's own validation still runs.
      strapi.log.warn(`[asb] REST query shape check failed on ${ctx.path}: ${(error as Error).message}`);
    }
    try {
      return await next();
    } catch (error) {
      nameStrapiParameter(error, ctx.query as Record<string, unknown>);
      throw error;
    }
  };
};

/** The parameters Strapi's own query validation walks, in the order it walks them. */
const TRAVERSED = ['filters', 'sort', 'fields', 'populate'] as const;

/** Whether `value` (a parsed query parameter) holds the key `segment` at any depth. */
function holdsKey(value: unknown, segment: string): boolean {
  if (Array.isArray(value)) return value.some((item) => holdsKey(item, segment));
  if (typeof value === 'string') return value.split(/[,.:]/).includes(segment);
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) => key === segment || holdsKey(inner, segment));
}

/**
 * Strapi's own query validation (after these checks, in the controller) refuses what they let
 * through with `Invalid key logo at localizations.logo` and `details: { key, path }`, which does not
 * say which parameter: a client cannot tell `populate` from `filters`. The refusal gets the
 * parameter in the documented place, `details.param` (`populate[localizations][logo]`).
 */
function nameStrapiParameter(error: unknown, query: Record<string, unknown>) {
  const details = (error as { name?: string; details?: Record<string, unknown> })?.details;
  if ((error as { name?: string })?.name !== 'ValidationError' || !details || details.param) return;
  const path = typeof details.path === 'string' ? details.path : typeof details.key === 'string' ? details.key : '';
  const [first] = path.split('.');
  if (!first) return;
  const parameter = TRAVERSED.find((name) => holdsKey(query[name], first));
  if (!parameter) return;
  details.param = `${parameter}${path
    .split('.')
    .map((segment) => `[${segment}]`)
    .join('')}`;
  details.source ??= 'query';
}
