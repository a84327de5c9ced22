import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isPreviewToken } from '../editorial/preview-token';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);
/** Parameters that select or reveal drafts. `status` is allowed only with the value "published". */
const DRAFT_PARAMS = ['publicationFilter', 'hasPublishedVersion'] as const;

interface AuthState {
  strategy?: { name?: string };
  credentials?: { type?: string; name?: string } | null;
}

/**
 * Drafts are for editors and for the site's preview, never for the public API.
 *
 * Stock Strapi 5 returns drafts to any role that may `find` when the request asks for them
 * (REST `status=draft`, GraphQL `status: DRAFT`, `publicationFilter`, `hasPublishedVersion`).
 * Every content read of a content-API request passes through here, REST and GraphQL alike,
 * including the nested reads GraphQL makes for relations. Only full-access API tokens and the
 * site's preview token (src/editorial/preview-token.ts, which can only read) may ask for drafts; everyone else gets a 400 that says why. (Not a 403:
 * Strapi's route authorisation catches ForbiddenError and answers a bare "Forbidden".)
 */
export function draftGuard(strapi: Core.Strapi) {
  return async (context: { action: string; params?: Record<string, unknown> }, next: () => Promise<unknown>) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    if (!isPublishedOnlyRequest(strapi)) return next();

    const params = context.params ?? {};
    const status = params.status;
    if (status !== undefined && status !== null && status !== 'published') {
      throw new errors.ValidationError(
        `Drafts are not available through the public API (status "${String(status)}" requested); ask for published content.`,
      );
    }
    for (const name of DRAFT_PARAMS) {
      if (params[name] !== undefined && params[name] !== null) {
        throw new errors.ValidationError(`"${name}" selects drafts and is not available through the public API.`);
      }
    }
    context.params = { ...params, status: 'published' };
    return next();
  };
}

/**
 * Whether the request being handled is a content-API request by a client that may read published
 * content only (anonymous, read-only token, users-permissions user). The draft guard refuses draft
 * parameters for these, and src/documents/published-only-queries.ts keeps draft rows out of every
 * SQL statement they cause.
 */
export function isPublishedOnlyRequest(strapi: Core.Strapi): boolean {
  const request = strapi.requestContext.get();
  if (request?.state?.route?.info?.type !== 'content-api') return false;
  return !mayReadDrafts(request.state.auth as AuthState | undefined);
}

/** Whether these credentials may ask for drafts (also: which GraphQL schema they see, src/api-contract/public-schema.ts). */
export function mayReadDrafts(auth: AuthState | undefined): boolean {
  // The strategy is named "api-token" in older Strapi 5 releases and "content-api-token" since.
  const isApiToken = auth?.strategy?.name === 'api-token' || auth?.strategy?.name === 'content-api-token';
  return isApiToken && (auth?.credentials?.type === 'full-access' || isPreviewToken(auth?.credentials));
}
