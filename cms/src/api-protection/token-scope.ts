import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

interface AuthState {
  strategy?: { name?: string };
  credentials?: { type?: string; expiresAt?: string | null } | null;
}
type Verify = (auth: AuthState | undefined, config?: { scope?: string | string[] } | false) => Promise<void> | void;

/**
 * Stock Strapi lets a read-only API token call every `find`/`findOne` action of the content API,
 * which includes `/api/users`, `/api/users-permissions/roles` and `/api/upload/files` (and their
 * GraphQL queries), but not the locale list the public may read. A partner's read-only token
 * reaches exactly what the public reaches (`allowedScopes`, the Public role's actions, all of
 * them reads), with a higher rate limit; anything else is 403.
 *
 * Every authorisation check of the content API, REST routes and GraphQL resolvers alike, goes
 * through `strapi.get('auth').verify`, so the rule sits there and decides for read-only tokens.
 */
export function restrictReadOnlyTokens(strapi: Core.Strapi, allowedScopes: readonly string[]) {
  const allowed = new Set(allowedScopes);
  const auth = strapi.get('auth') as { verify: Verify };
  const verify = auth.verify.bind(auth);
  auth.verify = async (state, config = {}) => {
    if (config === false || !isReadOnlyToken(state)) return verify(state, config);
    const expiresAt = state?.credentials?.expiresAt;
    if (expiresAt && new Date(expiresAt) < new Date()) throw new errors.UnauthorizedError('Token expired');
    const scopes = config.scope === undefined ? [] : Array.isArray(config.scope) ? config.scope : [config.scope];
    if (scopes.length === 0 || !scopes.every((scope) => allowed.has(scope))) throw new errors.ForbiddenError();
  };
}

function isReadOnlyToken(state: AuthState | undefined): boolean {
  // The strategy is named "api-token" in older Strapi 5 releases and "content-api-token" since.
  const name = state?.strategy?.name;
  return (name === 'api-token' || name === 'content-api-token') && state?.credentials?.type === 'read-only';
}
